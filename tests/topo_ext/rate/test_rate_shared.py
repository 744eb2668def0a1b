"""Gates of processes that share a key without talking (fake clock): a 429 caused by other clients, shares that
converge, desynchronised comebacks, and rate-limit headers."""

from __future__ import annotations

import contextlib
import time
from typing import Any

import httpx
import pytest

from tests.conftest import TEST_KEY
from topo_ext import Topo, TopoError
from topo_ext._rate import RateGate, quota

from .simulation import Clock, run
from .test_rate_gate import limit_429s, passes


def learned(seed: int = 0) -> tuple[RateGate, Clock]:
    """A gate that learned a 5 req/s limit alone, and waited out its pause."""
    clock = Clock()
    gate = RateGate(None, clock=clock, seed=seed)
    limit_429s(gate, clock)
    clock.now += 1.0  # Retry-After: 1
    return gate, clock


def others_429(gate: RateGate, clock: Clock) -> None:
    """The first request after our pause, at our pace, is refused: the bucket had refilled for us, so someone else
    emptied it."""
    clock.now += gate.reserve()
    sent = clock.now
    clock.now += 0.01
    gate.on_429(1, sent_at=sent)


def test_a_429_after_our_own_pause_does_not_collapse_the_estimate() -> None:
    gate, clock = learned()
    rate = gate.rate
    others_429(gate, clock)
    # Few passes since our pause because we paused, not because the limit is low: the share is the rate we sent
    # at, not passes / (span + window) over a history that is mostly our own pause.
    assert gate.cuts == 2 and gate.estimate == pytest.approx(rate, rel=0.01)
    assert gate.rate == pytest.approx(gate.SHARED_BACKOFF * (rate or 0), rel=0.01)


def test_shares_grow_back_by_the_same_amount_whatever_their_size() -> None:
    small, small_clock = learned()
    big, big_clock = learned()
    others_429(small, small_clock)
    others_429(small, small_clock)  # cut twice: a smaller share
    others_429(big, big_clock)
    start = (small.rate or 0, big.rate or 0)
    assert start[0] < 0.9 * start[1]
    small_clock.now += 2
    big_clock.now += 2
    grown = ((small.rate or 0) - start[0], (big.rate or 0) - start[1])
    assert grown[0] > 0 and grown[0] == pytest.approx(grown[1])  # additive: the gap closes relative to the shares


def test_a_lone_client_is_not_taken_for_many() -> None:
    # One sequential client: its request after the Retry-After pause passes, then a later 429 comes while probing
    # above the estimate. That is its own rate: the single-client rules (settle just under, probe slowly) hold.
    gate, clock = learned()
    passes(gate, clock, 1, 0.2)
    clock.now += 60
    passes(gate, clock, 10, 0.15)
    gate.on_429(1, sent_at=clock.now)
    estimate = gate.estimate or 0
    clock.now += gate.RECOVER
    assert gate.rate == pytest.approx(gate.SETTLE * estimate)


def test_clients_cut_together_come_back_at_different_times() -> None:
    firsts = []
    for seed in range(2):
        gate, clock = learned(seed)
        others_429(gate, clock)
        interval = 1 / (gate.BACKOFF * (gate.estimate or 0))
        firsts.append(gate.reserve())
        assert (1 - gate.JITTER) * interval <= firsts[-1] <= (1 + gate.JITTER) * interval
    assert firsts[0] != pytest.approx(firsts[1], rel=0.01)


@pytest.mark.parametrize("processes", [4, 8])
def test_processes_on_one_key_share_the_limit_and_finish_together(processes: int) -> None:
    # Processes with their own gates, one 10 req/s key (a token bucket 2 deep), limit unknown: each used to take a
    # 429 caused by the others for its own limit, shrink to ~1 req/s and crawl (the last finished ~4x after the
    # first, 0.13x of the limit for 4 processes). Learning from the first 429 at start-up (a floor, slow start)
    # took the 4 processes from 5.2-5.5 to 6.0-6.7 req/s passed here.
    for seed in (1, 2, 3):
        outcome = run(processes, 20, 10.0, seed=seed)
        passed = (outcome.requests - outcome.rejected) / outcome.seconds
        assert passed >= 0.57 * 10.0, f"seed {seed}: {passed:.1f} req/s passed"
        assert max(outcome.finished_at) <= 2.5 * min(outcome.finished_at)


@pytest.mark.parametrize(("headers", "expected"), [
    ({"RateLimit-Remaining": "0", "RateLimit-Reset": "3"}, (0.0, 3.0)),
    ({"x-ratelimit-remaining": "7", "x-ratelimit-reset": "1.5"}, (7.0, 1.5)),
    ({"RateLimit-Remaining": "2"}, None),  # no reset: nothing to hold until
    ({"RateLimit-Remaining": "many", "RateLimit-Reset": "3"}, None),
    ({"RateLimit-Remaining": "0", "RateLimit-Reset": "inf"}, None),
    ({}, None),
])
def test_rate_limit_headers_are_read_when_sent(headers: dict[str, str], expected: tuple[float, float] | None) -> None:
    assert quota(httpx.Headers(headers)) == expected


def test_an_epoch_reset_is_turned_into_seconds() -> None:
    left = quota(httpx.Headers({"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": str(int(time.time()) + 30)}))
    assert left is not None and 25 <= left[1] <= 31


def test_nothing_remaining_holds_every_slot_until_the_reset() -> None:
    clock = Clock()
    gate = RateGate(None, clock=clock)
    gate.on_quota(3, 2.0)
    assert gate.reserve() == 0.0  # something remains: nothing to hold
    gate.on_quota(0, 2.0)
    assert gate.reserve() == pytest.approx(2.0) and gate.reserve() == pytest.approx(2.0)
    clock.now += 2.0
    assert gate.reserve() == 0.0 and gate.rate is None  # a hold, not a learned limit


class Recorder:
    """A gate that records what the transport tells it."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, Any]] = []

    def reserve(self) -> float:
        return 0.0

    def on_success(self) -> None:
        self.calls.append(("success", None))

    def on_429(self, retry_after: float | None, sent_at: float) -> None:
        self.calls.append(("429", retry_after))

    def on_quota(self, remaining: float, reset: float) -> None:
        self.calls.append(("quota", (remaining, reset)))


def test_the_transport_hands_rate_limit_headers_to_the_gate() -> None:
    def api(request: httpx.Request) -> httpx.Response:
        return httpx.Response(404, json={"type": "NotFoundIssue", "message": "no"},
                              headers={"RateLimit-Remaining": "0", "RateLimit-Reset": "4"})

    gate = Recorder()
    with Topo(api_key=TEST_KEY, base_url="https://t/v1", rate_limit=gate,
              http_client=httpx.Client(transport=httpx.MockTransport(api))) as client, pytest.raises(TopoError):
        client.me()
    assert gate.calls == [("success", None), ("quota", (0.0, 4.0))]


def test_headers_are_looked_at_only_while_the_server_sends_them() -> None:
    answers = [{}, {"RateLimit-Remaining": "5", "RateLimit-Reset": "9"},
               {"RateLimit-Remaining": "0", "RateLimit-Reset": "1"}, {"RateLimit-Remaining": "0", "RateLimit-Reset": "2"}]
    statuses = [200, 200, 429, 404]

    def api(request: httpx.Request) -> httpx.Response:
        return httpx.Response(statuses.pop(0), json={"type": "NotFoundIssue"}, headers=answers.pop(0))

    gate = Recorder()
    with Topo(api_key=TEST_KEY, base_url="https://t/v1", rate_limit=gate, max_retries=0,
              http_client=httpx.Client(transport=httpx.MockTransport(api))) as client:
        for _ in range(4):
            with contextlib.suppress(TopoError):
                client.me()
    # The first answer had none, so the second is not looked at; a 429 always is, and since it had them, so is
    # the answer after it.
    assert [c for c in gate.calls if c[0] == "quota"] == [("quota", (0.0, 1.0)), ("quota", (0.0, 2.0))]


def test_a_429_before_a_handful_of_passes_is_learnt_from_at_once_and_grows_from_there() -> None:
    # Four processes start together on a 2-deep bucket: each gets a 429 after one pass or none. Waiting for a second
    # one (all come back after the same Retry-After and collide again) cost a second 429 each; the estimate from one
    # pass is a floor, not a limit to settle under.
    clock = Clock()
    gate = RateGate(None, clock=clock, seed=1)
    passes(gate, clock, 1, 0.01)
    gate.on_429(1, sent_at=clock.now - 0.005)
    assert gate.cuts == 1 and gate.estimate == pytest.approx(1.0)  # at least one request per window
    first = gate.reserve()
    assert 1.0 <= first <= 1.0 + 1 / (gate.BACKOFF * gate.estimate)  # after the pause, somewhere in one interval
    start = gate.rate or 0
    clock.now += 2
    assert gate.rate == pytest.approx(start * gate.SLOW_START ** 2)  # slow start: x SLOW_START per second
    clock.now += 3
    rate = gate.rate or 0
    gate.on_429(1, sent_at=clock.now - 0.01)  # the next 429 measures the share: shared growth from there
    assert gate.cuts == 2 and gate.estimate == pytest.approx(rate, rel=0.01)
    assert gate.rate == pytest.approx(gate.SHARED_BACKOFF * rate, rel=0.01)
    clock.now += 3
    assert gate.rate == pytest.approx(gate.SHARED_BACKOFF * rate + gate.SHARED_PROBE * rate * 9, rel=0.01)


def test_a_429_after_a_handful_of_passes_still_waits_for_a_second_one() -> None:
    clock = Clock()
    gate = RateGate(None, clock=clock)
    passes(gate, clock, gate.WEAK, 0.05)
    gate.on_429(1, sent_at=clock.now - 0.01)
    assert gate.rate is None and gate.cuts == 0  # a stray 429 of a busy client does not slow it down
