"""Section 5 of the reliability run (`make reliability`): unknown rate limit, integer Retry-After, with faults
(issue #15). A list() walk at 5 and 20 req/s, sequential and async prefetch, the client not told the limit."""

from __future__ import annotations

import asyncio
import itertools
import math
import time
from collections import Counter
from dataclasses import dataclass
from typing import Any

from topo_ext import APIError, AsyncTopo, Topo
from topo_ext.models import SortOrder
from topo_tools.sandbox import FaultConfig, Sandbox
from topo_tools.sandbox._runtime import RateLimiter

from .run import (
    FAULT_RATE,
    MAX_RETRIES,
    PAGE_SIZE,
    SLOW_SECONDS,
    TIMEOUT,
    Export,
    _count_resume,
    _resumes,
    lost_and_duplicated,
    resume_point,
)

LIMITS = (5.0, 20.0)
WALK_LATENCY = 0.05
WALK_PREFETCH = 4


@dataclass
class LimitedWalk:
    name: str
    ids: int
    lost: int
    duplicated: int
    requests: int
    limited_429: int  # by the sandbox's limiter (fault-injected 429s are in `faults`)
    faults: int
    seconds: float
    bound: float
    resumes: Counter[str]

    @property
    def ok(self) -> bool:
        return self.lost == 0 and self.duplicated == 0


def _walk_sync(client: Topo, out: Export) -> None:
    page, skip = resume_point(len(out.ids), PAGE_SIZE)
    for activity in itertools.islice(client.activities.list(page=page, size=PAGE_SIZE, sort_by="created_at",
                                                            sort_order=SortOrder.ASC), skip, None):
        out.ids.append(str(activity.id))


def _walk_async(client: AsyncTopo, out: Export) -> None:
    async def walk() -> None:
        page, skip = resume_point(len(out.ids), PAGE_SIZE)
        seen = 0
        async for activity in client.activities.list(page=page, size=PAGE_SIZE, sort_by="created_at",
                                                     sort_order=SortOrder.ASC):
            seen += 1
            if seen > skip:
                out.ids.append(str(activity.id))

    asyncio.run(walk())


def limited_walks(seed: int, activities: int) -> list[LimitedWalk]:
    """List-walk every activity with the limit NOT given to the client, `FAULT_RATE` faults, resuming on errors."""
    rows = []
    for n, limit in enumerate(LIMITS):
        with Sandbox(seed=1, activities=activities, rate_limit=limit, latency=WALK_LATENCY) as sb:
            expected = set(sb.state.activities)
            pages = math.ceil(activities / PAGE_SIZE)
            for m, concurrent in enumerate((False, True)):
                sb.app.limiter = RateLimiter()  # a full bucket, as for a fresh key
                sb.faults = FaultConfig(rate=FAULT_RATE, seed=seed + 10 * n + m, slow_seconds=SLOW_SECONDS)
                sb.stats.reset()
                out, started = Export(), time.monotonic()
                options: dict[str, Any] = {"api_key": sb.api_key, "base_url": sb.base_url, "timeout": TIMEOUT,
                           "max_retries": MAX_RETRIES, "log_drift": False}
                client: Topo | AsyncTopo = AsyncTopo(prefetch=WALK_PREFETCH, **options) if concurrent \
                    else Topo(**options)
                while True:  # a new event loop per resume: the async client must cope with that too
                    try:
                        if isinstance(client, AsyncTopo):
                            _walk_async(client, out)
                        else:
                            _walk_sync(client, out)
                        break
                    except APIError as err:
                        _count_resume(out, err)
                seconds = time.monotonic() - started
                sb.faults = None
                stats = sb.stats.snapshot()
                if isinstance(client, Topo):
                    client.close()
                lost, dup = lost_and_duplicated(expected, out.ids)
                concurrency = WALK_PREFETCH if concurrent else 1
                name = f"{limit:g} req/s, " + (f"async prefetch={WALK_PREFETCH}" if concurrent else "sequential")
                rows.append(LimitedWalk(name, len(out.ids), lost, dup, stats["requests"], stats["rate_limited"],
                                        Counter(stats["faults"]).total(), seconds,
                                        max(pages * WALK_LATENCY / concurrency, pages / limit), out.resumes))
                print(f"limit not known, {name}: {len(out.ids)} ids, {seconds:.1f}s", flush=True)
    return rows


def report_limited(rows: list[LimitedWalk]) -> bool:
    print("\nunknown rate limit (integer Retry-After), 30% faults: list() walk, the client is not told the limit")
    print(f"{'walk':<32}{'ids':>7}{'lost':>6}{'dup':>5}{'requests':>10}{'429':>6}{'faults':>8}{'time':>8}"
          f"{'bound':>8}{'ratio':>7}  resumes")
    for r in rows:
        print(f"{r.name:<32}{r.ids:>7}{r.lost:>6}{r.duplicated:>5}{r.requests:>10}{r.limited_429:>6}{r.faults:>8}"
              f"{r.seconds:>7.1f}s{r.bound:>7.1f}s{r.seconds / r.bound:>6.2f}x  {_resumes(r.resumes)}")
    ok = all(r.ok for r in rows)
    print(f"  {'PASS' if ok else 'FAIL'}  unknown limit with faults, every walk: 0 lost, 0 duplicated")
    return ok
