"""Copy the latest `make bench` results (bench/results.json) into the two tables of README's Benchmarks section.

The first table there is the per-operation page summary, the second every other row; the prose around them is
left alone. `python bench/readme.py` after `make bench`.
"""

from __future__ import annotations

import json
import sys

import run

README = run.HERE.parent / "README.md"
SECTION = "## Benchmarks"


def tables(results: dict[str, object]) -> list[list[str]]:
    rows = results["results"]
    assert isinstance(rows, list)
    others = [r for r in rows if not (r["id"].startswith("pages.") and r.get("variant") in run.pages.VARIANTS)]
    return [run.markdown_table(run.pages_summary(rows)), run.markdown_table(run.table(others))]


def rewrite(text: str, new_tables: list[list[str]]) -> str:
    """`text` with the first tables of the Benchmarks section replaced, in order."""
    lines = text.split("\n")
    start = lines.index(SECTION)
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
    out, pending, i = lines[:start], list(new_tables), start
    while i < end:
        if lines[i].startswith("|") and pending:
            out += pending.pop(0)
            while i < end and lines[i].startswith("|"):
                i += 1
            continue
        out.append(lines[i])
        i += 1
    if pending:
        raise ValueError(f"README's {SECTION!r} section has fewer tables than {len(new_tables)}")
    return "\n".join(out + lines[end:])


def main() -> int:
    results = json.loads((run.HERE / "results.json").read_text())
    README.write_text(rewrite(README.read_text(), tables(results)))
    print(f"updated the tables of {SECTION!r} in {README}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
