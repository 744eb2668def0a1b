"""The one schema toolkit: JSON pointers, local `$ref` resolution and `allOf` merging over an OpenAPI document.

Owned by the generator (`generator/generate.py`, `bundle.py`, `models.py`, `resources.py` import it from
`static/`) and copied verbatim into the generated package, where the readers of the bundled spec (`topo_ext._spec`,
the CLI, the sandbox, the drift tool, the tests) import it as `topo_client._schema`: every reader follows `$ref`s
and merges `allOf` the same way, and the generator never imports the runtime. Also here: reading the shipped form of
the open sets back, and reading `x-topo-source: inferred`. Plain functions over the document as loaded JSON (`doc`); no
imports beyond the standard library.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "NOT_IN_DOCS", "OPEN", "PAGE_ENVELOPE", "Shape", "deref", "esc", "inferred_reason", "is_page", "merge_all_of",
    "node_at", "object_shape", "open_marked", "ref_name", "ref_problems", "required_keys", "resolve", "unesc",
]

MAX_DEPTH = 30  # guards against $ref loops


def esc(token: str) -> str:
    """A JSON pointer token for `token`."""
    return token.replace("~", "~0").replace("/", "~1")


def unesc(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def node_at(doc: Any, pointer: str) -> Any:
    """The node at a JSON pointer (`/components/schemas/Contact`; a leading `#` is allowed) of `doc`."""
    node: Any = doc
    for token in pointer.removeprefix("#").split("/")[1:]:
        node = node[int(token)] if isinstance(node, list) else node[unesc(token)]
    return node


def deref(doc: Any, node: Any, pointer: str = "") -> tuple[Any, str]:
    """Follow local `$ref`s from `node` (found at `pointer`); return the target and its pointer."""
    for _ in range(MAX_DEPTH):
        ref = node.get("$ref") if isinstance(node, dict) else None
        if not isinstance(ref, str) or not ref.startswith("#/"):
            return node, pointer
        pointer = ref[1:]
        node = node_at(doc, pointer)
    raise ValueError(f"spec: $ref loop at {pointer}")


_LITERAL = frozenset({"example", "examples", "const", "default", "enum", "value"})  # data, not schemas: no $refs
_NAMED = frozenset({"properties", "patternProperties", "$defs"})  # name -> schema (a property may be named `$ref`)


def ref_problems(doc: Any) -> list[str]:
    """One line per `$ref` of `doc` that cannot be followed, naming it and where it sits: not local (the bundled
    spec is one document; `other.yaml#/X` is not supported), no such target, or a chain of `$ref`s that loops
    (reported once, at its first member). Readers of a spec file check this up front, so that `deref` and
    `node_at` never meet a bad `$ref`."""
    problems: list[str] = []
    stack: list[tuple[Any, str]] = [(doc, "")]
    while stack:  # no recursion: a deeply nested document is no RecursionError here
        node, pointer = stack.pop()
        if isinstance(node, list):
            stack.extend((v, f"{pointer}/{i}") for i, v in enumerate(node))
        elif isinstance(node, dict):
            if "$ref" in node and (problem := _ref_problem(doc, node["$ref"], pointer)):
                problems.append(f"spec: $ref {node['$ref']!r} at {pointer or '/'}: {problem}")
            for key, value in node.items():
                if key in _NAMED and isinstance(value, dict):
                    stack.extend((v, f"{pointer}/{key}/{esc(str(k))}") for k, v in value.items())
                elif key not in _LITERAL and not str(key).startswith("x-") and key != "$ref":
                    stack.append((value, f"{pointer}/{esc(str(key))}"))
    return sorted(problems)


def _ref_problem(doc: Any, ref: Any, pointer: str) -> str | None:
    if not isinstance(ref, str):
        return f"must be a string, not {type(ref).__name__}"
    if not ref.startswith("#/"):
        return "not a local reference (#/...): the spec is one bundled document, other files are not supported"
    chain = [pointer]
    while isinstance(ref, str) and ref.startswith("#/"):
        try:
            node = node_at(doc, ref)
        except (KeyError, IndexError, TypeError, ValueError):
            return "no such target" if len(chain) == 1 else None  # a later link is reported where it sits
        if ref[1:] in chain:  # a loop: reported at its first member only, not at every $ref leading into it
            loop = chain[chain.index(ref[1:]):]
            return f"$ref loop ({' -> '.join([*loop, ref[1:]])})" if ref[1:] == pointer == min(loop) else None
        chain.append(ref[1:])
        ref = node.get("$ref") if isinstance(node, dict) else None
    return None


def resolve(doc: Any, node: Any) -> Any:
    """`node` with its local `$ref`s followed."""
    return deref(doc, node)[0]


def ref_name(node: Any) -> str | None:
    """`Contact` for `{"$ref": "#/components/schemas/Contact"}`; None for a node without a `$ref`."""
    ref = node.get("$ref") if isinstance(node, dict) else None
    return ref.rsplit("/", 1)[-1] if isinstance(ref, str) else None


def merge_all_of(doc: Any, node: Any, depth: int = 0) -> dict[str, Any]:
    """`node` (`$ref`s followed) as one object schema with its `allOf` parts merged, recursively: the parts'
    properties in order (a later part, then the schema's own, wins), `required` the union in order, the schema's
    other keywords kept. A node without `allOf` is returned as it is; merged properties are copies."""
    node = resolve(doc, node)
    if not isinstance(node, dict) or "allOf" not in node:
        return node
    if depth > MAX_DEPTH:
        raise ValueError("spec: allOf nested too deeply (a loop?)")
    out: dict[str, Any] = {k: v for k, v in node.items() if k != "allOf"}
    properties: dict[str, Any] = {}
    required: list[str] = []
    for part in node["allOf"]:
        part = merge_all_of(doc, part, depth + 1)
        properties.update(copy.deepcopy(part.get("properties", {})))
        required += [r for r in part.get("required", []) if r not in required]
    required += [r for r in node.get("required", []) if r not in required]
    out.setdefault("type", "object")
    out["properties"] = {**properties, **out.get("properties", {})}
    if required:
        out["required"] = required
    return out


PAGE_ENVELOPE = "#/components/schemas/PageEnvelope"


def is_page(doc: Any, schema: Any) -> bool:
    """Whether `schema` is a list operation's page: `allOf` of `PageEnvelope` (spec/README.md). The one rule for the
    generator (which methods walk pages) and the client."""
    node = resolve(doc, schema) if schema else {}
    return any(part.get("$ref") == PAGE_ENVELOPE for part in node.get("allOf", ()))


NOT_IN_DOCS = "Not in Topo's docs:"  # how docstrings, help and errors introduce a guessed endpoint


def inferred_reason(op: dict[str, Any]) -> str | None:
    """Why the operation `op` (an Operation Object) is our guess rather than Topo's documented API, or None when it
    is documented. The one reading of `x-topo-source: inferred` for the generator, the client and the CLI."""
    if op.get("x-topo-source") != "inferred":
        return None
    return " ".join(str(op.get("x-topo-reason") or "no reason recorded").split())


def required_keys(doc: Any, node: Any) -> list[str]:
    """The documented-required keys of an object schema, through `$ref`s and `allOf`."""
    return list(merge_all_of(doc, node).get("required", []))


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
    if depth > MAX_DEPTH:
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
            shape.props[name] = (sub, f"{pointer}/properties/{esc(name)}")
    shape.required.update(node.get("required", []))
    extra = node.get("additionalProperties")
    if extra not in (None, False):
        shape.additional, shape.additional_pointer = extra, f"{pointer}/additionalProperties"


# Open sets (spec/README.md "Open sets"): the spec marks an enum or the event union `x-topo-open: true` and keeps
# the listed values in `enum` / `oneOf`, which the generators need. The package ships the standard JSON Schema form
# instead (written by `generator/bundle.py`'s `shipped`), so that any validator accepts new values: the listed part
# moved into `anyOf` beside a plain string (an object with a string `type` for the event union). `_spec.document()`
# reads it back into the marked form here.
OPEN = "x-topo-open"


def open_marked(doc: dict[str, Any]) -> dict[str, Any]:
    """The inverse of `bundle.shipped` (the generator's), in place: the listed values back in `enum` / `oneOf`,
    marked open."""
    for schema in doc.get("components", {}).get("schemas", {}).values():
        parts = schema.get("anyOf")
        if schema.get(OPEN) is True and isinstance(parts, list) and len(parts) == 2 and (
                "enum" in parts[0] or "oneOf" in parts[0]):
            schema.update(schema.pop("anyOf")[0])
    return doc
