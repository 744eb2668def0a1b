"""A fake-clock world for rate gates: processes, each with its own gate, calling one token-bucket server in turn.

Deterministic (a seeded RNG, an event queue): no sleeping, no wall time. Each process sends its requests one after
another like a sequential page walk: wait for the gate's slot, send, and on a 429 pause `Retry-After` (whole
seconds, as the sandbox and most APIs send it) and try again. Used by the tests of how gates that share a key
without talking converge.
"""

from __future__ import annotations

import heapq
import math
import random
from collections.abc import Callable
from dataclasses import dataclass, field

from topo_ext._rate import RateGate


class Clock:
    def __init__(self, now: float = 100.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@dataclass
class Outcome:
    seconds: float  # from the start to the last answer
    requests: int  # every request the server saw, 429s included
    rejected: int  # answered 429
    finished_at: list[float] = field(default_factory=list)  # per process

    def ratio(self, limit: float) -> float:
        return self.requests / self.seconds / limit


def run(processes: int, calls: int, limit: float, *, burst: float = 2.0, latency: float = 0.01, seed: int = 1,
        headers: bool = False, gate: Callable[[Clock, int], RateGate] | None = None) -> Outcome:
    """`processes` sequential callers of `calls` requests each against a `limit` req/s token bucket (`burst` deep);
    answers take `latency` (+-50%). With `headers`, every answer tells the gate the bucket's remaining tokens."""
    rng = random.Random(seed)
    clock = Clock()
    start = clock.now
    gates = [gate(clock, n) if gate else RateGate(None, clock=clock, seed=seed * 1000 + n) for n in range(processes)]
    tokens, filled = burst, clock.now
    left = [calls] * processes
    finished = [0.0] * processes
    requests = rejected = 0
    events: list[tuple[float, int, int, str, float, float]] = []  # (time, order, process, what, sent_at, wait)
    order = 0

    def at(when: float, proc: int, what: str, sent_at: float = 0.0, wait: float = 0.0) -> None:
        nonlocal order
        order += 1
        heapq.heappush(events, (when, order, proc, what, sent_at, wait))

    for n in range(processes):
        at(clock.now + rng.uniform(0, latency), n, "reserve")
    while events:
        when, _, proc, what, sent_at, wait = heapq.heappop(events)
        clock.now = when
        if what == "reserve":
            at(when + gates[proc].reserve(), proc, "send")
        elif what == "send":
            # The server decides half way through the round trip; the answer comes back at its end.
            trip = latency * rng.uniform(0.5, 1.5)
            decided = when + trip / 2
            tokens = min(burst, tokens + (decided - filled) * limit)
            filled = decided
            requests += 1
            if tokens >= 1.0:
                tokens -= 1.0
                at(when + trip, proc, "pass", when)
            else:
                rejected += 1
                at(when + trip, proc, "429", when, max(1.0, math.ceil((1.0 - tokens) / limit)))
        elif what == "pass":
            gates[proc].on_success()
            left[proc] -= 1
            if left[proc]:
                at(when, proc, "reserve")
            else:
                finished[proc] = when - start
        else:
            gates[proc].on_429(wait, sent_at)
            at(when + wait, proc, "reserve")
    return Outcome(max(finished), requests, rejected, finished)
