"""The connection pool of an `AsyncTopo` and its copies: one `httpx.AsyncClient` per event loop."""

from __future__ import annotations

from typing import TYPE_CHECKING

import httpx

from . import _exceptions as exc
from ._exceptions import CLOSED

if TYPE_CHECKING:
    import asyncio


class LoopBoundHTTP:
    """The httpx.AsyncClient of an AsyncTopo and its copies, one per event loop.

    Connections belong to the loop that opened them: after `asyncio.run(...)` returns they are dead. A client
    that AsyncTopo made is replaced when a request runs on another loop; one you passed (`http_client=`) cannot
    be, so using it on a second loop raises a `TopoError` that says so.
    """

    def __init__(self, given: httpx.AsyncClient | None, timeout: httpx.Timeout) -> None:
        self.owned = given is None
        self._timeout = timeout
        self._client = given or self._new()
        self._loop: asyncio.AbstractEventLoop | None = None
        self.closed = False

    def _new(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(timeout=self._timeout, follow_redirects=False)

    def get(self) -> httpx.AsyncClient:
        import asyncio  # loaded by then: this runs inside a coroutine

        loop = asyncio.get_running_loop()
        if self.closed or self._client.is_closed:
            raise exc.ClientClosedError(CLOSED)
        if self._loop is None or self._loop is loop:
            self._loop = loop
        elif not self._loop.is_closed() and self._loop.is_running():
            raise exc.TopoError("this AsyncTopo is in use on another running event loop; create one client per loop")
        elif self.owned:  # the old loop is gone, and with it every connection of the old client
            self._client, self._loop = self._new(), loop
        else:
            raise exc.TopoError(
                "the http_client passed to AsyncTopo belongs to an event loop that has finished (e.g. an earlier "
                "asyncio.run); create the AsyncTopo and its http_client inside the loop that uses them"
            )
        return self._client

    @property
    def is_closed(self) -> bool:
        return self.closed or self._client.is_closed

    async def aclose(self) -> None:
        self.closed = True
        if self.owned:
            import asyncio

            try:
                loop = asyncio.get_running_loop()
                if self._loop is None or self._loop is loop:
                    await self._client.aclose()
            except RuntimeError:  # no running loop: nothing to await on
                pass

