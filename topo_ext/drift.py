"""Compare recorded API responses with the spec and print what the spec does not describe (`make drift`).

    python -m topo_ext.drift INPUT... [--spec SPEC] [--json] [--patch OUT.yaml]
    python -m topo_ext.drift --apply PATCH.yaml [--spec-dir spec]

INPUT is a file or a directory (searched recursively for *.yaml, *.yml, *.json, *.jsonl):

- **vcrpy cassettes** (`*.yaml`, `*.yml`): every interaction's request method + uri and response status + body.
- **captures** (`*.jsonl`: one record per line; `*.json`: one record or a list of records). A record is
  `{"method": "GET", "path": "/v1/contacts/42", "status": 200, "body": {...}}` (`path` may be a full URL; a
  leading server path like `/v1` is ignored), or `{"operation": "get_contact", "status": 200, "body": {...}}`
  (an operationId instead of method + path), or `{"schema": "ActivityPayload", "body": {...}}` (any component
  schema, e.g. for webhook deliveries). `status` defaults to the operation's documented success status, `body` may
  be a JSON string, and an optional `recorded_at` (ISO date) is used as the first-seen date. A `.json` file that
  holds a bare response body is matched by its name: `<operationId>[.<status>].json` or `<Schema>.json`.
- **drift reports** saved from a client (`client.drift.to_json()`), re-checked against the spec.

SPEC (default: the spec shipped in `topo_client`) is a bundled `openapi.json`, or a spec directory / root YAML file
(bundled with `generator/bundle.py` from a source checkout).

Reported: unknown fields (`Contact.favorite_color`), unknown enum values (`ExclusionReason="SPAM_TRAP"`), unknown
event types (`ActivityPayload.type="message.bounced"`), values of another JSON type than documented, documented
required fields that were missing, undocumented endpoints and status codes. Where the client accepts camelCase
keys (the activity and event schemas), a camelCase spelling of a known snake_case field counts as known.

`--patch OUT.yaml` writes the spec changes that would describe the new fields, enum values and event types, for a
person to review. The file is a list of `add` operations at JSON pointers into the bundled spec; the same pointer
addresses the `spec/` file that defines the component (`beside` names an existing neighbour for a brand-new one):

    operations:
      - op: add
        path: /components/schemas/Contact/properties/favorite_color
        why: Contact.favorite_color (seen 3x)
        value: {type: [string, 'null'], x-topo-source: observed, x-topo-first-seen: '2025-06-01', x-topo-reason: ...}

A new value is described recursively: objects with their properties, arrays with their items, and an object with
the same keys seen at several places as one component schema they all refer to. Where every string seen at a place
is a date-time, date, UUID, email or URI, the matching `format` is proposed and said so in its `x-topo-reason`
(mixed shapes: no format). Which keys a schema describes comes from `topo_ext._schema_keys`, shared with the client.

Everything added carries `x-topo-source: observed`, `x-topo-first-seen` and `x-topo-reason` (an enum value's
provenance goes in its schema's `x-topo-observed` map). A new event type becomes a new event schema (the common
base of the other variants plus the fields seen), a `oneOf` entry and a discriminator `mapping` entry, and is added
to every enum listing all event types and to `webhooks`. `--apply` edits the YAML files in place, keeping comments
and layout, and skips operations already applied; then run `make generate`. Types, missing required fields and
undocumented endpoints or statuses need a person: they are reported, not patched. Example values are never printed
or written (they may be personal data).

Exit status: 0 when the spec describes everything, 1 when drift was found, 2 on usage errors.
"""

from __future__ import annotations

import argparse
import copy
import gzip
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from topo_client._decode import _snake  # the client's own camelCase -> snake_case rule

from ._drift import REDACTED, drift_key
from ._schema_keys import Shape, _esc, _unesc, deref, node_at, object_shape
from ._spec import document

__all__ = ["main"]  # a command; the helpers below are not API

ROOT = Path(__file__).resolve().parent.parent
CAMEL_ROOTS = ("Activity", "ActivityPage", "ActivityPayload")  # decoded by topo_ext.events, which accepts camelCase
METHODS = ("get", "put", "post", "delete", "patch", "head", "options")
RUNTIME_KINDS = ("field", "enum", "event_type", "type")
SECTIONS = {
    "field": "unknown fields",
    "enum": "unknown enum values",
    "event_type": "unknown event types",
    "type": "values of an undocumented type",
    "missing_required": "documented required fields that were missing",
    "undocumented_endpoint": "undocumented endpoints",
    "undocumented_status": "undocumented status codes",
    "undocumented_body": "bodies where the spec documents none",
}
_ID_SEGMENT = re.compile(r"^(\d+|[0-9a-fA-F-]{16,}|[A-Za-z0-9_]*\d[A-Za-z0-9_]{7,})$")


class UsageError(Exception):
    """Bad arguments or unreadable input (exit status 2)."""


# ---- small helpers ---------------------------------------------------------------------------------------------


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def _accepts(allowed: set[str], actual: str) -> bool:
    return actual in allowed or (actual == "integer" and "number" in allowed)


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path and not name.startswith("[") else f"{path}{name}"


def _today() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%d")


def finding_key(kind: str, schema: str, name: str) -> str:
    """A finding's key: the runtime record's spelling (`topo_ext._drift.drift_key`) for what both can see."""
    if kind in RUNTIME_KINDS:
        return drift_key(kind, schema, name)
    if kind == "missing_required":
        return f"{schema}.{name} (required, missing)"
    return name


# ---- the spec --------------------------------------------------------------------------------------------------


class Spec:
    """The bundled OpenAPI document, indexed for matching responses."""

    def __init__(self, doc: dict[str, Any]) -> None:
        self.doc = doc
        self.schemas: dict[str, Any] = doc.get("components", {}).get("schemas", {})
        self.version = str(doc.get("info", {}).get("version", "?"))
        server = (doc.get("servers") or [{}])[0].get("url", "")
        self.base_path = urlsplit(server).path.rstrip("/")
        self.routes: list[tuple[re.Pattern[str], str]] = []
        self.operations: dict[str, tuple[str, str]] = {}
        for template, item in doc.get("paths", {}).items():
            pattern = re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(template))
            self.routes.append((re.compile(f"^{pattern}/?$"), template))
            for method, op in item.items():
                if method in METHODS and isinstance(op, dict) and "operationId" in op:
                    self.operations[op["operationId"]] = (method, template)
        self.routes.sort(key=lambda r: (r[1].count("{"), r[1]))  # literal segments win over parameters
        self.camel = self._closure([r for r in CAMEL_ROOTS if r in self.schemas])

    def _closure(self, roots: list[str]) -> set[str]:
        seen: set[str] = set()
        stack = list(roots)
        while stack:
            name = stack.pop()
            if name not in seen and name in self.schemas:
                seen.add(name)
                stack.extend(re.findall(r"#/components/schemas/([^\"/]+)", json.dumps(self.schemas[name])))
        return seen

    def node_at(self, pointer: str) -> Any:
        return node_at(self.doc, pointer)

    def deref(self, node: dict[str, Any], pointer: str) -> tuple[dict[str, Any], str]:
        """Follow local `$ref`s; return the target and its pointer."""
        try:
            return deref(self.doc, node, pointer)
        except ValueError as exc:
            raise UsageError(str(exc)) from None

    def allowed_types(self, node: dict[str, Any], depth: int = 0) -> set[str] | None:
        """The JSON types `node` accepts, or None for any."""
        if depth > 30:
            return None
        if "$ref" in node:
            return self.allowed_types(self.deref(node, "")[0], depth + 1)
        out: set[str] | None = None
        kind = node.get("type")
        if "const" in node:
            out = {_json_type(node["const"])}
        elif isinstance(kind, str):
            out = {kind}
        elif isinstance(kind, list):
            out = set(kind)
        elif "enum" in node:
            out = {_json_type(v) for v in node["enum"]}
        for key in ("oneOf", "anyOf"):
            if key in node:
                union: set[str] | None = set()
                for branch in node[key]:
                    branch_types = self.allowed_types(branch, depth + 1)
                    if branch_types is None or union is None:
                        union = None
                    else:
                        union |= branch_types
                if union is not None:
                    out = union if out is None else out & union
        for part in node.get("allOf", []):
            part_types = self.allowed_types(part, depth + 1)
            if part_types is not None:
                out = part_types if out is None else out & part_types
        if out is None and ("properties" in node or "additionalProperties" in node):
            out = {"object"}
        if out is None and "items" in node:
            out = {"array"}
        return out

    def shape(self, node: dict[str, Any], pointer: str) -> Shape:
        """The object's merged properties; which keys it describes is `_schema_keys`' rule, shared with the runtime."""
        try:
            return object_shape(self.doc, node, pointer)
        except ValueError as exc:
            raise UsageError(str(exc)) from None

    def match(self, raw_path: str) -> str | None:
        """The path template for a request path, or None."""
        path = urlsplit(raw_path).path or "/"
        if self.base_path and (path == self.base_path or path.startswith(self.base_path + "/")):
            path = path[len(self.base_path):] or "/"
        for pattern, template in self.routes:
            if pattern.match(path):
                return template
        return None


def load_spec(where: str | None) -> Spec:
    if where is None:
        return Spec(document())
    path = Path(where)
    if path.suffix == ".json":
        try:
            return Spec(json.loads(path.read_text()))
        except (OSError, ValueError) as exc:
            raise UsageError(f"--spec {where}: {exc}") from None
    spec_dir = path if path.is_dir() else path.parent
    if not (spec_dir / "topo.openapi.yaml").exists():
        raise UsageError(f"--spec {where}: neither a bundled .json nor a spec directory with topo.openapi.yaml")
    bundler = ROOT / "generator" / "bundle.py"
    if not bundler.exists():
        raise UsageError(f"--spec {where}: bundling needs generator/bundle.py (a source checkout); pass a .json")
    sys.path.insert(0, str(bundler.parent))
    try:
        import bundle  # type: ignore[import-not-found]  # generator/bundle.py, the one bundler

        return Spec(bundle.bundle(spec_dir))
    except SystemExit as exc:
        raise UsageError(f"--spec {where}: {exc}") from None
    finally:
        sys.path.remove(str(bundler.parent))


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
            out.append(Hit("type", ctx.schema, ctx.path or "(body)", value=value))
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
                out.append(Hit("enum", where, value, pointer=ctx.pointer, value=value))
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
            out.append(Hit("event_type", ctx.schema, str(tag), pointer=ctx.pointer, value=value))
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
            out.append(Hit("type", ctx.schema, ctx.path or "(body)", value=value))
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
                out.append(Hit("field", ctx.schema, _join(ctx.path, name), pointer=shape.owner, prop=name, value=item))
        for name in sorted(shape.required - seen):
            out.append(Hit("missing_required", ctx.schema, _join(ctx.path, name)))


# ---- inputs ----------------------------------------------------------------------------------------------------


@dataclass
class Exchange:
    """One response (or one bare object) to check."""

    source: str
    body: Any
    method: str | None = None
    path: str | None = None
    status: int | None = None
    operation: str | None = None
    schema: str | None = None
    seen: str | None = None  # first-seen date, YYYY-MM-DD


@dataclass
class Inputs:
    exchanges: list[Exchange] = field(default_factory=list)
    reports: list[tuple[str, dict[str, Any]]] = field(default_factory=list)  # (source, runtime drift entry)
    notes: list[str] = field(default_factory=list)
    files: int = 0


_RECORD_KEYS = {"method", "path", "url", "uri", "operation", "schema"}


def _date(value: Any) -> str | None:
    text = str(value) if value is not None else ""
    return text[:10] if re.match(r"^\d{4}-\d{2}-\d{2}", text) else None


def _parse_body(body: Any, source: str, notes: list[str]) -> tuple[bool, Any]:
    """(ok, parsed body); strings and bytes are parsed as JSON; empty means no body."""
    if isinstance(body, bytes):
        if body[:2] == b"\x1f\x8b":
            body = gzip.decompress(body)
        body = body.decode("utf-8", "replace")
    if isinstance(body, str):
        if not body.strip():
            return True, None
        try:
            return True, json.loads(body)
        except ValueError:
            notes.append(f"{source}: the body is not JSON; skipped")
            return False, None
    return True, body


def _record(raw: Any, source: str, inputs: Inputs) -> None:
    if not isinstance(raw, dict) or "body" not in raw or not _RECORD_KEYS & set(raw):
        raise UsageError(f"{source}: not a capture record (needs `body` and `method`+`path`, `operation` or `schema`)")
    ok, body = _parse_body(raw["body"], source, inputs.notes)
    if not ok:
        return
    status = raw.get("status", raw.get("status_code"))
    if status is not None and not (isinstance(status, int) or str(status).isdigit()):
        raise UsageError(f"{source}: status must be an integer, got {status!r}")
    path = raw.get("path") or raw.get("url") or raw.get("uri")
    if "schema" not in raw and "operation" not in raw and not (raw.get("method") and path):
        raise UsageError(f"{source}: a capture record needs both `method` and `path`")
    inputs.exchanges.append(Exchange(
        source=source, body=body, method=str(raw["method"]).upper() if raw.get("method") else None,
        path=str(path) if path else None, status=int(status) if status is not None else None,
        operation=raw.get("operation"), schema=raw.get("schema"),
        seen=_date(raw.get("recorded_at") or raw.get("time") or raw.get("date")),
    ))


def _pyyaml() -> Any:
    try:
        import yaml  # type: ignore[import-untyped]  # PyYAML, which vcrpy needs anyway; not a runtime dependency
    except ImportError:
        raise UsageError("cassettes and patches are YAML: this needs PyYAML (pip install pyyaml)") from None
    return yaml


def _load_cassette(path: Path, inputs: Inputs) -> None:
    yaml = _pyyaml()
    try:
        data = yaml.safe_load(path.read_text())
    except yaml.YAMLError as exc:
        raise UsageError(f"{path}: not valid YAML: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("interactions"), list):
        raise UsageError(f"{path}: not a vcrpy cassette (no `interactions` list)")
    for i, interaction in enumerate(data["interactions"]):
        source = f"{path}#{i}"
        try:
            request, response = interaction["request"], interaction["response"]
            body = (response.get("body") or {}).get("string", "")
            record = {"method": request["method"], "path": request["uri"], "status": response["status"]["code"],
                      "body": body, "recorded_at": interaction.get("recorded_at")}
        except (KeyError, TypeError, AttributeError):
            raise UsageError(f"{source}: an interaction needs request.method, request.uri and response.status.code") \
                from None
        _record(record, source, inputs)


def _load_json(path: Path, spec: Spec, inputs: Inputs) -> None:
    text = path.read_text()
    if path.suffix == ".jsonl":
        for n, line in enumerate(text.splitlines(), 1):
            if line.strip():
                try:
                    _record(json.loads(line), f"{path}:{n}", inputs)
                except ValueError as exc:
                    raise UsageError(f"{path}:{n}: not valid JSON: {exc}") from None
        return
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise UsageError(f"{path}: not valid JSON: {exc}") from None
    if isinstance(data, dict) and isinstance(data.get("drift"), list):
        for entry in data["drift"]:
            if not isinstance(entry, dict) or not {"kind", "schema", "name"} <= set(entry):
                raise UsageError(f"{path}: a drift report entry needs kind, schema and name")
            inputs.reports.append((str(path), entry))
    elif isinstance(data, list) and all(isinstance(r, dict) and "body" in r for r in data):
        for i, raw in enumerate(data):
            _record(raw, f"{path}[{i}]", inputs)
    elif isinstance(data, dict) and "body" in data and _RECORD_KEYS & set(data):
        _record(data, str(path), inputs)
    else:  # a bare body, named after its operation or schema
        name, _, status = path.name.removesuffix(".json").partition(".")
        if name in spec.operations:
            _record({"operation": name, "status": int(status) if status.isdigit() else None, "body": data},
                    str(path), inputs)
        elif name in spec.schemas:
            _record({"schema": name, "body": data}, str(path), inputs)
        else:
            raise UsageError(f"{path}: a bare body must be named <operationId>[.<status>].json or <Schema>.json")


def load_inputs(paths: Iterable[str], spec: Spec) -> Inputs:
    inputs = Inputs()
    for where in paths:
        root = Path(where)
        if not root.exists():
            raise UsageError(f"{where}: no such file or directory")
        files = sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else [root]
        skipped = 0
        for path in files:
            if path.suffix in (".yaml", ".yml"):
                _load_cassette(path, inputs)
            elif path.suffix in (".json", ".jsonl"):
                _load_json(path, spec, inputs)
            elif root.is_dir():
                skipped += 1
                continue
            else:
                raise UsageError(f"{path}: unsupported input (expected .yaml, .yml, .json or .jsonl)")
            inputs.files += 1
        if skipped:
            inputs.notes.append(f"{where}: ignored {skipped} file(s) that are not .yaml, .yml, .json or .jsonl")
    return inputs


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
        return sorted(self.findings.values(), key=lambda f: (list(SECTIONS).index(f.kind), f.key))

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
        if kind == "field" and isinstance(node, dict):
            shape = self.spec.shape(node, pointer)
            prop = _snake(name) if schema in self.spec.camel and name not in shape.props else name
            if shape.keys is None or prop in shape.keys:
                return
            hit = Hit(kind, schema, prop, pointer=shape.owner, prop=prop, value=example)
        elif kind == "enum" and isinstance(node, dict) and isinstance(node.get("enum"), list):
            if name.casefold() in {str(v).casefold() for v in node["enum"]}:
                return
            hit.pointer = pointer
        elif kind == "event_type" and isinstance(node, dict) and "discriminator" in node:
            if name in (node["discriminator"].get("mapping") or {}):
                return
            hit.pointer = pointer
            hit.value = example if isinstance(example, dict) else None
        self.add(hit, f"client drift report {source}", seen, count)


# ---- the patch -------------------------------------------------------------------------------------------------


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
                         "`python -m topo_ext.drift`; not in the docs yet.",
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
        if f.pointer is not None and f.kind == "field":
            sites.append((f"{f.schema}.{f.name}", f.values, f))
        elif f.pointer is not None and f.kind == "event_type":
            name, _, seen_fields = _event_parts(spec, f)
            sites += [(f"{name}.{key}", values, f) for key, values in seen_fields.items()]
    describer = Describer(spec, sites)
    ops: list[dict[str, Any]] = []
    manual: list[Finding] = []
    for f in findings:
        if f.pointer is None or f.kind not in ("field", "enum", "event_type"):
            manual.append(f)
        elif f.kind == "field":
            value = describer.describe_field(f"{f.schema}.{f.name}", f.values, f, f"Field `{f.prop}`")
            ops.append(_op(f"{f.pointer}/properties/{_esc(f.prop)}", value, f))
        elif f.kind == "enum":
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
        f"# Spec changes proposed by `python -m topo_ext.drift` on {_today()} (spec {spec.version}).",
        "# Review each operation (edit descriptions, tighten types, delete what should not be documented), then:",
        f"#     python -m topo_ext.drift --apply {path.name} --spec-dir spec && make generate",
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


# ---- applying a patch to spec/ ---------------------------------------------------------------------------------


def _ruamel() -> Any:
    try:
        from ruamel.yaml import YAML
    except ImportError:
        raise UsageError("--apply needs ruamel.yaml (requirements/dev.txt): it keeps the spec's comments") from None
    rt = YAML()
    rt.preserve_quotes = True
    rt.width = 100_000
    rt.indent(mapping=2, sequence=4, offset=2)
    rt.representer.add_representer(
        type(None), lambda r, _: r.represent_scalar("tag:yaml.org,2002:null", "null"))
    return rt


def _to_yaml_node(value: Any) -> Any:
    """Plain data as ruamel nodes; short lists of scalars in flow style like the spec's `type: [string, 'null']`."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import LiteralScalarString

    if isinstance(value, dict):
        node = CommentedMap()
        for k, v in value.items():
            node[k] = _to_yaml_node(v)
        return node
    if isinstance(value, list):
        seq = CommentedSeq(_to_yaml_node(v) for v in value)
        if all(not isinstance(v, dict | list) for v in value):
            seq.fa.set_flow_style()
        return seq
    return LiteralScalarString(value) if isinstance(value, str) and "\n" in value else value


def apply_patch(patch_path: Path, spec_dir: Path) -> str:
    """Apply a --patch file to the YAML files of `spec_dir`; return a summary line."""
    yaml = _pyyaml()

    try:
        patch = yaml.safe_load(patch_path.read_text())
    except (OSError, yaml.YAMLError) as exc:
        raise UsageError(f"--apply {patch_path}: {exc}") from None
    if not isinstance(patch, dict) or not isinstance(patch.get("operations"), list):
        raise UsageError(f"--apply {patch_path}: not a drift patch (no `operations` list)")
    rt = _ruamel()
    files = [spec_dir / "topo.openapi.yaml", *sorted((spec_dir / "resources").glob("*.yaml"))]
    if not files[0].exists():
        raise UsageError(f"--spec-dir {spec_dir}: no topo.openapi.yaml there")
    defined: dict[tuple[str, ...], Path] = {}  # which file defines each component, path and webhook
    for f in files:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C build of the safe loader, if present
        index = yaml.load(f.read_text(), Loader=loader) or {}
        for section in ("paths", "webhooks"):
            defined.update({(section, name): f for name in index.get(section) or {}})
        for kind, entries in (index.get("components") or {}).items():
            defined.update({("components", kind, name): f for name in entries or {}})
    docs: dict[Path, Any] = {}  # round-trip loaded (slow, keeps comments): only the files that change
    changed: set[Path] = set()
    applied = skipped = 0

    def top(pointer: str) -> tuple[str, ...]:
        tokens = [_unesc(t) for t in pointer.split("/")[1:]]
        return tuple(tokens[:3] if tokens[:1] == ["components"] else tokens[:2])

    for n, op in enumerate(patch["operations"], 1):
        where = f"--apply {patch_path}: operation {n}"
        if not isinstance(op, dict) or op.get("op") != "add" or "value" not in op:
            raise UsageError(f"{where}: expected {{op: add, path, value}}")
        path = str(op.get("path", ""))
        tokens = [_unesc(t) for t in path.split("/")[1:]]
        if not path.startswith("/") or tokens[0] not in ("components", "paths", "webhooks") or len(tokens) < 2:
            raise UsageError(f"{where}: path {path!r} must point into /components, /paths or /webhooks")
        target = defined.get(top(path)) or (defined.get(top(str(op["beside"]))) if op.get("beside") else None)
        if target is None:
            raise UsageError(f"{where}: no spec file defines {path!r} (nor its `beside`)")
        defined[top(path)] = target
        if target not in docs:
            docs[target] = rt.load(target.read_text())
        node = docs[target]
        for token in tokens[:-1]:
            if isinstance(node, list):
                node = node[int(token)]
            else:
                if token not in node:
                    node[token] = _to_yaml_node({})
                node = node[token]
        last, value = tokens[-1], op["value"]
        if isinstance(node, list) and last == "-":
            if value in node:
                skipped += 1
                continue
            node.append(_to_yaml_node(value))
        elif isinstance(node, dict):
            if last in node:
                if node[last] == value:
                    skipped += 1
                    continue
                raise UsageError(f"{where}: {path} already exists with another value; edit the patch or the spec")
            node[last] = _to_yaml_node(value)
        else:
            raise UsageError(f"{where}: {path} does not lead to a mapping or a list")
        applied += 1
        changed.add(target)
    for f in sorted(changed):
        with f.open("w") as out:
            rt.dump(docs[f], out)
    if not changed:
        return f"nothing to apply: all {skipped} operation(s) are already in {spec_dir}"
    names = ", ".join(str(f.relative_to(spec_dir)) for f in sorted(changed))
    return f"applied {applied} operation(s) to {names} ({skipped} already present); now run `make generate`"


# ---- output ----------------------------------------------------------------------------------------------------


def render(drift: Drift, inputs: Inputs) -> Iterator[str]:
    findings = drift.ordered()
    for kind, title in SECTIONS.items():
        group = [f for f in findings if f.kind == kind]
        if group:
            yield f"{title}:"
            for f in group:
                yield f"  {f.key}  ({f.count}x; {'; '.join(f.seen_in)})"
    checked = f"{drift.responses} response(s), {len(inputs.reports)} drift report entries, {inputs.files} file(s)"
    verdict = f"{len(findings)} thing(s) the spec does not describe" if findings else "the spec describes everything"
    yield f"drift: {verdict} ({checked}; spec {drift.spec.version})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m topo_ext.drift", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="*", help="cassettes, captures or drift reports (files or directories)")
    parser.add_argument("--spec", help="bundled openapi.json or spec directory (default: the one in topo_client)")
    parser.add_argument("--json", action="store_true", help="print the findings as JSON")
    parser.add_argument("--patch", type=Path, metavar="OUT", help="write the proposed spec change (YAML) here")
    parser.add_argument("--apply", type=Path, metavar="PATCH", help="apply a --patch file to --spec-dir")
    parser.add_argument("--spec-dir", type=Path, default=ROOT / "spec", help="spec directory for --apply")
    args = parser.parse_args(argv)
    try:
        if args.apply is not None:
            if args.inputs or args.patch:
                raise UsageError("--apply takes only --spec-dir")
            print(apply_patch(args.apply, args.spec_dir))
            return 0
        if not args.inputs:
            raise UsageError("name at least one cassette, capture or drift report (file or directory)")
        spec = load_spec(args.spec)
        inputs = load_inputs(args.inputs, spec)
        for note in inputs.notes:
            print(f"drift: note: {note}", file=sys.stderr)
        if not inputs.exchanges and not inputs.reports:
            raise UsageError(f"no responses or drift report entries found in {', '.join(args.inputs)}")
        drift = Drift(spec)
        for exchange in inputs.exchanges:
            drift.check_exchange(exchange)
        for source, entry in inputs.reports:
            drift.check_report_entry(source, entry)
    except UsageError as exc:
        print(f"drift: {exc}", file=sys.stderr)
        return 2
    findings = drift.ordered()
    if args.json:
        rows = [{"kind": f.kind, "key": f.key, "count": f.count, "seen_in": f.seen_in, "first_seen": f.first_seen}
                for f in findings]
        print(json.dumps({"spec_version": spec.version, "responses": drift.responses, "findings": rows}, indent=2))
    else:
        print("\n".join(render(drift, inputs)))
    if args.patch is not None:
        ops, manual = build_patch(spec, findings)
        try:
            write_patch(args.patch, spec, ops, manual)
        except (UsageError, OSError) as exc:
            print(f"drift: --patch {args.patch}: {exc}", file=sys.stderr)
            return 2
        print(f"drift: wrote {len(ops)} proposed spec change(s) to {args.patch}"
              + (f"; {len(manual)} finding(s) need a person" if manual else ""), file=sys.stderr)
    return 1 if findings else 0


if __name__ == "__main__":
    raise SystemExit(main())
