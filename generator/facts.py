"""The facts of each operation, written beside it as a literal (`OperationSpec(...)`, for resources.py): HTTP
method and path, resource and method names, scopes, parameters (location, required, the schema as the argument
checks read it: `$ref`s followed, `allOf` merged), the request body's schema, batch limits and all-or-nothing,
success status and model, page walking and the maximum page size, and why the endpoint is a guess. The runtime
reads these, never the bundled `openapi.json`; `topo_ext._spec.operations()` reads the same facts from the bundled
spec for the CLI and developer tools (a test checks that the two agree)."""

from __future__ import annotations

import copy
from typing import Any

from static._schema import MAX_DEPTH, inferred_reason, is_page, merge_all_of, ref_name, resolve

CHECKED = ("type", "format", "enum", "minimum", "maximum", "minItems", "maxItems", "items", "properties", "required",
           "additionalProperties", "anyOf", "oneOf")  # what the client's argument checks read of a schema


def checkable(doc: Any, node: Any, depth: int = 0) -> Any:
    """`node` as the client's argument checks read it, self-contained: `$ref`s followed, `allOf` merged, only the
    keywords in `CHECKED`. The generator writes it beside each operation, so checking a call never reads the spec."""
    if depth > MAX_DEPTH:
        raise ValueError("spec: schema nested too deeply (a loop?)")
    node = merge_all_of(doc, node)
    if not isinstance(node, dict):
        return node
    out: dict[str, Any] = {}
    for key in CHECKED:
        if key not in node:
            continue
        value = node[key]
        if key in ("items", "additionalProperties") and isinstance(value, dict):
            value = checkable(doc, value, depth + 1)
        elif key == "properties":
            value = {name: checkable(doc, prop, depth + 1) for name, prop in value.items()}
        elif key in ("anyOf", "oneOf"):
            value = [checkable(doc, option, depth + 1) for option in value]
        out[key] = copy.deepcopy(value)
    return out


def success(doc: dict[str, Any], op: dict[str, Any]) -> tuple[int, dict[str, Any] | None]:
    """The success status and body schema of `op`: its first 2xx response (what the method returns, and decodes)."""
    for code, response in op.get("responses", {}).items():
        if code.isdigit() and 200 <= int(code) < 300:
            content = resolve(doc, response).get("content", {}).get("application/json")
            return int(code), content["schema"] if content else None
    return 200, None


def facts(doc: dict[str, Any], path: str, verb: str, op: dict[str, Any]) -> str:
    """`OperationSpec(...)` for the operation `op` (at `verb` `path` of the bundled spec `doc`), as source."""
    params = []
    for raw in op.get("parameters", []):
        p = resolve(doc, raw)
        params.append(f'{p["name"]!r}: ParameterSpec({p["name"]!r}, {p["in"]!r}, {bool(p.get("required"))!r}, '
                      f'{checkable(doc, p.get("schema", {}))!r})')
    request = None
    if "requestBody" in op:
        media = resolve(doc, op["requestBody"])["content"].get("application/json", {})
        request = checkable(doc, media["schema"]) if "schema" in media else None
    batch = op.get("x-topo-batch") or {}
    status, returned = success(doc, op)
    size = next((resolve(doc, p).get("schema", {}).get("maximum") for p in op.get("parameters", [])
                 if resolve(doc, p)["name"] == "size"), None)
    fields = {
        "operation_id": op["operationId"], "method": verb.upper(), "path": path, "resource": op.get("x-topo-resource"),
        "python_method": op.get("x-topo-method"), "scopes": tuple(op.get("x-topo-scopes", ())),
        "params": "{" + ", ".join(params) + "}", "body_schema": request, "batch_max_items": batch.get("max_items"),
        "batch_all_or_nothing": batch.get("all_or_nothing") is True, "success_status": status,
        "success_schema": ref_name(returned) if returned else None, "paginated": is_page(doc, returned),
        "max_page_size": size, "inferred": inferred_reason(op),
    }
    shown = ", ".join(f"{k}={v}" if k == "params" else f"{k}={v!r}" for k, v in fields.items())
    return f"OperationSpec({shown})"
