"""SharedBudget against a real Redis: one schedule for every process, shared learning, degradation, 4 processes."""

from __future__ import annotations

import itertools
import logging
import time

import httpx
import pytest

from bench._redis import RedisServer
from bench._workers import run_walkers
from tests.specdata import UUID_A, MockAPI
from topo_ext import SharedBudget, Topo
from topo_ext._rate import RateGate
from topo_tools.sandbox import Sandbox


def test_budgets_on_one_key_share_one_schedule(redis_server: RedisServer) -> None:
    import redis

    a = SharedBudget(redis_server.url, key="topo:ws1", rate=10)
    b = SharedBudget(redis_server.url, key="topo:ws1", rate=10)
    other = SharedBudget(redis_server.url, key="topo:ws2", rate=10)
    raw = redis.Redis.from_url(redis_server.url)
    slots, waits = [], []
    for budget in (a, b, a, b):
        waits.append(budget.reserve())
        slots.append(float(raw.hget("topo:ws1:gate", "next") or 0))
    # Each claim moves the one schedule on by exactly 1/rate, whichever process made it.
    steps = [y - x for x, y in itertools.pairwise(slots)]
    assert steps == pytest.approx([0.1, 0.1, 0.1], abs=1e-6)  # float64 at epoch seconds: ~0.3 us resolution
    assert waits[0] < 0.05 < waits[1] < waits[2] < waits[3]
    assert other.reserve() < 0.05  # another key: another budget


def test_without_a_rate_nothing_is_spaced_until_a_429(redis_server: RedisServer) -> None:
    a = SharedBudget(redis_server.url, key="topo:learn")
    b = SharedBudget(redis_server.url, key="topo:learn")
    assert [a.reserve() for _ in range(5)] == [0.0] * 5
    sent = time.monotonic()
    for _ in range(20):
        a.on_success()
    a.on_429(1.0, sent)
    learned = b.current_rate()
    assert learned is not None and 1 <= learned <= 20  # what went through, over the burst and the window
    waits = [b.reserve() for _ in range(3)]  # the other process is spaced by what this one learned
    assert waits[2] - waits[1] == pytest.approx(1 / (RateGate.BACKOFF * learned), rel=0.15)


def test_a_bursts_successes_answered_after_its_429s_still_count(redis_server: RedisServer) -> None:
    """asyncio.gather bursts: the 429s (rejected before any work) can all come back before the burst's successes.
    Learned from 0 passes that is 1 req/s; the late successes must lift it to what the burst shows."""
    a = SharedBudget(redis_server.url, key="topo:late")
    b = SharedBudget(redis_server.url, key="topo:late")
    a.on_429(1.0, time.monotonic())
    assert a.current_rate() == pytest.approx(1.0)  # nothing had come back yet
    for _ in range(5):
        b.on_success()  # another process's share of the same burst
    learned = a.current_rate()
    assert learned is not None and learned > 2.4  # 5 passes over (span < 1 s + the 1 s window)


def test_successes_after_a_cut_made_while_spaced_are_not_a_burst(redis_server: RedisServer) -> None:
    a = SharedBudget(redis_server.url, key="topo:spaced", rate=50)
    a.reserve()
    a.on_429(1.0, time.monotonic())
    cut = a.current_rate()
    for _ in range(20):
        a.on_success()
    assert a.current_rate() == cut


def test_a_429_for_a_request_sent_before_the_last_cut_is_not_news(redis_server: RedisServer) -> None:
    a = SharedBudget(redis_server.url, key="topo:stale", rate=50)
    a.reserve()
    before = time.monotonic() - 5
    a.on_429(1.0, time.monotonic())
    first = a.current_rate()
    a.on_429(1.0, before)
    assert a.current_rate() == first


def test_an_unreachable_redis_degrades_to_the_local_gate_with_one_warning(
    redis_server: RedisServer, caplog: pytest.LogCaptureFixture
) -> None:
    api = MockAPI()
    budget = SharedBudget(redis_server.url, key="topo:down", rate=200, timeout=0.2)
    client = Topo(api_key="topo_k", base_url="https://api.topo.test/v1", rate_limit=budget,
                  http_client=httpx.Client(transport=httpx.MockTransport(api)))
    with caplog.at_level(logging.WARNING, logger="topo"):
        for i in range(30):
            if i == 10:
                redis_server.kill()
            client.contacts.get(UUID_A)
    assert len(api.requests) == 30 and budget.degraded
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and "topo:down" in warnings[0].getMessage()


def test_a_bad_rate_limit_object_is_refused() -> None:
    with pytest.raises(TypeError, match="rate_limit"):
        Topo(api_key="topo_k", base_url="https://api.topo.test/v1", rate_limit="10/s")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="key"):
        SharedBudget("redis://127.0.0.1:1/0", key="")


@pytest.mark.slow
def test_four_processes_share_one_limit_through_redis(redis_server: RedisServer) -> None:
    limit = 10
    with Sandbox(seed=3, activities=10, contacts=40, rate_limit=limit, burst=2) as sb:
        summaries, seconds = run_walkers(sb, 4, redis_url=redis_server.url, key="topo:walk", rate=10)
        stats = sb.stats.snapshot()
    assert [s["contacts"] for s in summaries] == [40] * 4
    requests = stats["requests"]
    assert requests >= 80
    rate = requests / seconds
    assert rate <= limit * 1.02, f"{requests} requests in {seconds:.2f}s"
    assert rate >= 0.85 * limit, f"{requests} requests in {seconds:.2f}s"
    assert stats["rate_limited"] <= 2

