"""The requesters (not httpx's transports, which they send through): one core holds the policy, two shells do I/O.

`BaseRequester` is the core: the request (auth and default headers, checked once per client), the retry loop
(`attempts`, a generator that says when to pause and when to send, and never does either), the rate gate
(`_rate.py`; every attempt passes it, and it learns from every 429, retried or not), telemetry hooks and the
outcome of each attempt. `SyncRequester` and `AsyncRequester` only sleep, send and read. `SyncAPIClient` and
`AsyncAPIClient` (bases of Topo, AsyncTopo) are what resource methods call. The retry rule is in `_retries.py`,
status -> error in `_error_map.py`, settings and key checks in `_options.py`; their names are importable here.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Generator
from typing import TYPE_CHECKING, Any, TypeVar

import httpx

from . import _exceptions as exc
from . import _logs, _telemetry
from ._drift import DecodeOptions
from ._error_map import result_of, status_error, transport_error
from ._exceptions import CLOSED
from ._limits import BodyTooLarge, TooDeep, aread_capped, read_capped, request_id_of
from ._options import (
    DEFAULT_BASE_URL,
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    Options,
    Secret,
    as_timeout,
    check_api_key,
    check_headers,
    merge_headers,
    resolve_api_key,
    resolve_options,
    updated_options,
)
from ._rate import Gate, RateGate, quota
from ._response import APIResponse
from ._retries import (
    BEFORE_SEND,
    FINAL,
    RETRYABLE_STATUSES,
    Attempt,
    Decision,
    Policy,
    RefusedLocally,
    TruncatedBody,
    UndecodableBody,
    log,
    parse_retry_after,
)
from ._version import __version__

if TYPE_CHECKING:
    from ._loop_http import LoopBoundHTTP
    from ._operations import Operation

__all__ = [  # what the rest of the package imports from here (some of it defined next door)
    "CLOSED", "DEFAULT_BASE_URL", "DEFAULT_MAX_RETRIES", "DEFAULT_TIMEOUT", "RETRYABLE_STATUSES", "AsyncRequester",
    "Attempt", "BaseRequester", "Decision", "Lifecycle", "Options", "Policy", "Secret", "SyncRequester",
    "check_api_key", "log", "parse_retry_after", "request_id_of", "resolve_api_key", "resolve_options",
    "status_error", "transport_error", "updated_options",
]

T = TypeVar("T")

#: What `BaseRequester.attempts` yields: seconds to pause, or the request to send now.
Step = float | httpx.Request

# Retry waits go through these names so tests can skip the waiting without freezing every sleep in the process.
_sleep = time.sleep


async def _async_sleep(seconds: float) -> None:
    import asyncio  # on first use: `from topo_ext import Topo` does not load asyncio

    await asyncio.sleep(seconds)


_NOT_SENT = (RefusedLocally, *BEFORE_SEND)  # attempts that tell the rate gate nothing

def _with_request_id(value: T, response: httpx.Response) -> T:
    """A decoded model marked with its answer's request id (`model._request_id`), once per answer."""
    from topo_client._struct import TopoStruct  # loaded by then (by the decoder); not at `import topo_ext`

    if isinstance(value, TopoStruct) and (request_id := request_id_of(response)) is not None:
        value.__dict__["_request_id_"] = request_id
    return value


_HTTPX_DEFAULT_HEADERS = httpx.Headers({"Accept": "*/*", "User-Agent": f"python-httpx/{httpx.__version__}"})


class BaseRequester:
    """The core shared by the sync and async requesters: everything but the I/O."""

    def __init__(self, api_key: Secret, options: Options, gate: Gate | None = None,
                 telemetry: _telemetry.Telemetry | None = None) -> None:
        self.api_key = api_key
        self.options = options
        self.gate: Gate = gate or RateGate(options.rate_limit)
        # Rate-limit headers, for a gate that reads them (optional for a Gate). A server that sends them sends them
        # on every answer: after one without them only a 429 is looked at again, so others cost nothing.
        self._on_quota: Callable[[float, float], None] | None = getattr(self.gate, "on_quota", None)
        self._read_quota = self._on_quota is not None
        self.policy = Policy(options)
        self.telemetry = telemetry
        # The client sets its own (drift record, strict mode); the depth limit is this requester's.
        self.decode_options = DecodeOptions(max_depth=options.limits.max_json_depth)
        self._base: tuple[httpx.Headers, dict[str, str]] | None = None

    def attempts(self, http: httpx.Client | httpx.AsyncClient, op: Operation[Any, T], args: tuple[Any, ...],
                 kwargs: dict[str, Any]) -> Generator[Step, Any, tuple[T, httpx.Response]]:
        """The retry loop without I/O: yields a pause (seconds) for the shell to sleep, or the request for it to
        send, and then takes the `Attempt` back; returns the decoded value and the final response."""
        request = self.build(http, op, args, kwargs)
        # Tracing and log lines are skipped outright when off: a plain call runs no code of theirs.
        span = _telemetry.current() if self.telemetry is not None else None
        logs = _logs.log.isEnabledFor(logging.INFO)
        attempt, pending, reason, started = 0, 0.0, "", time.monotonic()
        while True:
            attempt += 1
            if span is not None:
                span.attempt(attempt)
            # The retry delay is this request's own pause; then the gate spaces it among everyone else's.
            if pending:
                yield pending
            if gate_wait := self.gate.reserve():
                if span is not None:
                    span.waited(gate_wait, "rate_gate")
                yield gate_wait
            if attempt > 1:
                self.policy.log_retry(request, attempt, pending + gate_wait, reason)
            sent_at = time.monotonic()
            outcome: Attempt = yield request
            self.record(outcome, sent_at)
            if logs:
                _logs.attempt(request, outcome, attempt, sent_at)
            response = outcome.response
            # A decoded 2xx (see `examine`) is final whatever the policy: no decision to make, no error to map.
            success = outcome.error is None and response is not None and 200 <= response.status_code < 300
            decision = FINAL if success else self.policy.decide(op, attempt, outcome)
            if not decision.retry:
                if logs:
                    _logs.operation(op, request, outcome, attempt, started)
                if success:
                    assert response is not None
                    return _with_request_id(outcome.value, response), response
                value = result_of(op, outcome, request, attempt, self.options.limits.max_json_depth)
                assert outcome.response is not None
                return value, outcome.response
            if span is not None:
                span.retry(attempt, decision.reason, decision.delay)
            pending, reason = decision.delay, decision.reason

    def headers(self) -> dict[str, str]:
        own = {"Authorization": f"Bearer {self.api_key.get()}", "Accept": "application/json",
               "User-Agent": f"topo-client-python/{__version__}"}
        return merge_headers(own, self.options.default_headers, "default_headers")

    def build(self, http: httpx.Client | httpx.AsyncClient, op: Operation[Any, Any], args: tuple[Any, ...],
              kwargs: dict[str, Any]) -> httpx.Request:
        kw = op.request_kwargs(args, kwargs)
        headers = self.base_headers(http, op)
        if extra := kw.pop("headers", None):  # per-request headers win over all
            check_headers(op.spec, extra)
            try:
                headers = merge_headers(headers, extra, f"{op.spec.operation_id}: extra_headers")
            except ValueError as err:
                raise exc.InvalidRequestError(f"{err}; nothing was sent") from None
        else:
            headers = dict(headers)
        if self.options.default_query:
            kw["params"] = {**self.options.default_query, **kw.get("params", {})}
        timeout = as_timeout(kw.pop("timeout")) if "timeout" in kw else self.options.timeout
        if self.telemetry is not None:
            _telemetry.current().inject(headers)
        url = self.options.base_url + kw.pop("url")
        if kw.get("params") and not http.params:  # the query in the URL: httpx parses it once, not twice (merge)
            url += "?" + str(httpx.QueryParams(kw.pop("params")))
        method = kw.pop("method").upper()
        extensions = {"operation_id": op.spec.operation_id, "timeout": timeout.as_dict()}
        try:
            if http.cookies or http.params:  # what only the client's own merge knows how to add
                return http.build_request(method, url, headers=headers, extensions=extensions, **kw)
            # Otherwise the request as build_request would make it (the URL is absolute, the client's headers are
            # in `headers`), without its merges: they were a third of each call's cost.
            return httpx.Request(method, url, headers=headers, extensions=extensions, **kw)
        except (httpx.InvalidURL, httpx.UnsupportedProtocol, UnicodeEncodeError) as err:
            raise exc.InvalidRequestError(f"{op.spec.operation_id}: the request could not be built "
                                          f"({type(err).__name__}); nothing was sent") from None

    def base_headers(self, http: httpx.Client | httpx.AsyncClient, op: Operation[Any, Any]) -> dict[str, str]:
        """The headers of every request on `http` (its own merged with this client's, names lower-cased), checked
        once: an injected client's own Accept/User-Agent (not httpx's defaults) win over our defaults, not over the
        ones given to Topo. Rebuilt only when `http.headers` is replaced."""
        cached = self._base
        if cached is not None and cached[0] is http.headers:
            return cached[1]
        headers = self.headers()
        for name in ("Accept", "User-Agent"):
            own = name in http.headers and http.headers[name] != _HTTPX_DEFAULT_HEADERS.get(name)
            if own and name.lower() not in {given.lower() for given in self.options.default_headers}:
                headers.pop(name, None)
        check_headers(op.spec, headers)
        merged = {name.lower(): value for name, value in http.headers.items()}
        merged.update((name.lower(), value) for name, value in headers.items())
        self._base = (http.headers, merged)
        return merged

    def examine(self, op: Operation[Any, Any], response: httpx.Response) -> Attempt:
        """Decode a 2xx once. An undecodable body is an error outcome: retryable if it is not even JSON."""
        if not 200 <= response.status_code < 300:
            return Attempt(response)
        try:
            # (the decoder checks Limits.max_json_depth: decode_options.max_depth)
            return Attempt(response, None, op.decode(response.content, self.decode_options))
        except TooDeep as err:
            return Attempt(error=UndecodableBody(response, err))
        except Exception as err:  # any decoder failure means the body is not what the spec says
            try:
                json.loads(response.content)
            except (ValueError, RecursionError):
                return Attempt(error=TruncatedBody(response, err))
            return Attempt(error=UndecodableBody(response, err))

    def failed(self, err: Exception, http: httpx.Client | httpx.AsyncClient) -> Attempt:
        """The outcome of an attempt that raised while sending or reading; anything else is not ours to handle."""
        if isinstance(err, httpx.LocalProtocolError | httpx.UnsupportedProtocol):
            return Attempt(error=RefusedLocally(err))
        if isinstance(err, httpx.TransportError | httpx.DecodingError):  # DecodingError: a body its encoding denies
            return Attempt(error=err)
        if isinstance(err, UnicodeError):  # an answer's header httpx cannot handle (a cookie beside a Location)
            return Attempt(error=httpx.RemoteProtocolError(f"unusable response headers ({type(err).__name__})"))
        if isinstance(err, RuntimeError) and http.is_closed:  # closed by another thread (or a copy's owner) meanwhile
            raise exc.ClientClosedError(CLOSED) from None
        raise err

    def record(self, outcome: Attempt, sent_at: float) -> None:
        """Tell the rate gate how the attempt went (also when it will not be retried: max_retries=0)."""
        response = outcome.response
        if response is not None and response.status_code == 429:
            self.gate.on_429(parse_retry_after(response.headers), sent_at)
        elif not isinstance(outcome.error, _NOT_SENT):
            self.gate.on_success()  # it reached the server and was not rate limited
        if response is not None and self._on_quota is not None and (self._read_quota or response.status_code == 429):
            left = quota(response.headers)
            self._read_quota = left is not None
            if left is not None:
                self._on_quota(*left)


class SyncRequester(BaseRequester):
    def __init__(self, http: httpx.Client, api_key: Secret, options: Options, gate: Gate | None = None,
                 telemetry: _telemetry.Telemetry | None = None) -> None:
        super().__init__(api_key, options, gate, telemetry)
        self.http = http

    def send(self, op: Operation[Any, T], args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[T, httpx.Response]:
        if self.telemetry is None:
            return self._send(op, args, kwargs)
        with _telemetry.traced(self.telemetry, op, kwargs, self.options.base_url) as span:
            value, response = self._send(op, args, kwargs)
            span.finish(response=response)
        return value, response

    def _send(self, op: Operation[Any, T], args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[T, httpx.Response]:
        http = self.http
        if http.is_closed:
            raise exc.ClientClosedError(CLOSED)
        steps = self.attempts(http, op, args, kwargs)
        try:
            step = next(steps)
            while True:  # the core decides; this shell only pauses and sends
                if isinstance(step, httpx.Request):
                    step = steps.send(self._exchange(http, op, step))
                else:
                    _sleep(step)
                    step = next(steps)
        except StopIteration as done:
            result: tuple[T, httpx.Response] = done.value
            return result

    def _exchange(self, http: httpx.Client, op: Operation[Any, Any], request: httpx.Request) -> Attempt:
        try:  # redirects are answers (UnexpectedStatusError), never followed: the key stays with base_url's host
            response = http.send(request, stream=True, follow_redirects=False)
            read_capped(response, self.options.limits.max_body_bytes)
        except BodyTooLarge as err:  # final: a retry would read the same
            return Attempt(error=err)
        except Exception as err:
            return self.failed(err, http)
        return self.examine(op, response)


class AsyncRequester(BaseRequester):
    def __init__(self, http: LoopBoundHTTP, api_key: Secret, options: Options, gate: Gate | None = None,
                 telemetry: _telemetry.Telemetry | None = None) -> None:
        super().__init__(api_key, options, gate, telemetry)
        self.pool = http

    async def send(self, op: Operation[Any, T], args: tuple[Any, ...],
                   kwargs: dict[str, Any]) -> tuple[T, httpx.Response]:
        if self.telemetry is None:
            return await self._send(op, args, kwargs)
        with _telemetry.traced(self.telemetry, op, kwargs, self.options.base_url) as span:
            value, response = await self._send(op, args, kwargs)
            span.finish(response=response)
        return value, response

    async def _send(self, op: Operation[Any, T], args: tuple[Any, ...],
                    kwargs: dict[str, Any]) -> tuple[T, httpx.Response]:
        http = self.pool.get()
        steps = self.attempts(http, op, args, kwargs)
        try:
            step = next(steps)
            while True:  # the core decides; this shell only pauses and sends
                if isinstance(step, httpx.Request):
                    step = steps.send(await self._exchange(http, op, step))
                else:
                    await _async_sleep(step)
                    step = next(steps)
        except StopIteration as done:
            result: tuple[T, httpx.Response] = done.value
            return result

    async def _exchange(self, http: httpx.AsyncClient, op: Operation[Any, Any], request: httpx.Request) -> Attempt:
        try:
            response = await http.send(request, stream=True, follow_redirects=False)
            await aread_capped(response, self.options.limits.max_body_bytes)
        except BodyTooLarge as err:
            return Attempt(error=err)
        except Exception as err:
            return self.failed(err, http)
        return self.examine(op, response)


class Lifecycle:
    """Whether a client, or the client it was copied from (`with_options`, `with_raw_response`), was closed: then
    every call raises ClientClosedError, also with an `http_client=` of yours (which Topo leaves open)."""

    __slots__ = ("closed", "parent")

    def __init__(self, parent: Lifecycle | None = None) -> None:
        self.closed = False
        self.parent = parent

    def check(self) -> None:
        life: Lifecycle | None = self
        while life is not None:
            if life.closed:
                raise exc.ClientClosedError(CLOSED)
            life = life.parent


class _Calls:
    """What resource methods call on a client (`Topo` and `AsyncTopo` inherit it), here beside the requesters so
    that a call runs code in few modules: one operation sent, then its value or, on a `with_raw_response` client,
    its `APIResponse`."""

    _raw: bool = False
    _life: Lifecycle
    _options: Options

    def _result(self, value: T, response: httpx.Response | None) -> T:
        """The one place that decides between the value and the raw response (`with_raw_response`)."""
        if self._raw and response is not None:
            return APIResponse(response, value)  # type: ignore[return-value]
        return value


class SyncAPIClient(_Calls):
    _requester: SyncRequester

    def _send(self, op: Operation[Any, T], args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[T, httpx.Response]:
        self._life.check()
        return self._requester.send(op, args, kwargs)

    def _call(self, op: Operation[Any, T], args: tuple[Any, ...], kwargs: dict[str, Any]) -> T:
        return self._result(*self._send(op, args, kwargs))


class AsyncAPIClient(_Calls):
    _requester: AsyncRequester
    prefetch: int = 0

    async def _send(self, op: Operation[Any, T], args: tuple[Any, ...],
                    kwargs: dict[str, Any]) -> tuple[T, httpx.Response]:
        self._life.check()
        return await self._requester.send(op, args, kwargs)

    async def _call(self, op: Operation[Any, T], args: tuple[Any, ...], kwargs: dict[str, Any]) -> T:
        return self._result(*await self._send(op, args, kwargs))
