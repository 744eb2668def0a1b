"""The retry decisions: what one attempt produced (`Attempt`), and whether it is final or worth another try.

Retry rule:
- Any request is retried on 429 (the API rejects before doing any work) and on errors raised while connecting
  (the request never reached the server).
- Idempotent requests (GET, PUT, PATCH, DELETE) are also retried on 408, 5xx, read/write timeouts, connections
  dropped mid-response and success bodies that arrive truncated.
- POST (creates, batch creates, actions) is not retried after the server may have acted: a batch create is
  all-or-nothing on the server, but the client cannot tell whether a lost answer meant "nothing" or "all".
Backoff is exponential with full jitter (`uniform(0, min(cap, base * 2**n))`), or the server's `Retry-After`
(seconds or HTTP-date), `retry-after-ms` or `RateLimit-Reset` when given.
Local errors (a header value or URL that is not valid HTTP) are never retried: nothing was sent, and a retry would
fail the same way. Their messages never quote header values (the Authorization header carries the key).
"""

from __future__ import annotations

import email.utils
import logging
import math
import random
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import httpx

if TYPE_CHECKING:
    from ._operations import Operation
    from ._options import Options

log = logging.getLogger("topo")

RETRYABLE_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
#: Failures before anything reached the server: retried whatever the method.
BEFORE_SEND = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
#: The longest header value read as a number of seconds: longer is not a delay (a 400-digit number is ignored).
MAX_NUMBER_CHARS = 30


@dataclass(slots=True)
class Attempt:
    """What one try produced: a response (and, for a 2xx, its decoded value), or the error that prevented one."""

    response: httpx.Response | None = None
    error: Exception | None = None
    value: Any = None


@dataclass(frozen=True, slots=True)
class Decision:
    retry: bool
    delay: float = 0.0
    reason: str = ""


FINAL = Decision(False)


class RefusedLocally(Exception):
    """The request could not be sent as built (h11/httpx refused it locally): final, and never quoted."""

    def __init__(self, cause: Exception) -> None:
        super().__init__(type(cause).__name__)
        self.cause = cause


class BadBody(Exception):
    """A 2xx body that could not be decoded."""

    def __init__(self, response: httpx.Response, cause: Exception) -> None:
        super().__init__(str(cause))
        self.response = response
        self.cause = cause


class TruncatedBody(BadBody):
    """Not even JSON (cut short, or a proxy's page): retried like a dropped connection for idempotent requests."""


class UndecodableBody(BadBody):
    """Valid JSON but not the documented shape: final, a retry would get the same."""


def parse_retry_after(headers: httpx.Headers) -> float | None:
    """Seconds to wait from `retry-after-ms`, `Retry-After` (seconds or HTTP-date) or `RateLimit-Reset`.
    A value that is none of these (`soon`, `NaN`, a 400-digit number, a malformed date) is ignored, as if absent."""
    if (seconds := _number(headers.get("retry-after-ms"))) is not None:
        return max(0.0, seconds / 1000)
    if value := headers.get("retry-after"):
        if (seconds := _number(value)) is not None:
            return max(0.0, seconds)
        try:
            parsed = email.utils.parsedate_to_datetime(value[:100]) if value.strip() else None
            if parsed is not None:
                return max(0.0, parsed.timestamp() - time.time())
        except (ValueError, TypeError, OverflowError, IndexError):
            pass
    for name in ("ratelimit-reset", "x-ratelimit-reset"):
        if (seconds := _number(headers.get(name))) is not None:
            # Some servers send an epoch timestamp rather than a delta.
            return max(0.0, seconds - time.time()) if seconds > 1e9 else max(0.0, seconds)
    return None


def _number(value: str | None) -> float | None:
    """A finite number of seconds from a header value, or None."""
    if not value or len(value) > MAX_NUMBER_CHARS:
        return None
    try:
        number = float(value)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


class Policy:
    """Decides, for one request, whether an attempt's outcome is final or worth another try."""

    def __init__(self, options: Options) -> None:
        self.options = options

    def backoff(self, attempt: int) -> float:
        cap = min(self.options.backoff_cap, self.options.backoff_base * (2 ** (attempt - 1)))
        return random.uniform(0, cap)

    def decide(self, op: Operation[Any, Any], attempt: int, outcome: Attempt) -> Decision:
        if attempt > self.options.max_retries:
            return FINAL
        err = outcome.error
        if err is None:
            response = outcome.response
            assert response is not None
            return FINAL if response.status_code < 400 else self._after_answer(op, attempt, response)  # 2xx first
        idempotent = op.spec.idempotent
        if isinstance(err, TruncatedBody):  # cut short or replaced by a proxy page: worth another try
            return Decision(True, self.backoff(attempt), "undecodable body") if idempotent else FINAL
        if isinstance(err, UndecodableBody | RefusedLocally):
            return FINAL
        if isinstance(err, BEFORE_SEND) or (idempotent and isinstance(err, httpx.TransportError)):
            return Decision(True, self.backoff(attempt), type(err).__name__)
        return FINAL

    def _after_answer(self, op: Operation[Any, Any], attempt: int, response: httpx.Response) -> Decision:
        """For a 4xx/5xx answer."""
        status = response.status_code
        if status == 429:
            hint = parse_retry_after(response.headers)
            if hint is not None and hint > self.options.max_retry_after:
                return FINAL
            delay = hint if hint is not None else self.backoff(attempt)
            return Decision(True, delay, "429 Too Many Requests")
        if op.spec.idempotent and status in RETRYABLE_STATUSES:
            hint = parse_retry_after(response.headers)
            delay = min(hint, self.options.max_retry_after) if hint is not None else self.backoff(attempt)
            return Decision(True, delay, f"{status} {response.reason_phrase}")
        return FINAL

    def log_retry(self, request: httpx.Request, attempt: int, waited: float, reason: str) -> None:
        """Logged after the wait, so the figure is the wait that happened (retry delay and rate gate)."""
        log.debug(
            "retrying %s %s after waiting %.2fs (attempt %d of %d): %s",
            request.method, request.url.path, waited, attempt, self.options.max_retries + 1, reason,
        )
