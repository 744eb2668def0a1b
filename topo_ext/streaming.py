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
import os
import sqlite3
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from topo_client.events import Activity

from ._cursor import OVERLAP, Cursor
from ._limits import PageProgress
from .events import ActivityPage

if TYPE_CHECKING:
    import httpx

__all__ = ["OVERLAP", "ActivityStream", "AsyncActivityStream", "Cursor", "CursorStore", "DBAPICursorStore",
           "FileCursorStore", "SQLiteCursorStore"]


class CursorStore(Protocol):
    def load(self) -> Cursor | None: ...
    def save(self, cursor: Cursor) -> None: ...


class FileCursorStore:
    """Keeps the cursor in a small JSON file, replaced atomically on every save."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)

    def load(self) -> Cursor | None:
        try:
            return Cursor.from_json(self.path.read_text())
        except FileNotFoundError:
            return None

    def save(self, cursor: Cursor) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=self.path.name, dir=self.path.parent)
        with os.fdopen(fd, "w") as handle:
            handle.write(cursor.to_json())
        os.replace(tmp, self.path)


class SQLiteCursorStore:
    """Keeps named cursors in a SQLite table (one row per stream name)."""

    def __init__(self, path: str | os.PathLike[str], name: str = "activities") -> None:
        self.name = name
        self._db = sqlite3.connect(str(path))
        self._db.execute("CREATE TABLE IF NOT EXISTS topo_cursors (name TEXT PRIMARY KEY, cursor TEXT NOT NULL)")
        self._db.commit()

    def load(self) -> Cursor | None:
        row = self._db.execute("SELECT cursor FROM topo_cursors WHERE name = ?", (self.name,)).fetchone()
        return Cursor.from_json(row[0]) if row else None

    def save(self, cursor: Cursor) -> None:
        self._db.execute(
            "INSERT INTO topo_cursors (name, cursor) VALUES (?, ?) "
            "ON CONFLICT(name) DO UPDATE SET cursor = excluded.cursor",
            (self.name, cursor.to_json()),
        )
        self._db.commit()

    def close(self) -> None:
        self._db.close()


class DBAPICursorStore:
    """Keeps the cursor in a table of your database, written through your DB-API 2.0 connection (sqlite3, psycopg,
    mysqlclient, ...) and never committed here: the transactional store.

    The stream saves into it only when you call `stream.commit()`, which you do inside the transaction that records
    the activity's effect; committing the connection then makes the effect and the position durable together, and
    a rollback or crash undoes both, so the activity comes again. Each activity takes effect exactly once.

    The table (`topo_stream_cursors` unless `table=` says otherwise; one row per stream `name`) is created if it is
    missing when the store is made, and that is committed at once: make the store before your first transaction.
    `paramstyle` defaults to the driver module's own (`sqlite3.paramstyle`, `psycopg.paramstyle`, ...).
    """

    #: The stream does not save by itself when the consumer moves on; it saves on `stream.commit()`.
    transactional = True

    def __init__(self, connection: Any, name: str = "activities", *, table: str = "topo_stream_cursors",
                 paramstyle: str | None = None, create_table: bool = True) -> None:
        if not table.replace(".", "_").isidentifier():
            raise ValueError(f"table: expected a plain SQL identifier such as topo_stream_cursors, got {table!r}")
        driver = sys.modules.get(type(connection).__module__.partition(".")[0])
        self.paramstyle = str(paramstyle or getattr(driver, "paramstyle", None) or "qmark")
        if self.paramstyle not in _PLACEHOLDERS:
            raise ValueError(f"paramstyle: expected one of {', '.join(_PLACEHOLDERS)}, got {self.paramstyle!r}")
        self.connection = connection
        self.name = name
        # `table` is a checked identifier, never user data, so formatting it into the SQL is safe.
        self._select = f"SELECT cursor_json FROM {table} WHERE stream_name = {{}}"  # noqa: S608
        self._update = f"UPDATE {table} SET cursor_json = {{}} WHERE stream_name = {{}}"  # noqa: S608
        self._insert = f"INSERT INTO {table} (stream_name, cursor_json) VALUES ({{}}, {{}})"  # noqa: S608
        if create_table:
            self._run(f"CREATE TABLE IF NOT EXISTS {table} "
                      "(stream_name VARCHAR(200) PRIMARY KEY, cursor_json TEXT NOT NULL)")
            connection.commit()

    def _run(self, sql: str, *params: str) -> Any:
        """Execute `sql`, whose `{}` marks are the parameters, in the driver's paramstyle."""
        mark = _PLACEHOLDERS[self.paramstyle]
        args: Any = params
        if self.paramstyle == "named":
            args = {f"p{n}": value for n, value in enumerate(params, 1)}
        handle = self.connection.cursor()
        handle.execute(sql.format(*(mark.format(n) for n in range(1, len(params) + 1))), args)
        return handle

    def load(self) -> Cursor | None:
        row = self._run(self._select, self.name).fetchone()
        return Cursor.from_json(row[0]) if row else None

    def save(self, cursor: Cursor) -> None:
        """Write the cursor in the connection's current transaction (no commit: that is the caller's)."""
        text = cursor.to_json()
        if self._run(self._update, text, self.name).rowcount == 0:  # a portable upsert: no row for this stream yet
            self._run(self._insert, self.name, text)


#: DB-API paramstyle -> placeholder (`{0}` is the 1-based parameter number).
_PLACEHOLDERS = {"qmark": "?", "format": "%s", "pyformat": "%s", "numeric": ":{0}", "named": ":p{0}"}


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
