"""`activities.partition()`: parts of about equal size that hold every activity exactly once, in 4 processes."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bench._workers import spawn
from topo_ext import AsyncTopo, Topo
from topo_ext._partition import Partition, plan
from topo_tools.sandbox import Sandbox

T0 = datetime(2025, 1, 1, tzinfo=UTC)


def run_plan(times: list[datetime], since: datetime, until: datetime, parts: int) -> tuple[list[Partition], int]:
    """Drive `plan` with exact counts over `times` (exclusive bounds, as the API); return the plan and the queries."""
    planner = plan(since, until, parts)
    queries = 0
    request = next(planner)
    try:
        while True:
            after, before = request
            queries += 1
            request = planner.send(sum(1 for t in times if after < t < before))
    except StopIteration as done:
        return done.value, queries


def owners(parts: list[Partition], t: datetime) -> list[int]:
    return [p.index for p in parts if p.after < t < p.before]


@pytest.mark.parametrize("parts", [1, 2, 4, 7])
def test_every_instant_belongs_to_exactly_one_part(parts: int) -> None:
    rng = random.Random(parts)
    times = [T0 + timedelta(microseconds=rng.randrange(10**10)) for _ in range(3000)]
    times += [T0 + timedelta(seconds=5000)] * 400  # a crowd sharing one created_at
    since, until = T0 - timedelta(microseconds=1), T0 + timedelta(days=1)
    result, queries = run_plan(times, since, until, parts)
    assert [p.index for p in result] == list(range(parts))
    assert all(len(owners(result, t)) == 1 for t in times)
    assert sum(p.expected for p in result) == len(times)
    ideal = len(times) / parts
    assert all(abs(p.expected - ideal) <= 400 + 0.05 * ideal for p in result)  # a crowd cannot be split
    assert queries <= 1 + parts + (parts - 1) * 40


def test_bad_arguments_are_refused_before_any_request() -> None:
    client = Topo(api_key="topo_k", base_url="http://127.0.0.1:9/v1")
    with pytest.raises(ValueError, match="parts"):
        client.activities.partition(since=T0, parts=0)
    with pytest.raises(ValueError, match="naive"):
        client.activities.partition(since=datetime(2025, 1, 1), parts=2)
    with pytest.raises(ValueError, match="until"):
        client.activities.partition(since=T0, until=T0, parts=2)


def _all_ids(sb: Sandbox) -> list[str]:
    client = Topo(api_key=sb.api_key, base_url=sb.base_url)
    return [str(a.id) for a in client.activities.list()]


async def test_the_async_client_makes_the_same_plan() -> None:
    with Sandbox(seed=5, activities=600) as sb:
        since = T0 - timedelta(days=3650)
        until = datetime.now(UTC) + timedelta(days=1)
        sync_plan = Topo(api_key=sb.api_key, base_url=sb.base_url).activities.partition(
            since=since, until=until, parts=3)
        async with AsyncTopo(api_key=sb.api_key, base_url=sb.base_url) as client:
            async_plan = await client.activities.partition(since=since, until=until, parts=3)
        assert async_plan == sync_plan and sum(p.expected for p in sync_plan) == 600


def _worker(sb: Sandbox, part: Partition, db: Path) -> subprocess.Popen[str]:
    args = {"base_url": sb.base_url, "api_key": sb.api_key, "db": str(db), "after": part.after.isoformat(),
            "before": part.before.isoformat()}
    return spawn("export", args)


def _rows(db: Path) -> int:
    try:
        with sqlite3.connect(db) as conn:
            return int(conn.execute("SELECT count(*) FROM seen").fetchone()[0])
    except sqlite3.OperationalError:
        return 0


@pytest.mark.slow
def test_four_processes_export_every_activity_exactly_once_with_a_kill_and_resume(tmp_path: Path) -> None:
    with Sandbox(seed=9, activities=20_000) as sb:
        expected = _all_ids(sb)
        client = Topo(api_key=sb.api_key, base_url=sb.base_url)
        parts = client.activities.partition(since=T0 - timedelta(days=3650),
                                            until=datetime.now(UTC) + timedelta(seconds=1), parts=4)
        assert sum(p.expected for p in parts) == len(expected) == 20_000
        dbs = [tmp_path / f"part{p.index}.db" for p in parts]
        procs = [_worker(sb, p, db) for p, db in zip(parts, dbs, strict=True)]
        victim = procs[1]
        deadline = time.monotonic() + 120
        while _rows(dbs[1]) < parts[1].expected // 3:  # kill it a third of the way through
            assert victim.poll() is None and time.monotonic() < deadline, "the worker finished too early"
            time.sleep(0.02)
        os.kill(victim.pid, signal.SIGKILL)
        victim.wait()
        procs[1] = _worker(sb, parts[1], dbs[1])  # the same command resumes from the committed cursor
        for proc in procs:
            out, _ = proc.communicate(timeout=180)
            assert proc.returncode == 0 and out.strip() == "done"
    seen: Counter[str] = Counter()
    for db in dbs:
        with sqlite3.connect(db) as conn:
            seen.update(row[0] for row in conn.execute("SELECT activity_id FROM seen"))
    assert set(seen) == set(expected)
    assert [i for i, n in seen.items() if n > 1] == []


@pytest.mark.parametrize("bound", ["created_at_after", "created_at_before"])
def test_a_created_at_filter_is_refused_naming_since_and_until(bound: str) -> None:
    # Each part sets both bounds itself: a caller's created_at_before was silently dropped.
    client = Topo(api_key="topo_k", base_url="http://127.0.0.1:9/v1")
    with pytest.raises(TypeError, match=rf"partition\(\): '{bound}' .*since= and until="):
        client.activities.partition(since=T0, until=T0 + timedelta(days=1), parts=2, **{bound: T0})
