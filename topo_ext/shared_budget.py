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

If Redis cannot be reached (or refuses the password), calls never fail: the budget logs one WARNING and uses an
in-process `RateGate` with the same configured rate until Redis answers again (it tries again every `retry_every`
seconds); `current_rate()` then reports that gate's rate. Only `reset()` raises (`TopoError`): it cannot do its job.
A stored value that is not a finite rate, or a key of another type, is ignored and overwritten.
The gate's calls are synchronous (one loopback round trip, ~0.1 ms); `AsyncTopo` makes them from the event loop.
"""

from __future__ import annotations

import logging
import math
import re
import threading
import time
from typing import Any

from ._exceptions import TopoError
from ._rate import RateGate

log = logging.getLogger("topo")

__all__ = ["SharedBudget"]

# Helpers every script uses: the Redis clock, number formatting, and the successes of the last 30 s (passes hash:
# one field per second, Redis clock) with the floor they put under the limit (RateGate._burst_floor). Anyone can
# write to Redis: a stored value that is not a finite number is read as absent (Lua's tonumber takes 'nan' and
# 'inf'), and a key of ours that is not a hash is dropped (HMGET on it would fail every call).
_COMMON = """
local function str(x) return string.format('%.6f', x) end  -- tostring keeps only 14 digits
local function num(x)
  local n = tonumber(x)
  if n and n == n and n > -math.huge and n < math.huge then return n end
  return nil
end
local function positive(x) local n = num(x); if n and n > 0 then return n end return nil end
local function hash(key)
  local kind = redis.call('TYPE', key).ok
  if kind ~= 'hash' and kind ~= 'none' then redis.call('DEL', key) end
end
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
    local second, count = num(all[i]), num(all[i + 1])
    if not second or not count or second < now - 30 then
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
  local estimate = positive(state[2])
  if not estimate then return nil end
  local cut_at = num(state[3]) or -1e18
  local floor = positive(state[4]) or 1.0
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
hash(KEYS[1])
local state = redis.call('HMGET', KEYS[1], 'next', 'estimate', 'cut_at', 'floor')
if not positive(state[2]) and c.ceiling > 0 then state[2] = str(c.ceiling) end
"""

# KEYS: state hash. Returns {wait, now} as strings (Lua numbers would be truncated to integers).
_RESERVE = _RATE + """
local rate = current_rate(state, now, c)
if not rate then return {'0', str(now)} end
local start = math.max(now, num(state[1]) or 0)
redis.call('HSET', KEYS[1], 'next', str(start + 1.0 / rate))
redis.call('EXPIRE', KEYS[1], 3600)
return {str(start - now), str(now)}
"""

# KEYS: state hash, passes hash (second -> successes). ARGV[8]: Retry-After or '', ARGV[9]: when the request was
# sent (Redis clock). Returns the new estimate ('' when the 429 answered requests sent before the last cut).
_ON_429 = _RATE + """
local sent = num(ARGV[9]) or now
local cut_at = num(state[3]) or -1e18
if sent < cut_at then return '' end
hash(KEYS[2])
local window = math.min(math.max(num(ARGV[8]) or 0, 1.0), 60.0)
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
local nxt = math.max(num(state[1]) or 0, now + pause)
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
hash(KEYS[1])
hash(KEYS[2])
local count = redis.call('HGET', KEYS[1], second)
if count and not string.match(count, '^%d+$') then redis.call('HDEL', KEYS[1], second) end
redis.call('HINCRBY', KEYS[1], second, 1)
redis.call('EXPIRE', KEYS[1], 120)
local state = redis.call('HMGET', KEYS[2], 'late_until', 'late_window', 'estimate')
local late, window = num(state[1]), positive(state[2])
if late == nil or window == nil or now >= late then return 1 end
local total, _, span = passes(KEYS[1], now, window)
local estimate = burst_floor(total, span, window)
local ceiling = tonumber(ARGV[1])
if ceiling > 0 then estimate = math.min(estimate, ceiling) end
if estimate > (positive(state[3]) or 0) then redis.call('HSET', KEYS[2], 'estimate', str(estimate)) end
return 1
"""


def _number(name: str, value: Any, what: str) -> float:
    """`value` as a positive finite float, or a TypeError/ValueError naming the argument."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"{name}: expected {what}, got {type(value).__name__}")
    if not (math.isfinite(value) and value > 0):
        raise ValueError(f"{name}: expected {what} (positive and finite), got {value!r}")
    return float(value)


def _redacted(url: str) -> str:
    """The URL for messages: any user and password (everything up to the last '@') replaced, length bounded."""
    scheme, sep, rest = url.partition("://")
    if "@" in rest:
        rest = "***@" + rest.rpartition("@")[2]
    shown = scheme + sep + rest
    return repr(shown if len(shown) <= 200 else shown[:200] + "...")


def _client(redis_lib: Any, url: Any, timeout: float) -> Any:
    """A `redis.Redis` for `url`; errors name `url` without its password (redis-py's own do neither)."""
    if not isinstance(url, str):
        raise TypeError(f"url: expected a Redis URL string (redis://host:port/db), got {type(url).__name__}")
    scheme, sep, rest = url.partition("://")
    if scheme not in ("redis", "rediss", "unix") or not sep:
        raise ValueError(f"url: expected a redis://, rediss:// or unix:// URL, got {_redacted(url)}")
    path = rest.rpartition("@")[2].partition("?")[0].partition("#")[0]
    if scheme != "unix" and not re.fullmatch(r"[^/]*(/\d*)?", path):
        raise ValueError(f"url: the database must be a number (redis://host:port/0), got {_redacted(url)}")
    try:
        return redis_lib.Redis.from_url(url, socket_timeout=timeout, socket_connect_timeout=timeout)
    except (ValueError, TypeError):
        pass  # redis-py's message may quote the password
    raise ValueError(f"url: not a valid Redis URL (host, port or options), got {_redacted(url)}")


def _finite(raw: Any) -> float | None:
    """A stored rate as a positive finite float, None for anything else (absent or garbage)."""
    try:
        value = float(raw)
    except (TypeError, ValueError):
        return None
    return value if math.isfinite(value) and value > 0 else None


class SharedBudget:
    """A `Gate` whose state lives in Redis under `key`: every client naming the same key shares one budget.

    Args:
        url: a Redis URL (`redis://host:6379/0`), or pass `redis=` an existing `redis.Redis` client.
        key: the budget's name, e.g. `topo:<workspace id>`; one per Topo key / workspace.
        rate: the known limit in requests per second (also the ceiling), or None to learn it from 429s.
        retry_every: seconds between attempts to reach Redis again after it failed.
        timeout: seconds to wait for Redis (connecting, and each call) before using the in-process gate.

    Every argument is checked here (TypeError/ValueError naming it; a URL is shown without its password).
    """

    def __init__(self, url: str | None = None, *, key: str, rate: float | None = None, redis: Any = None,
                 retry_every: float = 10.0, timeout: float = 0.5) -> None:
        if not key or not isinstance(key, str):
            raise ValueError("key: a non-empty string naming the shared budget, e.g. 'topo:<workspace>'")
        if rate is not None:
            rate = _number("rate", rate, "requests per second or None")
        retry_every = _number("retry_every", retry_every, "seconds")
        timeout = _number("timeout", timeout, "seconds")
        try:
            import redis as redis_lib
        except ImportError as err:
            raise ImportError("SharedBudget needs the Redis client: pip install 'topo-client[redis]'") from err
        if redis is None:
            if not url:
                raise ValueError("SharedBudget needs a Redis url (redis://host:port/db) or redis=<redis.Redis>")
            redis = _client(redis_lib, url, timeout)
        self._errors: type[Exception] = redis_lib.exceptions.RedisError  # what "Redis is unreachable" looks like
        self.key = key
        self.rate = rate
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
        """The shared sending rate now (requests per second; None while no limit is known), for monitoring.

        While Redis is unreachable: the in-process gate's rate. A stored value that is not a rate is ignored.
        """
        if self._shared():
            try:
                stored = self._redis.hget(self._state, "estimate")
            except self._errors as err:
                if not str(err).startswith("WRONGTYPE"):  # garbage under our key: the next reservation drops it
                    self._failed(err)
                    return self._local.rate
                stored = None
            self._recovered()
            return _finite(stored) or self.rate
        return self._local.rate

    def reset(self) -> None:
        """Forget the shared state (for tests and after changing plans), and the in-process gate's.

        Raises:
            TopoError: Redis could not be reached, so the shared state was not reset.
        """
        self._local = RateGate(self.rate)
        try:
            self._redis.delete(self._state, self._passes)
        except self._errors as err:
            self._failed(err)
            error = err
        else:
            self._recovered()
            return
        raise TopoError(f"shared rate budget {self.key!r}: Redis unreachable ({type(error).__name__}); the shared "
                        f"state was not reset")
