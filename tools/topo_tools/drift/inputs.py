"""The inputs of `python -m topo_tools.drift`: vcrpy cassettes, captures (JSON / JSON lines) and saved drift reports."""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from topo_ext._limits import DEFAULT_LIMITS, TooDeep, check_depth, printable

from .spec import Spec, UsageError, _pyyaml

#: The runtime's own bounds (`topo_ext._limits.Limits`), for an input file and for each body (after gunzip) in it.
MAX_BYTES = DEFAULT_LIMITS.max_body_bytes
MAX_DEPTH = DEFAULT_LIMITS.max_json_depth


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


def _one_line(exc: BaseException) -> str:
    return printable(" ".join(str(exc).split()))


def _gunzip(data: bytes, source: str) -> bytes:
    """`data` decompressed, refusing to inflate past `MAX_BYTES` (a gzip bomb costs at most that much memory)."""
    out = bytearray()
    try:
        while data:  # one gzip member at a time, as `gzip.decompress` reads them
            member = zlib.decompressobj(16 + zlib.MAX_WBITS)
            out += member.decompress(data, MAX_BYTES + 1 - len(out))
            if len(out) > MAX_BYTES:
                raise UsageError(f"{source}: the gzip body is larger than {MAX_BYTES} bytes after decompression "
                                 f"(Limits.max_body_bytes); not read further")
            if not member.eof:
                raise UsageError(f"{source}: the gzip body is truncated")
            data = member.unused_data.lstrip(b"\0")
    except zlib.error as exc:
        raise UsageError(f"{source}: the body is not valid gzip: {exc}") from None
    return bytes(out)


def _decode(text: str, source: str, depth: int = MAX_DEPTH) -> Any:
    """`text` decoded as JSON, nesting checked first (no RecursionError); ValueError if it is not JSON."""
    try:
        check_depth(text.encode(), depth)
    except TooDeep as exc:
        raise UsageError(f"{source}: {exc}") from None
    return json.loads(text)


def _json(text: str, source: str, depth: int = MAX_DEPTH) -> Any:
    try:
        return _decode(text, source, depth)
    except ValueError as exc:
        raise UsageError(f"{source}: not valid JSON: {_one_line(exc)}") from None


def _parse_body(body: Any, source: str, notes: list[str]) -> tuple[bool, Any]:
    """(ok, parsed body); strings and bytes are parsed as JSON; empty means no body."""
    if isinstance(body, bytes):
        if body[:2] == b"\x1f\x8b":
            body = _gunzip(body, source)
        body = body.decode("utf-8", "replace")
    if isinstance(body, str):
        if not body.strip():
            return True, None
        try:
            return True, _decode(body, source)
        except ValueError:
            notes.append(f"{source}: the body is not JSON; skipped")
            return False, None
    return True, body


def _status(value: Any, source: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, str) and re.fullmatch(r"[0-9]{3}", value):  # ASCII digits only: not "²"
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not 100 <= value <= 599:
        raise UsageError(f"{source}: status must be an HTTP status code (100-599), got {_shown(value)}")
    return value


def _shown(value: Any) -> str:
    text = printable(repr(value))
    return text if len(text) <= 80 else text[:80] + "...(cut)"


def _text(raw: dict[str, Any], name: str, source: str) -> str | None:
    value = raw.get(name)
    if value is not None and not isinstance(value, str):
        raise UsageError(f"{source}: `{name}` must be a string, got {_shown(value)}")
    return value or None


def _record(raw: Any, source: str, inputs: Inputs) -> None:
    if not isinstance(raw, dict) or "body" not in raw or not _RECORD_KEYS & set(raw):
        raise UsageError(f"{source}: not a capture record (needs `body` and `method`+`path`, `operation` or `schema`)")
    method, operation, schema = (_text(raw, name, source) for name in ("method", "operation", "schema"))
    path = next((_text(raw, name, source) for name in ("path", "url", "uri") if raw.get(name)), None)
    status = _status(raw.get("status", raw.get("status_code")), source)
    if not (schema or operation or (method and path)):
        raise UsageError(f"{source}: a capture record needs both `method` and `path`")
    ok, body = _parse_body(raw["body"], source, inputs.notes)
    if not ok:
        return
    inputs.exchanges.append(Exchange(
        source=source, body=body, method=method.upper() if method else None, path=path, status=status,
        operation=operation, schema=schema,
        seen=_date(raw.get("recorded_at") or raw.get("time") or raw.get("date")),
    ))



def read_text(path: Path) -> str:
    """The file's text: at most `MAX_BYTES`, UTF-8."""
    try:
        with path.open("rb") as f:
            raw = f.read(MAX_BYTES + 1)
    except OSError as exc:
        raise UsageError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if len(raw) > MAX_BYTES:
        raise UsageError(f"{path}: larger than {MAX_BYTES} bytes (Limits.max_body_bytes); not read")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UsageError(f"{path}: not UTF-8 text: {exc.reason} at byte {exc.start}") from None


def read_yaml(path: Path) -> Any:
    """The YAML file at `path`, loaded safely; bounded, UTF-8 and not too deep to read, else a `UsageError` naming
    the file. The one reader of YAML the tool is given (cassettes, `--apply` patches)."""
    yaml = _pyyaml()
    text = read_text(path)
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise UsageError(f"{path}: not valid YAML: {_one_line(exc)}") from None
    except RecursionError:
        raise UsageError(f"{path}: YAML nested too deeply to read") from None


def _load_cassette(path: Path, inputs: Inputs) -> None:
    data = read_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("interactions"), list):
        raise UsageError(f"{path}: not a vcrpy cassette (no `interactions` list)")
    for i, interaction in enumerate(data["interactions"]):
        source = f"{path}#{i}"
        try:
            request, response = interaction["request"], interaction["response"]
            body = (response.get("body") or {}).get("string", "")
            if not isinstance(body, str | bytes):  # vcrpy writes a string; anything else (a YAML alias bomb) is not one
                raise TypeError
            record = {"method": request["method"], "path": request["uri"], "status": response["status"]["code"],
                      "body": body, "recorded_at": interaction.get("recorded_at")}
        except (KeyError, TypeError, AttributeError):
            raise UsageError(f"{source}: an interaction needs request.method, request.uri, response.status.code and "
                             f"a string response.body.string") from None
        _record(record, source, inputs)


def _load_json(path: Path, spec: Spec, inputs: Inputs) -> None:
    text = read_text(path)
    if path.suffix == ".jsonl":
        for n, line in enumerate(text.splitlines(), 1):
            if line.strip():
                _record(_json(line, f"{path}:{n}"), f"{path}:{n}", inputs)
        return
    data = _json(text, str(path))
    if isinstance(data, dict) and isinstance(data.get("drift"), list):
        for i, entry in enumerate(data["drift"]):
            inputs.reports.append((str(path), _report_entry(entry, f"{path} drift[{i}]")))
    elif isinstance(data, list) and all(isinstance(r, dict) and "body" in r for r in data):
        for i, raw in enumerate(data):
            _record(raw, f"{path}[{i}]", inputs)
    elif isinstance(data, dict) and "body" in data and _RECORD_KEYS & set(data):
        _record(data, str(path), inputs)
    else:  # a bare body, named after its operation or schema
        name, _, status = path.name.removesuffix(".json").partition(".")
        if name in spec.operations:
            _record({"operation": name, "status": status if status.isdigit() else None,
                     "body": data},
                    str(path), inputs)
        elif name in spec.schemas:
            _record({"schema": name, "body": data}, str(path), inputs)
        else:
            raise UsageError(f"{path}: a bare body must be named <operationId>[.<status>].json or <Schema>.json")


def _report_entry(entry: Any, source: str) -> dict[str, Any]:
    """A saved `client.drift` entry, its types checked (a kind this tool does not know is kept: `check.py`)."""
    if not isinstance(entry, dict) or not {"kind", "schema", "name"} <= set(entry):
        raise UsageError(f"{source}: a drift report entry needs kind, schema and name")
    for name in ("kind", "schema", "name"):
        if not isinstance(entry[name], str):
            raise UsageError(f"{source}: `{name}` must be a string, got {_shown(entry[name])}")
    count = entry.get("count")
    if count is not None and (isinstance(count, bool) or not isinstance(count, int) or count < 1):
        raise UsageError(f"{source}: `count` must be a positive integer, got {_shown(count)}")
    return entry


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

