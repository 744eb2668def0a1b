"""The conventions of spec/README.md that the client and its generator rely on.

Each test runs once per operation or component and lists every problem it finds, so a failure names the operation or
schema and says everything that is wrong with it.
"""

from __future__ import annotations

import keyword
import re
from typing import Any

import pytest

from tests.spec.spec_doc import Operation, api_operations, deref, document, lookup, operations, pointer, walk

DOC = document()
SCHEMAS: dict[str, Any] = DOC["components"]["schemas"]
OPS = operations()
API_OPS = api_operations()
TAGS = {t["name"] for t in DOC["tags"]}
SOURCE = re.compile(r"^(inferred|observed|https://docs\.topo\.io/\S*)$")  # observed: added by `make drift --patch`
SCOPE = re.compile(r"^[a-z_]+:(read|write)$")
RESPONSES = "#/components/responses/"
PAGING = {"#/components/parameters/Page", "#/components/parameters/Size"}


def _ref(node: Any) -> str | None:
    return node.get("$ref") if isinstance(node, dict) else None


def _inline_problems(at: str, *, own_enum_allowed: bool = False, root: Any = None) -> list[str]:
    """Inferences without a reason and inline enums anywhere under `at` (or `root`); example payloads are skipped."""
    problems = []
    for ptr, node in walk(lookup(at) if root is None else root):
        if node.get("x-topo-source") in ("inferred", "observed") and not str(node.get("x-topo-reason") or "").strip():
            problems.append(f"{at}{ptr}: x-topo-source: {node['x-topo-source']} without an x-topo-reason")
        if len(node.get("enum", ())) > 1 and not (own_enum_allowed and ptr == ""):
            problems.append(f"{at}{ptr}: inline enum; give it a component schema (the client opens each one)")
    return problems


def _op_at(operation: Operation) -> str:
    return pointer(operation.section, operation.path, operation.method.lower())


# --- operations ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("operation", OPS, ids=lambda o: o.id)
def test_operation_metadata(operation: Operation) -> None:
    op, problems = operation.op, []
    oid = op.get("operationId")
    if not (isinstance(oid, str) and oid.isidentifier() and not keyword.iskeyword(oid) and oid == oid.lower()):
        problems.append(f"operationId {oid!r} is not a lower-case Python identifier")
    tags = op.get("tags")
    if not (isinstance(tags, list) and len(tags) == 1 and tags[0] in TAGS):
        problems.append(f"tags {tags!r}: need exactly one, declared in the top-level tags")
    scopes = op.get("x-topo-scopes")
    if not (isinstance(scopes, list) and all(isinstance(s, str) and SCOPE.match(s) for s in scopes)):
        problems.append(f"x-topo-scopes {scopes!r}: need a list of resource:action scopes ([] if none)")
    if not SOURCE.match(str(op.get("x-topo-source"))):
        problems.append(f"x-topo-source {op.get('x-topo-source')!r}: need a docs.topo.io URL, `inferred` or `observed`")
    if operation.section == "paths":
        resource, method = op.get("x-topo-resource"), op.get("x-topo-method")
        if not (isinstance(method, str) and method.isidentifier()):
            problems.append(f"x-topo-method {method!r}: need a Python method name")
        if not (resource == "" or (isinstance(resource, str) and all(p.isidentifier() for p in resource.split(".")))):
            problems.append(f"x-topo-resource {resource!r}: need a dotted attribute path ('' for the client itself)")
    else:  # a webhook delivery: Topo calls you, so there is no client method and no API key
        if oid != "receive_" + re.sub(r"[^a-z0-9]+", "_", operation.path):
            problems.append(f"webhook delivery {operation.path!r} must be named receive_<event type>")
        if "x-topo-resource" in op or "x-topo-method" in op or scopes != []:
            problems.append("webhook deliveries have no x-topo-resource/x-topo-method and x-topo-scopes: []")
    problems += _inline_problems(_op_at(operation))
    assert not problems, "\n".join(problems)


def test_operation_ids_are_unique() -> None:
    ids = [str(o.op.get("operationId")) for o in OPS]
    assert sorted({i for i in ids if ids.count(i) > 1}) == []


def test_client_methods_are_unique() -> None:
    pairs = [(o.op.get("x-topo-resource"), o.op.get("x-topo-method")) for o in API_OPS]
    assert sorted({p for p in pairs if pairs.count(p) > 1}) == []


@pytest.mark.parametrize("operation", OPS, ids=lambda o: o.id)
def test_operation_responses(operation: Operation) -> None:
    responses, problems = operation.op["responses"], []
    problems += [
        f"{code} must be $ref: {RESPONSES}*"
        for code, response in responses.items()
        if code[0] in "45" and not (_ref(response) or "").startswith(RESPONSES)
    ]
    # Webhook deliveries are answered by your server, not Topo's, so Topo's error responses do not apply to them.
    if operation.section == "paths":
        problems += [f"{code} is missing" for code in ("401", "429", "500") if code not in responses]
        if "{" in operation.path and _ref(responses.get("404")) != RESPONSES + "NotFound":
            problems.append("has a path id but no 404 NotFound")
        if operation.op.get("x-topo-scopes") and _ref(responses.get("403")) != RESPONSES + "Forbidden":
            problems.append("needs a scope but lists no 403 Forbidden")
    assert not problems, "\n".join(problems)


# --- lists and batches --------------------------------------------------------------------------------------------

LIST_OPS = [o for o in API_OPS if (o.success_schema_name() or "").endswith("Page")]
BATCH_OPS = [o for o in API_OPS if "x-topo-batch" in o.op]


def test_there_are_list_and_batch_operations() -> None:
    assert LIST_OPS and BATCH_OPS


@pytest.mark.parametrize("operation", LIST_OPS, ids=lambda o: o.id)
def test_list_operation_uses_the_shared_page_and_size(operation: Operation) -> None:
    assert {_ref(p) for p in operation.parameters} >= PAGING
    inline = [p for p in operation.parameters if deref(p).get("name") in ("page", "size") and _ref(p) not in PAGING]
    assert inline == []


def test_only_list_operations_page() -> None:
    paging = [
        o.id
        for o in API_OPS
        if {_ref(p) for p in o.parameters} & PAGING or {deref(p).get("name") for p in o.parameters} & {"page", "size"}
    ]
    assert sorted(paging) == sorted(o.id for o in LIST_OPS)


@pytest.mark.parametrize("operation", BATCH_OPS, ids=lambda o: o.id)
def test_batch_limit_matches_the_request_schema(operation: Operation) -> None:
    max_items = operation.op["x-topo-batch"].get("max_items")
    assert isinstance(max_items, int) and max_items > 0
    body = operation.op["requestBody"]["content"]["application/json"]["schema"]
    assert (_ref(body) or "").endswith("BatchCreate")
    items = deref(body)["properties"]["items"]
    assert (items.get("type"), items.get("minItems"), items.get("maxItems")) == ("array", 1, max_items)
    assert (operation.success_schema_name() or "").endswith("BatchResult")


def test_every_batch_body_is_declared_with_x_topo_batch() -> None:
    def body_ref(o: Operation) -> str:
        return _ref(o.op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")) or ""

    undeclared = [o.id for o in API_OPS if body_ref(o).endswith("BatchCreate") and o not in BATCH_OPS]
    assert undeclared == []


# --- components ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_component_schema(name: str) -> None:
    schema, problems = SCHEMAS[name], []
    if not SOURCE.match(str(schema.get("x-topo-source"))):
        problems.append(f"x-topo-source {schema.get('x-topo-source')!r}: need a docs.topo.io URL, `inferred` or `observed`")
    if name.endswith(("Page", "BatchResult")) and "Envelope" not in name:
        envelope = "PageEnvelope" if name.endswith("Page") else "BatchResultEnvelope"
        if _ref((schema.get("allOf") or [{}])[0]) != f"#/components/schemas/{envelope}":
            problems.append(f"must be allOf [$ref {envelope}, ...]")
    problems += _inline_problems(pointer("components", "schemas", name), own_enum_allowed=True)
    assert not problems, "\n".join(problems)


OTHER_COMPONENTS = [
    (kind, name)
    for kind in ("parameters", "headers", "responses", "requestBodies", "securitySchemes")
    for name in DOC["components"].get(kind, {})
]


@pytest.mark.parametrize(("kind", "name"), OTHER_COMPONENTS, ids=[f"{k}.{n}" for k, n in OTHER_COMPONENTS])
def test_other_component(kind: str, name: str) -> None:
    problems = _inline_problems(pointer("components", kind, name))
    assert not problems, "\n".join(problems)


def test_inline_checks_have_teeth() -> None:
    """The walker behind the checks above finds inferences without a reason and inline enums, but not in examples."""
    schema = {
        "type": "object",
        "properties": {
            "status": {"type": "string", "enum": ["A", "B"]},
            "guess": {"type": "string", "x-topo-source": "inferred"},
            "fine": {"type": "string", "x-topo-source": "inferred", "x-topo-reason": "why"},
            "one": {"type": "string", "enum": ["ONLY"]},
        },
        "examples": [{"status": "A", "x-topo-source": "inferred", "enum": [1, 2]}],
    }
    assert _inline_problems("/x", root=schema) == [
        "/x/properties/status: inline enum; give it a component schema (the client opens each one)",
        "/x/properties/guess: x-topo-source: inferred without an x-topo-reason",
    ]
    assert _inline_problems("/TaskType", root=SCHEMAS["TaskType"]) != []
    assert _inline_problems("/TaskType", root=SCHEMAS["TaskType"], own_enum_allowed=True) == []
