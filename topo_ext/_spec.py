"""The facts of an operation (`OperationSpec`), and the bundled OpenAPI document shipped inside `topo_client`, read
once and indexed by operationId.

The generated resources carry each operation's facts as a literal (`OperationSpec(...)`, written by
generator/facts.py), so a call never reads the bundled spec; `operations()` reads the same facts from the spec for
the CLI and developer tools (tests/topo_ext/operations/test_facts.py checks that the two agree).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any


@dataclass(frozen=True)
class ParameterSpec:
    """One parameter of an operation: where it goes and its spec schema (the argument checks read it)."""
    name: str
    location: str
    required: bool
    schema: dict[str, Any]


@dataclass(frozen=True)
class OperationSpec:
    operation_id: str
    method: str
    path: str
    resource: str | None
    python_method: str | None
    scopes: tuple[str, ...]
    params: dict[str, ParameterSpec] = field(default_factory=dict)
    body_schema: dict[str, Any] | None = None
    batch_max_items: int | None = None
    batch_all_or_nothing: bool = False  # x-topo-batch.all_or_nothing: one request creates every item or none
    success_status: int = 200
    success_schema: str | None = None
    success_body: dict[str, Any] | None = None
    paginated: bool = False  # the success body is a page envelope (see `_schema.is_page`)
    max_page_size: int | None = None  # a list's documented maximum `size`: what the client asks for when walking
    inferred: str | None = None  # why the endpoint is a guess (`x-topo-source: inferred`); None: documented

    @property
    def idempotent(self) -> bool:
        """Whether sending the request twice has the same effect as once (RFC 9110 method semantics)."""
        return self.method in {"GET", "HEAD", "OPTIONS", "PUT", "PATCH", "DELETE"}


@cache
def document() -> dict[str, Any]:
    """The bundled spec (generated/topo_client/openapi.json), its open sets in the marked form that the client
    reads (`x-topo-open` beside `enum` / `oneOf`; the file has the standard form, see `_schema.open_marked`)."""
    import json
    from importlib import resources

    from topo_client import _schema

    text = resources.files("topo_client").joinpath("openapi.json").read_text(encoding="utf-8")
    doc: dict[str, Any] = _schema.open_marked(json.loads(text))
    return doc


def resolve(node: dict[str, Any]) -> dict[str, Any]:
    """Follow a local `$ref` (possibly several) in the bundled spec to the object it names; a node without one (the
    generated facts' schemas never have one) as it is, without reading the spec."""
    if "$ref" not in node:
        return node
    from topo_client import _schema

    target: dict[str, Any] = _schema.resolve(document(), node)
    return target


@cache
def operations() -> dict[str, OperationSpec]:
    """Every operation in the spec, by operationId."""
    from topo_client import _schema

    found: dict[str, OperationSpec] = {}
    for path, item in document()["paths"].items():
        for method, op in item.items():
            if method not in {"get", "post", "put", "patch", "delete"}:
                continue
            params = {}
            for raw in op.get("parameters", []):
                p = resolve(raw)
                params[p["name"]] = ParameterSpec(p["name"], p["in"], bool(p.get("required")), p.get("schema", {}))
            body_schema = None
            batch = op.get("x-topo-batch") or {}
            batch_max = batch.get("max_items")
            if "requestBody" in op:
                media = resolve(op["requestBody"])["content"].get("application/json", {})
                body_schema = media.get("schema")
            status, schema_name, body = 200, None, None
            for code, response in op.get("responses", {}).items():
                if code.isdigit() and 200 <= int(code) < 300:
                    status = int(code)
                    content = resolve(response).get("content", {}).get("application/json")
                    schema_name = _schema.ref_name(content["schema"]) if content else None
                    body = content["schema"] if content else None
                    break
            found[op["operationId"]] = OperationSpec(
                operation_id=op["operationId"],
                method=method.upper(),
                path=path,
                resource=op.get("x-topo-resource"),
                python_method=op.get("x-topo-method"),
                scopes=tuple(op.get("x-topo-scopes", ())),
                params=params,
                body_schema=body_schema,
                batch_max_items=batch_max,
                batch_all_or_nothing=batch.get("all_or_nothing") is True,
                success_status=status,
                success_schema=schema_name,
                success_body=body,
                paginated=_schema.is_page(document(), body),
                max_page_size=params["size"].schema.get("maximum") if "size" in params else None,
                inferred=_schema.inferred_reason(op),
            )
    return found
