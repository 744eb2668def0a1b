"""Turn one operation description into a sync method and an async method.

A resource file says, per method, which generated request builder and which decoder to use; the factories here
produce the methods with the builder's exact keyword signature (via `ParamSpec`), so the typed arguments come from
the generator and are never restated by hand.
"""

from __future__ import annotations

import inspect
import sys
import types
import typing
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Generic, ParamSpec, Protocol, Self, TypeVar, overload

import httpx

from . import _exceptions as exc
from . import _telemetry
from ._operations import Operation, _to_jsonable, check_json, check_options
from ._pagination import AsyncPage, AsyncPaginator, Envelope, SyncPage
from ._response import APIResponse, Plain, Raw

if TYPE_CHECKING:
    from ._client import AsyncTopo, Topo

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

    M = DefaultTypeVar("M", default=Plain)  # a resource of a plain client unless said otherwise
else:
    M = TypeVar("M")

DEFAULT_LIST_SIZE = 100  # the documented maximum; fewer round trips when walking everything


class APIResource(Generic[M]):
    """A group of methods; `M` is the client's mode (`Plain`, or `Raw` under `with_raw_response`), for typing."""


class SyncAPIResource(APIResource[M]):
    def __init__(self, client: Topo[Any]) -> None:
        self._client = client


class AsyncAPIResource(APIResource[M]):
    def __init__(self, client: AsyncTopo[Any]) -> None:
        self._client = client


class Method(Generic[F, G]):
    """A resource method built from an operation. At run time it binds like a function; for a type checker it is
    `F` on a plain client and `G` (the same parameters, an `APIResponse` result) under `with_raw_response`."""

    def __init__(self, impl: Callable[..., Any]) -> None:
        self.impl = impl
        self.__doc__ = impl.__doc__
        self.__signature__ = inspect.signature(impl)
        self.operation = getattr(impl, "operation", None)

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


class BatchCall(Protocol[I_contra, R_co]):
    def __call__(self, items: Iterable[I_contra | Mapping[str, Any]], *, chunk_size: int | None = None,
                 extra_headers: Mapping[str, str] | None = None, extra_query: Mapping[str, Any] | None = None,
                 extra_body: Mapping[str, Any] | None = None,
                 timeout: float | httpx.Timeout | None = None) -> R_co: ...


class BatchResultLike(Protocol):
    """The generated `<Resource>BatchResult` models: per-item results plus a summary."""

    items: Any
    summary: Any


def _result_type(op: Operation[Any, Any]) -> Any:
    """What the call decodes to: the operation's response model, else the generated `parse_success` return type."""
    model = getattr(op, "model", None)
    if model is not None or op.spec.success_body is None:  # no body (204): the call returns None
        return model
    parse = getattr(sys.modules[op.build.__module__], "parse_success", None)
    return typing.get_type_hints(parse).get("return", inspect.Signature.empty) if parse else inspect.Signature.empty


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


@overload
def endpoint(build: Callable[P, dict[str, Any]], model: type[T]) -> Operation[P, T]: ...
@overload
def endpoint(build: Callable[P, dict[str, Any]], model: None) -> Operation[P, None]: ...
def endpoint(build: Callable[P, dict[str, Any]], model: type[T] | None) -> Operation[P, T] | Operation[P, None]:
    """An operation from a generated module's `build_request` and the response model its success body decodes to
    (`topo_client.responses`; None when it has no body)."""
    return Operation(build, model)


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
    "Returns the first page; iterate it to walk every item across pages. topo_ext asks for `size=100` (the "
    "documented maximum) unless you pass `size`."
)


def _with_defaults(kwargs: dict[str, Any]) -> dict[str, Any]:
    kwargs.setdefault("size", DEFAULT_LIST_SIZE)
    kwargs.setdefault("page", 1)
    return kwargs


def sync_list(
    op: Operation[P, Envelope[T]]
) -> Method[Callable[P, SyncPage[T]], Callable[P, APIResponse[SyncPage[T]]]]:
    def method(self: SyncAPIResource, /, *args: Any, **kwargs: Any) -> SyncPage[T]:
        client = self._client
        base = _with_defaults(dict(kwargs))

        def fetch(page: int) -> SyncPage[T]:
            envelope, response = client._send(op, args, {**base, "page": page})
            return SyncPage(envelope, page, fetch, response)

        first = fetch(base["page"])
        return client._result(first, first.response)

    _document(method, op, _LIST_NOTE, returns=SyncPage)
    return Method(method)


def async_list(
    op: Operation[P, Envelope[T]]
) -> Method[Callable[P, AsyncPaginator[T]], Callable[P, Awaitable[APIResponse[AsyncPage[T]]]]]:
    def method(self: AsyncAPIResource, /, *args: Any, **kwargs: Any) -> AsyncPaginator[T]:
        client = self._client
        base = _with_defaults(dict(kwargs))
        op.request_kwargs(args, base)  # check arguments now, not at the first await

        async def fetch(page: int) -> AsyncPage[T]:
            envelope, response = await client._send(op, args, {**base, "page": page})
            return AsyncPage(envelope, page, fetch, response)

        if client._raw:  # the first page's response; its .parse() is the page that `await` would give
            async def first() -> AsyncPage[T]:
                page = await fetch(base["page"])
                return client._result(page, page.response)

            return first()  # type: ignore[return-value]
        return AsyncPaginator(fetch, base["page"], client.prefetch)

    _document(method, op, _LIST_NOTE + " `async for` it to walk every item, or `await` it for the first page.",
              returns=AsyncPaginator)
    return Method(method)


def _chunks(items: Iterable[Any], size: int) -> Iterable[list[Any]]:
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _chunk_size(op: Operation[Any, Any], chunk_size: int | None) -> int:
    limit = op.spec.batch_max_items or 100
    if chunk_size is None:
        return limit
    if isinstance(chunk_size, bool) or not isinstance(chunk_size, int) or not 1 <= chunk_size <= limit:
        raise ValueError(f"chunk_size: must be an int between 1 and {limit}, got {chunk_size!r}")
    return chunk_size


class _Merger:
    """Joins the results of several chunks into one result of the same generated type, indexes re-based."""

    def __init__(self) -> None:
        self.results: list[Any] = []
        self.items: list[Any] = []

    def add(self, result: Any, offset: int) -> None:
        for item in result.items:
            if isinstance(getattr(item, "index", None), int):
                item.index += offset
            self.items.append(item)
        self.results.append(result)

    def merged(self) -> Any:
        if not self.results:
            raise ValueError("items: at least one item is required")
        first = self.results[0]
        if len(self.results) == 1:
            return first
        summary_type = type(first.summary)
        totals = {
            name: sum(getattr(r.summary, name) for r in self.results) for name in ("total", "succeeded", "failed")
        }
        merged = type(first)(items=self.items, summary=summary_type(**totals))
        return merged


def _body_type(op: Operation[Any, Any]) -> Any:
    """The generated request model of `op`'s body (its hint is `Model | Mapping[str, Any]`)."""
    hint = typing.get_type_hints(op.build)["body"]
    return next(t for t in typing.get_args(hint) or (hint,) if hasattr(t, "from_dict"))


def _batch_error(err: BaseException, start: int, stop: int, done: list[Any]) -> exc.BatchError:
    return exc.BatchError(
        f"batch items [{start}:{stop}] failed: {err}; {len(done)} item result(s) before it succeeded "
        "(see .succeeded)",
        start=start, stop=stop, succeeded=done, cause=err,
    )


def sync_batch(op: Operation[..., R], item: type[I]) -> Method[BatchCall[I, R], BatchCall[I, APIResponse[R]]]:
    """A batch create that accepts any iterable and sends it in chunks of the documented maximum."""

    def method(self: SyncAPIResource, items: Iterable[I | Mapping[str, Any]], *, chunk_size: int | None = None,
               extra_headers: Mapping[str, str] | None = None, extra_query: Mapping[str, Any] | None = None,
               extra_body: Mapping[str, Any] | None = None, timeout: float | httpx.Timeout | None = None) -> R:
        options = check_options({"extra_headers": extra_headers, "extra_query": extra_query,
                                 "extra_body": extra_body, "timeout": timeout})
        size = _chunk_size(op, chunk_size)
        response = None
        merger = _Merger()
        offset = 0
        for chunk in _chunks(_iterable(op, items), size):
            try:
                with _telemetry.batch_chunk(offset, offset + len(chunk)):
                    result, response = self._client._send(op, (), {"items": chunk, **options})
            except exc.TopoError as err:
                raise _batch_error(err, offset, offset + len(chunk), merger.items) from err
            merger.add(result, offset)
            offset += len(chunk)
        return self._client._result(typing.cast(R, merger.merged()), response)

    _document(method, op, "Accepts any iterable of items and sends them in chunks of at most the documented "
              "limit; a failing chunk raises BatchError naming its index range.", signature=False)
    return Method(method)


def async_batch(
    op: Operation[..., R], item: type[I]
) -> Method[BatchCall[I, Awaitable[R]], BatchCall[I, Awaitable[APIResponse[R]]]]:

    async def method(self: AsyncAPIResource, items: Iterable[I | Mapping[str, Any]], *,
                     chunk_size: int | None = None, extra_headers: Mapping[str, str] | None = None,
                     extra_query: Mapping[str, Any] | None = None, extra_body: Mapping[str, Any] | None = None,
                     timeout: float | httpx.Timeout | None = None) -> R:
        options = check_options({"extra_headers": extra_headers, "extra_query": extra_query,
                                 "extra_body": extra_body, "timeout": timeout})
        size = _chunk_size(op, chunk_size)
        response = None
        merger = _Merger()
        offset = 0
        for chunk in _chunks(_iterable(op, items), size):
            try:
                with _telemetry.batch_chunk(offset, offset + len(chunk)):
                    result, response = await self._client._send(op, (), {"items": chunk, **options})
            except exc.TopoError as err:
                raise _batch_error(err, offset, offset + len(chunk), merger.items) from err
            merger.add(result, offset)
            offset += len(chunk)
        return self._client._result(typing.cast(R, merger.merged()), response)

    _document(method, op, "Accepts any iterable; sends chunks of at most the documented limit.", signature=False)
    return Method(method)


def _iterable(op: Operation[Any, Any], items: Any) -> Iterable[Any]:
    if isinstance(items, str | bytes | Mapping) or not isinstance(items, Iterable):
        raise TypeError(f"items: expected an iterable of items, got {type(items).__name__}")
    if isinstance(items, Sequence) and op.spec.body_schema is not None:
        # Every item is checked before the first chunk goes out (a lazy iterable is checked chunk by chunk).
        check_json({"items": _to_jsonable(list(items))}, op.spec.body_schema, "")
    iterable: Iterable[Any] = items
    return iterable
