"""AsyncTopo under successive event loops releases each finished loop's connections (real sockets: the sandbox),
and close() releases them all, without leaving sockets for the garbage collector (no ResourceWarning)."""

from __future__ import annotations

import asyncio
import gc
import os
import time
import warnings
from collections.abc import Callable, Iterator

import pytest

from topo_ext import AsyncTopo
from topo_tools.sandbox import Sandbox

pytestmark = pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="counts open descriptors in /proc/self/fd")


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(activities=5) as sb:
        yield sb


def _open_fds() -> int:
    return len(os.listdir("/proc/self/fd"))


def _excess(base: int, allowed: int = 0) -> int:
    """Descriptors open beyond `base`, once the sandbox's end of a closed connection has had time to close."""
    deadline = time.monotonic() + 2
    while _open_fds() > base + allowed and time.monotonic() < deadline:
        time.sleep(0.02)
    return _open_fds() - base


Runner = Callable[[Callable[[], object]], None]


def _run_with_asyncio_run(coro: Callable[[], object]) -> None:
    asyncio.run(coro())  # type: ignore[arg-type]


def _run_on_a_loop_closed_without_finalizing(coro: Callable[[], object]) -> None:
    loop = asyncio.new_event_loop()  # closed without shutdown_asyncgens(), as hand-made loops often are
    try:
        loop.run_until_complete(coro())  # type: ignore[arg-type]
    finally:
        loop.close()


def _use_on_three_loops_then_close(sandbox: Sandbox, run: Runner, limit: int) -> tuple[list[int], int]:
    """The descriptors left open after each of three loops that used the client, and after close()."""
    client = AsyncTopo(api_key=sandbox.api_key, base_url=sandbox.base_url, log_drift=False)
    copy = client.with_options(max_retries=1)

    async def use() -> None:  # concurrent calls: several connections in the loop's pool
        await asyncio.gather(*(c.me() for c in (client, client, copy, copy)))

    gc.collect()
    base = _open_fds()
    excess = []
    for _ in range(3):
        run(use)
        excess.append(_excess(base, limit))
    asyncio.run(client.close())
    return excess, _excess(base)


@pytest.mark.parametrize("run", [_run_with_asyncio_run, _run_on_a_loop_closed_without_finalizing])
def test_successive_loops_do_not_accumulate_sockets_and_close_releases_them(sandbox: Sandbox, run: Runner) -> None:
    # a finished loop's pool is released at its end, or at the latest when the next loop uses the client (4 sockets
    # of ours and the sandbox's 4 ends)
    limit = 0 if run is _run_with_asyncio_run else 8
    gc.collect()  # earlier tests' garbage warns now, not in the record below (it failed a full run once)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        excess, after_close = _use_on_three_loops_then_close(sandbox, run, limit)
        gc.collect()  # what is left unclosed warns now
    assert max(excess) <= limit, excess
    assert after_close <= 0
    leaks = [str(w.message) for w in caught if issubclass(w.category, ResourceWarning)]
    assert not leaks, leaks
