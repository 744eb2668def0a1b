"""Turn one operation description into a sync method and an async method.

The generated resources (`topo_client.resources`, from the spec) say, per method, which generated request builder
and which response model to use; the factories here produce the methods with the builder's exact keyword
signature (via `ParamSpec`), so the typed arguments come from the generator and are never restated by hand. Each
kind of method has one core and two thin shells (sync, async) that only differ in how they send.
"""

from __future__ import annotations

import importlib
import inspect
import types
import typing
from collections.abc import Awaitable, Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, Generic, ParamSpec, Protocol, Self, TypeVar, overload

import httpx

from ._batch import Batch
from ._operations import OPTIONS, Operation
from ._pagination import AsyncPage, AsyncPaginator, Envelope, SyncPage
from ._response import APIResponse, Plain, Raw

P = ParamSpec("P")
T = TypeVar("T")
I = TypeVar("I")  # noqa: E741 - the batch item type
R = TypeVar("R", bound="BatchResultLike")
R_co = TypeVar("R_co", covariant=True)
I_contra = TypeVar("I_contra", contravariant=True)
F = TypeVar("F")
G = TypeVar("G")
if TYPE_CHECKING:
    from typing_extensions import TypeVar as DefaultTypeVar

    from ._options import Options

    M = DefaultTypeVar("M", default=Plain)  # a resource of a plain client unless said otherwise
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
    """A group of methods; `M` is the client's mode (`Plain`, or `Raw` under `with_raw_response`), for typing."""


class SyncAPIResource(APIResource[M]):
    _client: SyncClient

    def __init__(self, client: Any) -> None:
        self._client = client


class AsyncAPIResource(APIResource[M]):
    _client: AsyncClient

    def __init__(self, client: Any) -> None:
        self._client = client


class Method(Generic[F, G]):
    """A resource method built from an operation. At run time it binds like a function; for a type checker it is
    `F` on a plain client and `G` (the same parameters, an `APIResponse` result) under `with_raw_response`."""

    def __init__(self, impl: Callable[..., Any]) -> None:
        self.impl = impl
        self.__doc__ = impl.__doc__
        self.__signature__ = inspect.signature(impl)
        self.operation = getattr(impl, "operation", None)
        self.inferred: str | None = getattr(impl, "inferred", None)

    @overload
    def __get__(self, obj: None, owner: type | None = None) -> Self: ...
    @overload
    def __get__(self, obj: APIResource[Raw], owner: type | None = None) -> G: ...
    @overload
    def __get__(self, obj: APIResource[Plain], owner: type | None = None) -> F: ...
    def __get__(self, obj: Any, owner: type | None = None) -> Any:
        return self if obj is None else types.MethodType(self.impl, obj)

    def __call__(self, resource: APIResource[Any], /, *args: Any, **kwargs: Any) -> Any:
        return self.impl(resource, *args, **kwargs)


class LazyMethod:
    """A client's own method (`client.me()`) taken from a resource class on first use, so that creating a client
    does not import the models: read on a client, it is that method bound to a resource of the client."""

    def __init__(self, module: str, resource: str, name: str) -> None:
        self.where = (module, resource, name)

    def __get__(self, obj: Any, owner: type | None = None) -> Any:
        module, resource, name = self.where
        cls = getattr(importlib.import_module(module), resource)
        return vars(cls)[name] if obj is None else getattr(cls(obj), name)


class BatchCall(Protocol[I_contra, R_co]):
    def __call__(self, items: Iterable[I_contra | Mapping[str, Any]], *, chunk_size: int | None = None,
                 allow_partial: bool = False,
                 extra_headers: Mapping[str, str] | None = None, extra_query: Mapping[str, Any] | None = None,
                 extra_body: Mapping[str, Any] | None = None,
                 timeout: float | httpx.Timeout | None = None) -> R_co: ...


class BatchResultLike(Protocol):
    """The generated `<Resource>BatchResult` models: per-item results plus a summary."""

    items: Any
    summary: Any


def _result_type(op: Operation[Any, Any]) -> Any:
    """What the call decodes to: the operation's response model (None: no body, the call returns None)."""
    return op.model


def _document(method: Callable[..., Any], op: Operation[Any, Any], note: str = "", signature: bool = True,
              returns: Any = None) -> None:
    """The spec's docstring and, unless the method has its own parameters, the builder's real signature."""
    forms = typing.get_overloads(op.build)
    doc = inspect.getdoc(forms[0] if forms else op.build) or ""
    method.__doc__ = f"{doc}\n\n{note}".strip() if note else doc
    if signature:
        self_param = inspect.Parameter("self", inspect.Parameter.POSITIONAL_ONLY)
        method.__signature__ = op.signature.replace(  # type: ignore[attr-defined]
            parameters=[self_param, *op.signature.parameters.values()],
            return_annotation=returns if returns is not None else _result_type(op))
    else:  # its own parameters (batch creates); the result type from the operation
        method.__signature__ = inspect.signature(method).replace(  # type: ignore[attr-defined]
            return_annotation=_result_type(op))
    method.operation = op  # type: ignore[attr-defined]
    # Why the endpoint is a guess (spec `x-topo-source: inferred`), None if documented; bound methods read it too.
    method.inferred = op.spec.inferred  # type: ignore[attr-defined]


@overload
def endpoint(operation_id: str, build: Callable[P, dict[str, Any]], model: type[T]) -> Operation[P, T]: ...
@overload
def endpoint(operation_id: str, build: Callable[P, dict[str, Any]], model: None) -> Operation[P, None]: ...
def endpoint(operation_id: str, build: Callable[P, dict[str, Any]],
             model: type[T] | None) -> Operation[P, T] | Operation[P, None]:
    """The spec's operation `operation_id`: its generated `build_request` and the response model its success body
    decodes to (`topo_client.responses`; None when it has no body)."""
    return Operation(operation_id, build, model)


def sync_op(op: Operation[P, T]) -> Method[Callable[P, T], Callable[P, APIResponse[T]]]:
    def method(self: SyncAPIResource, /, *args: Any, **kwargs: Any) -> T:
        return self._client._call(op, args, kwargs)

    _document(method, op)
    return Method(method)


def async_op(op: Operation[P, T]) -> Method[Callable[P, Awaitable[T]], Callable[P, Awaitable[APIResponse[T]]]]:
    async def method(self: AsyncAPIResource, /, *args: Any, **kwargs: Any) -> T:
        return await self._client._call(op, args, kwargs)

    _document(method, op)
    return Method(method)


_LIST_NOTE = (
    "Returns the first page; iterate it to walk every item across pages. topo_ext asks for the documented maximum "
    "`size` (fewer round trips) unless you pass `size`."
)


def _with_defaults(op: Operation[Any, Any], kwargs: dict[str, Any]) -> dict[str, Any]:
    if op.spec.max_page_size is not None:
        kwargs.setdefault("size", op.spec.max_page_size)
    kwargs.setdefault("page", 1)
    return kwargs


def sync_list(
    op: Operation[P, Envelope[T]]
) -> Method[Callable[P, SyncPage[T]], Callable[P, APIResponse[SyncPage[T]]]]:
    def method(self: SyncAPIResource, /, *args: Any, **kwargs: Any) -> SyncPage[T]:
        client = self._client
        base = _with_defaults(op, dict(kwargs))

        def fetch(page: int) -> SyncPage[T]:
            envelope, response = client._send(op, args, {**base, "page": page})
            result = SyncPage(envelope, page, fetch, response)
            result.stalls_allowed = client._options.limits.max_stalled_pages
            return result

        first = fetch(base["page"])
        return client._result(first, first.response)

    _document(method, op, _LIST_NOTE, returns=SyncPage)
    return Method(method)


def async_list(
    op: Operation[P, Envelope[T]]
) -> Method[Callable[P, AsyncPaginator[T]], Callable[P, Awaitable[APIResponse[AsyncPage[T]]]]]:
    def method(self: AsyncAPIResource, /, *args: Any, **kwargs: Any) -> AsyncPaginator[T]:
        client = self._client
        base = _with_defaults(op, dict(kwargs))
        op.request_kwargs(args, base)  # check arguments now, not at the first await

        async def fetch(page: int) -> AsyncPage[T]:
            envelope, response = await client._send(op, args, {**base, "page": page})
            result = AsyncPage(envelope, page, fetch, response)
            result.stalls_allowed = client._options.limits.max_stalled_pages
            return result

        if client._raw:  # the first page's response; its .parse() is the page that `await` would give
            async def first() -> AsyncPage[T]:
                page = await fetch(base["page"])
                return client._result(page, page.response)

            return first()  # type: ignore[return-value]
        return AsyncPaginator(fetch, base["page"], client.prefetch)

    _document(method, op, _LIST_NOTE + " `async for` it to walk every item, or `await` it for the first page.",
              returns=AsyncPaginator)
    return Method(method)


def _batch_signature(op: Operation[Any, Any], item: type[Any]) -> inspect.Signature:
    """What `help()` shows for a batch create: the items, the chunk size, the builder's per-request options."""
    param = inspect.Parameter
    return inspect.Signature([
        param("self", param.POSITIONAL_ONLY),
        param("items", param.POSITIONAL_OR_KEYWORD, annotation=Iterable[item | Mapping[str, Any]]),  # type: ignore[valid-type]
        param("chunk_size", param.KEYWORD_ONLY, default=None, annotation=int | None),
        param("allow_partial", param.KEYWORD_ONLY, default=False, annotation=bool),
        *(op.signature.parameters[name] for name in OPTIONS),
    ], return_annotation=_result_type(op))


_BATCH_NOTE = ("Accepts any iterable of items and sends them in chunks of at most the documented limit; a failing "
               "chunk raises BatchError naming its index range.")
_ATOMIC_NOTE = ("All-or-nothing (Topo's docs): one request creates every item or none. Accepts any iterable of at "
                "most the documented limit, sent as one request; more raises InvalidRequestError before anything is "
                "sent. allow_partial=True sends chunks instead: if a later chunk fails, BatchError says how many "
                "items the earlier chunks committed (they stay).")


def _batch_method(method: Callable[..., Any], op: Operation[..., Any], item: type[Any]) -> Method[Any, Any]:
    _document(method, op, _ATOMIC_NOTE if op.spec.batch_all_or_nothing else _BATCH_NOTE, signature=False)
    method.__signature__ = _batch_signature(op, item)  # type: ignore[attr-defined]
    return Method(method)


def sync_batch(op: Operation[..., R], item: type[I]) -> Method[BatchCall[I, R], BatchCall[I, APIResponse[R]]]:
    """A batch create that accepts any iterable and sends it in chunks of the documented maximum."""

    def method(self: SyncAPIResource, items: Iterable[Any], *, chunk_size: int | None = None,
               allow_partial: bool = False, **options: Any) -> R:
        for request in (batch := Batch(op, items, chunk_size, allow_partial, options)):
            with batch.chunk():
                batch.add(*self._client._send(op, (), request))
        return self._client._result(typing.cast(R, batch.merged()), batch.response)

    return _batch_method(method, op, item)


def async_batch(
    op: Operation[..., R], item: type[I]
) -> Method[BatchCall[I, Awaitable[R]], BatchCall[I, Awaitable[APIResponse[R]]]]:
    """`sync_batch` for `AsyncTopo`."""

    async def method(self: AsyncAPIResource, items: Iterable[Any], *, chunk_size: int | None = None,
                     allow_partial: bool = False, **options: Any) -> R:
        for request in (batch := Batch(op, items, chunk_size, allow_partial, options)):
            with batch.chunk():
                batch.add(*await self._client._send(op, (), request))
        return self._client._result(typing.cast(R, batch.merged()), batch.response)

    return _batch_method(method, op, item)
