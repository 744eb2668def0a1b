"""The rate gate with a fake clock: a known limit spaces requests; an unknown one is learned from 429s (AIMD)."""

from __future__ import annotations

import httpx
import pytest

from tests.conftest import TEST_KEY
from tests.specdata import UUID_A, MockAPI
from topo_ext import Topo
from topo_ext._rate import RateGate, gate_for


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def passes(gate: RateGate, clock: Clock, count: int, every: float) -> None:
    for _ in range(count):
        gate.on_success()
        clock.now += every


def limit_429s(gate: RateGate, clock: Clock) -> None:
    """What a 5 req/s token bucket does to an unthrottled client: 7 pass in 0.35 s, then 429, 429."""
    passes(gate, clock, 7, 0.05)
    gate.on_429(1, sent_at=clock.now - 0.05)
    clock.now += 0.05
    gate.on_429(1, sent_at=clock.now - 0.01)  # the next request, sent after the first 429 came back


def test_a_known_limit_spaces_requests() -> None:
    gate = RateGate(10, clock=Clock())
    waits = [gate.reserve() for _ in range(3)]
    assert waits[0] == 0 and waits[2] == pytest.approx(0.2)


def test_a_known_limit_is_a_ceiling_that_429s_still_lower() -> None:
    clock = Clock()
    gate = RateGate(10, clock=clock)
    passes(gate, clock, 40, 0.1)
    gate.on_429(1, sent_at=clock.now)  # with a configured limit, the first 429 is believed at once
    assert gate.rate is not None and gate.rate < 10
    clock.now += 3600
    assert gate.rate == 10  # probing never goes above the configured limit


def test_nothing_is_spaced_until_the_first_429() -> None:
    clock = Clock()
    gate = RateGate(None, clock=clock)
    assert [gate.reserve() for _ in range(50)] == [0.0] * 50 and gate.rate is None


def test_a_lone_first_429_only_pauses_that_request() -> None:
    clock = Clock()
    gate = RateGate(None, clock=clock)
    passes(gate, clock, 7, 0.05)
    gate.on_429(1, sent_at=clock.now - 0.05)
    assert gate.rate is None and gate.cuts == 0


def test_a_stray_first_429_teaches_the_pace_between_it_and_the_next() -> None:
    clock = Clock()
    gate = RateGate(None, clock=clock)
    passes(gate, clock, 7, 0.05)
    gate.on_429(1, sent_at=clock.now)  # a gateway's stray 429, early, after only 7 passes
    passes(gate, clock, 40, 0.05)  # the client went on at 20/s
    gate.on_429(1, sent_at=clock.now)
    assert gate.estimate == pytest.approx(20, rel=0.05)  # not 7 / (1 + 0.35)


def test_the_first_429_estimates_the_limit_from_the_burst_not_from_retry_after() -> None:
    # 7 requests went through in 0.35 s from a full bucket, then 429s with Retry-After: 1 (a 5 req/s limit).
    clock = Clock()
    gate = RateGate(None, clock=clock)
    limit_429s(gate, clock)
    assert gate.estimate == pytest.approx(7 / 1.35, rel=0.01)
    assert gate.rate == pytest.approx(gate.BACKOFF * 7 / 1.35, rel=0.01)  # just under the limit, not 1/Retry-After


def test_429s_for_requests_sent_before_the_cut_cut_only_once() -> None:
    clock = Clock()
    gate = RateGate(None, clock=clock)
    limit_429s(gate, clock)
    rate = gate.rate
    gate.on_429(1, sent_at=clock.now - 0.03)  # other requests that were in flight
    gate.on_429(1, sent_at=clock.now - 0.02)
    assert gate.cuts == 1 and gate.rate == rate


def test_after_a_cut_it_recovers_then_probes_above_the_estimate() -> None:
    clock = Clock()
    gate = RateGate(None, clock=clock)
    limit_429s(gate, clock)
    estimate = gate.estimate
    assert estimate is not None
    clock.now += gate.RECOVER
    assert gate.rate == pytest.approx(gate.SETTLE * estimate)  # just under the estimate
    clock.now += 20
    assert estimate < (gate.rate or 0) < 1.1 * estimate  # slow probing near the estimate
    clock.now += gate.PATIENCE + 60
    assert (gate.rate or 0) > 2 * estimate  # no 429 for long: the estimate was too low, speed up


def test_a_later_429_takes_what_went_through_when_that_is_less() -> None:
    clock = Clock()
    gate = RateGate(None, clock=clock)
    passes(gate, clock, 21, 0.05)  # a long run at 20/s, so not a young burst
    gate.on_429(1, sent_at=clock.now)
    clock.now += 0.05
    gate.on_429(1, sent_at=clock.now)
    first = gate.estimate
    assert first is not None and first > 15
    clock.now += 30
    passes(gate, clock, 20, 0.2)  # only 5/s went through
    gate.on_429(1, sent_at=clock.now)
    assert gate.estimate is not None and gate.estimate < first


def test_spacing_follows_the_rate_and_a_429_spends_a_slot() -> None:
    clock = Clock()
    gate = RateGate(None, clock=clock)
    limit_429s(gate, clock)
    rate = gate.rate
    assert rate is not None
    first, second = gate.reserve(), gate.reserve()
    assert first == pytest.approx(1 / rate) and second - first == pytest.approx(1 / rate, rel=0.01)


def burst_429s(gate: RateGate, clock: Clock, count: int) -> None:
    """`count` 429s (Retry-After: 1) for requests of one unspaced burst, coming back 1 ms apart."""
    sent = clock.now - 0.1
    for _ in range(count):
        gate.on_429(1, sent_at=sent)
        clock.now += 0.001


def test_a_burst_whose_429s_come_back_before_its_successes_still_learns_the_limit() -> None:
    # asyncio.gather of 50 calls against 5 req/s (a bucket of 5): 5 pass, 45 get 429. The 429s are answered
    # before any work, so they can all come back before the 5 successes: the cut then knows of no pass at all.
    clock = Clock()
    gate = RateGate(None, clock=clock)
    assert [gate.reserve() for _ in range(50)] == [0.0] * 50
    clock.now += 0.1
    burst_429s(gate, clock, 45)
    passes(gate, clock, 5, 0.001)  # the burst's successes, late
    assert gate.cuts == 1 and gate.estimate == pytest.approx(5, rel=0.02)  # not 1 req/s
    clock.now += gate.RECOVER
    assert gate.rate == pytest.approx(gate.SETTLE * 5, rel=0.02)


def test_successes_between_the_first_429_and_the_confirming_one_count() -> None:
    clock = Clock()
    gate = RateGate(None, clock=clock)
    clock.now += 0.1
    burst_429s(gate, clock, 1)  # the doubt, when no success had come back yet
    passes(gate, clock, 5, 0.001)
    burst_429s(gate, clock, 44)  # the confirmation and the rest of the burst
    assert gate.cuts == 1 and gate.estimate == pytest.approx(5, rel=0.02)


def test_only_answers_before_the_first_slot_after_the_cut_are_late_passes_of_the_burst() -> None:
    clock = Clock()
    gate = RateGate(None, clock=clock)
    clock.now += 0.1
    burst_429s(gate, clock, 2)
    assert gate.estimate == pytest.approx(1)  # no pass known: the floor, 1 / (span + window)
    clock.now += gate.reserve() + 0.01  # the first attempt sent after the cut has started
    passes(gate, clock, 5, 0.001)  # from now on a pass may be an answer to the new pace, not to the burst
    assert gate.estimate == pytest.approx(1)


def test_after_a_cut_the_rate_climbs_linearly_from_backoff_to_settle() -> None:
    clock = Clock()
    gate = RateGate(clock=clock)
    limit_429s(gate, clock)
    estimate = gate.estimate
    assert estimate is not None
    cut = clock.now
    seen = []
    for fraction in (0.0, 0.25, 0.5, 1.0):
        clock.now = cut + fraction * RateGate.RECOVER
        seen.append(gate.rate)
    low, high = estimate * RateGate.BACKOFF, estimate * RateGate.SETTLE
    assert seen == pytest.approx([low, low + (high - low) * 0.25, low + (high - low) * 0.5, high])


class CountingGate:
    """A gate of the user's own (the `Gate` protocol): every request goes through it."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def reserve(self) -> float:
        self.calls.append("reserve")
        return 0.0

    def on_success(self) -> None:
        self.calls.append("on_success")

    def on_429(self, retry_after: float | None, sent_at: float) -> None:
        self.calls.append("on_429")


def test_a_gate_object_is_used_as_it_is_and_anything_else_is_refused() -> None:
    gate = CountingGate()
    api = MockAPI()
    with Topo(api_key=TEST_KEY, base_url="https://t/v1", rate_limit=gate,  # type: ignore[arg-type]
              http_client=httpx.Client(transport=httpx.MockTransport(api))) as client:
        client.contacts.get(UUID_A)
    assert gate.calls == ["reserve", "on_success"]
    assert gate_for(None).estimate is None and gate_for(4).estimate == 4.0  # type: ignore[union-attr]
    incomplete = type("Incomplete", (), {"reserve": lambda self: 0.0, "on_success": lambda self: None})()
    for bad in (True, "10", incomplete):
        with pytest.raises(TypeError, match="rate_limit"):
            gate_for(bad)  # type: ignore[arg-type]


def test_a_later_429_at_a_steady_pace_below_the_rate_learns_that_pace() -> None:
    clock = Clock()
    gate = RateGate(clock=clock)
    limit_429s(gate, clock)
    first = gate.estimate
    assert first is not None and gate.cuts == 1
    clock.now += RateGate.RECOVER + 1
    pace = first / 2  # what went through: well under the rate the gate allows now
    passes(gate, clock, 40, 1 / pace)
    gate.on_429(5, sent_at=clock.now - 0.01)  # measured over the server's 5 s window
    assert gate.estimate == pytest.approx(pace) and gate.cuts == 2  # the pace that met the limit, one more cut
