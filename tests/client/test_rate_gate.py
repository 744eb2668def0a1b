"""The rate gate: a known limit spaces requests; an unknown one is learned from 429s and relaxes after successes."""

from __future__ import annotations

import pytest

from topo_ext._base_client import RateGate


def test_a_known_limit_spaces_requests_and_is_not_changed_by_429s() -> None:
    gate = RateGate(10)
    waits = [gate.reserve() for _ in range(3)]
    assert waits[0] == 0 and waits[2] == pytest.approx(0.2, abs=0.01)
    gate.hold_until(0.5)
    gate.relax()
    assert gate.interval == pytest.approx(0.1)


def test_an_unknown_limit_is_learned_from_429s_and_relaxes() -> None:
    gate = RateGate(None)
    assert gate.reserve() == 0 and gate.interval == 0
    gate.hold_until(0.05)
    assert gate.interval == pytest.approx(0.05)  # queued requests now go one by one
    gate.hold_until(0.01)
    assert gate.interval == pytest.approx(0.075)  # another 429: back off further
    gate.hold_until(30)
    assert gate.interval == gate.LEARNED_MAX  # never slower than one request a second
    before = gate.interval
    for _ in range(10):
        gate.relax()
    assert 0.9 * before < gate.interval < before
