"""One pagination mechanism for every list call, driven by the documented envelope.

`items`, `total_count`, `total_pages`, `has_more` (frozen within /v1). Iterating a page walks every item across
pages lazily; `iter_pages()` walks pages. The async variant can prefetch later pages concurrently once page 1 has
told it `total_pages`; it yields them in order and goes through the same rate gate as every other request.
A walk that makes no progress (a page repeating the one before, a page past `total_pages` still saying `has_more`)
ends with `PaginationError` (`Limits.max_stalled_pages`).
"""

from __future__ import annotations

import copy
from collections.abc import AsyncIterator, Awaitable, Callable, Generator, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Generic, NoReturn, Protocol, Self, SupportsIndex, TypeVar

import httpx

from ._exceptions import PaginationError
from ._limits import PageProgress
from ._options import check_prefetch
from ._types import NOT_GIVEN

if TYPE_CHECKING:
    from ._base_client import AsyncAPIClient, SyncAPIClient
    from ._operations import Operation

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)
P = TypeVar("P", bound="_PageData[Any]")


class Envelope(Protocol[T_co]):
    """What every decoded list response looks like (generated `<Resource>Page` models, the activity page)."""

    @property
    def items(self) -> Sequence[T_co] | None: ...
    @property
    def total_count(self) -> int | None: ...
    @property
    def total_pages(self) -> int | None: ...
    @property
    def has_more(self) -> bool | None: ...


class _PageData(Generic[T]):
    #: Pages in a row that may repeat the one before (the client's `Limits.max_stalled_pages`).
    stalls_allowed = 0
    _progress: PageProgress | None = None

    def __init__(self, envelope: Envelope[T], page: int, response: httpx.Response | None) -> None:
        # Decoding is lenient, so any envelope field may be missing (None) or odd; the walk stays well-defined.
        items = envelope.items
        self.items: list[T] = list(items) if isinstance(items, list) else []
        self.total_count: int = envelope.total_count if isinstance(envelope.total_count, int) else len(self.items)
        pages = envelope.total_pages
        self.total_pages: int = pages if isinstance(pages, int) else page
        more = envelope.has_more
        self.has_more: bool = more if isinstance(more, bool) else page < self.total_pages
        self.page = page
        self.envelope = envelope
        self.response = response

    @property
    def _request_id(self) -> str | None:
        """The request id of this page's answer (None when it had none)."""
        request_id: str | None = getattr(self.envelope, "_request_id", None)
        return request_id

    def has_next_page(self) -> bool:
        # An empty page ends the walk even if has_more says otherwise, so a shrinking result set cannot loop.
        return bool(self.has_more and self.items)

    def _follows(self, page: P) -> P:
        """`page` (the one after this) if the walk is progressing; otherwise PaginationError saying why."""
        progress = self._progress
        if progress is None:
            progress = PageProgress(self.stalls_allowed)
            progress.problem(self.page, None, self.items)
        if page.has_more and (problem := progress.problem(page.page, page.total_pages, page.items)):
            response = page.response
            if response is None:
                raise ValueError(problem)
            raise PaginationError(f"the list walk stopped: {problem}", response=response)
        page._progress = progress
        return page

    def __reduce_ex__(self, protocol: SupportsIndex) -> NoReturn:
        # Only pickle gets here (copies are below): a page fetches the next one through its client, which cannot
        # be pickled.
        raise TypeError(f"a {type(self).__name__} cannot be pickled (it fetches the next pages through its client): "
                        "pickle its items (`page.items`, models pickle) or `page.envelope` instead")

    def __copy__(self) -> Self:
        copied = object.__new__(type(self))
        copied.__dict__.update(self.__dict__)
        return copied

    def __deepcopy__(self, memo: dict[int, Any]) -> Self:
        copied = object.__new__(type(self))
        memo[id(self)] = copied
        copied.__dict__.update(copy.deepcopy(self.__dict__, memo))  # the fetch function (and its client) is shared
        return copied

    # No __len__: iterating a page walks every later page too, so a len() of this page alone would disagree with
    # it. `len(page.items)` is this page; `page.total_count` is the whole result set.

    def __repr__(self) -> str:
        return (f"{type(self).__name__}(page={self.page}, items={len(self.items)}, total_count={self.total_count}, "
                f"total_pages={self.total_pages}, has_more={self.has_more})")


class SyncPage(_PageData[T]):
    """One page of results. Iterate it to walk every item of every later page too."""

    def __init__(self, envelope: Envelope[T], page: int, fetch: Callable[[int], SyncPage[T]],
                 response: httpx.Response | None = None) -> None:
        super().__init__(envelope, page, response)
        self._fetch = fetch

    def next_page(self) -> SyncPage[T] | None:
        return self._follows(self._fetch(self.page + 1)) if self.has_next_page() else None

    def iter_pages(self) -> Iterator[SyncPage[T]]:
        page: SyncPage[T] | None = self
        while page is not None:
            yield page
            page = page.next_page()

    def __iter__(self) -> Iterator[T]:
        for page in self.iter_pages():
            yield from page.items


class AsyncPage(_PageData[T]):
    """One page of results (async). `async for` walks every item of every later page too."""

    def __init__(self, envelope: Envelope[T], page: int, fetch: Callable[[int], Awaitable[AsyncPage[T]]],
                 response: httpx.Response | None = None) -> None:
        super().__init__(envelope, page, response)
        self._fetch = fetch

    async def next_page(self) -> AsyncPage[T] | None:
        return self._follows(await self._fetch(self.page + 1)) if self.has_next_page() else None

    async def iter_pages(self, prefetch: int = 0) -> AsyncIterator[AsyncPage[T]]:
        """Walk this page and the following ones; `prefetch` > 0 fetches that many pages ahead concurrently."""
        check_prefetch(prefetch)
        yield self
        if not self.has_next_page():
            return
        if prefetch == 0:
            page: AsyncPage[T] | None = await self.next_page()
            while page is not None:
                yield page
                page = await page.next_page()
            return
        async for page in _prefetching(self, prefetch):
            yield page

    async def __aiter__(self) -> AsyncIterator[T]:
        async for page in self.iter_pages():
            for item in page.items:
                yield item


async def _prefetching(first: AsyncPage[T], window: int) -> AsyncIterator[AsyncPage[T]]:
    """Pages after `first`, fetched up to `window` at a time, yielded in order; stops early if the set shrinks."""
    import asyncio  # loaded by then (an async walk); not at `import topo_ext`

    last = max(first.total_pages, first.page + 1)
    pending: dict[int, asyncio.Task[AsyncPage[T]]] = {}
    next_to_start = first.page + 1
    previous = first
    try:
        for number in range(first.page + 1, last + 1):
            while next_to_start <= last and len(pending) < window:
                pending[next_to_start] = asyncio.ensure_future(first._fetch(next_to_start))
                next_to_start += 1
            page = previous._follows(await pending.pop(number))
            previous = page
            yield page
            if not page.has_next_page():
                return
        # total_pages grew during the walk: continue one page at a time.
        tail = await page.next_page()
        while tail is not None:
            yield tail
            tail = await tail.next_page()
    finally:
        for task in pending.values():
            task.cancel()


class AsyncPaginator(Generic[T]):
    """What an async `list()` returns: `await` it for the first page, or `async for` it for every item."""

    def __init__(self, fetch: Callable[[int], Awaitable[AsyncPage[T]]], first: int, prefetch: int = 0) -> None:
        self._fetch = fetch
        self._first = first
        self._prefetch = prefetch

    def __await__(self) -> Generator[Any, None, AsyncPage[T]]:
        return self._fetch(self._first).__await__()

    async def iter_pages(self) -> AsyncIterator[AsyncPage[T]]:
        page = await self._fetch(self._first)
        async for p in page.iter_pages(prefetch=self._prefetch):
            yield p

    async def __aiter__(self) -> AsyncIterator[T]:
        async for page in self.iter_pages():
            for item in page.items:
                yield item


# ---- list calls (the generated `list` methods): the first page, and how to fetch the next -------------------


def _first_page(op: Operation[Any, Any], kwargs: dict[str, Any]) -> dict[str, Any]:
    base = {k: v for k, v in kwargs.items() if v is not NOT_GIVEN}
    if op.max_page_size is not None:
        base.setdefault("size", op.max_page_size)
    base.setdefault("page", 1)
    return base


def sync_list(client: SyncAPIClient, op: Operation[Any, Envelope[T]], kwargs: dict[str, Any]) -> SyncPage[T]:
    """The first page of a list call; iterating it walks every later page."""
    base = _first_page(op, kwargs)

    def fetch(page: int) -> SyncPage[T]:
        envelope, response = client._send(op, (), {**base, "page": page})
        result = SyncPage(envelope, page, fetch, response)
        result.stalls_allowed = client._options.limits.max_stalled_pages
        return result

    first = fetch(base["page"])
    return client._result(first, first.response)


def async_list(client: AsyncAPIClient, op: Operation[Any, Envelope[T]], kwargs: dict[str, Any]) -> AsyncPaginator[T]:
    """`async for` walks every item; `await` gives the first page (raw client: its `APIResponse`)."""
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
