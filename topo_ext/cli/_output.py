"""Turning models into output rows (JSON lines, CSV, a table) and the stderr progress bar.

What the server sent never turns into code on the way out: CSV cells a spreadsheet would run as a formula get a
leading `'` (OWASP's advice; `--csv-formulas` writes them verbatim), and table cells and stderr lines show control
characters (terminal escapes, CR/LF, bidi overrides) as `\x1b`-style escapes.
"""

from __future__ import annotations

import contextvars
import csv
import json
import re
import time
from collections.abc import Iterable, Sequence
from typing import IO, Any

from .._limits import printable  # the one rule for control characters in server text

#: `--csv-formulas`: write CSV cells verbatim (set once per CLI run).
CSV_FORMULAS: contextvars.ContextVar[bool] = contextvars.ContextVar("csv_formulas", default=False)

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: Cells that start like a formula but cannot call anything: numbers and phone numbers (`+49 30 1234567`, `-12.5`).
_NUMBERISH = re.compile(r"[+-][0-9 ().,/+-]*[0-9][0-9 ().,/+-]*")


def formula_safe(value: str) -> str:
    """`value` with a leading `'` if it starts with = + - @ tab or CR, unless it is only a (phone) number."""
    if value.startswith(_FORMULA_START) and not _NUMBERISH.fullmatch(value):
        return "'" + value
    return value


def jsonable(value: Any) -> dict[str, Any]:
    """JSON-ready data for an event model or activity: its own `to_dict()`, unknown fields and types included."""
    data: dict[str, Any] = value.to_dict()
    return data


def json_line(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, default=str) + "\n"


class _Writer:
    """csv.writer with formula-leading cells escaped (unless `--csv-formulas`), and rows holding a bare CR quoted
    in full: with "\n" line ends the csv module leaves a CR unquoted, and readers would split the row there."""

    def __init__(self, stream: IO[str]) -> None:
        # "\n" rather than the csv module's "\r\n": the same bytes whether the target is a file or a pipe.
        self.plain = csv.writer(stream, lineterminator="\n")
        self.quoted = csv.writer(stream, lineterminator="\n", quoting=csv.QUOTE_ALL)
        self.escape = not CSV_FORMULAS.get()

    def writerow(self, row: Iterable[str]) -> Any:
        cells = [formula_safe(value) for value in row] if self.escape else list(row)
        return (self.quoted if any("\r" in cell for cell in cells) else self.plain).writerow(cells)


def csv_writer(stream: IO[str]) -> Any:
    return _Writer(stream)


def cell(value: Any) -> str:
    """A CSV/table cell: '' for missing, JSON for structures, the plain string otherwise."""
    if value is None:
        return ""
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, default=str) if value else ""
    return str(value)


def table(stream: IO[str], headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    rows = [[printable(c) for c in row] for row in rows]
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
