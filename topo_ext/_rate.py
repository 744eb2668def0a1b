"""Client-side rate limiting: every attempt of one client (and of its copies) passes one gate before it is sent.

`Gate` is the interface the transport uses; `RateGate` keeps its state in this process (threads and async
tasks share it). A gate shared between processes (e.g. in Redis) only has to provide the same three methods.

How `RateGate` learns an unknown limit (AIMD on a rate, not on spacing):
- Until the first 429 nothing is spaced: the limit may be far above what this client ever sends.
- A lone first 429 only pauses its request: it may be a stray one (an overloaded gateway). A second one (often a
  request that was in flight at the same time) confirms it and the gate learns.
  If they came from the limit, the first is when the burst emptied the server's bucket; assuming the bucket was
  full when the burst began (a token bucket holding one `Retry-After` window of requests, the usual shape), the
  limit is passes / (window + span). What went through between the two 429s, over at least a window, is also a
  lower bound (for a stray first 429 it is the pace the client had): the larger of the two is the estimate.
  In a concurrent burst the 429s (rejected before any work) often come back before the burst's successes: those
  late passes, answered before any attempt sent after the cut could start, are counted into the same measurement.
- On later 429s, the estimate is the rate the gate was sending at, or what went through in the window if less
  (counting only passes after the gate's own last pause: fewer went through because it paused, not because the
  limit is lower).
- It then sends at `BACKOFF` x the estimate, rises to `SETTLE` x the estimate, and from there adds `PROBE` x the
  estimate per second, so it settles just under the limit and finds a limit that was raised (after `PATIENCE`
  seconds without a 429 it speeds up: the estimate was too low). One 429 cuts the rate once: 429s for requests
  sent before the cut are answers to the old rate, not news.
- `Retry-After` is a pause for the request that got it (the transport sleeps it), not the spacing of later ones.
- Other clients on the key (processes that do not talk): a 429 for a request sent after the gate's own pause had
  refilled the server's bucket for it, or sent at a pace under the learned limit, says someone else emptied the
  bucket. For `HISTORY` seconds after such evidence the estimate is this client's share: a cut sends at
  `SHARED_BACKOFF` x it, and the share grows back by `SHARED_PROBE` x (the first estimate learned) x t^2 (t
  seconds since the cut; the same amount for every client, whatever its share, so shares converge towards equal
  rather than keeping their ratios, and a client left alone soon takes up the whole limit). The first slot
  after such a cut moves by up to `JITTER` of its interval, so clients cut together do not come back together.
- A 429 before a handful of passes (fewer than `WEAK` in `HISTORY`; typically at start-up, when processes sharing
  the key all begin at once) says too little to wait for a second one: the bucket was emptied by others (or is
  tiny). The gate learns at once, from the burst floor but at least one request per window, counts it as other
  clients' doing, and treats the estimate as a floor: the rate grows by `SLOW_START` per second until the next
  429 measures the share (then the rules above). Its first slot falls at a random point of the interval after
  the `Retry-After` pause (at most the pause again), so processes refused together come back apart. The shares'
  additive growth is scaled by the largest estimate learned, not the first (which, after such a start, is only a
  floor).
- Rate-limit headers, when the server sends them (`RateLimit-Remaining`/`-Reset`, `x-ratelimit-remaining`/
  `-reset`): an answer saying nothing remains holds every later slot until the reset.
A configured `rate_limit` is the starting rate and a ceiling: 429s still lower it (another process may share
the key), probing never goes above it.
"""

from __future__ import annotations

import math
import random
import threading
import time
from collections import deque
from collections.abc import Callable
from typing import Protocol

import httpx


class Gate(Protocol):
    """What the transport needs from a rate gate."""

    def reserve(self) -> float:
        """Claim the next send slot; return the seconds to wait before sending."""

    def on_success(self) -> None:
        """An attempt was not rate limited (any answer but 429, or a transport error)."""

    def on_429(self, retry_after: float | None, sent_at: float) -> None:
        """An attempt sent at `sent_at` (time.monotonic()) got a 429 with this `Retry-After` (seconds, if any)."""


class RateGate:
    """The in-process `Gate`: spaces requests at a rate, learned from 429s when not configured."""

    BACKOFF = 0.9  # after a 429, send at this fraction of the estimated limit ...
    SETTLE = 0.95  # ... rise to this fraction of it in RECOVER seconds (just under: the server's bucket refills
    RECOVER = 5.0  # and absorbs the client's jitter) ...
    PROBE = 0.005  # ... then add this fraction of it per second ...
    PATIENCE = 30.0  # ... and after this many seconds without a 429 (the estimate was too low) ...
    SPEEDUP = 1.03  # ... grow by this factor per second
    MIN_WINDOW = 1.0  # seconds: the shortest window a limit is measured over
    MAX_WINDOW = 60.0
    HISTORY = 30.0  # seconds of passes kept for the estimates
    SHARED_BACKOFF = 0.8  # with other clients on the key: after a cut, send at this fraction of our share ...
    SHARED_PROBE = 0.1  # ... and add this fraction of the first estimate x (seconds since the cut)^2
    JITTER = 0.5  # ... and move the first slot after the cut by up to this fraction of its interval
    WEAK = 4  # a 429 before this many passes is others' (or a tiny bucket): the estimate is only a floor ...
    SLOW_START = 1.4  # ... the rate grows by this factor per second until the next 429 measures the limit

    def __init__(self, rate: float | None = None, *, clock: Callable[[], float] = time.monotonic,
                 seed: int | None = None) -> None:
        self.ceiling = float(rate) if rate else math.inf
        self.estimate: float | None = float(rate) if rate else None  # None: no limit known, nothing spaced
        self.cuts = 0
        self._clock = clock
        self._cut_at = -math.inf
        self._floor = 1.0  # the estimate's floor while probing (BACKOFF after a cut, 1.0 for a configured rate)
        self._next = 0.0
        self._passes: deque[float] = deque()
        self._doubt: float | None = None  # when an unconfirmed first 429 came ...
        self._doubt_estimate = 0.0  # ... and the limit it would have meant
        self._late: tuple[float, float] | None = None  # (until, window) after learning from an unspaced burst
        self._resumed = -math.inf  # when the pause after the last 429 ended: passes before it say nothing of now
        self._last_pass = -math.inf
        self._others = -math.inf  # when the last 429 came that other clients of the key caused
        self._scale = 0.0  # the first estimate learned: how fast a share grows back
        self._weak = False  # the estimate is a floor from too few passes (slow start until the next 429)
        self._random = random.Random(seed)
        self._lock = threading.Lock()

    @property
    def rate(self) -> float | None:
        """Requests per second the gate lets through now (None: unlimited)."""
        with self._lock:
            return self._rate(self._clock())

    def _rate(self, now: float) -> float | None:
        if self.estimate is None:
            return None
        since = max(0.0, now - self._cut_at)
        if self._weak:
            return min(self.estimate * self._floor * math.pow(self.SLOW_START, min(since, 60.0)), self.ceiling)
        settle = max(self._floor, self.SETTLE)
        if now - self._others < self.HISTORY:
            # Shared with other clients: our estimate is our share, and shares converge only if they grow back by
            # the same amount each (additive, scaled by what we first learned), not in proportion to themselves.
            return min(self.estimate * self._floor + self.SHARED_PROBE * self._scale * since * since, self.ceiling)
        if since < self.RECOVER:
            return min(self.estimate * (self._floor + (settle - self._floor) * since / self.RECOVER), self.ceiling)
        probe = since - self.RECOVER
        growth = (settle + self.PROBE * probe) * math.pow(self.SPEEDUP, min(max(0.0, probe - self.PATIENCE), 300.0))
        return min(self.estimate * growth, self.ceiling)

    def reserve(self) -> float:
        if self.estimate is None and not self._next:  # nothing learned, configured or held: nothing to space
            return 0.0  # (atomic reads, no lock)
        with self._lock:
            now = self._clock()
            rate = self._rate(now)
            if rate is None:
                return max(0.0, self._next - now)  # held by a rate-limit header
            start = max(now, self._next)
            self._next = start + 1.0 / rate
            return start - now

    def on_success(self) -> None:
        with self._lock:
            now = self._clock()
            self._passes.append(now)
            self._last_pass = now
            while self._passes and self._passes[0] < now - self.HISTORY:
                self._passes.popleft()
            if self._late is not None:
                until, window = self._late
                if now < until:
                    # No attempt sent after the cut can start before `until` (reserve() hands out no earlier
                    # slot), so this pass was sent in the burst the cut measured; its answer just came after
                    # the 429s. Without it a burst whose 429s all came back first was measured as 0 passes,
                    # i.e. 1 req/s, and the gate then crawled far below the limit.
                    self.estimate = max(self.estimate or 0.0, min(self._burst_floor(now, window), self.ceiling))
                    if self._weak and len(self._passes) >= self.WEAK:  # enough passes after all: a limit to
                        self._weak, self._others, self._floor = False, -math.inf, self.BACKOFF  # settle under
                else:
                    self._late = None

    def on_quota(self, remaining: float, reset: float) -> None:
        """An answer said `remaining` requests are left until `reset` seconds from now (rate-limit headers)."""
        if remaining < 1:
            with self._lock:
                self._next = max(self._next, self._clock() + reset)

    def on_429(self, retry_after: float | None, sent_at: float) -> None:
        with self._lock:
            if sent_at < self._cut_at:
                return  # sent at the old rate: the cut that followed already answered it
            now = self._clock()
            window = min(max(retry_after or 0.0, self.MIN_WINDOW), self.MAX_WINDOW)
            rate = self._rate(now)
            if sent_at >= self._resumed and (self._last_pass < self._resumed if rate is None
                                             else rate <= (self.estimate or 0.0)):
                # Sent after our own pause, when the server's bucket had refilled for us (the first request after
                # a Retry-After), or at a pace under the limit we learned: someone else emptied the bucket.
                self._others = now
            weak = rate is None and len(self._passes) < self.WEAK
            if rate is None and not weak and (self._doubt is None or now - self._doubt > self.HISTORY):
                # A first 429 may be a stray one (an overloaded gateway): only this request pauses, and we wait
                # for a second one to learn from.
                self._doubt, self._doubt_estimate = now, self._measure(now, window, None)
                self._resumed = now + window
                return
            estimate = self._measure(now, window, rate)
            self._weak = weak
            if weak:
                # A 429 before a handful of passes: other clients emptied the bucket (or it is tiny). At least one
                # request per window goes through, and the rate is a floor to grow from, not a limit to settle under.
                estimate = max(estimate, 1.0 / window)
                self._others = now
            if self._doubt is not None:
                # Confirmed. Between two limit 429s the server's bucket went from empty to empty, so what went
                # through in between is the limit; for a stray first 429 it is simply the pace we had.
                between = sum(1 for t in self._passes if t > self._doubt)
                interval = now - self._doubt
                # The floor from the passes known now holds too (more of them may have come back since the first
                # 429); not the pace of the last window, which may be the burst that emptied the bucket again.
                estimate = max(self._burst_floor(now, window), self._doubt_estimate,
                               between / interval if interval >= window else 0.0)
                self._doubt = None
            self.estimate = min(estimate, self.ceiling)
            self._scale = max(self._scale, self.estimate)
            self._floor = self.SHARED_BACKOFF if now - self._others < self.HISTORY else self.BACKOFF
            self._cut_at = now
            # The 429 spent a slot: the next request waits one interval (at most the server's window).
            pause = min(1.0 / (self.BACKOFF * self.estimate), window)
            if now - self._others < self.HISTORY:  # other clients were cut too: they must not all come back at once
                pause *= 1.0 + self.JITTER * (2 * self._random.random() - 1)
            if weak:  # the request pauses for the hint; the next slot falls somewhere in one interval after it (at
                # most the hint again: none when the server says "now"). A hint past the longest window is no pause
                # to hold later requests for (the retry policy gives up on it: `max_retry_after`).
                hint = retry_after if retry_after is not None and retry_after <= self.MAX_WINDOW else 0.0
                pause = hint + self._random.random() * min(1.0 / (self.BACKOFF * self.estimate), hint)
            self._next = max(self._next, now + pause)
            self._late = (self._next, window) if rate is None else None
            self._resumed = now + window
            self.cuts += 1

    def _burst_floor(self, now: float, window: float) -> float:
        """A floor that holds whatever the burst: the server's bucket (at most one window of requests) cannot have
        let more through than limit x (span + window)."""
        return max(len(self._passes), 1) / (self._span(now) + window)

    def _span(self, now: float) -> float:
        """Seconds since the oldest pass kept."""
        return now - self._passes[0] if self._passes else 0.0

    def _measure(self, now: float, window: float, rate: float | None) -> float:
        """The limit that explains a 429 now, from the passes before it."""
        estimate = self._burst_floor(now, window)
        span = self._span(now)
        recent = [t for t in self._passes if t > max(now - window, self._resumed)]
        if len(recent) > 2 and (rate is not None or span >= window):
            # What went through just now (unless it is the burst that emptied the bucket), at most what we
            # were sending at.
            went_through = (len(recent) - 1) / (recent[-1] - recent[0] or 1e-9)
            estimate = max(estimate, went_through if rate is None else min(rate, went_through))
        elif rate is not None:
            # Too few passes since our own last pause to measure: they were few because we paused, not because
            # the limit is low. The rate we were sending at is what the 429 answers.
            estimate = max(estimate, rate)
        return estimate


def quota(headers: httpx.Headers) -> tuple[float, float] | None:
    """(remaining, seconds to reset) from `RateLimit-Remaining`/`-Reset` or `x-ratelimit-remaining`/`-reset`, if
    both were sent as numbers (a reset above 1e9 is an epoch time, as some servers send it)."""
    for prefix in ("ratelimit-", "x-ratelimit-"):
        if prefix + "remaining" in headers:  # on a miss, cheaper than get()
            remaining = headers[prefix + "remaining"]
            try:
                left, reset = float(remaining), float(headers.get(prefix + "reset") or "nan")
            except ValueError:
                return None
            if reset > 1e9:
                reset -= time.time()
            return (left, min(max(reset, 0.0), RateGate.MAX_WINDOW)) if math.isfinite(left + reset) else None
    return None


def gate_for(rate_limit: float | Gate | None) -> Gate:
    """The gate behind `Topo(rate_limit=...)`: a number (or None) is an in-process `RateGate`; a `Gate` such as
    `topo_ext.SharedBudget` is used as it is (shared by every client given it)."""
    if rate_limit is None or (isinstance(rate_limit, int | float) and not isinstance(rate_limit, bool)):
        return RateGate(rate_limit)
    if not isinstance(rate_limit, bool) and all(
        callable(getattr(rate_limit, name, None)) for name in ("reserve", "on_success", "on_429")
    ):
        return rate_limit
    raise TypeError(f"rate_limit: expected requests per second or a gate such as SharedBudget, "
                    f"got {type(rate_limit).__name__}")
