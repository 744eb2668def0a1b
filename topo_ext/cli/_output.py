"""Turning models into output rows (JSON lines, CSV, a table) and the stderr progress bar."""

from __future__ import annotations

import csv
import json
import time
from collections.abc import Mapping, Sequence
from functools import cache
from typing import IO, Any

import msgspec
from topo_client._struct import TopoStruct

from ..events import UnknownEvent


def jsonable(value: Any) -> Any:
    """JSON-ready data for a decoded event model, keeping unknown fields and event types at every level.

    `TopoStruct.to_dict()` keeps the unknown fields of the model it is called on, but not those of nested models
    (e.g. an event's `metadata`), and cannot encode an `UnknownEvent` payload; an export must lose neither.
    """
    if isinstance(value, UnknownEvent):
        return value.to_dict()
    if isinstance(value, TopoStruct):
        config = type(value).__struct_config__
        tagged = isinstance(config.tag, str) and isinstance(config.tag_field, str)
        data: dict[str, Any] = {str(config.tag_field): config.tag} if tagged else {}
        for name, wire_name in _fields(type(value)):
            child = getattr(value, name)
            if child is not msgspec.UNSET:
                data[wire_name] = jsonable(child)
        data.update(value.extra)
        return data
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    return msgspec.to_builtins(value)


@cache
def _fields(cls: type[TopoStruct]) -> tuple[tuple[str, str], ...]:
    """(attribute, wire name) pairs; `msgspec.structs.fields()` re-evaluates annotations on every call."""
    return tuple(zip(cls.__struct_fields__, cls.__struct_encode_fields__, strict=True))


def json_line(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, default=str) + "\n"


def csv_writer(stream: IO[str]) -> Any:
    # "\n" rather than the csv module's "\r\n": the same bytes whether the target is a file or a pipe.
    return csv.writer(stream, lineterminator="\n")


def cell(value: Any) -> str:
    """A CSV/table cell: '' for missing, JSON for structures, the plain string otherwise."""
    if value is None:
        return ""
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, default=str) if value else ""
    return str(value)


def table(stream: IO[str], headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    widths = [len(h) for h in headers]
    for row in rows:
        widths = [max(w, len(c)) for w, c in zip(widths, row, strict=True)]
    for row in [list(headers), *rows]:
        stream.write("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() + "\n")


class Progress:
    """A one-line counter with rate (and percentage when the total is known), redrawn on stderr.

    Only drawn when the stream is a terminal, so logs and pipes never see control characters.
    """

    def __init__(self, stream: IO[str], label: str, total: int | None = None) -> None:
        self.stream = stream
        self.label = label
        self.total = total
        self.count = 0
        self.enabled = is_tty(stream)
        self._start = time.monotonic()
        self._drawn = 0.0

    def advance(self, n: int = 1) -> None:
        self.count += n
        if self.enabled and time.monotonic() - self._drawn >= 0.1:
            self.draw()

    def draw(self) -> None:
        elapsed = max(time.monotonic() - self._start, 1e-6)
        text = f"{self.label}: {self.count:,}"
        if self.total:
            done = min(self.count / self.total, 1.0)
            bar = "#" * int(done * 24)
            text = f"{self.label}: [{bar:<24}] {self.count:,}/{self.total:,} ({done:.0%})"
        text += f"  {self.count / elapsed:,.0f}/s"
        self.stream.write(f"\r{text:<79}")
        self.stream.flush()
        self._drawn = time.monotonic()

    def close(self) -> None:
        if self.enabled:
            self.draw()
            self.stream.write("\n")
            self.stream.flush()


def is_tty(stream: IO[str]) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):  # a closed or unusual stream
        return False
