"""The runtime drift record: what the API sent that this client's spec does not describe.

Decoders report unknown fields, enum values and event types here. Each distinct key (schema + JSON path, or enum +
value) is stored once per process with a count and one example value, and logged once at WARNING on the `topo`
logger. Values of fields whose names look secret are never kept. The fast path pays nothing: reports only happen
when something unknown was actually seen.
"""

from __future__ import annotations

import json
import logging
import re
import threading
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

from topo_client import _hooks

log = logging.getLogger("topo")

SECRET_NAME = re.compile(r"secret|token|password|passwd|key|authorization|signature", re.IGNORECASE)
REDACTED = "<redacted>"


@dataclass
class DriftEntry:
    kind: str  # "field", "enum" or "event_type"
    schema: str
    name: str  # the field's JSON path, the enum value, or the event type
    count: int
    example: Any
    first_seen: str

    @property
    def key(self) -> str:
        return f"{self.schema}.{self.name}" if self.kind == "field" else f"{self.schema}={self.name!r}"


def _safe_example(name: str, value: Any) -> Any:
    if SECRET_NAME.search(name):
        return REDACTED
    if isinstance(value, dict):
        return {k: _safe_example(k, v) for k, v in list(value.items())[:20]}
    if isinstance(value, list):
        return [_safe_example(name, v) for v in value[:5]]
    if isinstance(value, str) and (value.startswith(("topo_", "whsec_", "Bearer ")) or len(value) > 200):
        return REDACTED if value.startswith(("topo_", "whsec_", "Bearer ")) else value[:200]
    return value


class DriftRecord:
    """Unknown things seen by this process, keyed by where they were seen."""

    def __init__(self) -> None:
        self._entries: dict[tuple[str, str, str], DriftEntry] = {}
        self._lock = threading.Lock()
        self.log_enabled = True

    def report(self, kind: str, schema: str, name: str, example: Any = None) -> None:
        key = (kind, schema, name)
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None:
                entry.count += 1
                return
            entry = DriftEntry(kind, schema, name, 1, _safe_example(name, example),
                               datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
            self._entries[key] = entry
        if self.log_enabled:
            log.warning("Topo sent something this client does not know: %s %s (see client.drift)", kind, entry.key)

    def entries(self) -> list[DriftEntry]:
        with self._lock:
            return sorted(self._entries.values(), key=lambda e: (e.kind, e.schema, e.name))

    def keys(self) -> set[str]:
        return {e.key for e in self.entries()}

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def __bool__(self) -> bool:
        return bool(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def to_json(self) -> str:
        """The report as JSON (readable by `python -m topo_ext.drift --report FILE`)."""
        return json.dumps({"drift": [asdict(e) for e in self.entries()]}, indent=2, default=str)

    def __repr__(self) -> str:
        return f"DriftRecord({sorted(self.keys())})"


_RECORD = DriftRecord()


def drift_record() -> DriftRecord:
    """The process-wide drift record (also `client.drift`)."""
    return _RECORD


def _on_unknown_enum(enum: type, value: str) -> None:
    _RECORD.report("enum", enum.__name__, value, value)


def _on_unknown_fields(schema: str, fields: Mapping[str, Any]) -> None:
    for name, value in fields.items():
        _RECORD.report("field", schema, name, value)


_hooks.on_unknown_enum = _on_unknown_enum
_hooks.on_unknown_fields = _on_unknown_fields
