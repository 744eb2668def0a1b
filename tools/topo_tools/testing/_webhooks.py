"""Deliver a signed webhook to the service's own ASGI or WSGI app, in-process, as Topo would send it."""

from __future__ import annotations

import asyncio
import inspect
import json
from collections.abc import Mapping
from typing import Any, Literal

import httpx

from topo_ext.webhooks import DEFAULT_SCHEME, SignatureScheme, sign

__all__ = ["adeliver_webhook", "deliver_webhook", "encode_payload"]

Interface = Literal["auto", "asgi", "wsgi"]
_BASE = "http://testserver"


def encode_payload(payload: Mapping[str, Any] | bytes) -> bytes:
    """The delivery body: the bare event payload as compact JSON (as the sandbox sends it), or `payload` as is."""
    if isinstance(payload, bytes):
        return payload
    if not isinstance(payload, Mapping):
        raise TypeError(f"payload: expected an event payload dict or raw bytes, got {type(payload).__name__}")
    return json.dumps(dict(payload), separators=(",", ":"), ensure_ascii=False).encode()


def _is_asgi(app: Any, interface: Interface) -> bool:
    if interface != "auto":
        return interface == "asgi"
    if not callable(app):
        raise TypeError(f"app: expected an ASGI or WSGI application, got {type(app).__name__}")
    call = app if inspect.isfunction(app) or inspect.ismethod(app) else type(app).__call__
    return inspect.iscoroutinefunction(call)


def _request(payload: Mapping[str, Any] | bytes, secret: str | bytes, timestamp: int | None,
             scheme: SignatureScheme, headers: Mapping[str, str] | None) -> tuple[bytes, dict[str, str]]:
    body = encode_payload(payload)
    sent = {"Content-Type": "application/json", "User-Agent": "topo-testing-webhooks",
            **sign(body, secret, timestamp=timestamp, scheme=scheme)}
    sent.update(headers or {})
    return body, sent


def deliver_webhook(app: Any, payload: Mapping[str, Any] | bytes, secret: str | bytes, *,
                    path: str = "/webhooks/topo", timestamp: int | None = None,
                    scheme: SignatureScheme = DEFAULT_SCHEME, headers: Mapping[str, str] | None = None,
                    interface: Interface = "auto") -> httpx.Response:
    """POST `payload`, signed with `secret` (`topo_ext.webhooks.sign`), to `path` of `app`; returns its answer.

    `app` is an ASGI app (Starlette, FastAPI, Django's ASGI handler, ...) or a WSGI app (Flask, Django, ...),
    detected from its call signature unless `interface` says. `timestamp` (Unix seconds) backdates a delivery
    to test replay protection; `headers` add or override headers (e.g. a tampered signature).
    From async code with an ASGI app, use `adeliver_webhook`.
    """
    body, sent = _request(payload, secret, timestamp, scheme, headers)
    if _is_asgi(app, interface):
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return asyncio.run(_asgi_post(app, path, body, sent))
        raise RuntimeError("deliver_webhook: an event loop is running; use `await adeliver_webhook(...)`") from None
    with httpx.Client(transport=httpx.WSGITransport(app=app), base_url=_BASE) as client:
        return client.post(path, content=body, headers=sent)


async def adeliver_webhook(app: Any, payload: Mapping[str, Any] | bytes, secret: str | bytes, *,
                           path: str = "/webhooks/topo", timestamp: int | None = None,
                           scheme: SignatureScheme = DEFAULT_SCHEME, headers: Mapping[str, str] | None = None,
                           interface: Interface = "auto") -> httpx.Response:
    """`deliver_webhook` for async tests (a WSGI app is called synchronously)."""
    if not _is_asgi(app, interface):
        return deliver_webhook(app, payload, secret, path=path, timestamp=timestamp, scheme=scheme,
                               headers=headers, interface="wsgi")
    body, sent = _request(payload, secret, timestamp, scheme, headers)
    return await _asgi_post(app, path, body, sent)


async def _asgi_post(app: Any, path: str, body: bytes, headers: dict[str, str]) -> httpx.Response:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=_BASE) as client:
        response = await client.post(path, content=body, headers=headers)
        await response.aread()
        return response
