"""Which wire keys an object schema describes: the one notion of "described by the spec".

`python -m topo_tools.drift` decides what is an unknown field with `object_shape()`; the runtime drift record should
take its per-class key sets from `described_keys()` / `key_index()` too, so that the two cannot disagree about the
same bytes. The rule: an object schema describes the properties listed in it and in its `allOf` parts (`$ref`s
followed); it is *open* (any key is described, `None` here) when it sets `additionalProperties` (true or a schema)
or lists no properties at all (a free-form map such as an event's undocumented `metadata`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["Shape", "described_keys", "key_index", "object_shape"]

_MAX_DEPTH = 30  # guards against $ref loops


def _esc(token: str) -> str:
    """A JSON pointer token for `token`."""
    return token.replace("~", "~0").replace("/", "~1")


def _unesc(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def node_at(doc: dict[str, Any], pointer: str) -> Any:
    """The node at a JSON pointer (`/components/schemas/Contact`) of `doc`."""
    node: Any = doc
    for token in pointer.split("/")[1:]:
        node = node[int(token)] if isinstance(node, list) else node[_unesc(token)]
    return node


def deref(doc: dict[str, Any], node: dict[str, Any], pointer: str) -> tuple[dict[str, Any], str]:
    """Follow local `$ref`s from `node` (at `pointer`); return the target and its pointer."""
    for _ in range(_MAX_DEPTH):
        ref = node.get("$ref")
        if not isinstance(ref, str) or not ref.startswith("#/"):
            return node, pointer
        pointer = ref[1:]
        node = node_at(doc, pointer)
    raise ValueError(f"spec: $ref loop at {pointer}")


@dataclass
class Shape:
    """An object schema with its `allOf` parts merged."""

    props: dict[str, tuple[dict[str, Any], str]] = field(default_factory=dict)  # name -> (schema, JSON pointer)
    required: set[str] = field(default_factory=set)
    additional: Any = None  # additionalProperties: None (unset or false), True, or a schema
    additional_pointer: str = ""
    described: bool = False  # whether any part lists properties
    owner: str = ""  # where a new property belongs (the schema's own part, not a shared base)

    @property
    def keys(self) -> frozenset[str] | None:
        """The described keys, or None when the object is open (any key is described)."""
        if self.additional is not None or not self.described:
            return None
        return frozenset(self.props)


def object_shape(doc: dict[str, Any], node: dict[str, Any], pointer: str = "") -> Shape:
    """The merged shape of the object schema `node` (at `pointer` in `doc`)."""
    shape = Shape(owner=pointer)
    if "$ref" in node:
        node, pointer = deref(doc, node, pointer)
        shape.owner = pointer
    if "properties" not in node:
        for i, part in enumerate(node.get("allOf", [])):
            if "$ref" not in part:  # a new property goes beside the schema's own properties
                shape.owner = f"{pointer}/allOf/{i}"
                break
    _collect(doc, node, pointer, shape, 0)
    return shape


def _collect(doc: dict[str, Any], node: dict[str, Any], pointer: str, shape: Shape, depth: int) -> None:
    if depth > _MAX_DEPTH:
        return
    if "$ref" in node:
        target, target_pointer = deref(doc, node, pointer)
        _collect(doc, target, target_pointer, shape, depth + 1)
        return
    for i, part in enumerate(node.get("allOf", [])):  # later parts and own properties win, as in generation
        _collect(doc, part, f"{pointer}/allOf/{i}", shape, depth + 1)
    if "properties" in node:
        shape.described = True
        for name, sub in node["properties"].items():
            shape.props[name] = (sub, f"{pointer}/properties/{_esc(name)}")
    shape.required.update(node.get("required", []))
    extra = node.get("additionalProperties")
    if extra not in (None, False):
        shape.additional, shape.additional_pointer = extra, f"{pointer}/additionalProperties"


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
        if not isinstance(node, dict) or "$ref" in node or depth > _MAX_DEPTH:
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
