"""Resumable polling of the activity stream (`client.activities.stream(...)`), with a position you can commit.

The docs' recipe: walk `sort_order=asc` with `created_at_after=<last created_at>` and page through `has_more`.
Two traps make the naive recipe lose or repeat activities, and this module handles both:

- `created_at_after` is exclusive and several activities can share one `created_at`: if a page ends inside such a
  group, asking for "after T" skips the rest of it. So the walker asks for "after T - overlap" and drops the ids it
  has already yielded inside that overlap window (the cursor keeps them).
- page numbers shift when activities arrive during a walk. So the walker re-anchors on its cursor for every request
  (keyset style, always page 1) and only turns to page 2, 3, ... when a whole page falls inside the overlap window.

One walk yields each activity once. The cursor (`Cursor`) is plain data; what a crash costs depends on where it is
committed:

- Auto-commit (`FileCursorStore`, `SQLiteCursorStore`): the stream saves the cursor each time the consumer asks for
  the next activity, and when a `with` block around the stream ends without an exception. At-least-once: the
  activity in flight when the job dies is delivered again on resume (at most that one per crash); nothing is lost.
- Transactional (`DBAPICursorStore` on your own DB-API connection, or `stream.commit()` and saving the returned
  cursor yourself): the consumer calls `stream.commit()` inside the transaction that records the activity's effect,
  so effect and position commit together or not at all. Exactly once, across crashes too.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from datetime import datetime
from typing import TYPE_CHECKING, Any

from topo_client.events import Activity

from ._cursor import OVERLAP, Cursor
from ._cursor_stores import CursorStore, DBAPICursorStore, FileCursorStore, SQLiteCursorStore
from ._exceptions import CursorError
from ._limits import PageProgress
from .events import ActivityPage

if TYPE_CHECKING:
    import httpx

__all__ = ["OVERLAP", "ActivityStream", "AsyncActivityStream", "Cursor", "CursorError", "CursorStore",
           "DBAPICursorStore", "FileCursorStore", "SQLiteCursorStore"]


class _Walker:
    """The I/O-free walk: what to ask for next, and which activities of an answer are new."""

    def __init__(self, cursor: Cursor, filters: dict[str, Any], size: int, stalls: int = 0) -> None:
        self.cursor = cursor
        self.filters = filters
        self.size = size
        self.page = 1
        self.progress = PageProgress(stalls)  # a page repeating the one before of the same query is a stall
        self._anchor: datetime | None = None

    def query(self) -> dict[str, Any]:
        q = {**self.filters, "sort_order": "asc", "sort_by": "created_at", "size": self.size, "page": self.page}
        if self.cursor.created_at is not None:
            after = self.cursor.created_at - OVERLAP
            q["created_at_after"] = max(after, self.cursor.floor) if self.cursor.floor else after
        return q

    def accept(self, answer: tuple[ActivityPage, httpx.Response]) -> tuple[list[Activity], bool]:
        """The activities not yielded before, and whether the walk has reached the end for now."""
        page, response = answer
        items = page.items if isinstance(page.items, list) else []  # lenient decoding: anything may arrive here
        if self.page == 1 and self._anchor != (anchor := self.cursor.created_at):
            self.progress.last, self._anchor = None, anchor  # re-anchored on a moved cursor: a new query
        if page.has_more and (problem := self.progress.problem(self.page, page.total_pages, items)):
            from ._exceptions import PaginationError  # here: importing the stream stays cheap

            raise PaginationError(f"activities.stream() stopped: {problem}", response=response)
        fresh: list[Activity] = []
        for activity in items:
            when = getattr(activity, "created_at", None)
            if self.cursor.has_seen(activity):
                continue
            if not isinstance(when, datetime):
                fresh.append(activity)  # no usable time (drift): delivered, but it cannot be placed or deduplicated
                continue
            if self.cursor.floor is not None and when <= self.cursor.floor:
                continue
            if self.cursor.created_at is not None and when < self.cursor.created_at - OVERLAP:
                continue  # older than the cursor: already delivered by an earlier walk
            fresh.append(activity)
        if page.has_more is not True or not items:
            return fresh, True
        # Keyset step: re-anchor on the cursor (page 1) unless the whole page sat inside the overlap window.
        self.page = 1 if fresh else self.page + 1
        return fresh, False

    def mark(self, activity: Activity) -> None:
        self.cursor.advance(activity)


def _filters(kwargs: dict[str, Any]) -> dict[str, Any]:
    for reserved in ("sort_order", "sort_by", "page", "created_at_after"):
        if reserved in kwargs:
            raise TypeError(f"stream(): {reserved!r} is managed by the stream; pass since= or cursor= instead")
    return kwargs


def _start(cursor: Cursor | None, since: datetime | None, store: CursorStore | None) -> Cursor:
    if cursor is not None and since is not None:
        raise TypeError("stream(): pass either cursor= or since=, not both")
    if cursor is None and store is not None:
        cursor = store.load()
    if cursor is None:
        cursor = Cursor.starting_at(since) if since is not None else Cursor()
    if not isinstance(cursor, Cursor):
        raise TypeError(f"cursor: expected a topo_ext.Cursor, got {type(cursor).__name__}")
    return cursor


class _StreamBase:
    """The stream's core, shared by the sync and async streams, which only fetch and sleep: the walk and the commit
    bookkeeping.

    The walk moves past an activity when the consumer asks for the next one. Where the cursor is saved:
    - auto-commit stores: then, and when a `with` block ends without an exception. A crash while handling an
      activity delivers that activity again on resume, and nothing else is repeated or lost (at-least-once).
    - transactional stores (`transactional = True`, e.g. `DBAPICursorStore`): only on `commit()`, which the
      consumer calls inside its own transaction (exactly once).
    """

    def __init__(self, cursor: Cursor, filters: dict[str, Any], *, follow: bool, interval: float,
                 store: CursorStore | None, size: int, stalls: int = 0) -> None:
        self.cursor = cursor
        self._walker = _Walker(cursor, filters, size, stalls)
        self._follow = follow
        self._interval = interval
        self._store = store
        self._auto = store is not None and not getattr(store, "transactional", False)
        self._pending: Activity | None = None

    def commit(self) -> Cursor:
        """Record every activity yielded so far, the current one included, and return a snapshot of the cursor.

        With a store, the cursor is saved into it: into your open transaction for a `DBAPICursorStore`, so call
        this inside the transaction that records the activity's effect, then commit. Without a store, save the
        returned cursor (`to_json()`) in that transaction yourself. If the transaction rolls back, stop iterating:
        a new stream resumes from what was committed.
        """
        self._mark()
        if self._store is not None:
            self._store.save(self.cursor)
        return Cursor(self.cursor.created_at, dict(self.cursor.seen), self.cursor.floor)

    def _mark(self) -> None:
        if self._pending is not None:
            self._walker.mark(self._pending)
            self._pending = None

    def _next(self) -> None:
        """The consumer asked for the next activity: it is done with the current one."""
        if self._pending is not None:
            self._mark()
            if self._auto and self._store is not None:
                self._store.save(self.cursor)

    def _exit(self, failed: bool) -> None:
        if not failed:
            self._next()  # leaving the block normally: the consumer finished the last activity

    def _deliver(self, fresh: list[Activity]) -> Iterator[Activity]:
        """Hand out a page's new activities; asking for the next one means the consumer is done with this one."""
        for activity in fresh:
            self._pending = activity
            yield activity
            self._next()

    def _walk_again(self) -> bool:
        """The walk reached the end: whether to start another (after the interval) from the cursor."""
        self._walker.page = 1
        return self._follow


class ActivityStream(_StreamBase):
    """Iterator over new activities, each once per walk. Use it in a `with` block to save the last activity
    when you stop early (auto-commit stores); `.cursor` covers every activity the consumer has moved past.
    `commit()` records the current activity now (see the module docstring for what each mode guarantees)."""

    def __init__(self, fetch: Callable[[dict[str, Any]], tuple[ActivityPage, httpx.Response]], cursor: Cursor,
                 filters: dict[str, Any], *, follow: bool, interval: float, store: CursorStore | None,
                 size: int, stalls: int = 0) -> None:
        super().__init__(cursor, filters, follow=follow, interval=interval, store=store, size=size, stalls=stalls)
        self._fetch = fetch

    def __enter__(self) -> ActivityStream:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, *_: object) -> None:
        self._exit(exc_type is not None)

    def __iter__(self) -> Iterator[Activity]:
        while True:
            done = False
            while not done:
                fresh, done = self._walker.accept(self._fetch(self._walker.query()))
                yield from self._deliver(fresh)
            if not self._walk_again():
                return
            time.sleep(self._interval)


class AsyncActivityStream(_StreamBase):
    """Async iterator over new activities, each once per walk (`async with` saves the last one on early exit
    with an auto-commit store; `commit()` as in `ActivityStream`)."""

    def __init__(self, fetch: Callable[[dict[str, Any]], Awaitable[tuple[ActivityPage, httpx.Response]]],
                 cursor: Cursor, filters: dict[str, Any], *, follow: bool, interval: float,
                 store: CursorStore | None, size: int, stalls: int = 0) -> None:
        super().__init__(cursor, filters, follow=follow, interval=interval, store=store, size=size, stalls=stalls)
        self._fetch = fetch

    async def __aenter__(self) -> AsyncActivityStream:
        return self

    async def __aexit__(self, exc_type: type[BaseException] | None, *_: object) -> None:
        self._exit(exc_type is not None)

    async def __aiter__(self) -> AsyncIterator[Activity]:
        while True:
            done = False
            while not done:
                fresh, done = self._walker.accept(await self._fetch(self._walker.query()))
                for activity in self._deliver(fresh):  # no `yield from` in an async generator
                    yield activity
            if not self._walk_again():
                return
            await asyncio.sleep(self._interval)
