"""Activities: the generated `list`/`get` (typed event models), plus what the spec cannot describe: `stream()` polls
once per activity, `partition()` splits a time range for parallel streams. The clients build these subclasses for
`client.activities` (`topo_ext/_client.py`); the generated code knows nothing of them."""

from __future__ import annotations

import builtins
import os
from collections.abc import Generator
from datetime import UTC, datetime
from typing import Any

import httpx

from topo_client.resources import activities as _generated
from topo_client.responses import ActivityPage

from .. import _partition
from .._partition import CountRequest, Partition
from ..streaming import ActivityStream, AsyncActivityStream, Cursor, CursorStore, _filters, _start

_list = _generated._LIST_ACTIVITIES


def _size() -> int:
    """The page size a stream walks with: the documented maximum (the list's `size` parameter)."""
    return _list.max_page_size or 1  # the spec gives list_activities a `size` with a maximum


_PARTITION_DOC = """Split the activities created in (since, until) into `parts` time ranges of about equal size.

Each part is streamable on its own (`stream(since=part.after, created_at_before=part.before, store=...)`, one
cursor store per part), and together the parts hold every activity of the range exactly once. The plan costs a
few dozen count queries (`size=1`). `until` defaults to now; `**filters` are `list()` filters applied to the counts
(pass the same ones to each part's stream).
"""


def _planner(since: datetime, until: datetime | None, parts: int,
             filters: dict[str, Any]) -> tuple[Generator[CountRequest, int, list[Partition]], dict[str, Any]]:
    for bound in ("created_at_after", "created_at_before"):  # each part sets both: a caller's would be dropped
        if bound in filters:
            raise TypeError(f"partition(): {bound!r} is set by each part; give the range as since= and until=")
    until = until if until is not None else datetime.now(UTC)
    _partition.check(since, until, parts)
    base = {**_filters(filters), "size": 1, "page": 1}
    _list.request_kwargs((), base)  # check the filters before the first request
    return _partition.plan(since, until, parts), base


_STREAM_DOC = """Every activity created after the cursor, oldest first, each once per walk.

Args:
    since: start after this (timezone-aware) instant, if no cursor is given.
    cursor: resume from a saved `Cursor`.
    store: load the cursor from / save it to a `FileCursorStore` or `SQLiteCursorStore` (saved as you move on:
        at-least-once across crashes), or a `DBAPICursorStore` on your own connection (saved by `stream.commit()`
        inside your transaction: exactly once). See `topo_ext.streaming`.
    follow: keep polling every `interval` seconds after catching up.
    **filters: any filter of `list()` (person_id, sequence_id, resource_type, channel, event_type, ...).
"""


def _check_store(store: object) -> None:
    """Refuse a wrong `store=` at the call, not at the first save (a path is the usual slip)."""
    if store is not None and not all(callable(getattr(store, name, None)) for name in ("load", "save")):
        hint = " (for a file, pass topo_ext.FileCursorStore(path))" if isinstance(store, str | os.PathLike) else ""
        raise TypeError(f"store: expected a cursor store with load() and save(), got {type(store).__name__}{hint}")


class Activities(_generated.Activities):
    def stream(self, *, since: datetime | None = None, cursor: Cursor | None = None,
               store: CursorStore | None = None, follow: bool = False, interval: float = 5.0,
               **filters: Any) -> ActivityStream:
        client, base = self._client, _filters(filters)
        _list.request_kwargs((), {**base, "size": _size()})  # check the filters before the first request
        _check_store(store)

        def fetch(query: dict[str, Any]) -> tuple[ActivityPage, httpx.Response]:
            return client._send(_list, (), query)

        return ActivityStream(fetch, _start(cursor, since, store), base, follow=follow, interval=interval,
                              store=store, size=_size(), stalls=client._options.limits.max_stalled_pages)

    stream.__doc__ = _STREAM_DOC

    def partition(self, *, since: datetime, until: datetime | None = None, parts: int,
                  **filters: Any) -> builtins.list[Partition]:
        planner, base = _planner(since, until, parts, filters)
        request = next(planner)
        try:
            while True:
                after, before = request
                page = self._client._send(_list, (), {**base, "created_at_after": after, "created_at_before": before})
                request = planner.send(page[0].total_count or 0)
        except StopIteration as done:
            result: builtins.list[Partition] = done.value
            return result

    partition.__doc__ = _PARTITION_DOC


class AsyncActivities(_generated.AsyncActivities):
    def stream(self, *, since: datetime | None = None, cursor: Cursor | None = None,
               store: CursorStore | None = None, follow: bool = False, interval: float = 5.0,
               **filters: Any) -> AsyncActivityStream:
        client, base = self._client, _filters(filters)
        _list.request_kwargs((), {**base, "size": _size()})
        _check_store(store)

        async def fetch(query: dict[str, Any]) -> tuple[ActivityPage, httpx.Response]:
            return await client._send(_list, (), query)

        return AsyncActivityStream(fetch, _start(cursor, since, store), base, follow=follow, interval=interval,
                                   store=store, size=_size(), stalls=client._options.limits.max_stalled_pages)

    stream.__doc__ = _STREAM_DOC

    async def partition(self, *, since: datetime, until: datetime | None = None, parts: int,
                        **filters: Any) -> builtins.list[Partition]:
        planner, base = _planner(since, until, parts, filters)
        request = next(planner)
        try:
            while True:
                after, before = request
                page = await self._client._send(_list, (), {**base, "created_at_after": after,
                                                            "created_at_before": before})
                request = planner.send(page[0].total_count or 0)
        except StopIteration as done:
            result: builtins.list[Partition] = done.value
            return result

    partition.__doc__ = _PARTITION_DOC
