"""`make bench`: page decode, walk, overhead, shared-budget, memory and import benchmarks, each a ratio to a baseline.

Prints a table, writes bench/results.json (same structure every run) and bench/RESULTS.md (the table, for the
README). `python bench/run.py --only pages,overhead` runs some sections and writes nothing;
`python bench/run.py --only pages --operations list_contacts` runs the page rows of one list operation.
Everything binds 127.0.0.1; the sandbox runs in its own process (see _sandbox.py).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import sys
import time
from importlib.metadata import version
from pathlib import Path
from typing import Any

import imports
import memory
import overhead
import pages
import shared
import walk

HERE = Path(__file__).resolve().parent
SECTIONS = {"pages": pages.run, "walk": walk.run, "overhead": overhead.run,
            "memory": memory.run, "shared": shared.run, "imports": imports.run}


def environment() -> dict[str, Any]:
    return {
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": f"{platform.system()} {platform.machine()}",
        "cpu_count": os.cpu_count(),
        "cpus_usable": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "packages": {name: version(name) for name in ("topo-client", "httpx", "msgspec", "pydantic", "attrs",
                                                       "datamodel-code-generator", "uvicorn")},
    }


def _fmt_seconds(seconds: float | None) -> str:
    if seconds is None:
        return ""
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.2f} ms"
    return f"{seconds * 1e6:.1f} us"


def _detail(row: dict[str, Any]) -> str:
    if row["id"].startswith("walk."):
        text = f"{row['activities']:,} items, {row['requests']} requests, {row['rate_limited_429']} x 429"
        return text + (f"; stopped by {row['error'].split(':')[0]}" if row["error"] else "")
    if row["id"].startswith("pages."):
        if row["error"]:
            return f"ours raised {row['error']}"
        kept = {True: "; unknown field kept", False: "; unknown field LOST", None: ""}[row["unknown_field_kept"]]
        floor = "" if row.get("floor_ratio") is None else f"; floor {row['floor_ratio']:.2f}x"
        return f"peer {_fmt_seconds(row['peer_seconds'])}; {row['body_bytes'] / 1024:.0f} KiB body{kept}{floor}"
    if row["id"].startswith("shared.walk."):
        return f"{row['requests']} requests, {row['rate_limited_429']} x 429"
    if row["id"].startswith("shared.export."):
        return f"1 worker: {row['one_worker_seconds']:.1f} s"
    if row["id"] == "overhead.topo":
        return f"+{row['per_call_overhead_us']:.0f} us/call"
    if row["id"] == "overhead.traced" and row.get("sdk_floor_ratio") is not None:
        return f"floor (bare + the OpenTelemetry SDK calls alone): {row['sdk_floor_ratio']:.2f}x"
    if row["id"] == "imports.topo_ext":
        return "issue #17: <= 150 ms on this machine"
    if row["id"].startswith("memory."):
        samples = row["rss_mb_every_10k"]
        return f"{samples[0]:.1f} -> {samples[-1]:.1f} MB RSS, peak {row['peak_rss_mb']:.1f} MB"
    return ""


def table(rows: list[dict[str, Any]]) -> list[list[str]]:
    out = [["Benchmark", "Time", "Ratio", "Baseline", "Goal", "Met", "Detail"]]
    for row in rows:
        met = {True: "yes", False: "NO", None: ""}[row["met"]]
        ratio = "" if row["ratio"] is None else f"{row['ratio']:.2f}x"
        out.append([row["name"], _fmt_seconds(row["seconds"]), ratio, row["baseline"],
                    row["goal"] or "", met, _detail(row)])
    return out


def pages_summary(rows: list[dict[str, Any]]) -> list[list[str]]:
    """The page rows folded to one line per list operation: ours / peer, as documented and with an unknown field."""
    by_operation: dict[str, dict[str, dict[str, Any]]] = {}
    for row in rows:
        if row["id"].startswith("pages."):
            by_operation.setdefault(row["operation"], {})[row["variant"]] = row
    out = [["List operation", "Call (first page)", "Ours / peer, as documented", "Ours / peer, +1 unknown field/item",
            "Floor / peer (httpx build + send, as documented)"]]
    for operation, variants in by_operation.items():
        cells = []
        for variant in pages.VARIANTS:
            row = variants.get(variant)
            if row is None:
                cells.append("")
            elif row["error"]:
                cells.append("ours raised")
            else:
                cells.append(f"{row['ratio']:.2f}x" + ("" if row["met"] else " (over goal)"))
        floor = variants.get("documented", {}).get("floor_ratio")
        cells.append("" if floor is None else f"{floor:.2f}x")
        out.append([operation, f"`{next(iter(variants.values()))['call']}`", *cells])
    return out


def render_text(grid: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in grid) for i in range(len(grid[0]))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)).rstrip() for r in grid]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def markdown_table(grid: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(grid[0]) + " |", "|" + "|".join("---" for _ in grid[0]) + "|"]
    return lines + ["| " + " | ".join(cell.replace("|", "\\|") for cell in r) + " |" for r in grid[1:]]


def render_markdown(grid: list[list[str]], summary: list[list[str]], env: dict[str, Any]) -> str:
    head = (f"`make bench` on Python {env['python']} ({env['implementation']}), {env['platform']}, "
            f"{env['cpus_usable']} CPU(s). Every figure is a ratio to its baseline measured in the same run (medians "
            "of repeated runs).")
    pages_part = ["", "## Page decode per list operation: ours / pydantic-v2 peer (goals: "
                  + ", ".join(f"{pages.VARIANTS[v]} <= {pages.GOALS[v]:.2f}x" for v in pages.VARIANTS) + ")", "",
                  *markdown_table(summary)] if len(summary) > 1 else []
    return "\n".join(["# Benchmarks", "", head, "", *markdown_table(grid), *pages_part, "", *NOTES, ""])


NOTES = [
    f"- Page: the first {pages.PAGE_SIZE}-item page of every list operation in the spec, through our public client "
    "(`client.<resource>.list(size=100)` on `Topo` with an httpx `MockTransport` serving the bytes) vs a pydantic-v2 "
    "peer client doing the same on the same transport (`httpx.Client` GET + `<Page>.model_validate_json`, models "
    "generated from the same spec by datamodel-codegen with `extra='allow'`). Bodies are built from the spec (every "
    "property filled, uuid-shaped ids, RFC 3339 date-times, rotating enum values and event types), as documented and "
    f"with one unknown field (`{pages.UNKNOWN_FIELD[0]}`) per item. Ratio = ours / peer in CPU time, median over "
    f"{pages.ROUNDS} paired rounds; Time = ours, minimum over rounds. Floor = a new `httpx.Request` with the URL "
    "and headers ours sent, sent through the same `httpx.Client` and read, nothing decoded: what any client that "
    "sends through httpx pays per call before any work of its own (same rounds, / peer).",
    f"- Walk: {walk.ACTIVITIES:,} activities ({walk.ACTIVITIES // walk.PAGE_SIZE} pages) from the sandbox on "
    f"loopback with {walk.LATENCY * 1000:g} ms added latency and a {walk.RATE_LIMIT:g} req/s stand-in rate limit "
    "(token bucket, burst = limit, so a client that bursts can beat the bound slightly). Bound = max(pages x "
    "latency / concurrency, pages / limit).",
    f"- Overhead: {overhead.CALLS:,} `contacts.get(id)` vs bare httpx (same GET and headers + `json.loads`) on one "
    "shared connection pool; the sandbox (latency 0) runs in its own process, so its time is in both figures.",
    f"- Shared budget: {shared.WORKERS} processes walking contacts against one key limited to {shared.LIMIT:g} "
    "req/s (token bucket, burst 2), through one SharedBudget in Redis vs in-process gates that learn the limit "
    f"alone ({shared.WORKERS} and {shared.MANY} processes); ratio = combined rate of requests served (429s spend "
    f"no token and are not counted) / the limit; a diagnostic row gives each of {shared.WORKERS} gates its fair "
    "share from the start. Export: activities.partition() into "
    f"{shared.WORKERS} worker processes vs 1, under {shared.EXPORT_LATENCY * 1000:g} ms latency, and under a "
    f"{shared.EXPORT_LIMIT:g} req/s limit shared through Redis (the limit is the bound there).",
    f"- Memory: resident memory of a fresh process streaming {memory.ACTIVITIES:,} activities, after 100,000 vs "
    "after 10,000.",
]


def _rounded(value: Any) -> Any:
    """Floats to 4 significant digits: the noise below that would only churn the committed file."""
    if isinstance(value, float):
        return float(f"{value:.4g}")
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_rounded(v) for v in value]
    return value


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench/run.py", description=__doc__.splitlines()[0])
    parser.add_argument("--only", help=f"comma-separated sections ({', '.join(SECTIONS)}); writes no files")
    parser.add_argument("--operations", help="pages section: only these comma-separated list operations "
                        "(operationIds, e.g. list_contacts,list_tasks); writes no files")
    args = parser.parse_args(argv)
    chosen = list(SECTIONS) if not args.only else [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = [s for s in chosen if s not in SECTIONS]
    if unknown:
        parser.error(f"unknown section(s) {', '.join(unknown)}; choose from {', '.join(SECTIONS)}")

    logging.getLogger("topo").setLevel(logging.ERROR)  # the tolerant-path run reports drift on purpose
    env = environment()
    print(f"Python {env['python']} ({env['implementation']}) on {env['platform']}, "
          f"{env['cpu_count']} CPU(s), {env['cpus_usable']} usable", flush=True)
    rows: list[dict[str, Any]] = []
    sections: dict[str, float] = {}
    for name in chosen:
        print(f"running {name} ...", flush=True)
        start = time.perf_counter()
        if name == "pages" and args.operations:
            rows += pages.run([o.strip() for o in args.operations.split(",") if o.strip()])
        else:
            rows += SECTIONS[name]()
        sections[name] = round(time.perf_counter() - start, 1)
    grid, summary = table(rows), pages_summary(rows)
    print()
    print(render_text(grid))
    if len(summary) > 1:
        print()
        print(render_text(summary))
    for row in rows:
        if row.get("profile"):
            print(f"\n{row['id']}: what topo_ext adds per call (own time under cProfile, vs the bare loop):")
            for entry in row["profile"]:
                print(f"  {entry['extra_us_per_call']:5.1f} us  {entry['extra_calls_per_get']:4.1f} extra calls/get  "
                      f"{entry['function']}")
    missed = [row["id"] for row in rows if row["met"] is False]
    print(f"\n{'all goals met' if not missed else 'goals missed: ' + ', '.join(missed)}  "
          f"(sections: {', '.join(f'{k} {v} s' for k, v in sections.items())})")
    if args.only or args.operations:
        return 0
    results = {"environment": env, "results": _rounded(rows), "goals_missed": missed}
    (HERE / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    (HERE / "RESULTS.md").write_text(render_markdown(grid, summary, env))
    print(f"wrote {HERE / 'results.json'} and {HERE / 'RESULTS.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
