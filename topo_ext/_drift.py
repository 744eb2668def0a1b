"""The runtime drift record: what the API sent that this client's spec does not describe.

The response decoder reports unknown fields, enum values and event types, values of another JSON type than
documented and documented-required fields that are missing. Each client has its own record (`client.drift`; copies
made by `with_options` share their parent's); code that decodes without a client (`parse_event`, webhooks) reports
to the process-wide `drift_record()`. Each distinct key is stored once with a count and one example value, and
logged once at WARNING on the `topo` logger (`Topo(log_drift=False)` turns the log off; the record is kept either
way). Keys name the spec schema and the field or value:

    Contact.favorite_color                      an unknown field (nested models report under their own class)
    ExclusionReason="SPAM_TRAP"                 an unknown enum value
    ActivityPayload.type="message.bounced"      an unknown event type
    Task.priority (missing)                     a field the spec requires that the API left out
    MessageSentEvent.sequence_id (unexpected type)   a known field whose value has another JSON type

Values of fields whose names look secret, and strings that look like API keys or signing secrets, are never kept;
the client's own API key is cut out of field names, enum values and event types too (a server may echo it).
A decode reports once per distinct key (with its count), so a clean page costs nothing here.
`python -m topo_tools.drift` reads a saved record (`client.drift.to_json()`).
"""

from __future__ import annotations

import json
import logging
import re
import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any

from ._limits import MIN_REDACTED
from ._options import Secret

log = logging.getLogger("topo")

SECRET_NAME = re.compile(r"secret|token|password|passwd|key|authorization|signature|credential", re.IGNORECASE)
SECRET_VALUE = re.compile(r"^(topo_|whsec_|sk_|Bearer\s|Basic\s)", re.IGNORECASE)
REDACTED = "<redacted>"
_MAX_EXAMPLE_STR = 200


def drift_key(kind: str, schema: str, name: str) -> str:
    """The one spelling of a drift key, shared by the runtime record and `python -m topo_tools.drift`."""
    from topo_client._decode import DriftKind  # on first use: `import topo_ext` does not load the decoder

    if kind == DriftKind.ENUM:
        return f"{schema}={json.dumps(name)}"
    if kind == DriftKind.EVENT_TYPE:
        return f"{schema}.type={json.dumps(name)}"
    if kind == DriftKind.TYPE:
        return f"{schema}.{name} (unexpected type)"
    if kind == DriftKind.MISSING:
        return f"{schema}.{name} (missing)"
    return f"{schema}.{name}"


@dataclass
class DriftEntry:
    kind: str  # a DriftKind
    schema: str
    name: str  # the field's JSON path, the enum value, or the event type
    count: int
    example: Any
    first_seen: str

    @property
    def key(self) -> str:
        return drift_key(self.kind, self.schema, self.name)


def safe_example(name: str, value: Any, depth: int = 0) -> Any:
    """`value` with anything that may be a secret replaced by "<redacted>", and long data cut short."""
    if SECRET_NAME.search(name):
        return REDACTED
    if isinstance(value, str):
        return REDACTED if SECRET_VALUE.match(value) else value[:_MAX_EXAMPLE_STR]
    if depth >= 4 and isinstance(value, dict | list):
        return "..."
    if isinstance(value, dict):
        return {str(k): safe_example(str(k), v, depth + 1) for k, v in list(value.items())[:20]}
    if isinstance(value, list):
        return [safe_example(name, v, depth + 1) for v in value[:5]]
    return value


class DriftRecord:
    """Unknown things seen by one client (or this process), keyed by where they were seen (see the module docstring)."""

    def __init__(self) -> None:
        self._entries: dict[tuple[str, str, str], DriftEntry] = {}
        self._lock = threading.Lock()
        self.log_enabled = True
        #: Called with (kind, schema) for each new key, e.g. the client's OpenTelemetry drift counter.
        self.on_new: Callable[[str, str], None] | None = None
        self._secrets: tuple[Secret, ...] = ()  # (held as Secret: never shown by a repr or vars() of the record)

    def hide(self, secret: str) -> None:
        """Cut `secret` (the API key of a client reporting here) out of what is recorded and logged."""
        if len(secret) >= MIN_REDACTED and Secret(secret) not in self._secrets:
            self._secrets = (*self._secrets, Secret(secret))

    def _hidden(self, text: str) -> str:
        for secret in self._secrets:
            if secret.get() in text:
                text = text.replace(secret.get(), REDACTED)
        return text

    def report(self, kind: str, schema: str, name: str, example: Any = None, count: int = 1) -> None:
        from topo_client._decode import DriftKind  # loaded by then: drift is found while decoding

        if kind == DriftKind.TYPE and name.startswith("$"):
            name = name.rsplit(".", 1)[-1]  # a document path like $.items[3].payload.x: key it by the field
        if self._secrets:
            name = self._hidden(name)
            example = self._hidden(example) if isinstance(example, str) else example
        key = (kind, schema, name)
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None:
                entry.count += count
                return
            entry = DriftEntry(kind, schema, name, count, safe_example("" if kind == DriftKind.ENUM else name, example),
                               datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
            self._entries[key] = entry
        if self.log_enabled:
            log.warning("Topo sent something this client does not know: %s (see client.drift)", entry.key)
        if self.on_new is not None:
            self.on_new(kind, schema)

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
        """The report as JSON, readable by `python -m topo_tools.drift FILE`."""
        from ._version import __version__

        entries = [{"key": e.key, **asdict(e)} for e in self.entries()]
        return json.dumps({"topo_client": __version__, "drift": entries}, indent=2, default=str)

    def __repr__(self) -> str:
        return f"DriftRecord({sorted(self.keys())})"


_RECORD = DriftRecord()


def drift_record() -> DriftRecord:
    """The process-wide record, for decoding done without a client (`parse_event`, `webhooks.verify`)."""
    return _RECORD


class StrictValidationError(ValueError):
    """In strict mode: the body is valid JSON of the right kind but differs from the spec."""


@dataclass(frozen=True)
class DecodeOptions:
    """How one client decodes: where drift goes, and whether any drift is an error."""

    record: DriftRecord = field(default_factory=drift_record)
    strict: bool = False
    max_depth: int | None = None  # Limits.max_json_depth: a deeper body raises TooDeep (None: not checked here)
