"""Many processes, one Topo key: a shared Redis budget vs in-process gates, and exports split across workers.

- Budget: 4 worker processes walk 40 contacts each (pages of 2) against one sandbox limited to 10 req/s per key
  (token bucket, burst 2). With a `SharedBudget` (rate given) they draw from one schedule; the baseline is the same
  4 processes with in-process gates that do not know the limit, each learning it alone (goal >= 0.8x with <= 10%
  of requests answered 429), and 8 such processes (goal >= 0.7x). A diagnostic row gives each of the 4 in-process
  gates its exact fair share (rate = limit / 4) from the start: what gates that do not talk reach at best, with
  nothing left to learn. Ratio: the combined rate of requests the sandbox served (429s not counted: they spend
  no token) / the limit (Redis goal 0.85-1.0x), and the share of requests answered 429.
- Export: the sandbox's activities exported by 1 worker vs 4 workers (`activities.partition(parts=4)`, one
  process per part, each streaming its part into SQLite); wall time includes planning and process start-up.
  Under latency the 4 workers overlap their waits (the sandbox's CPU on 2 cores caps the gain); under a rate limit
  shared through Redis the limit is the bound, and the plan's count queries come out of the same budget.
"""

from __future__ import annotations

import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from _redis import RedisServer
from _workers import run_walkers, spawn

LIMIT = 10.0
WORKERS = 4
MANY = 8  # the second in-process row
EXPORT_ACTIVITIES = 20_000
EXPORT_LATENCY = 0.05
EXPORT_LIMIT = 20.0


def _walk(sb: Any, redis_url: str | None, workers: int, rate: float | None) -> tuple[float, dict[str, Any]]:
    _, seconds = run_walkers(sb, workers, redis_url=redis_url, key="topo:bench", rate=rate)
    return seconds, sb.stats.snapshot()


def _export(sb: Any, workers: int, redis_url: str | None, tmp: Path) -> float:
    from topo_ext import SharedBudget, Topo

    start = time.monotonic()
    gate = SharedBudget(redis_url, key="topo:export", rate=EXPORT_LIMIT) if redis_url else None
    client = Topo(api_key=sb.api_key, base_url=sb.base_url, rate_limit=gate)
    parts = client.activities.partition(since=datetime(2000, 1, 1, tzinfo=UTC),
                                        until=datetime.now(UTC) + timedelta(seconds=1), parts=workers)
    procs = []
    for part in parts:
        db = tmp / f"export-{workers}-{part.index}-{bool(redis_url)}.db"
        procs.append(spawn("export", {"base_url": sb.base_url, "api_key": sb.api_key, "db": str(db),
                                       "after": part.after.isoformat(), "before": part.before.isoformat(),
                                       "redis_url": redis_url, "key": "topo:export", "rate": EXPORT_LIMIT}))
    for proc in procs:
        proc.communicate(timeout=600)
        if proc.returncode:
            raise RuntimeError(f"export worker failed (status {proc.returncode})")
    return time.monotonic() - start


def walk_rows(redis_url: str | None) -> list[dict[str, Any]]:
    """The walk rows: WORKERS processes through one SharedBudget (if `redis_url`), then WORKERS and MANY processes
    with in-process gates that do not know the limit, and WORKERS gates each told its fair share."""
    from topo_tools.sandbox import Sandbox

    rows: list[dict[str, Any]] = []
    runs = [(WORKERS, redis_url, LIMIT)] if redis_url else []
    for workers, url, rate in (*runs, (WORKERS, None, None), (MANY, None, None), (WORKERS, None, LIMIT / WORKERS)):
        with Sandbox(seed=3, activities=10, contacts=40, rate_limit=LIMIT, burst=2) as sb:
            seconds, stats = _walk(sb, url, workers, rate)
        # The limit is on requests let through: a 429 spent no token, so it counts in the share, not in the rate.
        served = stats["requests"] - stats["rate_limited"]
        ratio, share_429 = served / seconds / LIMIT, stats["rate_limited"] / stats["requests"]
        if rate is not None and not url:
            row_id, name, goal, met = "shared.walk.told", f"in-process gates, each told {rate:g} req/s", None, None
        elif url:
            row_id, name, goal = "shared.walk.redis", "shared Redis budget", "0.85-1.0x, <= 2 x 429"
            met = 0.85 <= ratio <= 1.02 and stats["rate_limited"] <= 2
        elif workers == WORKERS:
            row_id, name, goal = "shared.walk.alone", "in-process gates, limit unknown", ">= 0.8x, <= 10% x 429"
            met = ratio >= 0.8 and share_429 <= 0.1
        else:
            row_id, name, goal = f"shared.walk.alone.{workers}", "in-process gates, limit unknown", ">= 0.7x"
            met = ratio >= 0.7
        rows.append({
            "id": row_id, "name": f"{workers} processes, one key at {LIMIT:g} req/s: {name}",
            "seconds": seconds, "ratio": ratio, "baseline": "the limit", "goal": goal, "met": met,
            "requests": stats["requests"], "rate_limited_429": stats["rate_limited"],
        })
    return rows


def run() -> list[dict[str, Any]]:
    from topo_tools.sandbox import Sandbox

    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="topo-bench-shared-") as tmp, RedisServer(Path(tmp)) as redis:
        rows += walk_rows(redis.url)
        for label, latency, limit in (("latency only", EXPORT_LATENCY, None),
                                      (f"shared limit {EXPORT_LIMIT:g} req/s", 0.0, EXPORT_LIMIT)):
            with Sandbox(seed=4, activities=EXPORT_ACTIVITIES, latency=latency, rate_limit=limit,
                         burst=2 if limit else None) as sb:
                url = redis.url if limit else None
                one = _export(sb, 1, url, Path(tmp))
                many = _export(sb, WORKERS, url, Path(tmp))
            rows.append({
                "id": f"shared.export.{'limit' if limit else 'latency'}",
                "name": f"export {EXPORT_ACTIVITIES:,} activities, {WORKERS} workers vs 1 ({label})",
                "seconds": many, "ratio": many / one, "baseline": "1 worker", "goal": None, "met": None,
                "one_worker_seconds": one,
            })
    return rows
