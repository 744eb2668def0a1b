"""`--patch`: the spec changes (JSON-pointer `add` operations) that would describe what was found."""

from __future__ import annotations

import copy
import json
import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

from topo_client._decode import (
    DriftKind,
    _snake,  # the client's own camelCase -> snake_case rule
)
from topo_client._schema import esc as _esc
from topo_client._schema import unesc as _unesc
from topo_ext._drift import REDACTED

from .check import Finding
from .spec import Spec, _json_type, _pyyaml, _today


def _is_datetime(text: str) -> bool:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})", text):
        return False
    try:
        datetime.fromisoformat(text.upper().replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def _is_date(text: str) -> bool:
    try:
        return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", text)) and bool(date.fromisoformat(text))
    except ValueError:
        return False


# (format, test, what every value was): proposed only when EVERY string seen at a place passes the test.
FORMATS: tuple[tuple[str, Any, str], ...] = (
    ("date-time", _is_datetime, "RFC 3339 date-times"),
    ("date", _is_date, "ISO 8601 dates"),
    ("uuid", re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}").fullmatch,
     "UUIDs"),
    ("email", re.compile(r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}").fullmatch, "email addresses"),
    ("uri", re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://[^\s/]+\S*").fullmatch, "absolute URIs"),
)


def propose_format(strings: list[str]) -> tuple[str, str] | None:
    """(format, what the values were) when every string has that shape; None for none or mixed shapes."""
    if not strings:
        return None
    for fmt, test, what in FORMATS:
        if all(test(s) for s in strings):
            return fmt, what
    return None


_MAP_KEY = re.compile(r"\d+|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


def _is_map(objs: list[dict[str, Any]]) -> bool:
    """Objects keyed by ids or numbers are maps (additionalProperties), not objects with fixed properties."""
    keys = [k for o in objs for k in o]
    return bool(keys) and all(_MAP_KEY.fullmatch(k) for k in keys)


def _inside(where: str, outer: str) -> bool:
    return where.startswith(outer + ".") or where.startswith(outer + "[")


class Describer:
    """JSON Schemas for observed values: objects with their properties, arrays with their items, strings with a
    format when every value has its shape. An object seen at more than one place (the same keys) becomes a named
    component schema, referenced from each place."""

    def __init__(self, spec: Spec, sites: list[tuple[str, list[Any], Finding]]) -> None:
        self.spec = spec
        objects: dict[str, list[dict[str, Any]]] = {}  # place (Task.outcome, Task.files[]) -> objects seen there
        owners: dict[str, Finding] = {}
        for where, values, finding in sites:
            self._gather(where, values, objects)
            owners.update({place: finding for place in objects if place == where or _inside(place, where)})
        by_keys: dict[frozenset[str], list[str]] = {}
        for where, objs in objects.items():
            keys = frozenset(k for o in objs for k in o)
            if keys:
                by_keys.setdefault(keys, []).append(where)
        self.named: dict[str, str] = {}  # place -> component name
        self.components: dict[str, tuple[list[dict[str, Any]], list[str], list[Finding]]] = {}
        for places in sorted(by_keys.values(), key=lambda ps: (min(p.count(".") + p.count("[") for p in ps), ps)):
            places = sorted(p for p in places if not any(_inside(p, h) for h in self.named))
            if len(places) >= 2:
                name = self._name(places[0])
                self.named.update(dict.fromkeys(places, name))
                self.components[name] = ([o for p in places for o in objects[p]], places, [owners[p] for p in places])

    def _gather(self, where: str, values: list[Any], objects: dict[str, list[dict[str, Any]]]) -> None:
        objs = [v for v in values if isinstance(v, dict)]
        if objs and _is_map(objs):
            self._gather(f"{where}.*", [v for o in objs for v in o.values()], objects)
        elif objs:
            objects.setdefault(where, []).extend(objs)
            for key in dict.fromkeys(k for o in objs for k in o):
                self._gather(f"{where}.{key}", [o[key] for o in objs if key in o], objects)
        items = [item for v in values if isinstance(v, list) for item in v]
        if items:
            self._gather(f"{where}[]", items, objects)

    def _name(self, where: str) -> str:
        """`Task.outcome.recorded_by` -> RecordedBy (TaskRecordedBy if taken); `x[]` -> XItem; `x.*` -> XValue."""
        owner, _, rest = where.partition(".")
        last = rest.replace("[]", " item").replace(".*", " value").rsplit(".", 1)[-1]
        base = "".join(p[:1].upper() + p[1:] for p in re.split(r"[^A-Za-z0-9]+", last) if p)
        taken = set(self.spec.schemas) | set(self.components)
        name = base if base and base not in taken else owner + base
        while name in taken:
            name += "Observed"
        return name

    def describe(self, where: str, values: list[Any], nullable: bool = True) -> dict[str, Any]:
        """A permissive schema (the spec's rule for uncertain response fields: optional, nullable)."""
        values = [v for v in values if v != REDACTED and v != "..."]  # placeholders of a client's drift report
        types = {_json_type(v) for v in values} - {"null"}
        if {"integer", "number"} <= types:
            types.discard("integer")
        if not types:
            return {}
        if types == {"object"} and where in self.named:
            ref = {"$ref": f"#/components/schemas/{self.named[where]}"}
            return {"oneOf": [ref, {"type": "null"}]} if nullable else ref
        kinds = sorted(types) + (["null"] if nullable else [])
        schema: dict[str, Any] = {"type": kinds[0] if len(kinds) == 1 else kinds}
        objs = [v for v in values if isinstance(v, dict)]
        if objs and _is_map(objs):  # keyed by ids: a map, not fixed fields
            schema["additionalProperties"] = self.describe(f"{where}.*", [v for o in objs for v in o.values()])
        elif objs:
            props = {key: self.describe(f"{where}.{key}", [o[key] for o in objs if key in o])
                     for key in sorted({k for o in objs for k in o})}
            if props:
                schema["properties"] = props
        if "array" in types:
            schema["items"] = self.describe(f"{where}[]", [i for v in values if isinstance(v, list) for i in v], False)
        proposed = propose_format(values) if types == {"string"} else None
        if proposed:
            schema["format"] = proposed[0]
            schema["x-topo-reason"] = (f"`format: {proposed[0]}` proposed because all {len(values)} value(s) seen "
                                       f"were {proposed[1]}; drop it if this field may hold other strings.")
        return schema

    def describe_field(self, where: str, values: list[Any], finding: Finding, what: str) -> dict[str, Any]:
        """`describe` plus provenance; a format note on the value itself is kept in its `x-topo-reason`."""
        value = self.describe(where, values)
        provenance = _provenance(finding, what)
        if "x-topo-reason" in value:
            provenance["x-topo-reason"] += " " + value.pop("x-topo-reason")
        return {**value, **provenance}

    def component_ops(self) -> list[dict[str, Any]]:
        ops = []
        for name, (objs, places, findings) in self.components.items():
            first = min(findings, key=lambda f: f.first_seen)
            schema = {"description": f"Observed in API responses at {', '.join(places)}; not in the docs yet.",
                      **self.describe_field(name, objs, first, f"Object at {', '.join(places)}")}
            schema["type"] = "object"  # a component is the object itself; each place says if it may be null
            ops.append(_op(f"/components/schemas/{_esc(name)}", schema, first, beside=first.pointer))
        return ops


def _provenance(finding: Finding, what: str) -> dict[str, Any]:
    seen = "; ".join(finding.seen_in) or "API responses"
    return {
        "x-topo-source": "observed",
        "x-topo-first-seen": finding.first_seen,
        "x-topo-reason": f"{what} seen {finding.count}x in {seen} (first {finding.first_seen}) by "
                         "`python -m topo_tools.drift`; not in the docs yet.",
    }


def _op(path: str, value: Any, finding: Finding, beside: str | None = None) -> dict[str, Any]:
    op: dict[str, Any] = {"op": "add", "path": path, "why": f"{finding.key} (seen {finding.count}x)"}
    if beside:
        op["beside"] = beside
    op["value"] = value
    return op


def _enum_ops(pointer: str, value: str, finding: Finding) -> list[dict[str, Any]]:
    return [
        _op(f"{pointer}/enum/-", value, finding),
        _op(f"{pointer}/x-topo-observed/{_esc(value)}", _provenance(finding, f"Enum value {value!r}"), finding),
    ]


def _replace_strings(node: Any, replacements: list[tuple[str, str]]) -> Any:
    if isinstance(node, str):
        for old, new in replacements:
            node = node.replace(old, new)
        return node
    if isinstance(node, dict):
        return {k: _replace_strings(v, replacements) for k, v in node.items()}
    if isinstance(node, list):
        return [_replace_strings(v, replacements) for v in node]
    return node


def _event_parts(spec: Spec, finding: Finding) -> tuple[str, list[str], dict[str, list[Any]]]:
    """A new event type's schema name, the bases every documented variant shares, and the other fields seen."""
    union = spec.node_at(finding.pointer or "")
    prop = union["discriminator"].get("propertyName", "type")
    mapping: dict[str, str] = union["discriminator"].get("mapping") or {}
    variants = [ref.rsplit("/", 1)[-1] for ref in mapping.values()]
    suffix = "Event" if variants and all(v.endswith("Event") for v in variants) else ""
    name = "".join(part[:1].upper() + part[1:] for part in re.split(r"[^A-Za-z0-9]+", finding.name) if part) + suffix
    while name in spec.schemas:
        name += "Observed"
    bases: list[str] = []
    for i, variant in enumerate(variants):  # the $refs every variant's allOf starts from
        refs = [p["$ref"] for p in spec.schemas.get(variant, {}).get("allOf", []) if "$ref" in p]
        bases = refs if i == 0 else [b for b in bases if b in refs]
    known: set[str] = {prop}
    for base in bases:
        known |= set(spec.shape({"$ref": base}, "").props)
    seen_fields: dict[str, list[Any]] = {}
    camel = _unesc((finding.pointer or "").rsplit("/", 1)[-1]) in spec.camel
    for payload in finding.values:
        for key, value in payload.items() if isinstance(payload, dict) else ():
            key = _snake(key) if camel else key
            if key not in known:
                seen_fields.setdefault(key, []).append(value)
    return name, bases, seen_fields


def _event_ops(spec: Spec, finding: Finding, describer: Describer) -> list[dict[str, Any]]:
    pointer = finding.pointer or ""
    union = spec.node_at(pointer)
    prop = union["discriminator"].get("propertyName", "type")
    mapping: dict[str, str] = union["discriminator"].get("mapping") or {}
    tag = finding.name
    name, bases, seen_fields = _event_parts(spec, finding)
    properties: dict[str, Any] = {prop: {"type": "string", "const": tag}}
    for key, values in sorted(seen_fields.items()):
        properties[key] = describer.describe_field(f"{name}.{key}", values, finding, f"Field `{key}` of `{tag}`")
    own = {"type": "object", "required": [prop], "properties": properties}
    schema: dict[str, Any] = {"description": f"`{tag}`: observed in API responses; not in the docs yet."}
    schema.update({"allOf": [{"$ref": b} for b in bases] + [own]} if bases else own)
    schema.update(_provenance(finding, f"Event type {tag!r}"))
    ref = f"#/components/schemas/{name}"
    branches = "oneOf" if "oneOf" in union else "anyOf"
    ops = [
        _op(f"/components/schemas/{_esc(name)}", schema, finding, beside=pointer),
        _op(f"{pointer}/{branches}/-", {"$ref": ref}, finding),
        _op(f"{pointer}/discriminator/mapping/{_esc(tag)}", ref, finding),
    ]
    for enum_name, enum_schema in sorted(spec.schemas.items()):  # enums listing every event type (EventType)
        listed = enum_schema.get("enum") if isinstance(enum_schema, dict) else None
        if isinstance(listed, list) and len(mapping) > 1 and set(mapping) <= set(listed) and tag not in listed:
            ops += _enum_ops(f"/components/schemas/{_esc(enum_name)}", tag, finding)
    webhooks: dict[str, Any] = spec.doc.get("webhooks") or {}
    if mapping and set(mapping) <= set(webhooks) and tag not in webhooks:
        model = next(iter(mapping))  # describe the delivery like the first documented event's
        model_schema = mapping[model].rsplit("/", 1)[-1]
        replacements = [(model_schema, name), (model, tag), (model.replace(".", "_"), re.sub(r"\W", "_", tag))]
        webhook = _replace_strings(copy.deepcopy(webhooks[model]), replacements)
        for operation in webhook.values():
            if isinstance(operation, dict):
                operation.update(_provenance(finding, f"Event type {tag!r}"))
        ops.append(_op(f"/webhooks/{_esc(tag)}", webhook, finding, beside=f"/webhooks/{_esc(model)}"))
    return ops


def build_patch(spec: Spec, findings: list[Finding]) -> tuple[list[dict[str, Any]], list[Finding]]:
    """(operations, findings that need a person)."""
    sites: list[tuple[str, list[Any], Finding]] = []  # where each new value sits, for the Describer
    for f in findings:
        if f.pointer is not None and f.kind == DriftKind.FIELD:
            sites.append((f"{f.schema}.{f.name}", f.values, f))
        elif f.pointer is not None and f.kind == DriftKind.EVENT_TYPE:
            name, _, seen_fields = _event_parts(spec, f)
            sites += [(f"{name}.{key}", values, f) for key, values in seen_fields.items()]
    describer = Describer(spec, sites)
    ops: list[dict[str, Any]] = []
    manual: list[Finding] = []
    for f in findings:
        if f.pointer is None or f.kind not in (DriftKind.FIELD, DriftKind.ENUM, DriftKind.EVENT_TYPE):
            manual.append(f)
        elif f.kind == DriftKind.FIELD:
            value = describer.describe_field(f"{f.schema}.{f.name}", f.values, f, f"Field `{f.prop}`")
            ops.append(_op(f"{f.pointer}/properties/{_esc(f.prop)}", value, f))
        elif f.kind == DriftKind.ENUM:
            ops += _enum_ops(f.pointer, f.name, f)
        else:
            ops += _event_ops(spec, f, describer)
    ops += describer.component_ops()
    unique: dict[str, dict[str, Any]] = {}
    for op in ops:
        if op["path"].endswith("/-"):
            unique[f"{op['path']}={json.dumps(op['value'], sort_keys=True)}"] = op
        else:
            unique.setdefault(op["path"], op)
    return list(unique.values()), manual


def write_patch(path: Path, spec: Spec, ops: list[dict[str, Any]], manual: list[Finding]) -> None:
    yaml = _pyyaml()

    header = [
        f"# Spec changes proposed by `python -m topo_tools.drift` on {_today()} (spec {spec.version}).",
        "# Review each operation (edit descriptions, tighten types, delete what should not be documented), then:",
        f"#     python -m topo_tools.drift --apply {path.name} --spec-dir spec && make generate",
        "# Each operation adds `value` at the JSON pointer `path` of the bundled spec; --apply edits the spec/ file",
        "# defining that component (a new one goes beside `beside`).",
    ]
    if manual:
        header.append("# Not patched (needs a person): " + ", ".join(f.key for f in manual))

    def represent_str(dumper: Any, data: str) -> Any:  # multi-line descriptions as readable `|` blocks
        return dumper.represent_scalar("tag:yaml.org,2002:str", data, style="|" if "\n" in data else None)

    dumper: Any = type("Dumper", (yaml.SafeDumper,), {})  # a private copy, so the representer stays local
    dumper.add_representer(str, represent_str)
    body = yaml.dump({"topo-drift-patch": 1, "spec_version": spec.version, "operations": ops}, Dumper=dumper,
                     sort_keys=False, allow_unicode=True, width=100_000, default_flow_style=False)
    path.write_text("\n".join(header) + "\n" + body)

