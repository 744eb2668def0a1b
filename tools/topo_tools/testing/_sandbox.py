"""`TopoSandbox`: what the `topo_sandbox` fixture hands a test (a running sandbox plus test helpers)."""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, Self, TypeVar, cast, overload

import httpx

from topo_ext import AsyncTopo, Topo

from ..sandbox import FAULT_KINDS, Delivery, FaultConfig, Sandbox, Settings, State, Stats
from ._webhooks import adeliver_webhook, deliver_webhook

__all__ = ["FaultScript", "TopoSandbox"]

T = TypeVar("T")

API_PREFIX = "/v1"
_KNOBS = ("rate_limit", "burst", "latency", "faults", "retry_after_ms")


def _matches(wanted: str | None, path: str) -> bool:
    """`wanted` is an API path such as "/activities"; it matches that path and everything below it."""
    if wanted is None:
        return True
    wanted = "/" + wanted.strip("/")
    return path == wanted or path.startswith(wanted + "/")


@dataclass
class FaultScript:
    """Faults planned for the next matching requests, in order (made by `TopoSandbox.fail_next`).

    `hits` records each fault sent, as (kind, method, path); `pending` is what is left.
    """

    kinds: deque[str]
    config: FaultConfig
    path: str | None = None
    method: str | None = None
    after: int = 0
    hits: list[tuple[str, str, str]] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def pending(self) -> list[str]:
        with self._lock:
            return list(self.kinds)

    def take(self, method: str, path: str) -> tuple[str, FaultConfig] | None:
        api_path = path.removeprefix(API_PREFIX)
        if (self.method is not None and method != self.method) or not _matches(self.path, api_path):
            return None
        with self._lock:
            if self.after > 0:
                self.after -= 1
                return None
            if not self.kinds:
                return None
            kind = self.kinds.popleft()
            self.hits.append((kind, method, api_path))
        return kind, self.config


class _FromSandbox(Generic[T]):
    """A read-only attribute of `TopoSandbox` that is the wrapped `Sandbox`'s attribute of the same name."""

    def __init__(self, doc: str | None = None) -> None:
        self.__doc__ = doc

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, obj: None, owner: type) -> Self: ...
    @overload
    def __get__(self, obj: TopoSandbox, owner: type) -> T: ...
    def __get__(self, obj: TopoSandbox | None, owner: type) -> T | Self:
        return self if obj is None else cast(T, getattr(obj.sandbox, self.name))

    def __set__(self, obj: TopoSandbox, value: T) -> None:
        raise AttributeError(f"TopoSandbox.{self.name} is read-only (it is the sandbox's own)")


class TopoSandbox:
    """A running in-process sandbox (stateful fake of the Topo API on 127.0.0.1) with helpers for one test.

    `state` is the workspace (add or inspect data directly), `api_key` a full-access key. Clients made with
    `client()` are closed, and faults and knobs changed by the test are undone, when the test ends.
    """

    def __init__(self, sandbox: Sandbox) -> None:
        self.sandbox = sandbox
        self._scripts: list[FaultScript] = []
        self._clients: list[Topo] = []
        self._defaults = {name: getattr(sandbox.settings, name) for name in _KNOBS}
        sandbox.settings.fault_hook = self._scripted_fault

    def __repr__(self) -> str:
        return f"TopoSandbox({self.sandbox.base_url})"

    # what the sandbox is: read through to it (base_url, api_key, state, settings, stats, deliveries) ---------

    base_url = _FromSandbox[str]()
    api_key = _FromSandbox[str]("A key holding every scope (sandbox-only: random, never valid against the real API).")
    state = _FromSandbox[State]("The workspace: `state.contacts`, `state.add_activity(\"message.replied\", ...)`, ...")
    settings = _FromSandbox[Settings]("Live knobs (`rate_limit`, `latency`, `faults`, ...); undone when the test ends.")
    stats = _FromSandbox[Stats]()
    deliveries = _FromSandbox[list[Delivery]]("Every webhook delivery attempted so far, oldest first.")

    def flush_webhooks(self, timeout: float = 5.0) -> bool:
        return self.sandbox.flush_webhooks(timeout)

    # keys and clients ---------------------------------------------------------------------------------------

    def key(self, *scopes: str, name: str = "test key") -> str:
        """A new key holding exactly `scopes` (e.g. `key("contacts:read")`); no scopes means a key with none."""
        return self.sandbox.make_key(scopes, name=name)

    def client(self, *scopes: str, **options: Any) -> Topo:
        """A `Topo` client bound to the sandbox; with `scopes`, its key holds only those. `options` go to `Topo`."""
        options.setdefault("log_drift", False)
        client = Topo(api_key=self._key_for(scopes), base_url=self.base_url, **options)
        self._clients.append(client)
        return client

    def async_client(self, *scopes: str, **options: Any) -> AsyncTopo:
        """An `AsyncTopo` bound to the sandbox (close it yourself: `async with sb.async_client() as c:`)."""
        options.setdefault("log_drift", False)
        return AsyncTopo(api_key=self._key_for(scopes), base_url=self.base_url, **options)

    def _key_for(self, scopes: tuple[str, ...]) -> str:
        return self.key(*scopes, name="test key: " + ", ".join(scopes)) if scopes else self.api_key

    # faults -------------------------------------------------------------------------------------------------

    def fail_next(self, *kinds: str, path: str | None = None, method: str | None = None, after: int = 0,
                  retry_after: float = 0.05, slow_seconds: float = 2.0) -> FaultScript:
        """Make the next matching API requests fail, one fault kind each, in order; later requests succeed.

        `fail_next("429", "503")`: the next request gets a 429 with Retry-After, the one after a 503.
        `path="/activities"` and `method="GET"` narrow which requests count; `after=2` lets two of them through
        first. Kinds: see `FAULT_KINDS` ("slow" waits `slow_seconds`; a 429 asks to wait `retry_after`).
        """
        if not kinds:
            raise ValueError(f"fail_next: name at least one fault kind ({', '.join(FAULT_KINDS)})")
        config = FaultConfig(rate=1.0, kinds=tuple(dict.fromkeys(kinds)), retry_after=retry_after,
                             slow_seconds=slow_seconds)
        if after < 0:
            raise ValueError(f"after: must be >= 0, got {after!r}")
        script = FaultScript(deque(kinds), config, path, method.upper() if method else None, after)
        self._scripts.append(script)
        return script

    def inject_faults(self, rate: float, *kinds: str, seed: int | None = 0, **config: Any) -> FaultConfig:
        """Fail a random `rate` fraction of requests (repeatable with `seed`) until the test ends."""
        faults = FaultConfig(rate=rate, kinds=kinds or FAULT_KINDS, seed=seed, **config)
        self.settings.faults = faults
        return faults

    def _scripted_fault(self, method: str, path: str) -> tuple[str, FaultConfig] | None:
        for script in list(self._scripts):
            found = script.take(method, path)
            if found is not None:
                return found
        return None

    # webhooks -----------------------------------------------------------------------------------------------

    def event(self, event: str | Mapping[str, Any], **fields: Any) -> dict[str, Any]:
        """Record an activity in the sandbox (so the stream sees it too) and return its payload.

        `event` is an event type (a realistic payload about seeded contacts is generated; `fields` override its
        keys) or a whole payload dict (kept as given, e.g. an event type this client does not know yet).
        Sandbox webhook subscriptions are not notified: deliver the payload with `deliver_webhook`.
        """
        payload: dict[str, Any] = self.state.add_activity(event, notify=False, **fields)["payload"]
        return payload

    def deliver_webhook(self, app: Any, event: str | Mapping[str, Any] | bytes, secret: str | bytes, *,
                        path: str = "/webhooks/topo", **options: Any) -> httpx.Response:
        """Deliver `event` (a type, a payload or raw bytes; see `event`) signed with `secret` to `app` at `path`.

        `options` go to `topo_tools.testing.deliver_webhook` (timestamp, headers, scheme, interface).
        """
        payload = event if isinstance(event, bytes) else self.event(event)
        return deliver_webhook(app, payload, secret, path=path, **options)

    async def adeliver_webhook(self, app: Any, event: str | Mapping[str, Any] | bytes, secret: str | bytes, *,
                               path: str = "/webhooks/topo", **options: Any) -> httpx.Response:
        """`deliver_webhook` for async tests."""
        payload = event if isinstance(event, bytes) else self.event(event)
        return await adeliver_webhook(app, payload, secret, path=path, **options)

    # lifecycle ----------------------------------------------------------------------------------------------

    def end_test(self) -> None:
        """Close the test's clients, undo its faults and knob changes, zero the stats (the fixture calls this).
        The workspace is kept: a sandbox shared by a module keeps what its tests did."""
        for client in self._clients:
            client.close()
        self._clients.clear()
        self._scripts.clear()
        self.stats.reset()
        for name, value in self._defaults.items():
            setattr(self.sandbox.settings, name, value)
