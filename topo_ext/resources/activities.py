"""Activities: list/get decode straight into the typed event models; `stream()` polls once per activity."""

from __future__ import annotations

import os
from datetime import datetime
from typing import Any

from topo_client.api.activities import get_activity, list_activities

from .._operations import Operation
from .._resource import AsyncAPIResource, SyncAPIResource, async_list, async_op, sync_list, sync_op
from ..events import ActivityPage, decode_activity, decode_activity_page
from ..streaming import ActivityStream, AsyncActivityStream, Cursor, CursorStore, _filters, _start

_list = Operation(list_activities.build_request, decode_activity_page)
_get = Operation(get_activity.build_request, decode_activity)

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


class Activities(SyncAPIResource):
    list = sync_list(_list)
    get = sync_op(_get)

    def stream(self, *, since: datetime | None = None, cursor: Cursor | None = None,
               store: CursorStore | None = None, follow: bool = False, interval: float = 5.0,
               **filters: Any) -> ActivityStream:
        client, base = self._client, _filters(filters)
        _list.request_kwargs((), {**base, "size": 100})  # check the filters before the first request
        _check_store(store)

        def fetch(query: dict[str, Any]) -> ActivityPage:
            return client._send(_list, (), query)[0]

        return ActivityStream(fetch, _start(cursor, since, store), base, follow=follow, interval=interval,
                              store=store)

    stream.__doc__ = _STREAM_DOC


class AsyncActivities(AsyncAPIResource):
    list = async_list(_list)
    get = async_op(_get)

    def stream(self, *, since: datetime | None = None, cursor: Cursor | None = None,
               store: CursorStore | None = None, follow: bool = False, interval: float = 5.0,
               **filters: Any) -> AsyncActivityStream:
        client, base = self._client, _filters(filters)
        _list.request_kwargs((), {**base, "size": 100})
        _check_store(store)

        async def fetch(query: dict[str, Any]) -> ActivityPage:
            return (await client._send(_list, (), query))[0]

        return AsyncActivityStream(fetch, _start(cursor, since, store), base, follow=follow, interval=interval,
                                   store=store)

    stream.__doc__ = _STREAM_DOC
