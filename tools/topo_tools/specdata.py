"""Spec-driven data: a valid instance of any schema and valid arguments for any operation's client method.

Derived from the bundled spec alone, so the contract run (and the tests) cover new operations without edits.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import cache
from typing import Any

from topo_client._schema import merge_all_of
from topo_ext._spec import OperationSpec, document, operations, resolve

UUID_A = "018f1a2b-3c4d-7e8f-9a0b-1c2d3e4f5a6b"
WHEN = "2025-03-14T09:22:11Z"


def names(node: Any) -> Iterator[str]:
    """Every name a spec (or a part of one) holds: property and schema names, enum values, consts, mapping keys."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("properties", "schemas", "mapping") and isinstance(value, dict):
                yield from value
            elif key == "enum" and isinstance(value, list):
                yield from (str(v) for v in value)
            elif key == "const":
                yield str(value)
            yield from names(value)
    elif isinstance(node, list):
        for item in node:
            yield from names(item)


@cache
def spec_names() -> frozenset[str]:
    """Every name in the bundled spec (what the client runs against)."""
    return frozenset(names(document()))


def absent(stem: str, taken: Iterable[str] | None = None) -> str:
    """`stem`, or `stem_2`, `stem_3`, ...: the first not in `taken` (default: every name in the bundled spec).

    The "unknown" name of a test or a benchmark: never a plausible real name, which Topo may add one day.
    """
    used = spec_names() if taken is None else frozenset(taken)
    return next(name for n in range(1, len(used) + 2) if (name := stem if n == 1 else f"{stem}_{n}") not in used)


#: The unknown field `instance(extra=True)` adds to every object, and the value `unknown_enums=True` puts in enums.
EXTRA_FIELD = absent("unlisted_field")
EXTRA_VALUE = "teal"
UNKNOWN_VALUE = absent("UNLISTED_VALUE")


def instance(node: dict[str, Any], *, extra: bool = False, unknown_enums: bool = False, depth: int = 0) -> Any:
    """A valid instance of `node` with every property filled (optionally plus an unknown field / enum values)."""
    if "$ref" in node:
        return instance(resolve(node), extra=extra, unknown_enums=unknown_enums, depth=depth)
    if "const" in node:
        return node["const"]
    if "allOf" in node:
        return instance(merge_all_of(document(), node), extra=extra, unknown_enums=unknown_enums, depth=depth)
    for key in ("oneOf", "anyOf"):
        if key in node:
            choices = [c for c in node[key] if resolve(c).get("type") != "null"] or node[key]
            return instance(choices[0], extra=extra, unknown_enums=unknown_enums, depth=depth)
    if "enum" in node:
        return UNKNOWN_VALUE if unknown_enums else node["enum"][0]
    kind = node.get("type")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), "null")
    fmt = node.get("format")
    if kind == "string":
        if fmt == "uuid":
            return UUID_A
        if fmt == "date-time":
            return WHEN
        if fmt == "date":
            return "2025-03-14"
        if fmt in ("uri", "url"):
            return "https://example.com/hook"
        if fmt == "email":
            return "alex@example.com"
        return "x" * max(1, node.get("minLength", 1))
    if kind == "integer":
        return max(node.get("minimum", 1), 0) if "minimum" in node else 1
    if kind == "number":
        return 1.5
    if kind == "boolean":
        return True
    if kind == "null":
        return None
    if kind == "array":
        if depth > 3:
            return []
        return [instance(node.get("items", {}), extra=extra, unknown_enums=unknown_enums, depth=depth + 1)]
    if kind == "object" or "properties" in node:
        out = {
            name: instance(prop, extra=extra, unknown_enums=unknown_enums, depth=depth + 1)
            for name, prop in node.get("properties", {}).items()
        }
        if extra:
            out[EXTRA_FIELD] = EXTRA_VALUE
        return out
    return {"any": "value"}


def arguments(op: OperationSpec) -> tuple[tuple[Any, ...], dict[str, Any]]:
    """Valid positional (path) and keyword arguments for `op`'s client method."""
    args = tuple(UUID_A for p in op.params.values() if p.location == "path")
    kwargs: dict[str, Any] = {}
    if op.body_schema is not None:
        body = instance(op.body_schema)
        if op.batch_max_items:
            return args, {"items": body["items"]}
        kwargs["body"] = body
    return args, kwargs


def method_for(client: Any, op: OperationSpec) -> Callable[..., Any]:
    """The client method that implements `op` (via x-topo-resource / x-topo-method)."""
    target = client
    for part in filter(None, (op.resource or "").split(".")):
        target = getattr(target, part)
    method: Callable[..., Any] = getattr(target, op.python_method or "")
    return method


def client_operations() -> list[OperationSpec]:
    return sorted((op for op in operations().values() if op.python_method), key=lambda o: o.operation_id)
