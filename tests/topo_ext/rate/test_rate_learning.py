"""Learning an unknown rate limit against the sandbox (integer `Retry-After`, as real APIs send).

The client is not told the limit. It must settle near it rather than take the 1 s hint as its spacing, share
what it learned between threads, tasks and copies, learn with max_retries=0 too, and log the waits that
happened. Wall-time checks are ratios to the bound (requests / limit), as the issue asks.
"""

from __future__ import annotations

import asyncio
import logging
import re
import threading
import time
from collections.abc import Iterator

import httpx
import pytest

from topo_ext import AsyncTopo, RateLimitError, Topo
from topo_tools.sandbox import Sandbox

LIMIT = 5.0
MAX_RATIO = 1.3


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(activities=20, rate_limit=LIMIT) as sb:  # Retry-After only, in whole seconds
        yield sb


def bound(requests: int) -> float:
    return requests / LIMIT


def test_sequential_calls_settle_near_the_limit_and_log_the_real_wait(sandbox: Sandbox,
                                                                      caplog: pytest.LogCaptureFixture) -> None:
    calls = 40
    with caplog.at_level(logging.DEBUG, logger="topo"), \
            Topo(api_key=sandbox.api_key, base_url=sandbox.base_url, log_drift=False) as client:
        started = time.monotonic()
        for _ in range(calls):
            client.me()
        seconds = time.monotonic() - started
    assert seconds <= MAX_RATIO * bound(calls), f"{seconds:.1f}s for {calls} calls"
    assert sandbox.stats.rate_limited <= 5
    waits = [float(m.group(1)) for r in caplog.records
             if (m := re.search(r"after waiting ([\d.]+)s", r.getMessage()))]
    assert len(waits) == sandbox.stats.rate_limited and all(w >= 1.0 for w in waits)  # Retry-After: 1 was kept


def test_eight_threads_share_one_gate(sandbox: Sandbox) -> None:
    threads, each = 8, 5
    errors: list[BaseException] = []
    with Topo(api_key=sandbox.api_key, base_url=sandbox.base_url, log_drift=False) as client:
        copies = [client.with_options(timeout=10) if n % 2 else client for n in range(threads)]

        def work(c: Topo) -> None:
            try:
                for _ in range(each):
                    c.me()
            except BaseException as err:  # reported below
                errors.append(err)

        started = time.monotonic()
        workers = [threading.Thread(target=work, args=(c,)) for c in copies]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        seconds = time.monotonic() - started
    assert not errors
    assert seconds <= MAX_RATIO * bound(threads * each), f"{seconds:.1f}s"


class LateSuccesses(httpx.AsyncBaseTransport):
    """Holds back every answer but a 429 by `delay` seconds: the 429s of a burst (rejected before any work) then
    all come back before its successes, the order that used to make the gate learn 1 req/s now and then."""

    def __init__(self, delay: float) -> None:
        self.inner = httpx.AsyncHTTPTransport()
        self.delay = delay

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self.inner.handle_async_request(request)
        if response.status_code != 429:
            await asyncio.sleep(self.delay)
        return response

    async def aclose(self) -> None:
        await self.inner.aclose()


@pytest.mark.parametrize("late", [0.0, 0.3], ids=["answers-as-they-come", "successes-after-the-429s"])
def test_fifty_async_tasks_share_one_gate(sandbox: Sandbox, late: float) -> None:
    tasks = 50

    async def run() -> float:
        http = httpx.AsyncClient(transport=LateSuccesses(late)) if late else None
        async with AsyncTopo(api_key=sandbox.api_key, base_url=sandbox.base_url, http_client=http,
                             log_drift=False) as client:
            copy = client.with_options(max_retries=5)
            started = time.monotonic()
            await asyncio.gather(*((client if n % 2 else copy).me() for n in range(tasks)))
            seconds = time.monotonic() - started
        if http is not None:
            await http.aclose()
        return seconds

    seconds = asyncio.run(run())
    assert seconds <= MAX_RATIO * bound(tasks), f"{seconds:.1f}s"


def test_it_learns_from_429s_it_does_not_retry(sandbox: Sandbox) -> None:
    calls, limited = 40, 0
    with Topo(api_key=sandbox.api_key, base_url=sandbox.base_url, max_retries=0, log_drift=False) as client:
        for _ in range(calls):
            try:
                client.me()
            except RateLimitError:
                limited += 1
    assert limited <= 3, f"{limited} of {calls} calls were rate limited"
