"""The parameters, annotations and docstring of each generated resource method, from the spec (for resources.py).

Path parameters are positional (`str | UUID`), everything else keyword-only. Types follow the schema: an enum is
`TheEnum | Literal[<the spec's values>]` (a type checker rejects a value the spec does not list; the enum class is
the one requests, responses and the CLI share), a nullable value adds `| None` (sent as null), a list is a
`Sequence`, an object with its own model `Model | Mapping[str, Any]`. Defaults are what is sent: an optional
argument defaults to `NOT_GIVEN` (not sent), except a list's `page` (1) and `size` (the spec's maximum), which the
client always sends. Body fields are keyword arguments; `body=` (the request model or a mapping) is the second
overload where the body has fields.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from static._schema import NOT_IN_DOCS, inferred_reason, merge_all_of, ref_name, resolve

OPTIONS = ("extra_headers", "extra_query", "extra_body", "timeout")
OPTION_PARAMS = [
    "extra_headers: Mapping[str, str] | None = None",
    "extra_query: Mapping[str, Any] | None = None",
    "extra_body: Mapping[str, Any] | None = None",
    "timeout: float | httpx.Timeout | None = None",
]
# How a list call and a batch create behave, for their docstrings.
LIST_NOTE = ("Returns the first page; iterating it walks every item across pages (`size` defaults to the documented "
             "maximum: fewer round trips).")
ASYNC_LIST_NOTE = " `async for` it to walk every item, or `await` it for the first page."
BATCH_NOTE = ("Accepts any iterable of items and sends them in chunks of at most {limit}; a failing chunk raises "
              "BatchError naming its index range.")
ATOMIC_NOTE = ("All-or-nothing (Topo's docs): one request creates every item or none. Accepts any iterable of at "
               "most {limit} items, sent as one request; more raises InvalidRequestError before anything is sent. "
               "allow_partial=True sends chunks instead: if a later chunk fails, BatchError says how many items the "
               "earlier chunks committed (they stay).")

PAGE, SIZE = "page", "size"  # the page envelope's query parameters (spec/README.md): always sent by a list call


@dataclass(frozen=True)
class Param:
    name: str
    annotation: str
    default: str | None  # source text; None: required
    positional: bool = False
    doc: str = ""

    def source(self) -> str:
        return f"{self.name}: {self.annotation}" + (f" = {self.default}" if self.default is not None else "")


class Types:
    """Annotations as source text, collecting the names a module must import."""

    def __init__(self, doc: dict[str, Any], models: set[str], values: dict[str, str] | None = None) -> None:
        self.doc = doc
        self.models = models  # classes of `topo_client.models` (request models and enums)
        self.imports: set[str] = set()  # names of `..models` used
        self.values = values if values is not None else {}  # `ExclusionReasonValue` -> `Literal[...]`, all modules
        self.aliases: set[str] = set()  # the value aliases this module uses

    def of(self, schema: dict[str, Any], *, body: bool) -> str:
        nullable = False
        types = schema.get("type")
        if isinstance(types, list) and "null" in types:
            nullable, schema = True, {**schema, "type": next(t for t in types if t != "null")}
        options = [o for o in schema.get("anyOf", []) if resolve(self.doc, o).get("type") != "null"]
        if "anyOf" in schema and len(options) < len(schema["anyOf"]):
            nullable = True
        text = self._of(options[0] if len(options) == 1 else schema, body=body)
        return f"{text} | None" if nullable else text

    def _enum(self, name: str | None, names: list[str], values: list[str]) -> str:
        """`ExclusionReason | ExclusionReasonValue`: the enum class(es) and the alias of the spec's values (one
        `Literal`, in `resources/_values.py`: a value the spec adds changes the alias, not every signature)."""
        self.imports.update(n for n in names if n in self.models)
        literal = "Literal[" + ", ".join(f'"{v}"' for v in values) + "]"
        if name:
            self.values[f"{name}Value"] = literal
            self.aliases.add(f"{name}Value")
            literal = f"{name}Value"
        return " | ".join([*(n for n in names if n in self.models), literal])

    def _of(self, schema: dict[str, Any], *, body: bool) -> str:
        name = ref_name(schema)
        target = resolve(self.doc, schema)
        if "anyOf" in target and all(resolve(self.doc, o).get("enum") for o in target["anyOf"]):
            names = [ref_name(o) or "" for o in target["anyOf"]]
            values = [v for o in target["anyOf"] for v in resolve(self.doc, o)["enum"]]
            return self._enum(name, [name or "", *names] if name in self.models else names, values)
        if isinstance(target.get("enum"), list):
            return self._enum(name, [name] if name else [], [v for v in target["enum"] if isinstance(v, str)])
        kind = target.get("type")
        if kind == "array":
            return f"abc.Sequence[{self.of(target.get('items', {}), body=body)}]"
        if kind == "object" or "properties" in target or "allOf" in target:
            extra = target.get("additionalProperties")
            value = self.of(extra, body=body) if isinstance(extra, dict) and extra.get("type") else "Any"
            if name and name in self.models:
                self.imports.add(name)
                return f"{name} | Mapping[str, Any]"
            return f"Mapping[str, {value}]"
        fmt = target.get("format")
        if kind == "string" and fmt == "uuid":
            return "str | UUID"
        if kind == "string" and fmt == "date-time":
            return "datetime | str" if body else "datetime"
        if kind == "string" and fmt == "date":
            return "date | str" if body else "date"
        return {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}.get(kind or "", "Any")


def query_params(types: Types, op: dict[str, Any], paginated: bool) -> list[Param]:
    found = []
    for raw in op.get("parameters", []):
        p = resolve(types.doc, raw)
        schema = p.get("schema", {})
        annotation = types.of(schema, body=False)
        doc = " ".join(str(p.get("description") or resolve(types.doc, schema).get("description") or "").split())
        if p["in"] == "path":
            found.append(Param(p["name"], annotation, None, positional=True, doc=doc))
        elif p.get("required"):
            found.append(Param(p["name"], annotation, None, doc=doc))
        elif paginated and p["name"] == SIZE and isinstance(schema.get("maximum"), int):
            found.append(Param(p["name"], annotation, str(schema["maximum"]), doc=doc))
        elif paginated and p["name"] == PAGE:
            found.append(Param(p["name"], annotation, "1", doc=doc))
        else:
            found.append(Param(p["name"], f"{annotation} | NotGiven", "NOT_GIVEN", doc=doc))
    return found


def body_schema(doc: dict[str, Any], op: dict[str, Any]) -> dict[str, Any] | None:
    if "requestBody" not in op:
        return None
    media: dict[str, Any] = resolve(doc, op["requestBody"])["content"].get("application/json", {})
    return media.get("schema")


def body_params(types: Types, schema: dict[str, Any]) -> list[Param]:
    merged = merge_all_of(types.doc, schema)
    required = set(merged.get("required", ()))
    found = []
    for name, prop in merged.get("properties", {}).items():
        annotation = types.of(prop, body=True)
        doc = " ".join(str(resolve(types.doc, prop).get("description") or "").split())
        if name in required:
            found.append(Param(name, annotation, None, doc=doc))
        else:
            found.append(Param(name, f"{annotation} | NotGiven", "NOT_GIVEN", doc=doc))
    return found


def body_model(types: Types, schema: dict[str, Any]) -> str:
    """The annotation of `body=`: the request model (or a mapping)."""
    name = ref_name(schema)
    if name and name in types.models:
        types.imports.add(name)
        return f"{name} | Mapping[str, Any]"
    return "Mapping[str, Any]"


def _wrap(text: str, indent: str, width: int = 112, hanging: str = "") -> list[str]:
    lines: list[str] = []
    line = ""
    for word in text.split():
        if line and len(indent) + len(line) + 1 + len(word) > width:
            lines.append(indent + line)
            indent, line = indent + hanging, word
            hanging = ""
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(indent + line)
    return lines


def docstring(doc: dict[str, Any], op: dict[str, Any], params: list[Param], note: str, indent: str) -> list[str]:
    """The method's docstring: summary (and, for a guessed endpoint, "Not in Topo's docs: <reason>"), description,
    arguments, a note on how the call behaves, scopes, errors."""
    summary = " ".join(str(op.get("summary") or op["operationId"]).split()).rstrip(".") + "."
    if reason := inferred_reason(op):
        summary = f"{summary} {NOT_IN_DOCS} {reason}"
    out = _wrap(summary, indent)
    out[0] = out[0][len(indent):]
    for paragraph in str(op.get("description") or "").strip().split("\n\n"):
        if paragraph.strip():
            out += ["", *_wrap(paragraph, indent)]
    shown = [p for p in params if p.doc]
    if shown:
        out += ["", f"{indent}Args:"]
        for p in shown:
            out += _wrap(f"{p.name}: {p.doc}", indent + "    ", hanging="    ")
    if note:
        out += ["", *_wrap(note, indent)]
    scopes = ", ".join(op.get("x-topo-scopes", ())) or "none"
    errors = ", ".join(code for code in sorted(op.get("responses", {})) if code.isdigit() and int(code) >= 400)
    out += ["", *_wrap(f"Scopes: {scopes}. Errors: {errors or 'none documented'} (APIStatusError subclasses, "
                       "topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as "
                       "given (values newer than this spec), timeout in seconds.", indent)]
    return [line.replace("\\", "\\\\").replace('"""', '\\"\\"\\"') for line in out]
