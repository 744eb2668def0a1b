"""Checking responses against the spec: walk a body along its schema, collect what the spec does not describe."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from topo_client._decode import (
    DriftKind,
    _snake,  # the client's own camelCase -> snake_case rule
)
from topo_client._schema import esc as _esc
from topo_ext._drift import REDACTED, drift_key

from .inputs import Exchange, _date
from .spec import Spec, UsageError, _accepts, _json_type, _today

RUNTIME_KINDS = tuple(DriftKind)
SECTIONS = {
    DriftKind.FIELD: "unknown fields",
    DriftKind.ENUM: "unknown enum values",
    DriftKind.EVENT_TYPE: "unknown event types",
    DriftKind.TYPE: "values of an undocumented type",
    "missing_required": "documented required fields that were missing",
    DriftKind.MISSING: "documented required fields a client saw missing",
    "undocumented_endpoint": "undocumented endpoints",
    "undocumented_status": "undocumented status codes",
    "undocumented_body": "bodies where the spec documents none",
}
_ID_SEGMENT = re.compile(r"^(\d+|[0-9a-fA-F-]{16,}|[A-Za-z0-9_]*\d[A-Za-z0-9_]{7,})$")


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path and not name.startswith("[") else f"{path}{name}"



def finding_key(kind: str, schema: str, name: str) -> str:
    """A finding's key: the runtime record's spelling (`topo_ext._drift.drift_key`) for what both can see."""
    if kind in RUNTIME_KINDS or kind not in SECTIONS:  # a newer client's kind: its record's spelling
        return drift_key(kind, schema, name)
    if kind == "missing_required":
        return f"{schema}.{name} (required, missing)"
    return name



# ---- walking a body against a schema ---------------------------------------------------------------------------


@dataclass
class Hit:
    kind: str
    schema: str
    name: str
    pointer: str | None = None  # where a patch would go; None when a person has to decide
    prop: str = ""  # for fields: the property name to add
    value: Any = None


@dataclass
class Ctx:
    schema: str  # the nearest named schema
    path: str  # the JSON path inside it
    pointer: str  # JSON pointer of the current schema node in the spec


class Checker:
    def __init__(self, spec: Spec) -> None:
        self.spec = spec

    def walk(self, node: dict[str, Any], value: Any, ctx: Ctx, out: list[Hit]) -> None:
        if "$ref" in node:
            ref = node["$ref"]
            name = ref.rsplit("/", 1)[-1]
            node, pointer = self.spec.deref(node, ctx.pointer)
            if ref.startswith("#/components/schemas/"):
                ctx = Ctx(name, "", pointer)
        allowed = self.spec.allowed_types(node)
        actual = _json_type(value)
        if allowed is not None and not _accepts(allowed, actual):
            out.append(Hit(DriftKind.TYPE, ctx.schema, ctx.path or "(body)", value=value))
            return
        if value is None:
            return
        branches_key = "oneOf" if "oneOf" in node else "anyOf" if "anyOf" in node else None
        if branches_key and "discriminator" in node and isinstance(value, dict):
            self._tagged(node, value, ctx, out)
        elif branches_key:
            self._union(node[branches_key], branches_key, value, ctx, out)
        elif isinstance(value, str) and isinstance(node.get("enum"), list):
            if value.casefold() not in {str(v).casefold() for v in node["enum"]}:  # the client's enums fold case too
                where = _join(ctx.schema, ctx.path) if ctx.path else ctx.schema
                out.append(Hit(DriftKind.ENUM, where, value, pointer=ctx.pointer, value=value))
        elif isinstance(value, dict):
            self._object(node, value, ctx, out)
        elif isinstance(value, list):
            items = node.get("items") or next((p["items"] for p in node.get("allOf", []) if "items" in p), None)
            if isinstance(items, dict):
                for item in value:
                    self.walk(items, item, Ctx(ctx.schema, _join(ctx.path, "[]"), f"{ctx.pointer}/items"), out)

    def _tagged(self, node: dict[str, Any], value: dict[str, Any], ctx: Ctx, out: list[Hit]) -> None:
        prop = node["discriminator"].get("propertyName", "type")
        tag = value.get(prop)
        mapping: dict[str, str] = node["discriminator"].get("mapping") or {
            b["$ref"].rsplit("/", 1)[-1]: b["$ref"] for b in node.get("oneOf", node.get("anyOf", [])) if "$ref" in b
        }
        target = mapping.get(tag) if isinstance(tag, str) else None
        if target is None:
            out.append(Hit(DriftKind.EVENT_TYPE, ctx.schema, str(tag), pointer=ctx.pointer, value=value))
        else:
            self.walk({"$ref": target}, value, ctx, out)

    def _union(self, branches: list[Any], key: str, value: Any, ctx: Ctx, out: list[Hit]) -> None:
        actual = _json_type(value)
        candidates = []
        for i, branch in enumerate(branches):
            allowed = self.spec.allowed_types(branch)
            if allowed is None or _accepts(allowed, actual):
                candidates.append((branch, Ctx(ctx.schema, ctx.path, f"{ctx.pointer}/{key}/{i}")))
        if not candidates:
            out.append(Hit(DriftKind.TYPE, ctx.schema, ctx.path or "(body)", value=value))
            return
        best: list[Hit] | None = None
        for branch, branch_ctx in candidates:  # the branch that explains the value best
            trial: list[Hit] = []
            self.walk(branch, value, branch_ctx, trial)
            if best is None or len(trial) < len(best):
                best = trial
        out.extend(best or [])

    def _object(self, node: dict[str, Any], value: dict[str, Any], ctx: Ctx, out: list[Hit]) -> None:
        shape = self.spec.shape(node, ctx.pointer)
        camel = ctx.schema in self.spec.camel
        seen: set[str] = set()
        for key, item in value.items():
            name = _snake(key) if camel and key not in shape.props else key
            seen.add(name)
            if name in shape.props:
                sub, pointer = shape.props[name]
                self.walk(sub, item, Ctx(ctx.schema, _join(ctx.path, name), pointer), out)
            elif isinstance(shape.additional, dict):
                extra_ctx = Ctx(ctx.schema, _join(ctx.path, name), shape.additional_pointer)
                self.walk(shape.additional, item, extra_ctx, out)
            elif shape.keys is not None:  # a closed object: the key is not described
                out.append(Hit(DriftKind.FIELD, ctx.schema, _join(ctx.path, name), pointer=shape.owner, prop=name,
                               value=item))
        for name in sorted(shape.required - seen):
            out.append(Hit("missing_required", ctx.schema, _join(ctx.path, name)))



# ---- checking --------------------------------------------------------------------------------------------------


@dataclass
class Finding:
    kind: str
    schema: str
    name: str
    key: str
    pointer: str | None
    prop: str = ""
    count: int = 0
    seen_in: list[str] = field(default_factory=list)
    first_seen: str = ""
    values: list[Any] = field(default_factory=list)


class Drift:
    """Everything found, aggregated by key."""

    def __init__(self, spec: Spec) -> None:
        self.spec = spec
        self.checker = Checker(spec)
        self.findings: dict[tuple[str, str], Finding] = {}
        self.responses = 0

    def add(self, hit: Hit, where: str, seen: str, count: int = 1) -> None:
        key = finding_key(hit.kind, hit.schema, hit.name)
        found = self.findings.get((hit.kind, key))
        if found is None:
            found = self.findings[(hit.kind, key)] = Finding(hit.kind, hit.schema, hit.name, key, hit.pointer,
                                                             hit.prop, first_seen=seen)
        found.count += count
        found.first_seen = min(found.first_seen, seen)
        if where not in found.seen_in and len(found.seen_in) < 3:
            found.seen_in.append(where)
        if hit.value is not None and hit.value != REDACTED and len(found.values) < 50:
            found.values.append(hit.value)

    def ordered(self) -> list[Finding]:
        """By section, then key; kinds this tool does not know (a newer client's report) last, by kind."""
        order = {kind: i for i, kind in enumerate(SECTIONS)}
        return sorted(self.findings.values(), key=lambda f: (order.get(f.kind, len(order)), f.kind, f.key))

    def check_exchange(self, ex: Exchange) -> None:
        self.responses += 1
        seen = ex.seen or _today()
        hits: list[Hit] = []
        if ex.schema is not None:
            if ex.schema not in self.spec.schemas:
                raise UsageError(f"{ex.source}: the spec has no schema named {ex.schema!r}")
            node = {"$ref": f"#/components/schemas/{ex.schema}"}
            self.checker.walk(node, ex.body, Ctx(ex.schema, "", ""), hits)
            for hit in hits:
                self.add(hit, ex.schema, seen)
            return
        if ex.operation is not None:
            if ex.operation not in self.spec.operations:
                raise UsageError(f"{ex.source}: the spec has no operation {ex.operation!r}")
            method, template = self.spec.operations[ex.operation]
        else:
            method = (ex.method or "GET").lower()
            matched = self.spec.match(ex.path or "")
            item = self.spec.doc["paths"].get(matched, {}) if matched else {}
            if matched is None or method not in item:
                shown = matched or "/".join("{id}" if _ID_SEGMENT.match(s) else s
                                            for s in self._strip(urlsplit(ex.path or "").path).split("/"))
                self.add(Hit("undocumented_endpoint", "", f"{method.upper()} {shown}"), ex.source, seen)
                return
            template = matched
        op = self.spec.doc["paths"][template][method]
        responses: dict[str, Any] = op.get("responses", {})
        status = ex.status or next((int(c) for c in responses if c.isdigit() and 200 <= int(c) < 300), 200)
        code = next((c for c in (str(status), f"{status // 100}XX", "default") if c in responses), None)
        where = f"{method.upper()} {template} -> {status}"
        if code is None:
            self.add(Hit("undocumented_status", "", where), ex.source, seen)
            return
        pointer = f"/paths/{_esc(template)}/{method}/responses/{code}"
        response, pointer = self.spec.deref(responses[code], pointer)
        content = response.get("content") or {}
        media = next((m for m in content if "json" in m), None)
        if media is None:
            if ex.body is not None:
                self.add(Hit("undocumented_body", "", f"{where} has a body"), ex.source, seen)
            return
        schema = content[media].get("schema")
        if schema is None or ex.body is None:
            return
        ctx = Ctx(op.get("operationId", template), "", f"{pointer}/content/{_esc(media)}/schema")
        self.checker.walk(schema, ex.body, ctx, hits)
        for hit in hits:
            self.add(hit, where, seen)

    def _strip(self, path: str) -> str:
        base = self.spec.base_path
        return path[len(base):] if base and path.startswith(base + "/") else path

    def check_report_entry(self, source: str, entry: dict[str, Any]) -> None:
        """Re-check one entry of a runtime drift report against the spec (it may describe it by now)."""
        kind, schema, name = str(entry["kind"]), str(entry["schema"]), str(entry["name"])
        seen = _date(entry.get("first_seen")) or _today()
        count = int(entry.get("count") or 1)
        example = entry.get("example")
        node = self.spec.schemas.get(schema)
        pointer = f"/components/schemas/{_esc(schema)}"
        hit = Hit(kind, schema, name, value=example)
        if kind == DriftKind.FIELD and isinstance(node, dict):
            shape = self.spec.shape(node, pointer)
            prop = _snake(name) if schema in self.spec.camel and name not in shape.props else name
            if shape.keys is None or prop in shape.keys:
                return
            hit = Hit(kind, schema, prop, pointer=shape.owner, prop=prop, value=example)
        elif kind == DriftKind.ENUM and isinstance(node, dict) and isinstance(node.get("enum"), list):
            if name.casefold() in {str(v).casefold() for v in node["enum"]}:
                return
            hit.pointer = pointer
        elif kind == DriftKind.EVENT_TYPE and isinstance(node, dict) and "discriminator" in node:
            if name in (node["discriminator"].get("mapping") or {}):
                return
            hit.pointer = pointer
            hit.value = example if isinstance(example, dict) else None
        elif (kind == DriftKind.MISSING and isinstance(node, dict) and "." not in name
              and name not in self.spec.shape(node, pointer).required):  # not required any more: nothing to report
            return
        self.add(hit, f"client drift report {source}", seen, count)

