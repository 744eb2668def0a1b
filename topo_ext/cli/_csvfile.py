"""Reading CSV exports as CRMs and spreadsheets write them: encoding, delimiter, and header names matched to fields.

Encodings: a byte-order mark decides (UTF-8, UTF-16); otherwise UTF-8 if the bytes are valid UTF-8, else
Windows-1252 / Latin-1 (what Excel writes on Western European systems). Delimiters: comma, semicolon (Excel where
the decimal separator is a comma) or tab, whichever splits the header row into the most columns. Header names are
compared case-insensitively, ignoring spaces, hyphens, dots and Salesforce's `__c` suffix, so `Email Address`,
`E-mail` and `EMAIL` all find the email column.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ._core import UsageError, read_bounded

DELIMITERS = {",": "comma", ";": "semicolon", "\t": "tab"}


@dataclass
class CSVFile:
    path: str
    text: str
    encoding: str
    delimiter: str

    def reader(self) -> Any:
        """A strict csv.reader over the text (its `line_num` counts physical lines, for messages): `"x@y.co"z` is
        an error, not `x@y.coz`."""
        return csv.reader(io.StringIO(self.text, newline=""), delimiter=self.delimiter, strict=True)

    def describe(self) -> str:
        return f"{self.encoding}, {DELIMITERS.get(self.delimiter, repr(self.delimiter))}-separated"


def read_csv(path: str, *, encoding: str | None = None, delimiter: str | None = None) -> CSVFile:
    """The file's text, decoded and with its delimiter found (either may be forced)."""
    try:
        with open(path, "rb") as handle:
            data = read_bounded(handle, path)
    except OSError as err:
        raise UsageError(f"{path}: {err.strerror or err}") from None
    text, used = _decode(path, data, encoding)
    return CSVFile(path, text, used, delimiter or sniff_delimiter(text))


def _decode(path: str, data: bytes, encoding: str | None) -> tuple[str, str]:
    if encoding:
        try:
            return data.decode(encoding).removeprefix("\ufeff"), encoding
        except LookupError:
            raise UsageError(f"--encoding {encoding}: unknown encoding") from None
        except UnicodeDecodeError as err:
            raise UsageError(f"{path}: not {encoding} text ({err.reason} at byte {err.start})") from None
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8):].decode("utf-8"), "UTF-8 (with BOM)"
        except UnicodeDecodeError as err:
            raise UsageError(f"{path}: starts with a UTF-8 byte-order mark but is not UTF-8 ({err.reason} at byte "
                             f"{err.start + len(codecs.BOM_UTF8)}); pass --encoding") from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError as err:
            raise UsageError(f"{path}: starts with a UTF-16 byte-order mark but is not UTF-16 ({err.reason} at byte "
                             f"{err.start}); pass --encoding") from None
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "Windows-1252 (Latin-1)"
    except UnicodeDecodeError:  # the five bytes cp1252 leaves undefined
        return data.decode("latin-1"), "Latin-1"


def sniff_delimiter(text: str) -> str:
    """The candidate that splits the header row into the most columns; comma when none splits it."""
    first = next(iter(text.splitlines()), "")
    try:
        counts = {d: len(next(csv.reader([first], delimiter=d), [])) for d in DELIMITERS}
    except csv.Error:  # e.g. a header over the field size limit: the reader names the line later
        return ","
    best = max(counts.values(), default=1)
    return next(d for d in DELIMITERS if counts[d] == best)


def normalize(name: str) -> str:
    """`Email Address` -> `email_address`, `LinkedIn_URL__c` -> `linkedin_url`, `E-mail` -> `e_mail`."""
    name = name.strip().strip('"').casefold()
    name = re.sub(r"__c$", "", name)
    return re.sub(r"[\s\-.]+", "_", name).strip("_")


def match_columns(header: Sequence[str], aliases: Mapping[str, Sequence[str]],
                  explicit: Mapping[str, str | None], option: Mapping[str, str]) -> dict[str, int]:
    """Each field's column index: the column named by its option, else the column named like the field, else one
    named like one of its aliases. Two candidates at the same level are a usage error naming the option.
    """
    names = [normalize(h) for h in header]
    found: dict[str, int] = {}
    for field_name, wanted in explicit.items():
        if wanted is None:
            continue
        index = next((i for i, n in enumerate(names) if n == normalize(wanted)), None)
        if index is None:
            raise UsageError(f"{option[field_name]} {wanted!r}: no such column (columns found: {_listing(header)})")
        found[field_name] = index
    taken = set(found.values())
    for field_name, others in aliases.items():
        if field_name in found:
            continue
        for level in ((field_name,), tuple(others)):
            hits = [i for i, n in enumerate(names) if n in level and i not in taken]
            if len(hits) > 1:
                both = " and ".join(repr(header[i].strip()) for i in hits)
                raise UsageError(f"columns {both} both look like the {field_name} column; choose one with "
                                 f"{option[field_name]}")
            if hits:
                found[field_name] = hits[0]
                taken.add(hits[0])
                break
    return found


def _listing(header: Sequence[str]) -> str:
    return ", ".join(h.strip() for h in header if h.strip()) or "none"
