"""Activities: list/get decode straight into the typed event models; `stream()` polls exactly once per activity."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from topo_client.api.activities import get_activity, list_activities
from topo_client.responses import Activity, ActivityPage

from .._resource import AsyncAPIResource, SyncAPIResource, async_list, async_op, endpoint, sync_list, sync_op
from ..streaming import ActivityStream, AsyncActivityStream, Cursor, CursorStore, _filters, _start

_list = endpoint(list_activities.build_request, ActivityPage)
_get = endpoint(get_activity.build_request, Activity)

_STREAM_DOC = """Every activity created after the cursor, oldest first, each exactly once.

Args:
    since: start after this (timezone-aware) instant, if no cursor is given.
    cursor: resume from a saved `Cursor`.
    store: load the cursor from / save it to a `FileCursorStore` or `SQLiteCursorStore`.
    follow: keep polling every `interval` seconds after catching up.
    **filters: any filter of `list()` (person_id, sequence_id, resource_type, channel, event_type, ...).
"""


class Activities(SyncAPIResource):
    list = sync_list(_list)
    get = sync_op(_get)

    def stream(self, *, since: datetime | None = None, cursor: Cursor | None = None,
               store: CursorStore | None = None, follow: bool = False, interval: float = 5.0,
               **filters: Any) -> ActivityStream:
        client, base = self._client, _filters(filters)
        _list.request_kwargs((), {**base, "size": 100})  # check the filters before the first request

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

        async def fetch(query: dict[str, Any]) -> ActivityPage:
            return (await client._send(_list, (), query))[0]

        return AsyncActivityStream(fetch, _start(cursor, since, store), base, follow=follow, interval=interval,
                                   store=store)

    stream.__doc__ = _STREAM_DOC
