"""The fact sheets ($TOPO_DOCS, else ../shared/topo-docs beside the checkout): the docs' text that spec fidelity is
checked against. The one place tests find them.

Tests take what the docs say from here rather than restating it, so an expectation is only as strong as the text
it was read from; every reader fails loudly if the sheet no longer says what it looked for. Without the sheets (a
bare clone) the modules reading them skip, calling `require()` before anything else.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest

# CI has shared/ beside the repository (.ci/run exports TOPO_DOCS); a bare clone has neither (see README "Tests").
DOCS = Path(os.environ.get("TOPO_DOCS") or Path(__file__).resolve().parents[3] / "shared" / "topo-docs")
MISSING = f"the Topo docs fact sheets are not at {DOCS}: set TOPO_DOCS to the directory holding them to run these"
_BLOCK = re.compile(r"^```(\w*)\n(.*?)^```", re.S | re.M)


def require() -> None:
    """Skip the calling test module (at import) when the sheets are absent: one reason, naming TOPO_DOCS."""
    if not (DOCS.is_dir() and any(DOCS.glob("*.md"))):
        pytest.skip(MISSING, allow_module_level=True)


@cache
def text(name: str) -> str:
    path = DOCS / name
    assert path.is_file(), f"fact sheet {path} not found: set TOPO_DOCS to the directory holding the sheets"
    return path.read_text(encoding="utf-8")


def find(name: str, pattern: str) -> re.Match[str]:
    """The first match of `pattern` in sheet `name`; fails naming the sheet if it is not there."""
    match = re.search(pattern, text(name), re.M)
    assert match, f"{name} no longer says {pattern!r}: re-read the sheet and update the test"
    return match


def section(name: str, heading: str) -> str:
    """The text of sheet `name` from the heading line starting with `heading` up to the next heading."""
    match = find(name, rf"^{re.escape(heading)}.*\n((?:(?!^#).*\n?)*)")
    return match.group(1)


def json_blocks(name: str, heading: str) -> list[Any]:
    """The ```json blocks of a section, parsed."""
    return [json.loads(body) for lang, body in _BLOCK.findall(section(name, heading)) if lang == "json"]


def _js_literal_to_json(src: str) -> Any:
    """A JS object literal as the docs' code samples write it (bare keys, single quotes) parsed as JSON."""
    src = re.sub(r"'((?:[^'\\]|\\.)*)'", lambda m: json.dumps(m.group(1)), src)
    src = re.sub(r"([{,]\s*)([A-Za-z_]\w*)\s*:", r'\1"\2":', src)
    return json.loads(src)


def _stringify_arguments(code: str) -> Iterator[str]:
    for match in re.finditer(r"JSON\.stringify\(", code):
        depth, start = 0, match.end()
        for i in range(start, len(code)):
            depth += {"(": 1, "{": 1, "[": 1, ")": -1, "}": -1, "]": -1}.get(code[i], 0)
            if depth < 0:
                yield code[start:i]
                break


@cache
def documented_values() -> tuple[tuple[str, str], ...]:
    """Every example body in the sheets as (sheet, canonical JSON): the JSON blocks and the JS code samples' bodies."""
    assert DOCS.is_dir(), f"fact sheets not found at {DOCS}: set TOPO_DOCS to the directory holding them"
    found = []
    for path in sorted(DOCS.glob("*.md")):
        for lang, body in _BLOCK.findall(text(path.name)):
            if lang == "json":
                found.append((path.name, json.loads(body)))
            elif lang in ("js", "javascript"):
                found += [(path.name, _js_literal_to_json(arg)) for arg in _stringify_arguments(body)]
    return tuple((sheet, canonical(part)) for sheet, value in found for part in _parts(value))


def _parts(value: Any) -> Iterator[Any]:
    """A value and every object or array inside it (an example may quote part of a documented body)."""
    yield value
    children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
    for child in children:
        if isinstance(child, (dict, list)):
            yield from _parts(child)


def canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def is_documented(value: Any) -> bool:
    """Whether `value` is, word for word, an example body of the docs (or a part of one). An empty object or array
    is no evidence: one appears inside almost any documented body."""
    if value in ({}, []):
        return False
    key = canonical(value)
    return any(key == doc for _, doc in documented_values())
