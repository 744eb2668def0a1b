"""Webhook deliveries: POST the bare event payload, signed with `topo_ext.webhooks.sign`, to loopback URLs only.

Events raised while the sandbox runs are queued and delivered in order by one background thread
(`WebhookDispatcher`); `POST /webhooks/{id}/test` delivers synchronously through `deliver`.
"""

from __future__ import annotations

import ipaddress
import json
import queue
import threading
from typing import Any
from urllib.parse import urlsplit

import httpx

from topo_ext.webhooks import sign

from ._runtime import Stats
from ._state import Delivery, Record, State

__all__ = ["WebhookDispatcher", "deliver", "encode", "is_loopback"]

TIMEOUT = 5.0


def encode(payload: Record) -> bytes:
    return json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode()


def is_loopback(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def deliver(client: httpx.Client, url: str, secret: str, body: bytes) -> tuple[int | None, str | None]:
    """POST one signed delivery; returns (receiver status or None, error or None). Never raises."""
    if not is_loopback(url):
        return None, "refused: the sandbox delivers webhooks only to loopback URLs (127.0.0.1, ::1, localhost)"
    headers = {"Content-Type": "application/json", "User-Agent": "topo-sandbox-webhooks", **sign(body, secret)}
    try:
        response = client.post(url, content=body, headers=headers, timeout=TIMEOUT)
    except httpx.HTTPError as err:
        return None, f"{type(err).__name__}: {err}"
    if response.is_success:
        return response.status_code, None
    return response.status_code, f"receiver answered {response.status_code}"


class WebhookDispatcher:
    """Delivers every activity recorded in `state` to the ACTIVE subscriptions that want it."""

    def __init__(self, state: State, stats: Stats) -> None:
        self.state = state
        self.stats = stats
        self._queue: queue.Queue[tuple[Record, str, Record] | None] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._unsubscribe: Any = None

    def start(self) -> None:
        self._unsubscribe = self.state.on_activity(self._enqueue)
        self._thread = threading.Thread(target=self._run, name="topo-sandbox-webhooks", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join(timeout)
            self._thread = None

    def flush(self, timeout: float = 5.0) -> bool:
        """Wait until every queued delivery has been attempted; False if `timeout` ran out first."""
        done = threading.Event()

        def wait() -> None:
            self._queue.join()
            done.set()

        threading.Thread(target=wait, daemon=True).start()
        return done.wait(timeout)

    def _enqueue(self, activity: Record) -> None:
        payload = activity["payload"]
        for subscription, secret in self.state.subscriptions_for(payload):
            self._queue.put((subscription, secret, payload))

    def _run(self) -> None:
        with httpx.Client(trust_env=False) as client:  # loopback only: never through a proxy
            while True:
                item = self._queue.get()
                try:
                    if item is None:
                        return
                    subscription, secret, payload = item
                    status, error = deliver(client, subscription["url"], secret, encode(payload))
                    self.stats.add("webhook_deliveries")
                    if error is not None:
                        self.stats.add("webhook_failures")
                    self.state.record_delivery(Delivery(subscription["id"], str(payload.get("type")),
                                                        subscription["url"], error is None, status, error))
                finally:
                    self._queue.task_done()
