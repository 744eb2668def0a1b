"""Fault injection: what a flaky network, gateway or server does to a request, as seen by an HTTP client.

| kind        | the client sees (httpx)                                                                 |
|-------------|-----------------------------------------------------------------------------------------|
| "429"       | 429 JSON error, `Retry-After: 0|1` and `retry-after-ms: <retry_after * 1000>`            |
| "500"/"503" | that status with a JSON error body carrying `request_id`                                 |
| "502"       | 502 with an HTML page (`text/html`), as a reverse proxy sends                             |
| "html"      | 200 with an HTML page (`text/html`) instead of JSON                                      |
| "reset"     | no response: the TCP connection is reset (httpx.ReadError / RemoteProtocolError)       |
| "slow"      | the real response, after `slow_seconds` (a client with a shorter timeout times out)      |
| "truncated" | the real 2xx response with its body cut in half (Content-Length matches the cut body)    |

The request does not reach the handler for 429/500/502/503/html/reset; "slow" and "truncated" run it (so a
truncated create did create the resource, as a lost answer does in production).
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import socket
import struct
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.types import Message, Send

__all__ = ["FAULT_KINDS", "FaultConfig", "fault_response", "reset_connection", "truncating"]

FAULT_KINDS: tuple[str, ...] = ("429", "500", "502", "503", "reset", "slow", "truncated", "html")

_BAD_GATEWAY = (
    "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n"
    "<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
)
_HTML_PAGE = (
    "<!DOCTYPE html><html><head><title>Sign in</title></head><body><h1>Please sign in</h1>"
    "<p>Your session has expired.</p></body></html>"
)


@dataclass(frozen=True)
class FaultConfig:
    """Inject a fault into a `rate` fraction of API requests, picking uniformly among `kinds`.

    `seed` makes the choice of requests and kinds repeatable (for a given request order); `slow_seconds` is how
    long a "slow" response is held back; `retry_after` is the wait a fault 429 asks for (Retry-After carries it
    rounded up to whole seconds, `retry-after-ms` exactly).
    """

    rate: float = 0.1
    kinds: tuple[str, ...] = FAULT_KINDS
    seed: int | None = None
    slow_seconds: float = 2.0
    retry_after: float = 0.05

    def __post_init__(self) -> None:
        if not 0.0 <= self.rate <= 1.0:
            raise ValueError(f"rate: must be between 0 and 1, got {self.rate!r}")
        if isinstance(self.kinds, str):  # type: ignore[unreachable]  # a common slip: kinds="500"
            raise TypeError("kinds: pass a tuple of fault kinds, e.g. ('500', 'reset')")
        unknown = [k for k in self.kinds if k not in FAULT_KINDS]
        if unknown or not self.kinds:
            raise ValueError(f"kinds: unknown or empty {list(self.kinds)!r}; choose from {', '.join(FAULT_KINDS)}")
        for name in ("slow_seconds", "retry_after"):  # inf would hold every faulted request forever
            if not (math.isfinite(value := getattr(self, name)) and value >= 0):
                raise ValueError(f"{name}: must be a finite number of seconds >= 0, got {value!r}")


def error_body(status: int, error_type: str, message: str, request_id: str, data: Any = None) -> dict[str, Any]:
    body: dict[str, Any] = {"status_code": status, "type": error_type, "message": message}
    if data is not None:
        body["data"] = data
    body["request_id"] = request_id
    return body


# The spec's ErrorType enum has no value for rate limiting or server errors (those rows of the docs are cut off);
# the sandbox uses the closest documented category so every error body still validates against the spec.
RATE_LIMIT_TYPE = "RateLimitIssue"  # placeholder type: see ErrorType in the spec
SERVER_ERROR_TYPE = "InternalIssue"  # placeholder type: see ErrorType in the spec


def fault_response(kind: str, config: FaultConfig, request_id: str) -> Response:
    """The response a gateway-level fault sends instead of the real one."""
    if kind == "429":
        wait = config.retry_after
        return JSONResponse(
            error_body(429, RATE_LIMIT_TYPE, "Too many requests (sandbox fault injection)", request_id,
                       {"retry_after": wait}),
            status_code=429,
            headers={"Retry-After": str(math.ceil(wait)), "retry-after-ms": str(round(wait * 1000))},
        )
    if kind in ("500", "503"):
        status = int(kind)
        text = "Internal server error" if status == 500 else "Service temporarily unavailable"
        return JSONResponse(error_body(status, SERVER_ERROR_TYPE, f"{text} (sandbox fault injection)", request_id),
                            status_code=status)
    if kind == "502":
        return HTMLResponse(_BAD_GATEWAY, status_code=502)
    if kind == "html":
        return HTMLResponse(_HTML_PAGE, status_code=200)
    raise ValueError(f"fault {kind!r} has no canned response")


async def reset_connection(send: Send) -> None:
    """Drop the connection without answering: abort uvicorn's transport with SO_LINGER 0, so the peer gets RST.

    The ASGI `send` callable uvicorn passes is a bound method of its request cycle, which holds the transport.
    Outside uvicorn (an in-process ASGI client) there is no socket, so the error is raised instead.
    """
    transport = getattr(getattr(send, "__self__", None), "transport", None)
    if not isinstance(transport, asyncio.Transport):
        raise ConnectionResetError("sandbox fault injection: connection reset")
    sock = transport.get_extra_info("socket")
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    transport.abort()
    await asyncio.sleep(0)  # let uvicorn see the connection is gone, so it does not try to answer 500


def truncating(send: Send, on_cut: Callable[[], None]) -> Send:
    """Wrap `send` so a 2xx response with a body goes out with only its first half (and a matching length)."""
    start: Message | None = None
    chunks: list[bytes] = []

    async def wrapped(message: Message) -> None:
        nonlocal start
        if message["type"] == "http.response.start":
            start = message
            return
        if message["type"] != "http.response.body" or start is None:
            await send(message)
            return
        chunks.append(message.get("body", b""))
        if message.get("more_body", False):
            return
        body = b"".join(chunks)
        if 200 <= start["status"] < 300 and len(body) > 1:
            body = body[: len(body) // 2]
            headers = [(k, v) for k, v in start.get("headers", []) if k.lower() != b"content-length"]
            start = {**start, "headers": [*headers, (b"content-length", str(len(body)).encode())]}
            on_cut()
        await send(start)
        await send({"type": "http.response.body", "body": body, "more_body": False})

    return wrapped
