"""The transport policy, in one place: auth, timeouts, retries and backoff, rate limiting, error mapping, logging.

`SyncTransport` and `AsyncTransport` share everything here and differ only in the I/O call and the sleep.
Resource code never repeats any of it.

Retry rule:
- Any request is retried on 429 (the API rejects before doing any work) and on errors raised while connecting
  (the request never reached the server).
- Idempotent requests (GET, PUT, PATCH, DELETE) are also retried on 408, 5xx, read/write timeouts, connections
  dropped mid-response and success bodies that arrive truncated.
- POST (creates, batch creates, actions) is not retried after the server may have acted: a batch create is
  all-or-nothing on the server, but the client cannot tell whether a lost answer meant "nothing" or "all".
Backoff is exponential with full jitter (`uniform(0, min(cap, base * 2**n))`), or the server's `Retry-After`
(seconds or HTTP-date), `retry-after-ms` or `RateLimit-Reset` when given.
"""

from __future__ import annotations

import asyncio
import email.utils
import json
import logging
import os
import random
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

import httpx

from . import _exceptions as exc
from ._models import DecodeOptions, StrictValidationError
from ._operations import Operation
from ._version import __version__

T = TypeVar("T")

log = logging.getLogger("topo")

DEFAULT_BASE_URL = "https://api.topo.io/v1"
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0)
DEFAULT_MAX_RETRIES = 2
RETRYABLE_STATUSES = frozenset({408, 429, 500, 502, 503, 504})

# Retry waits go through these names so tests can skip the waiting without freezing every sleep in the process.
_sleep = time.sleep
_async_sleep = asyncio.sleep


class Secret:
    """Holds the API key; its repr and str never show the value."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def get(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "Secret('**********')"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)


@dataclass(frozen=True)
class Options:
    """Per-client settings; `with_options()` copies them with changes."""

    base_url: str
    timeout: httpx.Timeout
    max_retries: int
    backoff_base: float = 0.5
    backoff_cap: float = 8.0
    max_retry_after: float = 60.0
    rate_limit: float | None = None
    default_headers: Mapping[str, str] = field(default_factory=dict)


def resolve_api_key(api_key: str | None) -> Secret:
    key = api_key if api_key is not None else os.environ.get("TOPO_API_KEY")
    if not key:
        raise exc.TopoError(
            "No API key: pass api_key=... or set the TOPO_API_KEY environment variable "
            "(create a key under Settings -> Developers -> API Keys)"
        )
    if not isinstance(key, str):
        raise TypeError(f"api_key: expected str, got {type(key).__name__}")
    return Secret(key)


def resolve_options(base_url: str | None, timeout: float | httpx.Timeout | None, max_retries: int | None,
                    rate_limit: float | None) -> Options:
    url = base_url or os.environ.get("TOPO_BASE_URL") or DEFAULT_BASE_URL
    if not url.startswith(("http://", "https://")):
        raise ValueError(f"base_url: {url!r} is not an http(s) URL")
    if max_retries is not None and (not isinstance(max_retries, int) or max_retries < 0):
        raise ValueError(f"max_retries: must be a non-negative int, got {max_retries!r}")
    if rate_limit is not None and rate_limit <= 0:
        raise ValueError(f"rate_limit: must be a positive number of requests per second, got {rate_limit!r}")
    return Options(
        base_url=url.rstrip("/"),
        timeout=_timeout(timeout),
        max_retries=DEFAULT_MAX_RETRIES if max_retries is None else max_retries,
        rate_limit=rate_limit,
    )


def _timeout(value: float | httpx.Timeout | None) -> httpx.Timeout:
    if value is None:
        return DEFAULT_TIMEOUT
    if isinstance(value, httpx.Timeout):
        return value
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        raise ValueError(f"timeout: must be a positive number of seconds or httpx.Timeout, got {value!r}")
    return httpx.Timeout(float(value))


def updated_options(options: Options, *, timeout: float | httpx.Timeout | None, max_retries: int | None) -> Options:
    changes: dict[str, Any] = {}
    if timeout is not None:
        changes["timeout"] = _timeout(timeout)
    if max_retries is not None:
        if not isinstance(max_retries, int) or max_retries < 0:
            raise ValueError(f"max_retries: must be a non-negative int, got {max_retries!r}")
        changes["max_retries"] = max_retries
    return replace(options, **changes)


class RateGate:
    """Spaces requests to a rate limit and holds everyone back after a 429 with a retry hint.

    Shared by all copies of one client (with_options) and by concurrent page prefetches. With a known limit
    (`rate_limit=`) the spacing is fixed. Without one, a 429 teaches it: the spacing becomes the server's wait
    (at least, growing by half on each further 429, at most 1 s), so requests queued behind the 429 are released
    one by one instead of all at once (which would only earn more 429s), and it relaxes slowly after each success
    so that a temporary limit does not slow the client for ever.
    """

    LEARNED_MAX = 1.0
    RELAX = 0.995  # slow decrease: ~140 successes halve the spacing

    def __init__(self, rate: float | None) -> None:
        self.known = bool(rate)
        self.interval = 1.0 / rate if rate else 0.0
        self._next = 0.0
        self._lock = threading.Lock()

    def reserve(self) -> float:
        """Claim the next slot; return how long to wait before sending."""
        with self._lock:
            now = time.monotonic()
            start = max(now, self._next)
            self._next = start + self.interval
            return start - now

    def hold_until(self, delay: float) -> None:
        """Nobody sends for `delay` seconds (after a 429); without a known limit, learn the spacing from it."""
        with self._lock:
            self._next = max(self._next, time.monotonic() + delay)
            if not self.known:  # multiplicative increase, at least the server's wait
                self.interval = min(max(self.interval * 1.5, delay, 0.005), self.LEARNED_MAX)

    def relax(self) -> None:
        """A request got through: ease a learned spacing a little."""
        if not self.known and self.interval:
            with self._lock:
                self.interval = self.interval * self.RELAX if self.interval > 1e-3 else 0.0


def parse_retry_after(headers: httpx.Headers) -> float | None:
    """Seconds to wait from `retry-after-ms`, `Retry-After` (seconds or HTTP-date) or `RateLimit-Reset`."""
    if value := headers.get("retry-after-ms"):
        try:
            return max(0.0, float(value) / 1000)
        except ValueError:
            pass
    if value := headers.get("retry-after"):
        try:
            return max(0.0, float(value))
        except ValueError:
            parsed = email.utils.parsedate_to_datetime(value) if value.strip() else None
            if parsed is not None:
                return max(0.0, parsed.timestamp() - time.time())
    for name in ("ratelimit-reset", "x-ratelimit-reset"):
        if value := headers.get(name):
            try:
                seconds = float(value)
            except ValueError:
                continue
            # Some servers send an epoch timestamp rather than a delta.
            return max(0.0, seconds - time.time()) if seconds > 1e9 else max(0.0, seconds)
    return None


def request_id_of(response: httpx.Response, body: Any = None) -> str | None:
    if isinstance(body, Mapping) and isinstance(body.get("request_id"), str):
        return str(body["request_id"])
    header: str | None = response.headers.get("x-request-id") or response.headers.get("request-id")
    return header


def status_error(response: httpx.Response, attempts: int) -> exc.APIStatusError:
    """Build the typed error for a 4xx/5xx response, tolerating non-JSON bodies (e.g. a proxy's HTML page)."""
    body: Any = None
    try:
        body = response.json()
    except (json.JSONDecodeError, UnicodeDecodeError):
        body = None
    cls = exc.status_error_class(response.status_code)
    if isinstance(body, Mapping):
        error_type = body.get("type") if isinstance(body.get("type"), str) else None
        message = str(body.get("message") or response.reason_phrase or "error")
        data = body.get("data")
    else:
        error_type, data = None, None
        content_type = response.headers.get("content-type", "unknown content type").split(";")[0]
        snippet = response.text[:120].replace("\n", " ").strip() if response.content else ""
        message = (
            f"{response.reason_phrase or 'error'} with a non-JSON body ({content_type})"
            + (f": {snippet!r}" if snippet else "")
        )
    error = cls(
        message,
        response=response,
        body=body,
        error_type=error_type,
        data=data,
        request_id=request_id_of(response, body),
        attempts=attempts,
    )
    if isinstance(error, exc.PermissionDeniedError) and isinstance(data, Mapping):
        scope = data.get("required_scope") or data.get("scope") or data.get("missing_scope")
        error.required_scope = str(scope) if scope else None
    if isinstance(error, exc.RateLimitError):
        error.retry_after = parse_retry_after(response.headers)
    return error


@dataclass
class Attempt:
    """What one try produced: a response (and, for a 2xx, its decoded value), or the error that prevented one."""

    response: httpx.Response | None = None
    error: Exception | None = None
    value: Any = None


@dataclass
class Decision:
    retry: bool
    delay: float = 0.0
    reason: str = ""


class Policy:
    """Decides, for one request, whether an attempt's outcome is final or worth another try."""

    def __init__(self, options: Options, gate: RateGate) -> None:
        self.options = options
        self.gate = gate

    def backoff(self, attempt: int) -> float:
        cap = min(self.options.backoff_cap, self.options.backoff_base * (2 ** (attempt - 1)))
        return random.uniform(0, cap)

    def decide(self, op: Operation[Any, Any], attempt: int, outcome: Attempt) -> Decision:
        if attempt > self.options.max_retries:
            return Decision(False)
        idempotent = op.spec.idempotent
        if outcome.error is not None:
            err = outcome.error
            if isinstance(err, _Truncated):  # cut short or replaced by a proxy page: worth another try
                return Decision(True, self.backoff(attempt), "undecodable body") if idempotent else Decision(False)
            if isinstance(err, _Undecodable):
                return Decision(False)
            before_send = isinstance(err, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout)
            if before_send or (idempotent and isinstance(err, httpx.TransportError)):
                return Decision(True, self.backoff(attempt), type(err).__name__)
            return Decision(False)
        response = outcome.response
        assert response is not None
        status = response.status_code
        if status == 429:
            hint = parse_retry_after(response.headers)
            if hint is not None and hint > self.options.max_retry_after:
                return Decision(False)
            delay = hint if hint is not None else self.backoff(attempt)
            self.gate.hold_until(delay)
            return Decision(True, delay, "429 Too Many Requests")
        if idempotent and status in RETRYABLE_STATUSES:
            hint = parse_retry_after(response.headers)
            delay = min(hint, self.options.max_retry_after) if hint is not None else self.backoff(attempt)
            return Decision(True, delay, f"{status} {response.reason_phrase}")
        return Decision(False)

    def log_retry(self, request: httpx.Request, attempt: int, decision: Decision) -> None:
        log.debug(
            "retrying %s %s in %.2fs (attempt %d of %d): %s",
            request.method, request.url.path, decision.delay, attempt + 1, self.options.max_retries + 1,
            decision.reason,
        )


def transport_error(err: Exception, request: httpx.Request, attempts: int) -> exc.APIConnectionError:
    where = f"{request.method} {request.url.path}"
    if isinstance(err, httpx.TimeoutException):
        return exc.APITimeoutError(f"Request timed out: {where} ({type(err).__name__})", request=request,
                                   attempts=attempts)
    return exc.APIConnectionError(f"Connection error: {where}: {type(err).__name__}: {err}", request=request,
                                  attempts=attempts)


class _Truncated(Exception):
    """A 2xx body that could not be decoded; retried like a dropped connection for idempotent requests."""

    def __init__(self, response: httpx.Response, cause: Exception) -> None:
        super().__init__(str(cause))
        self.response = response
        self.cause = cause


class _Undecodable(Exception):
    """A 2xx body that is valid JSON but not the documented shape: final, a retry would get the same."""

    def __init__(self, response: httpx.Response, cause: Exception) -> None:
        super().__init__(str(cause))
        self.response = response
        self.cause = cause


class BaseTransport:
    """State and request building shared by the sync and async transports."""

    def __init__(self, api_key: Secret, options: Options, gate: RateGate | None = None) -> None:
        self.api_key = api_key
        self.options = options
        self.gate = gate or RateGate(options.rate_limit)
        self.policy = Policy(options, self.gate)
        self.decode_options = DecodeOptions()  # the client sets its own (drift record, strict mode)

    def headers(self) -> dict[str, str]:
        return {
            "Authorization": f"Bearer {self.api_key.get()}",
            "Accept": "application/json",
            "User-Agent": f"topo-client-python/{__version__}",
            **self.options.default_headers,
        }

    def build(self, http: httpx.Client | httpx.AsyncClient, op: Operation[Any, Any], args: tuple[Any, ...],
              kwargs: dict[str, Any]) -> httpx.Request:
        kw = op.request_kwargs(args, kwargs)
        headers = {**self.headers(), **kw.pop("headers", {})}
        url = self.options.base_url + kw.pop("url")
        return http.build_request(
            kw.pop("method").upper(), url, headers=headers, timeout=self.options.timeout,
            extensions={"operation_id": op.spec.operation_id}, **kw,
        )

    def finish(self, op: Operation[Any, T], outcome: Attempt, request: httpx.Request, attempts: int) -> T:
        err = outcome.error
        if isinstance(err, _Truncated | _Undecodable):
            if isinstance(err, _Truncated):
                content_type = err.response.headers.get("content-type", "no content type").split(";")[0]
                snippet = err.response.text[:80].replace("\n", " ").strip()
                what = f"is not valid JSON ({content_type}, truncated or not JSON at all: {snippet!r})"
            elif isinstance(err.cause, StrictValidationError):
                what = f"differs from the spec (strict_response_validation=True): {err.cause}"
            else:
                what = f"is not {op.spec.success_schema or 'the documented shape'}"
            raise exc.APIResponseValidationError(
                f"{op.spec.operation_id}: the {err.response.status_code} response body {what}"
                + ("" if isinstance(err.cause, StrictValidationError)
                   else f": {type(err.cause).__name__}: {err.cause}"),
                response=err.response, request_id=request_id_of(err.response), attempts=attempts,
            ) from err.cause
        if err is not None:
            raise transport_error(err, request, attempts) from err
        response = outcome.response
        assert response is not None
        if response.status_code >= 400:
            raise status_error(response, attempts)
        value: T = outcome.value
        return value

    def examine(self, op: Operation[Any, Any], response: httpx.Response) -> Attempt:
        """Decode a 2xx once. An undecodable body is an error outcome: retryable if it is not even JSON."""
        if not 200 <= response.status_code < 300:
            return Attempt(response=response)
        try:
            return Attempt(response=response, value=op.decode(response.content, self.decode_options))
        except Exception as err:  # any decoder failure means the body is not what the spec says
            try:
                json.loads(response.content)
            except ValueError:
                return Attempt(error=_Truncated(response, err))
            return Attempt(error=_Undecodable(response, err))


class SyncTransport(BaseTransport):
    def __init__(self, http: httpx.Client, api_key: Secret, options: Options, gate: RateGate | None = None) -> None:
        super().__init__(api_key, options, gate)
        self.http = http

    def send(self, op: Operation[Any, T], args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[T, httpx.Response]:
        request = self.build(self.http, op, args, kwargs)
        attempt, pending = 0, 0.0
        while True:
            attempt += 1
            # One wait per attempt: the retry delay, or longer if the rate gate says so.
            if wait := max(pending, self.gate.reserve()):
                _sleep(wait)
            try:
                response = self.http.send(request)
                response.read()
                outcome = self.examine(op, response)
            except httpx.TransportError as err:
                outcome = Attempt(error=err)
            decision = self.policy.decide(op, attempt, outcome)
            if outcome.response is not None and outcome.response.status_code != 429:
                self.gate.relax()
            if not decision.retry:
                value = self.finish(op, outcome, request, attempt)
                assert outcome.response is not None
                return value, outcome.response
            self.policy.log_retry(request, attempt, decision)
            pending = decision.delay

    def request(self, op: Operation[Any, T], args: tuple[Any, ...], kwargs: dict[str, Any]) -> T:
        return self.send(op, args, kwargs)[0]


class AsyncTransport(BaseTransport):
    def __init__(self, http: httpx.AsyncClient, api_key: Secret, options: Options,
                 gate: RateGate | None = None) -> None:
        super().__init__(api_key, options, gate)
        self.http = http

    async def send(self, op: Operation[Any, T], args: tuple[Any, ...],
                   kwargs: dict[str, Any]) -> tuple[T, httpx.Response]:
        request = self.build(self.http, op, args, kwargs)
        attempt, pending = 0, 0.0
        while True:
            attempt += 1
            # One wait per attempt: the retry delay, or longer if the rate gate says so.
            if wait := max(pending, self.gate.reserve()):
                await _async_sleep(wait)
            try:
                response = await self.http.send(request)
                await response.aread()
                outcome = self.examine(op, response)
            except httpx.TransportError as err:
                outcome = Attempt(error=err)
            decision = self.policy.decide(op, attempt, outcome)
            if outcome.response is not None and outcome.response.status_code != 429:
                self.gate.relax()
            if not decision.retry:
                value = self.finish(op, outcome, request, attempt)
                assert outcome.response is not None
                return value, outcome.response
            self.policy.log_retry(request, attempt, decision)
            pending = decision.delay

    async def request(self, op: Operation[Any, T], args: tuple[Any, ...], kwargs: dict[str, Any]) -> T:
        return (await self.send(op, args, kwargs))[0]

