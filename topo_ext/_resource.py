"""What the generated resource methods (`topo_client.resources`, plain `def`s written by generator/resources.py) hand
their arguments to: one core per kind of call, each with a thin sync and async shell.

A generated method names its operation (a module-level `Operation` beside it) and passes the arguments on: a plain
call to `client._call` (`_base_client.SyncAPIClient`), a list to `_pagination.sync_list`/`async_list` (the first
page; iterating walks the rest), a batch create to `sync_batch`/`async_batch` here (chunks, all-or-nothing; core
in `_batch.py`). This module also holds `NOT_GIVEN` (an argument left out: not sent), the `operation` decorator
(`method.operation`, `method.inferred`), `Resource` (a client attribute built on first use, the plain or the
raw-response class) and the raw-response wrappers' types. It never imports generated code nor the client.
"""

from __future__ import annotations

import importlib
import typing
from collections.abc import Awaitable, Callable, Iterable
from typing import TYPE_CHECKING, Any, Generic, ParamSpec, Self, TypeVar, overload

from ._response import APIResponse, Plain, Raw
from ._types import NOT_GIVEN, NotGiven

__all__ = ["NOT_GIVEN", "APIResource", "AsyncAPIResource", "M", "NotGiven", "Resource", "SyncAPIResource",
           "async_batch", "async_list_to_raw", "async_to_raw", "operation", "sync_batch",
           "to_raw"]

P = ParamSpec("P")
T = TypeVar("T")
R = TypeVar("R")
F = TypeVar("F", bound=Callable[..., Any])
Plain_co = TypeVar("Plain_co", covariant=True)
Raw_co = TypeVar("Raw_co", covariant=True)
if TYPE_CHECKING:
    from typing_extensions import TypeVar as DefaultTypeVar

    from ._base_client import AsyncAPIClient, SyncAPIClient
    from ._operations import Operation
    from ._pagination import AsyncPage, AsyncPaginator

    M = DefaultTypeVar("M", default=Plain)  # a plain client unless said otherwise (`with_raw_response`: Raw)
else:
    M = TypeVar("M")


class APIResource(Generic[M]):
    """The clients' bases (`SyncResources`, `AsyncResources`); `M` is the mode (`Plain`, or `Raw` under
    `with_raw_response`), for typing only."""


class SyncAPIResource:
    """A group of methods of `Topo` (`client.contacts`)."""

    _client: SyncAPIClient

    def __init__(self, client: Any) -> None:
        self._client = client


class AsyncAPIResource:
    """A group of methods of `AsyncTopo`."""

    _client: AsyncAPIClient

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


def sync_batch(client: SyncAPIClient, op: Operation[Any, R], items: Iterable[Any], chunk_size: int | None,
               allow_partial: bool, options: dict[str, Any]) -> R:
    """A batch create: any iterable, sent in chunks of the documented maximum (all-or-nothing ones whole)."""
    from ._batch import Batch  # loaded with the first batch create, not at `import topo_ext`

    client._life.check()  # a closed client: ClientClosedError before any item is read
    for request in (batch := Batch(op, items, chunk_size, allow_partial, options)):
        with batch.chunk():
            batch.add(*client._send(op, (), request))
    return client._result(typing.cast(R, batch.merged()), batch.response)


async def async_batch(client: AsyncAPIClient, op: Operation[Any, R], items: Iterable[Any], chunk_size: int | None,
                      allow_partial: bool, options: dict[str, Any]) -> R:
    """`sync_batch` for `AsyncTopo`."""
    from ._batch import Batch

    client._life.check()
    for request in (batch := Batch(op, items, chunk_size, allow_partial, options)):
        with batch.chunk():
            batch.add(*await client._send(op, (), request))
    return client._result(typing.cast(R, batch.merged()), batch.response)
