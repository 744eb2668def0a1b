"""Which wire keys an object schema describes: the one notion of "described by the spec".

`python -m topo_tools.drift` decides what is an unknown field with `object_shape()` (`topo_client._schema`), and
`described_keys()` / `key_index()` here state the same rule per schema, so that tools and tests cannot disagree
about the same bytes (developer tooling: not in the runtime wheel). The rule: an object schema describes the
properties listed in it and in its `allOf` parts (`$ref`s followed); it is *open* (any key is described, `None`
here) when it sets `additionalProperties` (true or a schema) or lists no properties at all (a free-form map such as
an event's undocumented `metadata`).
"""

from __future__ import annotations

from typing import Any

from topo_client._schema import MAX_DEPTH, Shape, object_shape
from topo_client._schema import esc as _esc

__all__ = ["Shape", "described_keys", "key_index", "object_shape"]

def described_keys(doc: dict[str, Any], schema: str) -> frozenset[str] | None:
    """The wire keys component schema `schema` describes, or None when it is open (see the module docstring)."""
    return object_shape(doc, {"$ref": f"#/components/schemas/{_esc(schema)}"}).keys


def _is_object(node: dict[str, Any]) -> bool:
    kind = node.get("type")
    return kind == "object" or (isinstance(kind, list) and "object" in kind) or "properties" in node or (
        "allOf" in node)


def key_index(doc: dict[str, Any]) -> dict[str, frozenset[str] | None]:
    """Described keys of every object in the spec's components, by the name drift keys give it.

    Component schemas go by their name (`Task`); inline objects below them by the owning schema plus the JSON path,
    as `make drift` spells them (`Task.outcome`, `Task.attachments[]`).
    """
    index: dict[str, frozenset[str] | None] = {}

    def visit(node: Any, name: str, pointer: str, depth: int) -> None:
        if not isinstance(node, dict) or "$ref" in node or depth > MAX_DEPTH:
            return
        if _is_object(node):
            shape = object_shape(doc, node, pointer)
            if name not in index:
                index[name] = shape.keys
            for prop, (sub, sub_pointer) in shape.props.items():
                if sub_pointer.startswith(pointer + "/"):  # the schema's own (not a $ref'd base's) properties
                    visit(sub, f"{name}.{prop}", sub_pointer, depth + 1)
        for key in ("oneOf", "anyOf"):
            for i, branch in enumerate(node.get(key, [])):
                visit(branch, name, f"{pointer}/{key}/{i}", depth + 1)
        if isinstance(node.get("items"), dict):
            visit(node["items"], f"{name}[]", f"{pointer}/items", depth + 1)

    for schema_name, schema in (doc.get("components", {}).get("schemas") or {}).items():
        visit(schema, schema_name, f"/components/schemas/{_esc(schema_name)}", 0)
    return index
