"""What the generated resource methods (`topo_client.resources`, plain `def`s written by generator/resources.py) hand
their arguments to: one core per kind of call, each with a thin sync and async shell.

A generated method names its operation (a module-level `Operation` beside it) and passes the arguments on: a plain
call to `client._call`, a list to `sync_list`/`async_list` (the first page; iterating walks the rest), a batch
create to `sync_batch`/`async_batch` (chunks, all-or-nothing; core in `_batch.py`). This module also holds
`NOT_GIVEN` (an argument left out: not sent), the `operation` decorator (`method.operation`, `method.inferred`),
`Resource` (a client attribute built on first use, the plain or the raw-response class) and the raw-response
wrappers' types. It never imports generated code nor the client.
"""

from __future__ import annotations

import importlib
import typing
from collections.abc import Awaitable, Callable, Iterable
from typing import TYPE_CHECKING, Any, Generic, ParamSpec, Protocol, Self, TypeVar, overload

import httpx

from ._operations import Operation
from ._response import APIResponse, Plain, Raw
from ._types import NOT_GIVEN, NotGiven

__all__ = ["NOT_GIVEN", "APIResource", "AsyncAPIResource", "M", "NotGiven", "Resource", "SyncAPIResource",
           "async_batch", "async_list", "async_list_to_raw", "async_to_raw", "operation", "sync_batch", "sync_list",
           "to_raw"]

P = ParamSpec("P")
T = TypeVar("T")
R = TypeVar("R")
F = TypeVar("F", bound=Callable[..., Any])
Plain_co = TypeVar("Plain_co", covariant=True)
Raw_co = TypeVar("Raw_co", covariant=True)
if TYPE_CHECKING:
    from typing_extensions import TypeVar as DefaultTypeVar

    from ._options import Options
    from ._pagination import AsyncPage, AsyncPaginator, Envelope, SyncPage

    M = DefaultTypeVar("M", default=Plain)  # a plain client unless said otherwise (`with_raw_response`: Raw)
else:
    M = TypeVar("M")


class SyncClient(Protocol):
    """What the methods need of `Topo` (named here, so that this module never imports the client)."""

    _raw: bool
    _options: Options

    def _send(self, op: Operation[Any, T], args: tuple[Any, ...],
              kwargs: dict[str, Any]) -> tuple[T, httpx.Response]: ...
    def _call(self, op: Operation[Any, T], args: tuple[Any, ...], kwargs: dict[str, Any]) -> T: ...
    def _result(self, value: T, response: httpx.Response | None) -> T: ...


class AsyncClient(Protocol):
    """What the methods need of `AsyncTopo`."""

    _raw: bool
    _options: Options
    prefetch: int

    async def _send(self, op: Operation[Any, T], args: tuple[Any, ...],
                    kwargs: dict[str, Any]) -> tuple[T, httpx.Response]: ...
    async def _call(self, op: Operation[Any, T], args: tuple[Any, ...], kwargs: dict[str, Any]) -> T: ...
    def _result(self, value: T, response: httpx.Response | None) -> T: ...


class APIResource(Generic[M]):
    """The clients' bases (`SyncResources`, `AsyncResources`); `M` is the mode (`Plain`, or `Raw` under
    `with_raw_response`), for typing only."""


class SyncAPIResource:
    """A group of methods of `Topo` (`client.contacts`)."""

    _client: SyncClient

    def __init__(self, client: Any) -> None:
        self._client = client


class AsyncAPIResource:
    """A group of methods of `AsyncTopo`."""

    _client: AsyncClient

    def __init__(self, client: Any) -> None:
        self._client = client


def operation(op: Operation[Any, Any]) -> Callable[[F], F]:
    """Mark a generated method with its operation: `method.operation`, and `method.inferred` (why the endpoint is a
    guess, spec `x-topo-source: inferred`; None if documented). The method itself is returned unchanged."""

    def mark(method: F) -> F:
        method.operation = op  # type: ignore[attr-defined]
        method.inferred = op.inferred  # type: ignore[attr-defined]
        return method

    return mark


class Resource(Generic[Plain_co, Raw_co]):
    """A client attribute (`client.contacts`): the resource class of `module`, imported and built on first use and
    then kept on the client (creating a client imports no model). On a `with_raw_response` client it is the
    raw-response wrapper of that resource (`raw`: a class of `raw_module`, default `module`)."""

    def __init__(self, module: str, plain: str, raw: str, raw_module: str | None = None) -> None:
        self.where = (module, plain, raw_module or module, raw)
        self.name = plain

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, obj: None, owner: type | None = None) -> Self: ...
    @overload
    def __get__(self, obj: APIResource[Raw], owner: type | None = None) -> Raw_co: ...
    @overload
    def __get__(self, obj: APIResource[Plain], owner: type | None = None) -> Plain_co: ...
    def __get__(self, obj: Any, owner: type | None = None) -> Any:
        if obj is None:
            return self
        module, plain, raw_module, raw = self.where
        value = getattr(importlib.import_module(module), plain)(obj)
        if obj._raw:
            value = getattr(importlib.import_module(raw_module), raw)(value)
        obj.__dict__[self.name] = value  # later reads find it on the client (a non-data descriptor)
        return value


# The raw-response wrappers (`ContactsWithRawResponse`) hold the methods of a resource built on a raw client, which
# return `APIResponse` at run time; these only tell a type checker so.
def to_raw(method: Callable[P, R]) -> Callable[P, APIResponse[R]]:
    return typing.cast("Callable[P, APIResponse[R]]", method)


def async_to_raw(method: Callable[P, Awaitable[R]]) -> Callable[P, Awaitable[APIResponse[R]]]:
    return typing.cast("Callable[P, Awaitable[APIResponse[R]]]", method)


def async_list_to_raw(method: Callable[P, AsyncPaginator[R]]) -> Callable[P, Awaitable[APIResponse[AsyncPage[R]]]]:
    return typing.cast("Callable[P, Awaitable[APIResponse[AsyncPage[R]]]]", method)


def _first_page(op: Operation[Any, Any], kwargs: dict[str, Any]) -> dict[str, Any]:
    base = {k: v for k, v in kwargs.items() if v is not NOT_GIVEN}
    if op.max_page_size is not None:
        base.setdefault("size", op.max_page_size)
    base.setdefault("page", 1)
    return base


def sync_list(client: SyncClient, op: Operation[Any, Envelope[T]], kwargs: dict[str, Any]) -> SyncPage[T]:
    """The first page of a list call; iterating it walks every later page."""
    from ._pagination import SyncPage  # the page classes load with the first list call, not at `import topo_ext`

    base = _first_page(op, kwargs)

    def fetch(page: int) -> SyncPage[T]:
        envelope, response = client._send(op, (), {**base, "page": page})
        result = SyncPage(envelope, page, fetch, response)
        result.stalls_allowed = client._options.limits.max_stalled_pages
        return result

    first = fetch(base["page"])
    return client._result(first, first.response)


def async_list(client: AsyncClient, op: Operation[Any, Envelope[T]], kwargs: dict[str, Any]) -> AsyncPaginator[T]:
    """`async for` walks every item; `await` gives the first page (raw client: its `APIResponse`)."""
    from ._pagination import AsyncPage, AsyncPaginator

    base = _first_page(op, kwargs)
    op.request_kwargs((), base)  # check arguments now, not at the first await

    async def fetch(page: int) -> AsyncPage[T]:
        envelope, response = await client._send(op, (), {**base, "page": page})
        result = AsyncPage(envelope, page, fetch, response)
        result.stalls_allowed = client._options.limits.max_stalled_pages
        return result

    if client._raw:  # the first page's response; its .parse() is the page that `await` would give
        async def first() -> AsyncPage[T]:
            page = await fetch(base["page"])
            return client._result(page, page.response)

        return first()  # type: ignore[return-value]
    return AsyncPaginator(fetch, base["page"], client.prefetch)


def sync_batch(client: SyncClient, op: Operation[Any, R], items: Iterable[Any], chunk_size: int | None,
               allow_partial: bool, options: dict[str, Any]) -> R:
    """A batch create: any iterable, sent in chunks of the documented maximum (all-or-nothing ones whole)."""
    from ._batch import Batch  # loaded with the first batch create, not at `import topo_ext`

    for request in (batch := Batch(op, items, chunk_size, allow_partial, options)):
        with batch.chunk():
            batch.add(*client._send(op, (), request))
    return client._result(typing.cast(R, batch.merged()), batch.response)


async def async_batch(client: AsyncClient, op: Operation[Any, R], items: Iterable[Any], chunk_size: int | None,
                      allow_partial: bool, options: dict[str, Any]) -> R:
    """`sync_batch` for `AsyncTopo`."""
    from ._batch import Batch

    for request in (batch := Batch(op, items, chunk_size, allow_partial, options)):
        with batch.chunk():
            batch.add(*await client._send(op, (), request))
    return client._result(typing.cast(R, batch.merged()), batch.response)
