"""A worker process for the multi-process tests and benchmarks: `python -m bench._workers MODE JSON-ARGS`.

walk:   prints "ready", waits for "go" on stdin, walks every contact (pages of `size`) with a `Topo` whose rate gate
        is a SharedBudget (`redis_url`) or the in-process gate (`redis_url` null), prints a JSON summary.
export: streams one partition into a SQLite table, committing each activity's row together with the cursor
        (the transactional pattern), so a SIGKILL at any point and a re-run leave every id exactly once.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any

from topo_ext import DBAPICursorStore, RateLimitError, SharedBudget, Topo

ROOT = Path(__file__).resolve().parent.parent


def spawn(mode: str, args: dict[str, Any]) -> subprocess.Popen[str]:
    """A worker process in `mode` (from the repository root, so `bench._workers` resolves)."""
    return subprocess.Popen([sys.executable, "-m", "bench._workers", mode, json.dumps(args)], cwd=ROOT,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)


def run_walkers(sb: Any, count: int, *, redis_url: str | None, key: str,
                rate: float | None) -> tuple[list[dict[str, Any]], float]:
    """Start `count` walkers against sandbox `sb`, release them together once warm, and return their summaries
    and the seconds from release to the last walk's end (process exit not included); `sb.stats` count only the
    measured walks."""
    args = {"base_url": sb.base_url, "api_key": sb.api_key, "redis_url": redis_url, "key": key, "rate": rate,
            "size": 2}
    procs = [spawn("walk", args) for _ in range(count)]
    for proc in procs:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready"
    time.sleep(1.0)  # the warm-up requests' tokens and slots are spent
    sb.stats.reset()
    start = time.monotonic()
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    summaries = []
    for proc in procs:  # the summary line is printed when the walk ends, before the process exits
        assert proc.stdout is not None
        summaries.append(json.loads(proc.stdout.readline()))
    seconds = time.monotonic() - start
    for proc in procs:
        proc.communicate(timeout=60)
    return summaries, seconds


def walk(args: dict[str, Any]) -> None:
    gate = SharedBudget(args["redis_url"], key=args["key"], rate=args["rate"]) if args["redis_url"] else args["rate"]
    client = Topo(api_key=args["api_key"], base_url=args["base_url"], rate_limit=gate, max_retries=10)
    client.contacts.list(size=1)  # warm up (imports, connection) before the measured run
    print("ready", flush=True)
    sys.stdin.readline()
    seen, errors = 0, 0
    try:
        seen = sum(1 for _ in client.contacts.list(size=args["size"]))
    except RateLimitError:
        errors += 1
    print(json.dumps({"contacts": seen, "errors": errors}), flush=True)


def export(args: dict[str, Any]) -> None:
    db = sqlite3.connect(args["db"], isolation_level="DEFERRED")
    # WAL with synchronous=NORMAL: a commit survives the process being killed (the OS has it) without an fsync
    # per activity; only a power cut could lose the last commits, and then their cursor with them.
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("CREATE TABLE IF NOT EXISTS seen (activity_id TEXT)")  # no key: a repeat would show
    store = DBAPICursorStore(db)
    gate = SharedBudget(args["redis_url"], key=args["key"], rate=args["rate"]) if args.get("redis_url") else None
    client = Topo(api_key=args["api_key"], base_url=args["base_url"], rate_limit=gate)
    stream = client.activities.stream(since=datetime.fromisoformat(args["after"]),
                                      created_at_before=datetime.fromisoformat(args["before"]), store=store)
    for activity in stream:
        db.execute("INSERT INTO seen (activity_id) VALUES (?)", (str(activity.id),))
        stream.commit()  # the cursor, into the same transaction as the row
        db.commit()
    print("done", flush=True)


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    {"walk": walk, "export": export}[sys.argv[1]](json.loads(sys.argv[2]))
