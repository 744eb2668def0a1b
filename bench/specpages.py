"""The list operations of the spec and realistic 100-item response bodies for them, both derived from the spec.

A list operation is a GET whose success body is a page envelope (an object with an `items` array) or a bare array;
where it lives on the client comes from the operation's `x-topo-resource` / `x-topo-method`. Bodies are filled
property by property from the item schema: every documented property present, ids uuid-shaped and distinct,
date-times RFC 3339 (some with milliseconds), enum values and union variants rotating from item to item.
"""

from __future__ import annotations

import json
import random
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import cache
from importlib.resources import files
from typing import Any

from topo_client import _schema  # the one $ref / allOf toolkit
from topo_tools.specdata import EXTRA_FIELD, EXTRA_VALUE

PAGE_SIZE = 100
UNKNOWN_FIELD = (EXTRA_FIELD, EXTRA_VALUE)  # what Topo adding a field to every item looks like (absent from the spec)
_START = datetime(2025, 3, 14, 9, 22, 11, tzinfo=UTC)


@cache
def spec() -> dict[str, Any]:
    """The bundled spec shipped inside the installed `topo_client` (what the installed client was built from), its
    open sets read back into `enum` / `oneOf` form (as the client reads it), so bodies hold the listed values."""
    doc: dict[str, Any] = json.loads((files("topo_client") / "openapi.json").read_text(encoding="utf-8"))
    return _schema.open_marked(doc)


def resolve(node: dict[str, Any]) -> dict[str, Any]:
    """Follow local `$ref`s to the schema they name."""
    target: dict[str, Any] = _schema.resolve(spec(), node)
    return target


def merged(node: dict[str, Any]) -> dict[str, Any]:
    """`node` with `$ref`s followed and `allOf` parts merged into one object schema (properties, required)."""
    return _schema.merge_all_of(spec(), node)


@dataclass(frozen=True)
class ListOperation:
    operation_id: str
    path: str
    attribute: str  # on the client: "contact_lists.entries.list"
    schema: str | None  # the page schema's component name; None for a bare array
    item_schema: str
    query: dict[str, Any] = field(default_factory=dict)  # what both clients send: size=100 where there is a size
    path_params: dict[str, str] = field(default_factory=dict)

    @property
    def url_path(self) -> str:
        return self.path.format(**self.path_params)


def list_operations() -> list[ListOperation]:
    """Every list operation of the spec that the client exposes, in path order."""
    found = []
    for path, item in spec()["paths"].items():
        op = item.get("get")
        if not op or not op.get("x-topo-resource") or not op.get("x-topo-method"):
            continue
        content = resolve(op.get("responses", {}).get("200", {})).get("content", {}).get("application/json")
        if not content:
            continue
        body = content["schema"]
        flat = merged(body)
        if flat.get("type") == "array":
            page_schema, items = None, flat.get("items", {})
        elif flat.get("properties", {}).get("items", {}).get("type") == "array":
            page_schema, items = _schema.ref_name(body), flat["properties"]["items"].get("items", {})
        else:
            continue
        item_schema = _schema.ref_name(items)
        if item_schema is None or (flat.get("type") != "array" and page_schema is None):
            continue  # an anonymous schema has no peer model to compare with
        params = [resolve(p) for p in op.get("parameters", [])]
        filler = _Filler(seed=0)  # required parameters get a valid value of their schema (an id, mostly)
        query = {p["name"]: PAGE_SIZE for p in params if p["in"] == "query" and p["name"] == "size"}
        query |= {p["name"]: filler.value(p.get("schema", {}), 0, p["name"]) for p in params
                  if p["in"] == "query" and p.get("required") and p["name"] not in query}
        path_params = {p["name"]: str(filler.value(p.get("schema", {}), 0, p["name"])) for p in params
                       if p["in"] == "path"}
        found.append(ListOperation(op["operationId"], path, f"{op['x-topo-resource']}.{op['x-topo-method']}",
                                   page_schema, item_schema, query, path_params))
    return found


# ---- values ------------------------------------------------------------------------------------------------


class _Filler:
    """Valid values for schemas, varied per item (`index`) and reproducible (`seed`)."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def value(self, node: dict[str, Any], index: int, name: str = "", depth: int = 0) -> Any:
        node = merged(node)
        if "const" in node:
            return node["const"]
        for key in ("oneOf", "anyOf"):
            if key in node:
                choices = [c for c in node[key] if resolve(c).get("type") != "null"] or node[key]
                return self.value(choices[index % len(choices)], index, name, depth)
        if "enum" in node:
            values = [v for v in node["enum"] if v is not None]
            return values[index % len(values)]
        kind = node.get("type")
        if isinstance(kind, list):
            kind = next((k for k in kind if k != "null"), "null")
        if kind == "string" or (kind is None and "format" in node):
            return self.string(node, index, name)
        if kind == "integer":
            low = node.get("minimum", 0)
            return min(low + self.rng.randrange(1, 500), node.get("maximum", 1 << 31))
        if kind == "number":
            return round(self.rng.random(), 3)
        if kind == "boolean":
            return index % 2 == 0
        if kind == "null":
            return None
        if kind == "array":
            count = min(max(2, node.get("minItems", 0)), node.get("maxItems", 2))
            return [self.value(node.get("items", {}), index + k, name, depth + 1) for k in range(count)]
        if kind == "object" or "properties" in node:
            props = node.get("properties", {})
            if props:
                return {key: self.value(prop, index, key, depth + 1) for key, prop in props.items()}
            extra = node.get("additionalProperties")
            inner = extra if isinstance(extra, dict) else {"type": "string"}
            count = min(2, node.get("maxProperties", 2))
            return {f"{name or 'key'}_{k}": self.value(inner, index + k, name, depth + 1) for k in range(count)}
        return f"{name or 'value'} {index}"  # no type: any JSON value is valid

    def string(self, node: dict[str, Any], index: int, name: str) -> str:
        fmt = node.get("format")
        if fmt == "uuid":
            return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))
        if fmt == "date-time":
            when = _START - timedelta(minutes=7 * index, seconds=self.rng.randrange(60))
            text = when.strftime("%Y-%m-%dT%H:%M:%S")
            return f"{text}.{self.rng.randrange(1000):03d}Z" if index % 2 else f"{text}Z"
        if fmt == "date":
            return (_START - timedelta(days=index)).date().isoformat()
        if fmt in ("uri", "url") or name.endswith("url"):
            return f"https://example.com/{name or 'resource'}/{index}"
        if fmt == "email" or name.endswith("email"):
            return f"person{index}@example.com"
        if name.endswith("domain"):
            return f"company{index}.example.com"
        text = f"{name.replace('_', ' ') or 'text'} {index}"
        low, high = node.get("minLength", 0), node.get("maxLength")
        text = text.ljust(low, "x")
        return text[:high] if high else text


def page_body(op: ListOperation, *, unknown_field: bool = False, size: int = PAGE_SIZE, seed: int = 14) -> bytes:
    """A `size`-item success body of `op`, optionally with one undocumented field added to every item."""
    filler = _Filler(seed)
    item_schema = spec()["components"]["schemas"][op.item_schema]
    items = []
    for index in range(size):
        item = filler.value(item_schema, index)
        if unknown_field:
            name, value = UNKNOWN_FIELD
            if name in merged(item_schema).get("properties", {}):
                raise ValueError(f"{op.item_schema} documents {name!r}; pick another unknown field for the bench")
            item[name] = value
        items.append(item)
    body: Any = items
    if op.schema is not None:
        envelope = filler.value(spec()["components"]["schemas"][op.schema], 0)
        body = {**envelope, "items": items, "total_count": 1234, "total_pages": 13, "has_more": True}
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
