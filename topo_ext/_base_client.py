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
Local errors (a header value or URL that is not valid HTTP) are never retried: nothing was sent, and a retry would
fail the same way. Their messages never quote header values (the Authorization header carries the key).
Every attempt passes the client's rate gate (`_rate.py`), which learns from every 429, retried or not.
"""

from __future__ import annotations

import asyncio
import email.utils
import json
import logging
import os
import random
import time
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

import httpx

from . import _exceptions as exc
from . import _telemetry
from ._models import DecodeOptions, StrictValidationError
from ._operations import Operation
from ._rate import Gate, RateGate
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
    default_query: Mapping[str, Any] = field(default_factory=dict)


def resolve_api_key(api_key: str | None) -> Secret:
    source = "api_key" if api_key is not None else "TOPO_API_KEY"
    key = api_key if api_key is not None else os.environ.get("TOPO_API_KEY")
    if not key:
        raise exc.TopoError(
            "No API key: pass api_key=... or set the TOPO_API_KEY environment variable "
            "(create a key under Settings -> Developers -> API Keys)"
        )
    if not isinstance(key, str):
        raise TypeError(f"api_key: expected str, got {type(key).__name__}")
    check_api_key(key, source)
    return Secret(key)


def check_api_key(key: str, source: str = "api_key") -> None:
    """Raise ValueError if `key` cannot go in an HTTP header as it is; the message shows at most a short prefix."""
    problem = _header_problem(key, inner_spaces=False)  # a key never has spaces, even where a header could
    if problem is None:
        return
    if key != key.strip() and key.strip() and _header_problem(key.strip(), inner_spaces=False) is None:
        where = "leading" if key[0].isspace() else "trailing"
        problem = f"{where} whitespace ({_describe(key[0] if where == 'leading' else key[-1])})"
    raise ValueError(f"{source}: the API key {_key_hint(key)} contains {problem}; copy the key again, without "
                     "surrounding spaces or line breaks")


def _check_headers(op: Operation[Any, Any], headers: Mapping[str, Any]) -> None:
    """h11 would refuse a bad header value later, quoting it (maybe the key): refuse it first, naming the header."""
    for name, value in headers.items():
        if isinstance(value, str) and (problem := _header_problem(value)):
            raise exc.InvalidRequestError(f"{op.spec.operation_id}: header {name!r} contains {problem}; "
                                          "nothing was sent")


def _header_problem(value: str, inner_spaces: bool = True) -> str | None:
    """What makes `value` unusable in an HTTP header (printable ASCII, and inner spaces only), or None."""
    if value.isascii() and value.isprintable() and not (value[:1] == " " or value[-1:] == " ") and (
        inner_spaces or " " not in value
    ):
        return None  # the usual case, checked in C: every request checks its headers
    for position, char in enumerate(value):
        if char == " " and inner_spaces and 0 < position < len(value) - 1:
            continue
        if not "!" <= char <= "~":
            return f"{_describe(char)} at position {position + 1}"
    return None


def _describe(char: str) -> str:
    names = {"\n": "a line break (\\n)", "\r": "a carriage return (\\r)", "\t": "a tab", "\0": "a NUL character",
             " ": "a space"}
    if char in names:
        return names[char]
    if ord(char) > 127:
        return "a non-ASCII character"
    return f"a control character (U+{ord(char):04X}, {unicodedata.name(char, 'unnamed')})"


def _key_hint(key: str) -> str:
    """At most a short, printable prefix of a key (a third of it, 11 characters at most), for error messages."""
    prefix = ""
    for char in key[: min(11, len(key) // 3)]:
        if not "!" <= char <= "~":
            break
        prefix += char
    return f"starting {prefix!r}..." if prefix else "(prefix not shown)"


def resolve_options(base_url: str | None, timeout: float | httpx.Timeout | None, max_retries: int | None,
                    rate_limit: float | Gate | None) -> Options:
    url = base_url or os.environ.get("TOPO_BASE_URL") or DEFAULT_BASE_URL
    if not url.startswith(("http://", "https://")):
        raise ValueError(f"base_url: {url!r} is not an http(s) URL")
    if any(char.isspace() or not char.isprintable() for char in url):
        raise ValueError(f"base_url: {url!r} contains whitespace or control characters")
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL as err:
        raise ValueError(f"base_url: {url!r} is not a valid URL: {err}") from None
    if not parsed.host or (parsed.port is not None and not 0 < parsed.port < 65536):
        raise ValueError(f"base_url: {url!r} has no host or an impossible port")
    if max_retries is not None and (not isinstance(max_retries, int) or max_retries < 0):
        raise ValueError(f"max_retries: must be a non-negative int, got {max_retries!r}")
    if not isinstance(rate_limit, int | float) or isinstance(rate_limit, bool):
        rate_limit = None  # a Gate (e.g. SharedBudget) carries its own rate; see _rate.gate_for
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


def updated_options(options: Options, *, timeout: float | httpx.Timeout | None = None, max_retries: int | None = None,
                    base_url: str | None = None, default_headers: Mapping[str, str] | None = None,
                    default_query: Mapping[str, Any] | None = None) -> Options:
    """`options` with the given settings changed (None: unchanged); default headers and query are merged."""
    changes: dict[str, Any] = {}
    if timeout is not None:
        changes["timeout"] = _timeout(timeout)
    if max_retries is not None:
        if not isinstance(max_retries, int) or isinstance(max_retries, bool) or max_retries < 0:
            raise ValueError(f"max_retries: must be a non-negative int, got {max_retries!r}")
        changes["max_retries"] = max_retries
    if base_url is not None:
        changes["base_url"] = resolve_options(base_url, None, None, None).base_url
    for name, value in (("default_headers", default_headers), ("default_query", default_query)):
        if value is None:
            continue
        if not isinstance(value, Mapping):
            raise TypeError(f"{name}: expected a mapping, got {type(value).__name__}")
        if name == "default_headers" and not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
            raise TypeError("default_headers: names and values must be str")
        changes[name] = {**getattr(options, name), **value}
    return replace(options, **changes)


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

    def __init__(self, options: Options) -> None:
        self.options = options

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
            if isinstance(err, _Undecodable | _Local):
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
            return Decision(True, delay, "429 Too Many Requests")
        if idempotent and status in RETRYABLE_STATUSES:
            hint = parse_retry_after(response.headers)
            delay = min(hint, self.options.max_retry_after) if hint is not None else self.backoff(attempt)
            return Decision(True, delay, f"{status} {response.reason_phrase}")
        return Decision(False)

    def log_retry(self, request: httpx.Request, attempt: int, waited: float, reason: str) -> None:
        """Logged after the wait, so the figure is the wait that happened (retry delay and rate gate)."""
        log.debug(
            "retrying %s %s after waiting %.2fs (attempt %d of %d): %s",
            request.method, request.url.path, waited, attempt, self.options.max_retries + 1, reason,
        )


def transport_error(err: Exception, request: httpx.Request, attempts: int) -> exc.APIConnectionError:
    where = f"{request.method} {request.url.path}"
    if isinstance(err, httpx.TimeoutException):
        return exc.APITimeoutError(f"Request timed out: {where} ({type(err).__name__})", request=request,
                                   attempts=attempts)
    return exc.APIConnectionError(f"Connection error: {where}: {type(err).__name__}: {err}", request=request,
                                  attempts=attempts)


class _Local(Exception):
    """The request could not be sent as built (h11/httpx refused it locally): final, and never quoted."""

    def __init__(self, cause: Exception) -> None:
        super().__init__(type(cause).__name__)
        self.cause = cause


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

    def __init__(self, api_key: Secret, options: Options, gate: Gate | None = None,
                 telemetry: _telemetry.Telemetry | None = None) -> None:
        self.api_key = api_key
        self.options = options
        self.gate: Gate = gate or RateGate(options.rate_limit)
        self.policy = Policy(options)
        self.telemetry = telemetry
        self.decode_options = DecodeOptions()  # the client sets its own (drift record, strict mode)
        self._kept: tuple[httpx.Headers, tuple[str, ...]] | None = None
        self._base: tuple[tuple[str, ...], dict[str, str]] | None = None

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
        headers = dict(self.base_headers(http, op))
        if extra := kw.pop("headers", None):  # per-request headers win over all
            _check_headers(op, extra)
            headers.update(extra)
        if self.options.default_query:
            kw["params"] = {**self.options.default_query, **kw.get("params", {})}
        timeout = _timeout(kw.pop("timeout")) if "timeout" in kw else self.options.timeout
        if self.telemetry is not None:
            _telemetry.current().inject(headers)
        url = self.options.base_url + kw.pop("url")
        if kw.get("params") and not http.params:  # the query in the URL: httpx parses it once, not twice (merge)
            url += "?" + str(httpx.QueryParams(kw.pop("params")))
        try:
            return http.build_request(
                kw.pop("method").upper(), url, headers=headers, timeout=timeout,
                extensions={"operation_id": op.spec.operation_id}, **kw,
            )
        except (httpx.InvalidURL, httpx.UnsupportedProtocol, UnicodeEncodeError) as err:
            raise exc.InvalidRequestError(f"{op.spec.operation_id}: the request could not be built "
                                          f"({type(err).__name__}); nothing was sent") from None

    def base_headers(self, http: httpx.Client | httpx.AsyncClient, op: Operation[Any, Any]) -> dict[str, str]:
        """This client's headers for `http`, checked once: an injected client's own Accept/User-Agent win over our
        defaults, not over the ones given to Topo. Rebuilt only when the injected client's headers change."""
        kept = self.kept_headers(http)
        cached = self._base
        if cached is not None and cached[0] is kept:
            return cached[1]
        headers = self.headers()
        for name in kept:
            if name not in self.options.default_headers:
                headers.pop(name, None)
        _check_headers(op, headers)
        self._base = (kept, headers)
        return headers

    def kept_headers(self, http: httpx.Client | httpx.AsyncClient) -> tuple[str, ...]:
        """Accept/User-Agent set on an injected httpx client (not httpx's own defaults): those stay."""
        cached = self._kept
        if cached is not None and cached[0] is http.headers:  # per request: only look again if they changed
            return cached[1]
        kept = tuple(name for name in ("Accept", "User-Agent")
                     if name in http.headers and http.headers[name] != _HTTPX_DEFAULT_HEADERS.get(name))
        self._kept = (http.headers, kept)
        return kept

    def record(self, outcome: Attempt, sent_at: float) -> None:
        """Tell the rate gate how the attempt went (also when it will not be retried: max_retries=0)."""
        response = outcome.response
        if response is not None and response.status_code == 429:
            self.gate.on_429(parse_retry_after(response.headers), sent_at)
        elif not isinstance(outcome.error, _Local | httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout):
            self.gate.on_success()  # it reached the server and was not rate limited

    def finish(self, op: Operation[Any, T], outcome: Attempt, request: httpx.Request, attempts: int) -> T:
        err = outcome.error
        if isinstance(err, _Local):  # its message may quote a header value: name the kind of error only
            raise exc.InvalidRequestError(f"{request.method} {request.url.path}: refused locally before sending "
                                          f"({type(err.cause).__name__}); nothing was sent") from None
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
    def __init__(self, http: httpx.Client, api_key: Secret, options: Options, gate: Gate | None = None,
                 telemetry: _telemetry.Telemetry | None = None) -> None:
        super().__init__(api_key, options, gate, telemetry)
        self.http = http

    def send(self, op: Operation[Any, T], args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[T, httpx.Response]:
        if self.telemetry is None:
            return self._send(op, args, kwargs)
        span = self.telemetry.start(op, kwargs, self.options.base_url)
        with _telemetry.activated(span):
            try:
                value, response = self._send(op, args, kwargs)
            except BaseException as err:
                span.finish(error=err)
                raise
            span.finish(response=response)
            return value, response

    def _send(self, op: Operation[Any, T], args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[T, httpx.Response]:
        if self.http.is_closed:
            raise exc.ClientClosedError(CLOSED)
        request = self.build(self.http, op, args, kwargs)
        span = _telemetry.current() if self.telemetry is not None else _telemetry.NOOP
        attempt, pending, reason = 0, 0.0, ""
        while True:
            attempt += 1
            span.attempt(attempt)
            # The retry delay is this request's own pause; then the gate spaces it among everyone else's.
            if pending:
                _sleep(pending)
            if gate_wait := self.gate.reserve():
                span.waited(gate_wait, "rate_gate")
                _sleep(gate_wait)
            if attempt > 1:
                self.policy.log_retry(request, attempt, pending + gate_wait, reason)
            sent_at = time.monotonic()
            try:
                response = self.http.send(request)
                response.read()
                outcome = self.examine(op, response)
            except (httpx.LocalProtocolError, httpx.UnsupportedProtocol) as err:
                outcome = Attempt(error=_Local(err))
            except httpx.TransportError as err:
                outcome = Attempt(error=err)
            except RuntimeError:
                if self.http.is_closed:  # closed by another thread (or the owner of a copy) meanwhile
                    raise exc.ClientClosedError(CLOSED) from None
                raise
            self.record(outcome, sent_at)
            decision = self.policy.decide(op, attempt, outcome)
            if not decision.retry:
                value = self.finish(op, outcome, request, attempt)
                assert outcome.response is not None
                return value, outcome.response
            span.retry(attempt, decision.reason, decision.delay)
            pending, reason = decision.delay, decision.reason

    def request(self, op: Operation[Any, T], args: tuple[Any, ...], kwargs: dict[str, Any]) -> T:
        return self.send(op, args, kwargs)[0]


class AsyncTransport(BaseTransport):
    def __init__(self, http: LoopBoundHTTP, api_key: Secret, options: Options, gate: Gate | None = None,
                 telemetry: _telemetry.Telemetry | None = None) -> None:
        super().__init__(api_key, options, gate, telemetry)
        self.pool = http

    async def send(self, op: Operation[Any, T], args: tuple[Any, ...],
                   kwargs: dict[str, Any]) -> tuple[T, httpx.Response]:
        if self.telemetry is None:
            return await self._send(op, args, kwargs)
        span = self.telemetry.start(op, kwargs, self.options.base_url)
        with _telemetry.activated(span):
            try:
                value, response = await self._send(op, args, kwargs)
            except BaseException as err:
                span.finish(error=err)
                raise
            span.finish(response=response)
            return value, response

    async def _send(self, op: Operation[Any, T], args: tuple[Any, ...],
                    kwargs: dict[str, Any]) -> tuple[T, httpx.Response]:
        http = self.pool.get()
        request = self.build(http, op, args, kwargs)
        span = _telemetry.current() if self.telemetry is not None else _telemetry.NOOP
        attempt, pending, reason = 0, 0.0, ""
        while True:
            attempt += 1
            span.attempt(attempt)
            # The retry delay is this request's own pause; then the gate spaces it among everyone else's.
            if pending:
                await _async_sleep(pending)
            if gate_wait := self.gate.reserve():
                span.waited(gate_wait, "rate_gate")
                await _async_sleep(gate_wait)
            if attempt > 1:
                self.policy.log_retry(request, attempt, pending + gate_wait, reason)
            sent_at = time.monotonic()
            try:
                response = await http.send(request)
                await response.aread()
                outcome = self.examine(op, response)
            except (httpx.LocalProtocolError, httpx.UnsupportedProtocol) as err:
                outcome = Attempt(error=_Local(err))
            except httpx.TransportError as err:
                outcome = Attempt(error=err)
            except RuntimeError:
                if http.is_closed:
                    raise exc.ClientClosedError(CLOSED) from None
                raise
            self.record(outcome, sent_at)
            decision = self.policy.decide(op, attempt, outcome)
            if not decision.retry:
                value = self.finish(op, outcome, request, attempt)
                assert outcome.response is not None
                return value, outcome.response
            span.retry(attempt, decision.reason, decision.delay)
            pending, reason = decision.delay, decision.reason

    async def request(self, op: Operation[Any, T], args: tuple[Any, ...], kwargs: dict[str, Any]) -> T:
        return (await self.send(op, args, kwargs))[0]



_HTTPX_DEFAULT_HEADERS = httpx.Headers({"Accept": "*/*", "User-Agent": f"python-httpx/{httpx.__version__}"})

CLOSED = "this client was closed (close() or the end of its `with` block); create a new client"


class LoopBoundHTTP:
    """The httpx.AsyncClient of an AsyncTopo and its copies, one per event loop.

    Connections belong to the loop that opened them: after `asyncio.run(...)` returns they are dead. A client
    that AsyncTopo made is replaced when a request runs on another loop; one you passed (`http_client=`) cannot
    be, so using it on a second loop raises a `TopoError` that says so.
    """

    def __init__(self, given: httpx.AsyncClient | None, timeout: httpx.Timeout) -> None:
        self.owned = given is None
        self._timeout = timeout
        self._client = given or self._new()
        self._loop: asyncio.AbstractEventLoop | None = None
        self.closed = False

    def _new(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(timeout=self._timeout, follow_redirects=False)

    def get(self) -> httpx.AsyncClient:
        loop = asyncio.get_running_loop()
        if self.closed or self._client.is_closed:
            raise exc.ClientClosedError(CLOSED)
        if self._loop is None or self._loop is loop:
            self._loop = loop
        elif not self._loop.is_closed() and self._loop.is_running():
            raise exc.TopoError("this AsyncTopo is in use on another running event loop; create one client per loop")
        elif self.owned:  # the old loop is gone, and with it every connection of the old client
            self._client, self._loop = self._new(), loop
        else:
            raise exc.TopoError(
                "the http_client passed to AsyncTopo belongs to an event loop that has finished (e.g. an earlier "
                "asyncio.run); create the AsyncTopo and its http_client inside the loop that uses them"
            )
        return self._client

    @property
    def is_closed(self) -> bool:
        return self.closed or self._client.is_closed

    async def aclose(self) -> None:
        self.closed = True
        if self.owned:
            try:
                loop = asyncio.get_running_loop()
                if self._loop is None or self._loop is loop:
                    await self._client.aclose()
            except RuntimeError:  # no running loop: nothing to await on
                pass
