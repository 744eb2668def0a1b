"""The spec says what the docs say (issue #13): defaults as documented, open sets where the docs call them additive,
response schemas no stricter than the documented examples, camelCase keys described, and every inference marked.

Expectations are read from the fact sheets (`docs_sheets`), so each test states where in the docs its rule comes from.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from tests.spec import docs_sheets as docs
from tests.spec.spec_doc import Example, api_operations, deref, document, errors, examples, lookup, operations, pointer

docs.require()

DOC = document()
SCHEMAS: dict[str, Any] = DOC["components"]["schemas"]
SOURCE_URL = re.compile(r"^https://docs\.topo\.io/")
COMPOSED = "composed"


def _op(operation_id: str) -> Any:
    return next(o for o in operations() if o.id == operation_id)


def _param_schema(operation_id: str, name: str) -> tuple[str, dict[str, Any]]:
    """Pointer to and (resolved) schema of an operation's parameter."""
    o = _op(operation_id)
    for where, params in (("item", o.item.get("parameters", [])), ("op", o.op.get("parameters", []))):
        for i, raw in enumerate(params):
            if deref(raw).get("name") == name:
                if "$ref" in raw:
                    return raw["$ref"].removeprefix("#") + "/schema", deref(raw)["schema"]
                base = pointer(o.section, o.path) + ("" if where == "item" else pointer(o.method.lower()))
                return base + pointer("parameters", i, "schema"), raw["schema"]
    raise AssertionError(f"{operation_id} has no parameter {name}")


# --- 1. defaults the docs state -----------------------------------------------------------------------------------

PAGINATION_DEFAULT = docs.find("platform.md", r"^\| `sort_order` \| string \| `(\w+)` \|").group(1)
ACTIVITIES_DEFAULT = docs.find("activities.md", r"^\| `sort_order` \|.*REF \*\*`(\w+)`\*\*").group(1)
SORTED_OPS = [o.id for o in api_operations() if any(deref(p).get("name") == "sort_order" for p in o.parameters)]


def test_the_docs_state_sort_order_defaults() -> None:
    assert (PAGINATION_DEFAULT, ACTIVITIES_DEFAULT) == ("asc", "desc")
    assert len(SORTED_OPS) >= 5


@pytest.mark.parametrize("operation_id", SORTED_OPS)
def test_sort_order_has_the_documented_default(operation_id: str) -> None:
    _, schema = _param_schema(operation_id, "sort_order")
    expected = ACTIVITIES_DEFAULT if operation_id == "list_activities" else PAGINATION_DEFAULT
    assert schema.get("default") == expected


@pytest.mark.parametrize("name", ["page", "size"])
def test_paging_parameters_have_the_documented_default(name: str) -> None:
    documented = int(docs.find("platform.md", rf"^\| `{name}` \| integer \| `(\d+)` \|").group(1))
    assert lookup(f"/components/parameters/{name.title()}/schema").get("default") == documented


def test_sequence_templates_sort_by_has_the_narratives_default() -> None:
    documented = docs.find("sequences.md", r"^\| D7 \| List templates `sort_by` default \| \"Defaults to `(\w+)`\"").group(1)
    _, schema = _param_schema("list_sequence_templates", "sort_by")
    assert schema.get("default") == documented


def test_list_activities_accepts_the_narrative_spelling() -> None:
    """The activities page documents ASC/DESC and its own example sends sort_order=ASC."""
    sent = docs.find("seed-activities.txt", r'sort_order="(\w+)"').group(1)
    listed = docs.find("seed-activities.txt", r"^Sort direction\. (\w+) or (\w+)\.").groups()
    ptr, _ = _param_schema("list_activities", "sort_order")
    for value in {sent, *listed, PAGINATION_DEFAULT, ACTIVITIES_DEFAULT}:
        assert errors(value, ptr) == [], value
    assert errors("sideways", ptr) != []


# --- 2. response schemas no stricter than the documented examples ------------------------------------------------

# (sheet, section heading, index of the JSON block in it, operationId, status): the docs' response examples.
RESPONSE_EXAMPLES = [
    ("platform.md", "## 4. GET /v1/me", 0, "get_me", "200"),
    ("platform.md", "## 4. GET /v1/me", 1, "get_me", "200"),
    ("activities.md", "### 6.2 NARR", 0, "list_activities", "200"),
    ("activities.md", "### 6.3 REF-LIST", 0, "list_activities", "200"),
    ("contacts.md", "### 5.2 LC", 0, "list_contacts", "200"),
    ("exclusions.md", "### 6.1 E1", 0, "list_contact_exclusions", "200"),
    ("exclusions.md", "### 6.2 E2", 0, "create_contact_exclusion", "201"),
    ("exclusions.md", "### 6.2 E2", 0, "get_contact_exclusion", "200"),  # 6.3: "identical to the 6.2 example"
    ("exclusions.md", "### 6.4 E7", 0, "create_account_exclusion", "201"),
    ("lists.md", "### 6.1", 0, "create_contact_lists", "200"),
    ("lists.md", "### 6.2", 0, "update_contact_list", "200"),
    ("lists.md", "### 6.3", 0, "create_contact_entries", "200"),
    ("lists.md", "### 6.4", 0, "create_account_lists", "200"),
    ("lists.md", "### 6.5", 0, "get_account_entry", "200"),
    ("sequences.md", "### 5.5 POST", 0, "resume_sequence", "200"),
    ("sequences.md", "### 5.7 GET", 0, "list_sequence_templates", "200"),
    ("sequences.md", "### 5.8 GET", 0, "get_sequence_template", "200"),
    ("tasks.md", "### 6.1", 0, "list_tasks", "200"),
    ("tasks.md", "### 6.2", 0, "list_task_messages", "200"),
    ("tasks.md", "### 6.3", 0, "reopen_task", "200"),
    ("tasks.md", "### 6.4", 1, "reassign_task", "200"),
    ("webhooks.md", "### 6.2", 0, "list_webhooks", "200"),
    ("webhooks.md", "### 6.4", 0, "test_webhook", "200"),
    ("platform.md", "### 6.1 Error body", 0, "get_contact_exclusion", "404"),
]


@pytest.mark.parametrize(
    ("sheet", "heading", "index", "operation_id", "status"),
    RESPONSE_EXAMPLES,
    ids=[f"{r[3]}-{r[4]}-{r[0]}-{r[1]}-{r[2]}" for r in RESPONSE_EXAMPLES],
)
def test_response_schema_requires_nothing_a_documented_example_omits(
    sheet: str, heading: str, index: int, operation_id: str, status: str
) -> None:
    example = docs.json_blocks(sheet, heading)[index]
    o = _op(operation_id)
    response = o.op["responses"][status]
    ptr = (
        response["$ref"].removeprefix("#") if "$ref" in response else pointer(o.section, o.path, o.method.lower(), "responses", status)
    ) + pointer("content", "application/json", "schema")
    missing = [e for e in errors(example, ptr) if "is a required property" in e]
    assert missing == []


def test_every_documented_response_example_is_checked() -> None:
    """Each JSON block the sheets label as a response example of an endpoint is in RESPONSE_EXAMPLES."""
    checked = {(s, h) for s, h, *_ in RESPONSE_EXAMPLES}
    labelled = [
        (name, m.group(0))
        for name in ("exclusions.md", "lists.md", "sequences.md", "tasks.md", "webhooks.md")
        for m in re.finditer(r"^### \d+\.\d+ .*(?:GET|POST|PATCH|response 200).*$", docs.text(name), re.M)
        if docs.json_blocks(name, m.group(0))
    ]
    unchecked = [f"{n}: {h}" for n, h in labelled if not any(n == s and h.startswith(c) for s, c in checked)]
    assert len(labelled) >= 10 and unchecked == []


# --- 3. open sets ---------------------------------------------------------------------------------------------


def _refs(node: Any) -> set[str]:
    return set(re.findall(r"#/components/schemas/(\w+)", json.dumps(node)))


def _response_schemas() -> set[str]:
    """Every component schema a response body or a webhook delivery can carry."""
    todo: set[str] = set()
    for o in operations():
        todo |= _refs({c: r for c, r in o.op["responses"].items() if c[0] == "2"})
        if o.section == "webhooks":
            todo |= _refs(o.op.get("requestBody", {}))
    todo |= _refs(DOC["components"]["responses"])
    seen: set[str] = set()
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo |= _refs(SCHEMAS[name])
    return seen


RESPONSE_ENUMS = sorted(n for n in _response_schemas() if "enum" in SCHEMAS[n])


def test_the_docs_call_new_enum_values_additive() -> None:
    docs.find("platform.md", r"^\| New endpoint, new optional field, new response field, new enum value \| Additive")
    assert {"ErrorType", "ReplyCategory", "EventType"} <= set(RESPONSE_ENUMS)


@pytest.mark.parametrize("name", RESPONSE_ENUMS)
def test_an_enum_that_responses_carry_is_open(name: str) -> None:
    assert SCHEMAS[name].get("x-topo-open") is True, f"{name}: responses carry it and new values are additive"


def test_the_event_union_is_open() -> None:
    docs.find("seed-activities.txt", r"Topo may add new event types as additive changes within /v1")
    assert SCHEMAS["ActivityPayload"].get("x-topo-open") is True


def test_error_type_lists_only_documented_types_and_takes_any_string() -> None:
    docs.find("platform.md", r"adding a new error type is additive")
    taxonomy = set(re.findall(r"^\| `(\w+Issue)` \| \d{3} \|", docs.section("platform.md", "### 6.2 Error taxonomy"), re.M))
    assert len(taxonomy) == 5
    assert set(SCHEMAS["ErrorType"]["enum"]) <= taxonomy
    body = {"status_code": 429, "type": "QuotaIssue"}  # a type Topo may add
    assert errors(body, "/components/schemas/Error") == []


# --- 4. camelCase payload keys -------------------------------------------------------------------------------------


def _payload_properties() -> dict[str, dict[str, Any]]:
    props: dict[str, dict[str, Any]] = {}
    for member in SCHEMAS["ActivityPayload"]["oneOf"]:
        for part in deref(member).get("allOf", []):
            props.update(deref(part).get("properties", {}))
    return props


def test_camel_case_payload_keys_are_described() -> None:
    documented = docs.json_blocks("activities.md", "### 6.3 REF-LIST")[0]["items"][0]["payload"]
    properties = _payload_properties()
    aliases = {p["x-topo-alias"]: name for name, p in properties.items() if "x-topo-alias" in p}
    camel = [k for k in documented if k not in properties]
    assert camel, "the documented reference example has camelCase keys"
    assert sorted(k for k in camel if k not in aliases) == []
    for alias, name in aliases.items():  # an alias is the camelCase spelling of its property
        assert alias == re.sub(r"_([a-z])", lambda m: m.group(1).upper(), name)
    as_snake = {aliases.get(k, k): v for k, v in documented.items()}
    assert errors(as_snake, "/components/schemas/ActivityPayload") == []


# --- 5. inferences marked -----------------------------------------------------------------------------------------


def _nodes(node: Any, ptr: str = "") -> Any:
    if isinstance(node, dict):
        yield ptr, node
        for key, child in node.items():
            if key not in ("enum", "const", "default", "example", "value") and not (key == "examples" and isinstance(child, list)):
                yield from _nodes(child, ptr + pointer(key))
    elif isinstance(node, list):
        for i, child in enumerate(node):
            yield from _nodes(child, f"{ptr}/{i}")


def test_a_reason_accompanies_only_an_inference() -> None:
    """`x-topo-reason` explains an inference; next to a docs URL it means part of the schema is a guess, unmarked."""
    problems = [
        f"{ptr}: x-topo-reason beside x-topo-source {node.get('x-topo-source')!r}"
        for ptr, node in _nodes(DOC)
        if "x-topo-reason" in node
        and node.get("x-topo-source") not in ("inferred", "observed")
        and not node.get("x-topo-inferred")
    ]
    assert problems == []


def test_every_extension_is_defined_in_the_spec_readme() -> None:
    readme = (docs.Path(__file__).resolve().parents[2] / "spec" / "README.md").read_text()
    used = {key for _, node in _nodes(DOC) for key in node if isinstance(key, str) and key.startswith("x-")}
    assert sorted(k for k in used if f"`{k}" not in readme) == []


def test_webhook_deliveries_cite_a_page_that_shows_their_event() -> None:
    visible = set(docs.find("webhooks.md", r"Only `([a-z_.]+)` is visible on the webhooks page").groups())
    wrong = [
        o.path for o in operations()
        if o.section == "webhooks" and o.op["x-topo-source"].endswith("/webhooks") and o.path not in visible
    ]
    assert wrong == []


def test_shared_error_responses_cite_the_errors_page_and_say_their_use_is_a_convention() -> None:
    problems = []
    for name, response in DOC["components"]["responses"].items():
        source = response.get("x-topo-source")
        if not (source == "inferred" or (source or "").endswith("/errors-rate-limits")):
            problems.append(f"{name}: x-topo-source {source!r}")
        if response.get("x-topo-usage") != "convention":
            problems.append(f"{name}: which operations list it is a convention; say so with x-topo-usage: convention")
    assert problems == []


def test_the_cut_off_422_row_is_not_completed() -> None:
    cut = docs.find("platform.md", r'^\| `BusinessIssue` \| 422 \| "([^"]+…)"').group(1)
    assert cut in DOC["components"]["responses"]["UnprocessableEntity"]["description"]


# (sheet, what it says is not documented, the spec node that must be marked inferred)
SHEET_INFERENCES = [
    ("platform.md", r"`summary` field types/descriptions", "/components/schemas/BatchSummary"),
    ("platform.md", r"Per item \(from the generated example\)", "/components/schemas/BatchItemError"),
    ("activities.md", r"types, nullability and required flags are \*\*INFERRED\*\*", "/components/schemas/EventBase"),
    ("activities.md", r"`stopped_reason` and `error_code`: type and values unknown",
     "/components/schemas/SequenceStoppedMetadata/properties/stopped_reason"),
    ("activities.md", r"`stopped_reason` and `error_code`: type and values unknown",
     "/components/schemas/SequenceStoppedMetadata/properties/error_code"),
    ("activities.md", r"`reply_category`: only `INTERESTED` has been seen", "/components/schemas/ReplyCategory"),
]


@pytest.mark.parametrize(("sheet", "says", "ptr"), SHEET_INFERENCES, ids=[p for *_, p in SHEET_INFERENCES])
def test_what_the_sheets_call_undocumented_is_marked_inferred(sheet: str, says: str, ptr: str) -> None:
    docs.find(sheet, says)
    node = lookup(ptr)
    assert node.get("x-topo-source") == "inferred" and node.get("x-topo-reason")


# (sheet, what it says is not documented, the node whose own source is documented, what of it is our reading)
SHEET_STATEMENTS = [
    ("tasks.md", r"Allowed state transitions: \*\*not documented\*\*", "/paths/~1tasks~1{task_id}~1reopen/post",
     "description"),
    ("tasks.md", r"and which task is returned", "/paths/~1tasks~1{task_id}~1assignee/patch/responses/200", "description"),
    ("platform.md", r"Per item \(from the generated example\): `index` \(integer\)",
     "/components/schemas/BatchItemResult/properties/index", "minimum"),
    ("platform.md", r"Per item \(from the generated example\)", "/components/schemas/BatchItemResult/properties/resource",
     "description"),
    ("platform.md", r"Per item \(from the generated example\)", "/components/schemas/BatchItemResult/properties/error",
     "oneOf"),
    ("activities.md", r"The columns for resource_type, event_type and channel are \*\*INFERRED\*\*",
     "/components/schemas/ActivityEventTypeFilter", "description"),
    ("lists.md", r"^INFERRED: `GET /v1/contact-entries…` and `GET /v1/account-entries/\{account_entry_id\}` need",
     "/paths/~1account-entries~1{account_entry_id}/get", "x-topo-scopes"),
    ("sequences.md", r"No `reason` field, no stop-reason enum and no required fields are visible",
     "/components/schemas/SequenceStopRequest", "description"),
]


@pytest.mark.parametrize(("sheet", "says", "ptr", "what"), SHEET_STATEMENTS, ids=[f"{p}:{w}" for *_, p, w in SHEET_STATEMENTS])
def test_a_statement_the_sheets_call_undocumented_is_marked_inferred(sheet: str, says: str, ptr: str, what: str) -> None:
    docs.find(sheet, says)
    node = lookup(ptr)
    assert what in node.get("x-topo-inferred", []) and node.get("x-topo-reason"), f"{ptr}: mark {what} inferred"


def _composed(example: Example) -> bool:
    """Marked composed: on its Example Object (a media type's `examples` map), or on the schema it is an example of."""
    if lookup(example.schema_ptr).get("x-topo-examples") == COMPOSED:
        return True
    name = example.id.rsplit("examples[", 1)[-1].removesuffix("]")
    holder = lookup(example.schema_ptr.removesuffix("/schema")) if example.schema_ptr.endswith("/schema") else {}
    objects = holder.get("examples") if isinstance(holder, dict) else None
    return isinstance(objects, dict) and deref(objects.get(name, {})).get("x-topo-example") == COMPOSED


@pytest.mark.parametrize("example", examples(), ids=lambda e: e.id)
def test_example_is_verbatim_from_the_docs_or_marked_composed(example: Example) -> None:
    assert _composed(example) or docs.is_documented(example.value), (
        "not found in the fact sheets: use the docs' text, or mark it x-topo-example(s): composed"
    )


def test_the_verbatim_check_has_teeth() -> None:
    documented = docs.json_blocks("platform.md", "### 6.1 Error body")[0]
    assert docs.is_documented(documented)
    assert not docs.is_documented({**documented, "message": "Contact not found!"})
    assert docs.is_documented({"items": [{"name": "<string>"}]})  # a JS code sample's body
    assert any(docs.canonical({}) == doc for _, doc in docs.documented_values())  # the sheets do hold empty parts,
    assert not docs.is_documented({}) and not docs.is_documented([])  # but they are not evidence of an example


# --- 6. constraints the docs do not state ---------------------------------------------------------------------------

# (sheet, what it says is not shown, the property/parameter, the keyword we would be adding)
UNSTATED_CONSTRAINTS = [
    ("sequences.md", r"The `paused_until` type/format, required flag and constraints .* are not shown",
     "/components/schemas/SequencePauseRequest", "paused_until", "required"),
    ("lists.md", r"^\| `name` \| string \(sample `'<string>'`\) \| not shown \|",
     "/components/schemas/AccountListCreate", "name", "required"),
    ("webhooks.md", r'Only "HMAC-SHA256" is documented', "/components/parameters/WebhookSignature", "", "pattern"),
]


@pytest.mark.parametrize(
    ("sheet", "says", "ptr", "field", "keyword"),
    UNSTATED_CONSTRAINTS,
    ids=[f"{p.rsplit('/', 1)[-1]}.{f or 'schema'}.{k}" for _, _, p, f, k in UNSTATED_CONSTRAINTS],
)
def test_a_constraint_the_docs_do_not_state_is_absent_or_marked(
    sheet: str, says: str, ptr: str, field: str, keyword: str
) -> None:
    docs.find(sheet, says)
    holder = lookup(ptr)
    node = holder["properties"][field] if field else holder
    present = field in holder.get("required", []) if keyword == "required" else keyword in node.get("schema", node)
    if present:
        assert keyword in node.get("x-topo-inferred", []) and (node.get("x-topo-reason") or holder.get("x-topo-reason"))
