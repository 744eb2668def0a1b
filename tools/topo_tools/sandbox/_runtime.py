"""Run-time knobs and counters of a sandbox: settings (changeable while it runs), stats, the rate limiter."""

from __future__ import annotations

import asyncio
import math
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ._faults import FaultConfig

__all__ = ["RateLimiter", "Settings", "Stats"]


@dataclass
class Settings:
    """What the running app reads on every request; assign to change behaviour mid-test (e.g. `faults`)."""

    rate_limit: float | None = None  # requests per second per API key (token bucket); None = unlimited
    burst: float | None = None  # bucket size; default max(1, rate_limit)
    latency: float = 0.0  # seconds added to every response
    faults: FaultConfig | None = None
    retry_after_ms: bool = False  # also send `retry-after-ms` (exact wait) on rate-limit 429s
    # Asked first for every API request (method, path): a fault kind and its config, or None to fall through to
    # `faults`. The testing kit scripts "the next N requests fail" with it (topo_tools.testing).
    fault_hook: Callable[[str, str], tuple[str, FaultConfig] | None] | None = None
    closing: threading.Event = field(default_factory=threading.Event)  # set on shutdown: cut sleeps short

    def __post_init__(self) -> None:
        if self.rate_limit is not None and self.rate_limit <= 0:
            raise ValueError(f"rate_limit: must be a positive number of requests per second, got {self.rate_limit!r}")
        if self.burst is not None and self.burst < 1:
            raise ValueError(f"burst: must be at least 1, got {self.burst!r}")
        if not (math.isfinite(self.latency) and self.latency >= 0):  # inf would hold every request forever
            raise ValueError(f"latency: must be a finite number of seconds >= 0, got {self.latency!r}")

    async def sleep(self, seconds: float) -> None:
        """Sleep without blocking other requests, waking early when the sandbox shuts down."""
        deadline = time.monotonic() + seconds
        while not self.closing.is_set():
            left = deadline - time.monotonic()
            if left <= 0:
                return
            await asyncio.sleep(min(left, 0.05))


class Stats:
    """Counters, safe to read from any thread.

    - `requests`: every HTTP request received (API and others)
    - `rate_limited`: 429s sent by the rate limiter (fault-injected 429s are in `faults["429"]`)
    - `faults`: injected faults by kind ("429", "500", "502", "503", "reset", "slow", "truncated", "html")
    - `statuses`: responses sent, by HTTP status (every 429 is in `statuses[429]`)
    - `webhook_deliveries` / `webhook_failures`: event deliveries attempted / not acknowledged with a 2xx
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.requests = 0
        self.rate_limited = 0
        self.faults: Counter[str] = Counter()
        self.statuses: Counter[int] = Counter()
        self.webhook_deliveries = 0
        self.webhook_failures = 0

    def add(self, name: str, amount: int = 1) -> None:
        with self._lock:
            setattr(self, name, getattr(self, name) + amount)

    def count(self, counter: str, key: Any) -> None:
        with self._lock:
            getattr(self, counter)[key] += 1

    def snapshot(self) -> dict[str, Any]:
        with self._lock:
            return {
                "requests": self.requests,
                "rate_limited": self.rate_limited,
                "faults": dict(self.faults),
                "statuses": dict(self.statuses),
                "webhook_deliveries": self.webhook_deliveries,
                "webhook_failures": self.webhook_failures,
            }

    def reset(self) -> None:
        with self._lock:
            self.requests = self.rate_limited = self.webhook_deliveries = self.webhook_failures = 0
            self.faults.clear()
            self.statuses.clear()

    def __repr__(self) -> str:
        return f"Stats({self.snapshot()})"


class RateLimiter:
    """A token bucket per API key: `rate` tokens per second, holding at most `burst`."""

    def __init__(self) -> None:
        self._buckets: dict[str, tuple[float, float]] = {}  # key id -> (tokens, monotonic time)
        self._lock = threading.Lock()

    def take(self, key_id: str, rate: float, burst: float | None) -> float:
        """Spend one token: 0.0 if the request may go ahead, else the seconds until a token is available."""
        size = burst if burst is not None else max(1.0, rate)
        now = time.monotonic()
        with self._lock:
            tokens, last = self._buckets.get(key_id, (size, now))
            tokens = min(size, tokens + (now - last) * rate)
            if tokens >= 1.0:
                self._buckets[key_id] = (tokens - 1.0, now)
                return 0.0
            self._buckets[key_id] = (tokens, now)
            return (1.0 - tokens) / rate
