"""A rate budget shared by every process and machine that uses one Topo key: `Topo(rate_limit=SharedBudget(...))`.

Several services (or workers) on one workspace key share one rate limit. Each in-process gate would learn it alone
and together they would send several times the limit; a `SharedBudget` keeps the gate's state in Redis instead, so
all of them draw send slots from one schedule and learn from each other's 429s.

How it works: two short Lua scripts run atomically in Redis on Redis's own clock (`TIME`), so machines with skewed
clocks agree. `reserve` hands out the next slot of one shared schedule spaced at the current rate (a virtual
scheduling / GCRA queue: the caller sleeps until its slot). `on_429` lowers the shared rate with the same rules as
the in-process `RateGate` (estimate the limit from what went through in the window before the 429, send at 0.9 x
it, rise to 0.95 x in 5 s, then probe upward; unlike the in-process gate it learns from the first 429, since a
shared budget is used where the limit is real), and every process sees the new rate at its next reservation.
Successes are counted per second in Redis for those estimates.

Why hand-written Lua rather than `limits` / `pyrate-limiter`: both answer "may I send now?" for a fixed rate
(fixed or moving windows, leaky bucket), and callers poll. Here the rate is learned and changes at run time, and
the caller needs the time of its own slot so it can sleep exactly once; a shared schedule is a dozen lines of Lua.

If Redis cannot be reached, calls never fail: the budget logs one WARNING and uses an in-process `RateGate` with
the same configured rate until Redis answers again (it tries again every `retry_every` seconds).
The gate's calls are synchronous (one loopback round trip, ~0.1 ms); `AsyncTopo` makes them from the event loop.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

from ._rate import RateGate

log = logging.getLogger("topo")

__all__ = ["SharedBudget"]

# Helpers every script uses: the Redis clock, number formatting, and the successes of the last 30 s (passes hash:
# one field per second, Redis clock) with the floor they put under the limit (RateGate._burst_floor).
_COMMON = """
local function str(x) return string.format('%.6f', x) end  -- tostring keeps only 14 digits
local function clock()  -- now, and its whole second as Redis gave it (a passes hash field)
  local t = redis.call('TIME')
  return tonumber(t[1]) + tonumber(t[2]) / 1e6, t[1]
end
-- Drops the seconds older than 30 s; returns the total, those of the last `window` seconds, and the span since the
-- first second counted.
local function passes(key, now, window)
  local all = redis.call('HGETALL', key)
  local total, recent, first = 0, 0, now
  for i = 1, #all, 2 do
    local second, count = tonumber(all[i]), tonumber(all[i + 1])
    if second < now - 30 then
      redis.call('HDEL', key, all[i])
    else
      total = total + count
      first = math.min(first, second)
      if second >= now - window then recent = recent + count end
    end
  end
  return total, recent, now - first
end
local function burst_floor(total, span, window) return math.max(total, 1) / (span + window) end
"""

# The current sending rate from the shared state, by the same rules as RateGate._rate (constants passed in ARGV).
_RATE = _COMMON + """
local function current_rate(state, now, c)
  local estimate = tonumber(state[2])
  if not estimate then return nil end
  local cut_at = tonumber(state[3]) or -1e18
  local floor = tonumber(state[4]) or 1.0
  local ceiling = tonumber(c.ceiling)
  local since = math.max(0, now - cut_at)
  local settle = math.max(floor, c.settle)
  local rate
  if since < c.recover then
    rate = estimate * (floor + (settle - floor) * since / c.recover)
  else
    local probe = since - c.recover
    local extra = math.min(math.max(0, probe - c.patience), 300)
    rate = estimate * (settle + c.probe * probe) * math.pow(c.speedup, extra)
  end
  if ceiling > 0 then rate = math.min(rate, ceiling) end
  return rate
end
local c = {ceiling = tonumber(ARGV[1]), recover = tonumber(ARGV[2]), probe = tonumber(ARGV[3]),
           patience = tonumber(ARGV[4]), speedup = tonumber(ARGV[5]), backoff = tonumber(ARGV[6]),
           settle = tonumber(ARGV[7])}
local now = clock()
local state = redis.call('HMGET', KEYS[1], 'next', 'estimate', 'cut_at', 'floor')
if not state[2] and c.ceiling > 0 then state[2] = str(c.ceiling) end
"""

# KEYS: state hash. Returns {wait, now} as strings (Lua numbers would be truncated to integers).
_RESERVE = _RATE + """
local rate = current_rate(state, now, c)
if not rate then return {'0', str(now)} end
local start = math.max(now, tonumber(state[1]) or 0)
redis.call('HSET', KEYS[1], 'next', str(start + 1.0 / rate))
redis.call('EXPIRE', KEYS[1], 3600)
return {str(start - now), str(now)}
"""

# KEYS: state hash, passes hash (second -> successes). ARGV[8]: Retry-After or '', ARGV[9]: when the request was
# sent (Redis clock). Returns the new estimate ('' when the 429 answered requests sent before the last cut).
_ON_429 = _RATE + """
local sent = tonumber(ARGV[9])
local cut_at = tonumber(state[3]) or -1e18
if sent < cut_at then return '' end
local window = math.min(math.max(tonumber(ARGV[8]) or 0, 1.0), 60.0)
local total, recent, span = passes(KEYS[2], now, window)
local rate = current_rate(state, now, c)
local estimate = burst_floor(total, span, window)
if recent > 2 and (rate or span >= window) then
  local went = recent / window
  if rate then went = math.min(rate, went) end
  estimate = math.max(estimate, went)
end
if c.ceiling > 0 then estimate = math.min(estimate, c.ceiling) end
local pause = math.min(1.0 / (c.backoff * estimate), window)
local nxt = math.max(tonumber(state[1]) or 0, now + pause)
-- Learned from an unspaced burst: successes answered before `nxt` were sent in it (see _PASS).
local late = rate and '' or str(nxt)
redis.call('HSET', KEYS[1], 'estimate', str(estimate), 'floor', str(c.backoff), 'cut_at', str(now),
           'next', str(nxt), 'late_until', late, 'late_window', str(window))
redis.call('EXPIRE', KEYS[1], 3600)
return str(estimate)
"""

# KEYS: passes hash, state hash. ARGV[1]: the ceiling (0: none). Counts one success in the current second (Redis
# clock). A success answered before the first slot after a cut learned from an unspaced burst was sent in that
# burst (its 429s, rejected before any work, often come back first): it raises the estimate to the burst's floor,
# as in RateGate.on_success; without it a burst measured as 0 passes learned 1 req/s.
_PASS = _COMMON + """
local now, second = clock()
redis.call('HINCRBY', KEYS[1], second, 1)
redis.call('EXPIRE', KEYS[1], 120)
local state = redis.call('HMGET', KEYS[2], 'late_until', 'late_window', 'estimate')
local late, window = tonumber(state[1]), tonumber(state[2])
if late == nil or now >= late then return 1 end
local total, _, span = passes(KEYS[1], now, window)
local estimate = burst_floor(total, span, window)
local ceiling = tonumber(ARGV[1])
if ceiling > 0 then estimate = math.min(estimate, ceiling) end
if estimate > (tonumber(state[3]) or 0) then redis.call('HSET', KEYS[2], 'estimate', str(estimate)) end
return 1
"""


class SharedBudget:
    """A `Gate` whose state lives in Redis under `key`: every client naming the same key shares one budget.

    Args:
        url: a Redis URL (`redis://host:6379/0`), or pass `redis=` an existing `redis.Redis` client.
        key: the budget's name, e.g. `topo:<workspace id>`; one per Topo key / workspace.
        rate: the known limit in requests per second (also the ceiling), or None to learn it from 429s.
        retry_every: seconds between attempts to reach Redis again after it failed.
    """

    def __init__(self, url: str | None = None, *, key: str, rate: float | None = None, redis: Any = None,
                 retry_every: float = 10.0, timeout: float = 0.5) -> None:
        if not key or not isinstance(key, str):
            raise ValueError("key: a non-empty string naming the shared budget, e.g. 'topo:<workspace>'")
        if rate is not None and (isinstance(rate, bool) or not isinstance(rate, int | float) or rate <= 0):
            raise ValueError(f"rate: must be a positive number of requests per second, got {rate!r}")
        try:
            import redis as redis_lib
        except ImportError as err:
            raise ImportError("SharedBudget needs the Redis client: pip install 'topo-client[redis]'") from err
        if redis is None:
            if not url:
                raise ValueError("SharedBudget needs a Redis url (redis://host:port/db) or redis=<redis.Redis>")
            redis = redis_lib.Redis.from_url(url, socket_timeout=timeout, socket_connect_timeout=timeout)
        self._errors: type[Exception] = redis_lib.exceptions.RedisError  # what "Redis is unreachable" looks like
        self.key = key
        self.rate = float(rate) if rate else None
        self.retry_every = retry_every
        self._redis = redis
        self._state, self._passes = f"{key}:gate", f"{key}:passes"
        self._reserve = redis.register_script(_RESERVE)
        self._on_429 = redis.register_script(_ON_429)
        self._pass = redis.register_script(_PASS)
        self._local = RateGate(rate)
        self._down_since: float | None = None
        self._offset = 0.0  # Redis clock minus time.monotonic(), from the last reservation
        self._lock = threading.Lock()
        r = RateGate
        self._args = [self.rate or 0, r.RECOVER, r.PROBE, r.PATIENCE, r.SPEEDUP, r.BACKOFF, r.SETTLE]

    def __repr__(self) -> str:
        state = "degraded to in-process" if self._down_since is not None else "shared"
        return f"SharedBudget(key={self.key!r}, rate={self.rate}, {state})"

    @property
    def degraded(self) -> bool:
        """True while Redis is unreachable and the in-process gate stands in."""
        return self._down_since is not None

    def _shared(self) -> bool:
        down = self._down_since
        return down is None or time.monotonic() - down >= self.retry_every

    def _failed(self, err: Exception) -> None:
        with self._lock:
            if self._down_since is None:
                log.warning("topo: shared rate budget %r unreachable (%s); using an in-process rate gate until it "
                            "answers again", self.key, type(err).__name__)
            self._down_since = time.monotonic()

    def _recovered(self) -> None:
        if self._down_since is not None:
            with self._lock:
                if self._down_since is not None:
                    self._down_since = None
                    log.info("topo: shared rate budget %r reachable again", self.key)

    def _call(self, script: Any, keys: list[str], args: list[Any]) -> Any:
        try:
            result = script(keys=keys, args=args)
        except self._errors as err:
            self._failed(err)
            return None
        self._recovered()
        return result

    def reserve(self) -> float:
        if self._shared():
            result = self._call(self._reserve, [self._state], self._args)
            if result is not None:
                wait, now = (float(x) for x in result)
                self._offset = now - time.monotonic()
                return wait
        return self._local.reserve()

    def on_success(self) -> None:
        if not self._shared() or self._call(self._pass, [self._passes, self._state], [self.rate or 0]) is None:
            self._local.on_success()

    def on_429(self, retry_after: float | None, sent_at: float) -> None:
        if self._shared():
            sent = sent_at + self._offset
            args = [*self._args, "" if retry_after is None else retry_after, sent]
            if self._call(self._on_429, [self._state, self._passes], args) is not None:
                return
        self._local.on_429(retry_after, sent_at)

    def current_rate(self) -> float | None:
        """The shared sending rate now (requests per second; None while no limit is known), for monitoring."""
        state = self._redis.hmget(self._state, "estimate")
        return float(state[0]) if state and state[0] else self.rate

    def reset(self) -> None:
        """Forget the shared state (for tests and after changing plans)."""
        self._redis.delete(self._state, self._passes)
