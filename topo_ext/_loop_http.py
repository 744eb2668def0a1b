"""The connection pool of an `AsyncTopo` and its copies: one `httpx.AsyncClient` per event loop."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Any

import httpx

from . import _exceptions as exc
from ._exceptions import CLOSED

if TYPE_CHECKING:
    import asyncio
    from collections.abc import AsyncGenerator


class _LoopPool:
    """The pool AsyncTopo opened on one event loop, released when that loop ends.

    `asyncio.run` (and `asyncio.Runner`, pytest-asyncio, uvloop) finalize the async generators of a loop before
    closing it: a generator started on the loop closes the pool there, while the loop still runs. A loop closed
    without that step leaves the pool to `release()`, which closes its sockets without the loop.
    """

    __slots__ = ("_ender", "client", "loop")

    def __init__(self, client: httpx.AsyncClient, loop: asyncio.AbstractEventLoop) -> None:
        self.client: httpx.AsyncClient | None = client
        self.loop = loop
        self._ender: AsyncGenerator[None, None] | None = self._end()
        _step(self._ender.asend(None))  # runs to its `yield`; the loop's first-iteration hook now tracks it

    async def _end(self) -> AsyncGenerator[None, None]:
        try:
            yield
        finally:
            client, self.client = self.client, None
            if client is not None:
                await client.aclose()

    @property
    def released(self) -> bool:
        return self.client is None

    async def aclose(self) -> None:
        """Close the pool on its loop (the running one)."""
        client, self.client = self.client, None
        self._stop()
        if client is not None:
            await client.aclose()

    def release(self) -> None:
        """Close the pool of a loop that is closed: its transports cannot be closed through it any more."""
        client, self.client = self.client, None
        self._stop()
        if client is not None:
            _close_sockets(client)

    def _stop(self) -> None:
        # Finished here, with `client` already taken, it awaits nothing; left suspended, its loop (or the garbage
        # collector, through the loop's hook) would close it later, on a loop that may be closed by then.
        ender, self._ender = self._ender, None
        if ender is not None:
            _step(ender.aclose())


def _step(awaitable: Any) -> None:
    """Run a coroutine that awaits nothing to its end (or first suspension) without an event loop."""
    with contextlib.suppress(StopIteration):
        awaitable.send(None)


def _close_sockets(client: httpx.AsyncClient) -> None:
    """Close the sockets of a pool whose event loop is closed, as the loop would have when closing them.

    httpx/httpcore close connections only by awaiting on their loop, which a closed loop refuses; the garbage
    collector would close them later with a `ResourceWarning`. So this follows each connection to its asyncio
    transport (httpcore connection -> network stream -> anyio stream -> transport) and finishes it.
    """
    pool = getattr(getattr(client, "_transport", None), "_pool", None)
    for connection in list(getattr(pool, "connections", ())):
        while hasattr(connection, "_connection"):  # proxies and HTTP/1.1-or-2 wrap the connection that has the stream
            connection = connection._connection
        stream: Any = getattr(getattr(connection, "_network_stream", None), "_stream", None)
        while hasattr(stream, "transport_stream"):  # TLS wraps the socket stream
            stream = stream.transport_stream
        transport = getattr(stream, "_transport", None)
        if transport is not None and getattr(transport, "_sock", None) is not None:
            with contextlib.suppress(Exception):  # an unknown transport: the garbage collector remains
                transport._call_connection_lost(None)  # closes the socket, as the loop's own last callback would


_ELSEWHERE = "this AsyncTopo is in use on another running event loop; create one client per loop"


class LoopBoundHTTP:
    """The httpx.AsyncClient of an AsyncTopo and its copies, one per event loop.

    Connections belong to the loop that opened them: after `asyncio.run(...)` returns they are dead. A client
    that AsyncTopo made is replaced when a request runs on another loop, and the old one is closed (when its loop
    ends, or at the latest when it is found closed); one you passed (`http_client=`) cannot be, so using it on a
    second loop raises a `TopoError` that says so.
    """

    def __init__(self, given: httpx.AsyncClient | None, timeout: httpx.Timeout) -> None:
        self.owned = given is None
        self._timeout = timeout
        self._given = given
        self._given_loop: asyncio.AbstractEventLoop | None = None
        self._pools: list[_LoopPool] = []  # the last is the current loop's; earlier ones wait for their loop's end
        self.closed = False

    def get(self) -> httpx.AsyncClient:
        import asyncio  # loaded by then: this runs inside a coroutine

        loop = asyncio.get_running_loop()
        if self.is_closed:
            raise exc.ClientClosedError(CLOSED)
        if self._given is not None:
            return self._given_on(loop, self._given)
        self._prune()
        current = self._pools[-1] if self._pools else None
        if current is not None and current.client is not None:
            if current.loop is loop:
                return current.client
            if current.loop.is_running():
                raise exc.TopoError(_ELSEWHERE)
        pool = _LoopPool(httpx.AsyncClient(timeout=self._timeout, follow_redirects=False), loop)
        self._pools.append(pool)
        return pool.client  # type: ignore[return-value]  # just made

    def _given_on(self, loop: asyncio.AbstractEventLoop, given: httpx.AsyncClient) -> httpx.AsyncClient:
        if self._given_loop is None or self._given_loop is loop:
            self._given_loop = loop
            return given
        if self._given_loop.is_running():
            raise exc.TopoError(_ELSEWHERE)
        raise exc.TopoError(
            "the http_client passed to AsyncTopo belongs to an event loop that has finished (e.g. an earlier "
            "asyncio.run); create the AsyncTopo and its http_client inside the loop that uses them"
        )

    def _prune(self) -> None:
        """Forget the pools closed when their loop ended, and close those of loops closed without that step."""
        for pool in list(self._pools):
            if not pool.released and pool.loop.is_closed():
                pool.release()
            if pool.released:
                self._pools.remove(pool)

    @property
    def is_closed(self) -> bool:
        return self.closed or (self._given is not None and self._given.is_closed)

    async def aclose(self) -> None:
        self.closed = True
        if self._given is not None:
            return
        import asyncio

        self._prune()
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # not asyncio: nothing here can be awaited on
            return
        for pool in list(self._pools):
            if pool.loop is loop:
                await pool.aclose()
                self._pools.remove(pool)
        # A pool left is on a loop still open elsewhere: its end (or the next `close()` after it) closes it.
