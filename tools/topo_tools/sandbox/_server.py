"""`Sandbox`: the app served by uvicorn on 127.0.0.1 in a background thread, plus webhook delivery."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterable
from types import TracebackType

import uvicorn

from ._app import SandboxApp, create_app
from ._faults import FaultConfig
from ._runtime import Settings, Stats
from ._state import ALL_SCOPES, Delivery, State
from ._webhooks import WebhookDispatcher

__all__ = ["Sandbox"]

HOST = "127.0.0.1"


class Sandbox:
    """A stateful fake of the Topo API over real HTTP on loopback. Use it as a context manager:

        with Sandbox(seed=1, activities=2000) as sb:
            client = Topo(api_key=sb.api_key, base_url=sb.base_url)

    Args:
        seed: fixes the demo data and every id handed out later.
        activities: how many activities to seed (all 16 event types, some sharing a created_at).
        rate_limit: requests per second per API key (token bucket); beyond it 429 with Retry-After.
        latency: seconds added to every API response (async sleep, so concurrent requests overlap).
        faults: a `FaultConfig` to inject failures into a fraction of API requests (changeable via `faults`).
        port: TCP port on 127.0.0.1; 0 picks a free one.
        retry_after_ms: also send `retry-after-ms` (the exact wait) on rate-limit 429s.
        burst: token bucket size (default max(1, rate_limit)).
        contacts: how many contacts to seed.
    """

    def __init__(self, seed: int = 1, activities: int = 2000, rate_limit: float | None = None, latency: float = 0.0,
                 faults: FaultConfig | None = None, port: int = 0, *, retry_after_ms: bool = False,
                 burst: float | None = None, contacts: int = 50) -> None:
        if not 0 <= port <= 65535:
            raise ValueError(f"port: must be 0..65535, got {port!r}")
        self.state = State(seed=seed, activities=activities, contacts=contacts)
        self.api_key = self.state.make_key(ALL_SCOPES, name="Sandbox full access")
        self.stats = Stats()
        self.app: SandboxApp = create_app(self.state, rate_limit=rate_limit, latency=latency, faults=faults,
                                          retry_after_ms=retry_after_ms, burst=burst, stats=self.stats)
        self._requested_port = port
        self._port: int | None = None
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._dispatcher = WebhookDispatcher(self.state, self.stats)

    def __repr__(self) -> str:
        where = self.base_url if self._port else "not started"
        return f"Sandbox({where})"

    # lifecycle ---------------------------------------------------------------------------------------------

    def start(self, timeout: float = 10.0) -> Sandbox:
        """Serve on 127.0.0.1 in a background thread; returns once the server accepts connections."""
        if self._thread is not None:
            raise RuntimeError("this sandbox is already running")
        # proto=IPPROTO_TCP matters: asyncio only sets TCP_NODELAY on accepted sockets whose proto says TCP, and
        # without it every response waits ~40 ms (Nagle vs delayed ACK between the header and body writes).
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((HOST, self._requested_port))
        except OSError as err:
            sock.close()
            raise OSError(f"cannot listen on {HOST}:{self._requested_port}: {err.strerror}") from None
        self._port = sock.getsockname()[1]
        config = uvicorn.Config(self.app, log_config=None, log_level="warning", access_log=False, lifespan="off",
                                http="h11", ws="none", loop="asyncio", proxy_headers=False, server_header=False,
                                timeout_graceful_shutdown=2,
                                # Longer than any pause between a test's calls under load: uvicorn's 5 s default let
                                # a pooled connection close just as a POST (never retried) was sent on it.
                                timeout_keep_alive=120)
        self._server = uvicorn.Server(config)
        self.app.settings.closing.clear()
        self._thread = threading.Thread(target=self._server.run, kwargs={"sockets": [sock]},
                                        name=f"topo-sandbox-{self._port}", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"the sandbox did not start on {HOST}:{self._port}")
            time.sleep(0.01)
        self._dispatcher.start()
        return self

    def stop(self, timeout: float = 10.0) -> None:
        """Stop serving (in-flight slow/latency sleeps are cut short) and stop delivering webhooks."""
        self.app.settings.closing.set()
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout)
        self._dispatcher.stop()
        self._server = self._thread = None

    def __enter__(self) -> Sandbox:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()

    # access ------------------------------------------------------------------------------------------------

    @property
    def port(self) -> int:
        if self._port is None:
            raise RuntimeError("the sandbox is not started (use `with Sandbox(...) as sb:` or sb.start())")
        return self._port

    @property
    def base_url(self) -> str:
        """`http://127.0.0.1:<port>/v1`."""
        return f"http://{HOST}:{self.port}/v1"

    @property
    def settings(self) -> Settings:
        """Live knobs: rate_limit, burst, latency, faults, retry_after_ms (assign to change them)."""
        return self.app.settings

    @property
    def faults(self) -> FaultConfig | None:
        return self.app.settings.faults

    @faults.setter
    def faults(self, config: FaultConfig | None) -> None:
        self.app.settings.faults = config

    def make_key(self, scopes: Iterable[str], *, name: str = "Sandbox scoped key") -> str:
        """A new API key holding only `scopes` (e.g. ["contacts:read"])."""
        return self.state.make_key(scopes, name=name)

    @property
    def deliveries(self) -> list[Delivery]:
        """Every webhook delivery attempted so far (event deliveries and tests), oldest first."""
        with self.state.lock:
            return list(self.state.deliveries)

    def flush_webhooks(self, timeout: float = 5.0) -> bool:
        """Wait until every queued webhook delivery has been attempted; False on timeout."""
        return self._dispatcher.flush(timeout)
