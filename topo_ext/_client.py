"""`Topo` and `AsyncTopo`: configuration and per-call option copies. Their resources and top-level methods come from
the spec (`topo_client.resources.SyncResources` / `AsyncResources`, generated); sync and async share `_ClientBase`
and differ only in the requester class and the I/O calls."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from functools import cache, cached_property
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, NoReturn, Self, SupportsIndex, TypeVar

import httpx

from topo_client.resources import AsyncResources, SyncResources

from . import _logs
from ._base_client import (
    AsyncAPIClient,
    AsyncRequester,
    Lifecycle,
    Options,
    Secret,
    SyncAPIClient,
    SyncRequester,
    resolve_api_key,
    resolve_options,
    updated_options,
)
from ._drift import DecodeOptions, DriftRecord
from ._limits import Limits
from ._loop_http import LoopBoundHTTP
from ._options import check_prefetch
from ._rate import Gate, gate_for
from ._resource import M, Resource
from ._response import Raw
from ._telemetry import Telemetry, telemetry_for
from ._undocumented import AsyncRequests, SyncRequests

if TYPE_CHECKING:
    from topo_client.resources.activities import ActivitiesWithRawResponse, AsyncActivitiesWithRawResponse

    from .resources.activities import Activities, AsyncActivities

T = TypeVar("T")
_ACTIVITIES = "topo_ext.resources.activities"  # the generated resource plus stream() and partition()
_GENERATED_ACTIVITIES = "topo_client.resources.activities"


class _ClientBase(Generic[M]):
    _options: Options
    _api_key: Secret
    _gate: Gate
    _raw: bool = False
    _owns_http: bool
    _requester: Any
    _telemetry: Telemetry | None = None
    _decode_options: DecodeOptions
    _life: Lifecycle
    prefetch: int = 0

    def __repr__(self) -> str:
        return (f"{type(self).__name__}(base_url={self._options.base_url!r}, max_retries={self._options.max_retries}, "
                f"timeout={self._options.timeout.read})")

    def __reduce_ex__(self, protocol: SupportsIndex) -> NoReturn:
        # pickle, copy.copy and copy.deepcopy all get here: a client holds a connection pool, locks and its closed
        # state, none of which a copy could share or rebuild correctly.
        raise TypeError(f"{type(self).__name__} clients cannot be pickled or copied (they hold a connection pool and "
                        "locks): create one in each process, and use client.with_options() for a copy with other "
                        "settings")

    @property
    def base_url(self) -> str:
        return self._options.base_url

    @property
    def max_retries(self) -> int:
        return self._options.max_retries

    @property
    def timeout(self) -> httpx.Timeout:
        return self._options.timeout

    def _copy(self, *, api_key: str | None = None, base_url: str | None = None,
              timeout: float | httpx.Timeout | None = None, max_retries: int | None = None,
              default_headers: Mapping[str, str] | None = None, default_query: Mapping[str, Any] | None = None,
              rate_limit: float | Gate | None = None, limits: Limits | None = None) -> Self:
        """A copy with other settings, sharing the connection pool and (unless `rate_limit` is given) the rate gate;
        the copy does not close the pool."""
        clone = object.__new__(type(self))
        lazy = _lazy_attributes(type(self))  # type: ignore[arg-type]  # resources are rebuilt on the copy, so they use its settings
        # A snapshot (dict.copy holds the GIL throughout): another thread may build a resource meanwhile.
        clone.__dict__.update({k: v for k, v in self.__dict__.copy().items() if k not in lazy})
        clone._options = updated_options(self._options, timeout=timeout, max_retries=max_retries, base_url=base_url,
                                         default_headers=default_headers, default_query=default_query,
                                         limits=limits)
        if api_key is not None:
            clone._api_key = resolve_api_key(api_key)
            clone._decode_options.record.hide(clone._api_key.get())  # the shared record: this key too
        if rate_limit is not None:
            checked = resolve_options(clone._options.base_url, None, None, rate_limit).rate_limit
            clone._options = replace(clone._options, rate_limit=checked)
            clone._gate = gate_for(rate_limit)
        clone._owns_http = False
        clone._life = Lifecycle(self._life)
        clone._requester = clone._new_requester()  # same _decode_options: copies share the drift record
        return clone

    _requester_class: Any  # SyncRequester or AsyncRequester: the only I/O difference between the two clients
    _http: Any

    def _init(self, api_key: str | None, http_client: httpx.Client | httpx.AsyncClient | None, strict: bool,
              log_drift: bool, tracing: bool | Telemetry | None, **settings: Any) -> None:
        """What both constructors do, in this order (`settings`: base_url, timeout, max_retries, rate_limit,
        default_headers, default_query, limits)."""
        sync = self._requester_class is SyncRequester
        _logs.configure_from_env()
        self._api_key = resolve_api_key(api_key)
        _check_http_client(http_client, httpx.Client if sync else httpx.AsyncClient,
                           *(("Topo", "AsyncTopo") if sync else ("AsyncTopo", "Topo")))
        self._options = _client_options(http_client=http_client, **settings)
        self._owns_http = http_client is None
        self._life = Lifecycle()
        self._gate = gate_for(settings["rate_limit"])
        self._telemetry = telemetry_for(tracing)
        self._init_decoding(strict, log_drift)
        self._http = self._new_http(http_client)
        self._requester = self._new_requester()

    def _new_http(self, http_client: Any) -> Any:
        raise NotImplementedError

    def _new_requester(self) -> Any:
        requester = self._requester_class(self._http, self._api_key, self._options, self._gate, self._telemetry)
        # Copies share the drift record and strict mode; the depth limit is each copy's own.
        requester.decode_options = replace(self._decode_options, max_depth=self._options.limits.max_json_depth)
        return requester

    def _raw_copy(self) -> Any:
        clone = self._copy()
        clone._raw = True
        return clone

    @property
    def drift(self) -> DriftRecord:
        """What the API sent that this client's spec does not describe (unknown fields, enum values, event types,
        missing required fields, values of another type), for this client and its `with_options` copies."""
        return self._decode_options.record

    @property
    def strict_response_validation(self) -> bool:
        return self._decode_options.strict

    def _init_decoding(self, strict: bool, log_drift: bool) -> None:
        record = DriftRecord()
        record.log_enabled = log_drift
        record.hide(self._api_key.get())  # a server echoing the key in a field name or enum value
        if self._telemetry is not None:
            record.on_new = self._telemetry.drift
        self._decode_options = DecodeOptions(record=record, strict=strict)


class Topo(SyncResources[M], _ClientBase[M], SyncAPIClient, SyncRequests):
    """Synchronous Topo client.

    >>> client = Topo()  # key from TOPO_API_KEY
    >>> for contact in client.contacts.list(email="alex@example.com"):
    ...     print(contact.id)
    """

    _requester: SyncRequester
    _requester_class = SyncRequester
    activities: Resource[Activities, ActivitiesWithRawResponse] = Resource(
        _ACTIVITIES, "Activities", "ActivitiesWithRawResponse", _GENERATED_ACTIVITIES)

    def __init__(
        self,
        api_key: str | None = None,
        *,
        base_url: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        rate_limit: float | Gate | None = None,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, Any] | None = None,
        limits: Limits | None = None,
        http_client: httpx.Client | None = None,
        log_drift: bool = True,
        strict_response_validation: bool = False,
        tracing: bool | Telemetry | None = None,
    ) -> None:
        """Create a client.

        Args:
            api_key: the API key; defaults to the TOPO_API_KEY environment variable.
            base_url: defaults to TOPO_BASE_URL, then https://api.topo.io/v1.
            timeout: seconds (or an httpx.Timeout) per attempt.
            max_retries: retries after the first attempt (default 2), see topo_ext._retries for the rule.
            rate_limit: requests per second to stay under, if you know your limit (no 429s are wasted then), or a
                `SharedBudget` that every process using the same Topo key draws from.
            default_headers: headers sent with every request (names compared case-insensitively, yours win over
                Topo's own Accept/User-Agent); Authorization is refused (it comes from `api_key`).
            default_query: query parameters sent with every request: str, int, float, bool or None values, or
                lists of them.
            limits: bounds on what one answer may cost (`topo_ext.Limits`: decompressed body size, JSON depth,
                pages walked without progress); the defaults fit every documented response.
            http_client: an httpx.Client to use (its pool, proxies, transport, timeout and headers, unless given
                here); closed by you, not by Topo.
            log_drift: log one WARNING on the `topo` logger per new kind of unknown data the API sends.
            strict_response_validation: raise APIResponseValidationError (naming the operation, model and field)
                for any response that differs from the spec, instead of decoding it leniently and noting the
                difference in `client.drift`.
            tracing: OpenTelemetry spans and metrics per operation (`topo_ext.otel`): True, False, an
                `OpenTelemetry(...)` with its own providers, or None (the default): on when the application has
                installed an OpenTelemetry SDK tracer provider.
        """
        self._init(api_key, http_client, strict_response_validation, log_drift, tracing, base_url=base_url,
                   timeout=timeout, max_retries=max_retries, rate_limit=rate_limit, default_headers=default_headers,
                   default_query=default_query, limits=limits)

    def _new_http(self, http_client: httpx.Client | None) -> httpx.Client:
        return http_client or httpx.Client(timeout=self._options.timeout, follow_redirects=False)

    @property
    def with_raw_response(self) -> Topo[Raw]:
        """A copy whose methods return `APIResponse` (status, headers, request_id, `.parse()` for what the plain
        call returns) instead of models; the same methods, arguments and checks."""
        raw: Topo[Raw] = self._raw_copy()
        return raw

    def with_options(self, *, api_key: str | None = None, base_url: str | None = None,
                     timeout: float | httpx.Timeout | None = None, max_retries: int | None = None,
                     default_headers: Mapping[str, str] | None = None, default_query: Mapping[str, Any] | None = None,
                     rate_limit: float | Gate | None = None, limits: Limits | None = None) -> Topo[M]:
        """A copy of this client with other settings, sharing its connection pool, drift record and (unless
        `rate_limit` is given) rate gate. Default headers and query are added to this client's."""
        return self._copy(api_key=api_key, base_url=base_url, timeout=timeout, max_retries=max_retries,
                          default_headers=default_headers, default_query=default_query, rate_limit=rate_limit,
                          limits=limits)

    def close(self) -> None:
        """Close the client and its `with_options()` copies (every later call raises ClientClosedError) and the
        connection pool, unless it is an `http_client=` of yours (left open for you to close)."""
        self._life.closed = True
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


class AsyncTopo(AsyncResources[M], _ClientBase[M], AsyncAPIClient, AsyncRequests):
    """Asynchronous Topo client; the same resources and methods as `Topo`, awaited.

    `prefetch` > 0 makes list iteration fetch that many later pages concurrently (bounded, rate-gated).
    """

    _requester: AsyncRequester
    _requester_class = AsyncRequester
    activities: Resource[AsyncActivities, AsyncActivitiesWithRawResponse] = Resource(
        _ACTIVITIES, "AsyncActivities", "AsyncActivitiesWithRawResponse", _GENERATED_ACTIVITIES)

    def __init__(
        self,
        api_key: str | None = None,
        *,
        base_url: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        rate_limit: float | Gate | None = None,
        prefetch: int = 0,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, Any] | None = None,
        limits: Limits | None = None,
        http_client: httpx.AsyncClient | None = None,
        log_drift: bool = True,
        strict_response_validation: bool = False,
        tracing: bool | Telemetry | None = None,
    ) -> None:
        self._init(api_key, http_client, strict_response_validation, log_drift, tracing, base_url=base_url,
                   timeout=timeout, max_retries=max_retries, rate_limit=rate_limit, default_headers=default_headers,
                   default_query=default_query, limits=limits)
        self.prefetch = check_prefetch(prefetch)

    def _new_http(self, http_client: httpx.AsyncClient | None) -> LoopBoundHTTP:
        return LoopBoundHTTP(http_client, self._options.timeout)

    @property
    def with_raw_response(self) -> AsyncTopo[Raw]:
        """A copy whose methods return `APIResponse` (see `Topo.with_raw_response`); awaited like the others."""
        raw: AsyncTopo[Raw] = self._raw_copy()
        return raw

    def with_options(self, *, api_key: str | None = None, base_url: str | None = None,
                     timeout: float | httpx.Timeout | None = None, max_retries: int | None = None,
                     default_headers: Mapping[str, str] | None = None, default_query: Mapping[str, Any] | None = None,
                     rate_limit: float | Gate | None = None, prefetch: int | None = None,
                     limits: Limits | None = None) -> AsyncTopo[M]:
        """A copy of this client with other settings (see `Topo.with_options`), and `prefetch`."""
        clone = self._copy(api_key=api_key, base_url=base_url, timeout=timeout, max_retries=max_retries,
                           default_headers=default_headers, default_query=default_query, rate_limit=rate_limit,
                           limits=limits)
        if prefetch is not None:
            clone.prefetch = check_prefetch(prefetch)
        return clone

    async def close(self) -> None:
        """Close the client and its copies, and the pool unless it is yours (see `Topo.close`)."""
        self._life.closed = True
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                        tb: TracebackType | None) -> None:
        await self.close()


@cache
def _lazy_attributes(cls: type) -> frozenset[str]:
    """The resources (and other cached properties) of a client class: read from the class, never out of date."""
    return frozenset(name for klass in cls.__mro__ for name, value in vars(klass).items()
                     if isinstance(value, cached_property | Resource))


def _check_http_client(http_client: object, kind: type, client: str, other: str) -> None:
    if http_client is not None and not isinstance(http_client, kind):
        hint = f"; use {other} for an {type(http_client).__name__}" if isinstance(
            http_client, httpx.Client | httpx.AsyncClient) else ""
        raise TypeError(f"http_client: {client} needs an httpx.{kind.__name__}, got {type(http_client).__name__}"
                        f"{hint}")


def _client_options(base_url: str | None, timeout: float | httpx.Timeout | None, max_retries: int | None,
                    rate_limit: float | Gate | None, default_headers: Mapping[str, str] | None,
                    default_query: Mapping[str, Any] | None, limits: Limits | None,
                    http_client: httpx.Client | httpx.AsyncClient | None) -> Options:
    options = resolve_options(base_url, timeout, max_retries, rate_limit)
    if http_client is not None and timeout is None:  # an injected client keeps its own timeout
        options = replace(options, timeout=http_client.timeout)
    return updated_options(options, default_headers=default_headers, default_query=default_query, limits=limits)
