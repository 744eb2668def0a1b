"""`Topo` and `AsyncTopo`: configuration, resources as attributes, per-call option copies."""

from __future__ import annotations

from functools import cached_property
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self, TypeVar

import httpx

from ._base_client import (
    AsyncTransport,
    LoopBoundHTTP,
    Options,
    Secret,
    SyncTransport,
    resolve_api_key,
    resolve_options,
    updated_options,
)
from ._drift import DriftRecord
from ._models import DecodeOptions
from ._operations import Operation
from ._rate import Gate, gate_for
from ._response import APIResponse
from ._telemetry import Telemetry, telemetry_for

if TYPE_CHECKING:
    from topo_client.responses import Me

    from .resources.activities import Activities, AsyncActivities
    from .resources.contacts import AsyncContacts, Contacts
    from .resources.exclusions import (
        AccountExclusions,
        AsyncAccountExclusions,
        AsyncContactExclusions,
        ContactExclusions,
    )
    from .resources.lists import AccountLists, AsyncAccountLists, AsyncContactLists, ContactLists
    from .resources.sequences import AsyncSequences, AsyncSequenceTemplates, Sequences, SequenceTemplates
    from .resources.tasks import AsyncTasks, Tasks
    from .resources.webhooks import AsyncWebhooks, Webhooks

T = TypeVar("T")


class _ClientBase:
    _options: Options
    _api_key: Secret
    _gate: Gate
    _raw: bool = False
    _owns_http: bool
    _transport: Any
    _telemetry: Telemetry | None = None
    _decode_options: DecodeOptions
    prefetch: int = 0

    def __repr__(self) -> str:
        return (f"{type(self).__name__}(base_url={self._options.base_url!r}, max_retries={self._options.max_retries}, "
                f"timeout={self._options.timeout.read})")

    @property
    def base_url(self) -> str:
        return self._options.base_url

    @property
    def max_retries(self) -> int:
        return self._options.max_retries

    @property
    def timeout(self) -> httpx.Timeout:
        return self._options.timeout

    def _copy(self, timeout: float | httpx.Timeout | None, max_retries: int | None) -> Self:
        """A copy with other settings, sharing the connection pool and the rate gate (not closed by the copy)."""
        clone = object.__new__(type(self))
        clone.__dict__.update({k: v for k, v in self.__dict__.items() if k not in _RESOURCE_ATTRS})
        clone._options = updated_options(self._options, timeout=timeout, max_retries=max_retries)
        clone._owns_http = False
        clone._transport = clone._new_transport()  # same _decode_options: copies share the drift record
        return clone

    def _new_transport(self) -> Any:
        raise NotImplementedError

    @property
    def with_raw_response(self) -> Any:
        """A copy whose methods return `APIResponse` (status, headers, request_id, `.parse()`) instead of models."""
        clone = self._copy(None, None)
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
        if self._telemetry is not None:
            record.on_new = self._telemetry.drift
        self._decode_options = DecodeOptions(record=record, strict=strict)


class Topo(_ClientBase):
    """Synchronous Topo client.

    >>> client = Topo()  # key from TOPO_API_KEY
    >>> for contact in client.contacts.list(email="alex@example.com"):
    ...     print(contact.id)
    """

    _transport: SyncTransport

    def __init__(
        self,
        api_key: str | None = None,
        *,
        base_url: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        rate_limit: float | Gate | None = None,
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
            max_retries: retries after the first attempt (default 2), see topo_ext._base_client for the rule.
            rate_limit: requests per second to stay under, if you know your limit (no 429s are wasted then), or a
                `SharedBudget` that every process using the same Topo key draws from.
            http_client: an httpx.Client to use (its pool, proxies, transport); closed by you, not by Topo.
            log_drift: log one WARNING on the `topo` logger per new kind of unknown data the API sends.
            strict_response_validation: raise APIResponseValidationError (naming the operation, model and field)
                for any response that differs from the spec, instead of decoding it leniently and noting the
                difference in `client.drift`.
            tracing: OpenTelemetry spans and metrics per operation (`topo_ext.otel`): True, False, an
                `OpenTelemetry(...)` with its own providers, or None (the default): on when the application has
                installed an OpenTelemetry SDK tracer provider.
        """
        self._api_key = resolve_api_key(api_key)
        self._options = resolve_options(base_url, timeout, max_retries, rate_limit)
        self._owns_http = http_client is None
        self._http = http_client or httpx.Client(timeout=self._options.timeout, follow_redirects=False)
        self._gate = gate_for(rate_limit)
        self._telemetry = telemetry_for(tracing)
        self._init_decoding(strict_response_validation, log_drift)
        self._transport = self._new_transport()

    def _new_transport(self) -> SyncTransport:
        transport = SyncTransport(self._http, self._api_key, self._options, self._gate, self._telemetry)
        transport.decode_options = self._decode_options
        return transport

    def with_options(self, *, timeout: float | httpx.Timeout | None = None, max_retries: int | None = None) -> Topo:
        """A copy of this client with other settings, sharing its connection pool and rate gate."""
        return self._copy(timeout, max_retries)

    def _send(self, op: Operation[Any, T], args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[T, httpx.Response]:
        return self._transport.send(op, args, kwargs)

    def _call(self, op: Operation[Any, T], args: tuple[Any, ...], kwargs: dict[str, Any]) -> T:
        value, response = self._transport.send(op, args, kwargs)
        if self._raw:
            return APIResponse(response, value)  # type: ignore[return-value]
        return value

    def me(self) -> Me:
        """The API key making the request: its workspace, name and scopes."""
        from .resources.me import get_me

        return get_me(self)

    def close(self) -> None:
        """Close the connection pool (shared with `with_options()` copies: they stop working too)."""
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    @cached_property
    def contacts(self) -> Contacts:
        from .resources.contacts import Contacts

        return Contacts(self)

    @cached_property
    def contact_exclusions(self) -> ContactExclusions:
        from .resources.exclusions import ContactExclusions

        return ContactExclusions(self)

    @cached_property
    def account_exclusions(self) -> AccountExclusions:
        from .resources.exclusions import AccountExclusions

        return AccountExclusions(self)

    @cached_property
    def sequences(self) -> Sequences:
        from .resources.sequences import Sequences

        return Sequences(self)

    @cached_property
    def sequence_templates(self) -> SequenceTemplates:
        from .resources.sequences import SequenceTemplates

        return SequenceTemplates(self)

    @cached_property
    def activities(self) -> Activities:
        from .resources.activities import Activities

        return Activities(self)

    @cached_property
    def contact_lists(self) -> ContactLists:
        from .resources.lists import ContactLists

        return ContactLists(self)

    @cached_property
    def account_lists(self) -> AccountLists:
        from .resources.lists import AccountLists

        return AccountLists(self)

    @cached_property
    def webhooks(self) -> Webhooks:
        from .resources.webhooks import Webhooks

        return Webhooks(self)

    @cached_property
    def tasks(self) -> Tasks:
        from .resources.tasks import Tasks

        return Tasks(self)


class AsyncTopo(_ClientBase):
    """Asynchronous Topo client; the same resources and methods as `Topo`, awaited.

    `prefetch` > 0 makes list iteration fetch that many later pages concurrently (bounded, rate-gated).
    """

    _transport: AsyncTransport

    def __init__(
        self,
        api_key: str | None = None,
        *,
        base_url: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        rate_limit: float | Gate | None = None,
        prefetch: int = 0,
        http_client: httpx.AsyncClient | None = None,
        log_drift: bool = True,
        strict_response_validation: bool = False,
        tracing: bool | Telemetry | None = None,
    ) -> None:
        self._api_key = resolve_api_key(api_key)
        self._options = resolve_options(base_url, timeout, max_retries, rate_limit)
        self.prefetch = _check_prefetch(prefetch)
        self._owns_http = http_client is None
        self._http = LoopBoundHTTP(http_client, self._options.timeout)
        self._gate = gate_for(rate_limit)
        self._telemetry = telemetry_for(tracing)
        self._init_decoding(strict_response_validation, log_drift)
        self._transport = self._new_transport()

    def _new_transport(self) -> AsyncTransport:
        transport = AsyncTransport(self._http, self._api_key, self._options, self._gate, self._telemetry)
        transport.decode_options = self._decode_options
        return transport

    def with_options(self, *, timeout: float | httpx.Timeout | None = None, max_retries: int | None = None,
                     prefetch: int | None = None) -> AsyncTopo:
        """A copy of this client with other settings, sharing its connection pool and rate gate."""
        clone = self._copy(timeout, max_retries)
        if prefetch is not None:
            clone.prefetch = _check_prefetch(prefetch)
        return clone

    async def _send(self, op: Operation[Any, T], args: tuple[Any, ...],
                    kwargs: dict[str, Any]) -> tuple[T, httpx.Response]:
        return await self._transport.send(op, args, kwargs)

    async def _call(self, op: Operation[Any, T], args: tuple[Any, ...], kwargs: dict[str, Any]) -> T:
        value, response = await self._transport.send(op, args, kwargs)
        if self._raw:
            return APIResponse(response, value)  # type: ignore[return-value]
        return value

    async def me(self) -> Me:
        from .resources.me import async_get_me

        return await async_get_me(self)

    async def close(self) -> None:
        """Close the connection pool (shared with `with_options()` copies: they stop working too)."""
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                        tb: TracebackType | None) -> None:
        await self.close()

    @cached_property
    def contacts(self) -> AsyncContacts:
        from .resources.contacts import AsyncContacts

        return AsyncContacts(self)

    @cached_property
    def contact_exclusions(self) -> AsyncContactExclusions:
        from .resources.exclusions import AsyncContactExclusions

        return AsyncContactExclusions(self)

    @cached_property
    def account_exclusions(self) -> AsyncAccountExclusions:
        from .resources.exclusions import AsyncAccountExclusions

        return AsyncAccountExclusions(self)

    @cached_property
    def sequences(self) -> AsyncSequences:
        from .resources.sequences import AsyncSequences

        return AsyncSequences(self)

    @cached_property
    def sequence_templates(self) -> AsyncSequenceTemplates:
        from .resources.sequences import AsyncSequenceTemplates

        return AsyncSequenceTemplates(self)

    @cached_property
    def activities(self) -> AsyncActivities:
        from .resources.activities import AsyncActivities

        return AsyncActivities(self)

    @cached_property
    def contact_lists(self) -> AsyncContactLists:
        from .resources.lists import AsyncContactLists

        return AsyncContactLists(self)

    @cached_property
    def account_lists(self) -> AsyncAccountLists:
        from .resources.lists import AsyncAccountLists

        return AsyncAccountLists(self)

    @cached_property
    def webhooks(self) -> AsyncWebhooks:
        from .resources.webhooks import AsyncWebhooks

        return AsyncWebhooks(self)

    @cached_property
    def tasks(self) -> AsyncTasks:
        from .resources.tasks import AsyncTasks

        return AsyncTasks(self)


def _check_prefetch(prefetch: int) -> int:
    if isinstance(prefetch, bool) or not isinstance(prefetch, int) or not 0 <= prefetch <= 32:
        raise ValueError(f"prefetch: must be an int between 0 and 32, got {prefetch!r}")
    return prefetch


_RESOURCE_ATTRS = frozenset({
    "contacts", "contact_exclusions", "account_exclusions", "sequences", "sequence_templates", "activities",
    "contact_lists", "account_lists", "webhooks", "tasks",
})
