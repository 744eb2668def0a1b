"""The inputs of `python -m topo_tools.drift`: vcrpy cassettes, captures (JSON / JSON lines) and saved drift reports."""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .spec import Spec, UsageError, _pyyaml


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

