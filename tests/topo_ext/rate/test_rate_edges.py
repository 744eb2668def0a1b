"""The rate gate's edges (fake clock): the rate right after a cut, alone or after a start-up 429, a seeded gate's
jitter, one request left by the rate-limit headers, and a reset already past."""

from __future__ import annotations

import time

import httpx
import pytest

from topo_ext._rate import RateGate, quota

from .simulation import Clock
from .test_rate_gate import limit_429s, passes
from .test_rate_shared import learned, others_429


def test_a_client_alone_sends_at_backoff_times_the_limit_right_after_the_cut() -> None:
    clock = Clock()
    gate = RateGate(None, clock=clock)
    limit_429s(gate, clock)  # nothing says another client shares the key
    assert gate.estimate is not None
    assert gate.rate == pytest.approx(gate.BACKOFF * gate.estimate)


def test_a_start_up_429_sends_at_the_shared_backoff_of_at_least_one_request_per_window() -> None:
    clock = Clock()
    gate = RateGate(None, clock=clock)
    window = 2.0
    passes(gate, clock, 2, 12.0)  # too few passes, far apart: the burst floor is under one request per window
    gate.on_429(window, sent_at=clock.now - 0.01)
    assert gate.estimate == pytest.approx(1 / window)
    assert gate.rate == pytest.approx(gate.SHARED_BACKOFF * gate.estimate)


def test_a_start_up_429_without_a_hint_lets_the_next_request_go_at_once() -> None:
    clock = Clock()
    gate = RateGate(None, clock=clock, seed=1)
    passes(gate, clock, 1, 0.01)
    gate.on_429(None, sent_at=clock.now - 0.005)  # the server says "now"
    assert gate.cuts == 1 and gate.reserve() == 0.0


@pytest.mark.parametrize("hint", [RateGate.MAX_WINDOW * 2, 1e20])
def test_a_start_up_429_with_a_hint_past_the_longest_window_holds_nothing(hint: float) -> None:
    clock = Clock()
    gate = RateGate(None, clock=clock, seed=1)
    passes(gate, clock, 1, 0.01)
    gate.on_429(hint, sent_at=clock.now - 0.005)  # e.g. `Retry-After: 99999999999999999999`
    assert gate.cuts == 1 and gate.reserve() == 0.0  # not a pause time.sleep() cannot even take


def test_a_start_up_429_with_a_hint_within_the_window_holds_the_next_request_for_it() -> None:
    clock = Clock()
    gate = RateGate(None, clock=clock, seed=1)
    passes(gate, clock, 1, 0.01)
    gate.on_429(RateGate.MAX_WINDOW / 2, sent_at=clock.now - 0.005)
    assert RateGate.MAX_WINDOW / 2 <= gate.reserve() <= RateGate.MAX_WINDOW


def test_gates_with_the_same_seed_jitter_alike() -> None:
    firsts = []
    for _ in range(2):
        gate, clock = learned(seed=7)
        others_429(gate, clock)
        firsts.append(gate.reserve())
    assert firsts[0] == firsts[1]


def test_one_request_left_holds_nothing() -> None:
    gate = RateGate(None, clock=Clock())
    gate.on_quota(1, 2.0)
    assert gate.reserve() == 0.0


def test_a_reset_already_past_is_no_wait() -> None:
    past = str(int(time.time()) - 30)
    assert quota(httpx.Headers({"RateLimit-Remaining": "0", "RateLimit-Reset": past})) == (0.0, 0.0)
