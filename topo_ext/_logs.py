"""The request log on the `topo` logger: one DEBUG line per attempt, one INFO line per operation.

`TOPO_LOG=debug|info` turns it on from the environment (read when a client is created: the `topo` logger gets at
least that level and, if it has no handler yet, one writing to stderr); otherwise configure the `topo` logger as usual.
Header values never appear (only their names); bodies only with `TOPO_LOG_BODIES=1`, and then as JSON with the
values of secret-looking keys redacted, bounded in size. Nothing here costs anything while the logger is off.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sys
import time
from typing import TYPE_CHECKING, Any

import httpx

from ._limits import request_id_of

if TYPE_CHECKING:
    from ._operations import Operation
    from ._retries import Attempt

log = logging.getLogger("topo")

LEVELS = {"debug": logging.DEBUG, "info": logging.INFO}
REDACTED = "[redacted]"
#: Keys whose values are never logged: API keys, webhook signing secrets, tokens, passwords, signatures.
SECRET_KEY = re.compile(r"secret|token|passw|api[_-]?key|authori[sz]ation|signature|credential", re.IGNORECASE)
MAX_BODY = 64 * 1024  # larger bodies are described, not parsed
MAX_SHOWN = 2000  # characters of a body shown
MAX_DEPTH = 32


class _Settings:
    bodies = False


settings = _Settings()


def level_from_env() -> int | None:
    """The level `TOPO_LOG` asks for (None: unset); anything but debug/info is a ValueError naming it."""
    value = os.environ.get("TOPO_LOG", "").strip()
    if not value:
        return None
    level = LEVELS.get(value.lower())
    if level is None:
        raise ValueError(f"TOPO_LOG: must be one of {', '.join(LEVELS)}, got {value[:20]!r}")
    return level


class _Handler(logging.StreamHandler):  # type: ignore[type-arg]
    """The stderr handler `TOPO_LOG` adds; marked so that it is added once."""


def configure_from_env() -> None:
    """Apply `TOPO_LOG` and `TOPO_LOG_BODIES` (called when a client is created)."""
    settings.bodies = os.environ.get("TOPO_LOG_BODIES", "").strip().lower() in {"1", "true", "yes"}
    level = level_from_env()
    if level is None:
        return
    if log.getEffectiveLevel() > level:  # at least that much: a more verbose setting (the CLI's -v) stays
        log.setLevel(level)
    if not log.handlers:
        handler = _Handler(sys.stderr)
        handler.setFormatter(logging.Formatter("[%(asctime)s %(name)s %(levelname)s] %(message)s"))
        log.addHandler(handler)


def attempt(request: httpx.Request, outcome: Attempt, number: int, sent_at: float) -> None:
    """One DEBUG line for one attempt (and, when asked for, its bodies)."""
    if not log.isEnabledFor(logging.DEBUG):
        return
    elapsed = (time.monotonic() - sent_at) * 1000
    response = outcome.response
    result = _result(outcome)
    rid = request_id_of(response) if response is not None else None
    url = url_of(request)
    log.debug("%s %s -> %s in %.0f ms (attempt %d, request_id=%s; headers: %s [values redacted])",
              request.method, url, result, elapsed, number, rid, ", ".join(request.headers.keys()),
              extra={"topo_method": request.method, "topo_url": url, "topo_result": result,
                     "topo_elapsed_ms": round(elapsed, 1), "topo_attempt": number, "topo_request_id": rid})
    if settings.bodies:
        try:
            content = request.content
        except httpx.RequestNotRead:  # a streamed body: not ours to read
            content = b""
        if content:
            log.debug("request body: %s", body_text(content))
        if response is not None and response.content:
            log.debug("response body: %s", body_text(response.content))


def operation(op: Operation[Any, Any], request: httpx.Request, outcome: Attempt, attempts: int,
              started: float) -> None:
    """One INFO line for the operation: its final outcome, attempts and the whole time (waits included)."""
    if not log.isEnabledFor(logging.INFO):
        return
    response = outcome.response
    rid = request_id_of(response) if response is not None else None
    log.info("%s: %s %s -> %s in %.0f ms (%d attempt%s, request_id=%s)", op.spec.operation_id, request.method,
             url_of(request), _result(outcome), (time.monotonic() - started) * 1000, attempts,
             "" if attempts == 1 else "s", rid)


def _result(outcome: Attempt) -> str:
    if outcome.response is not None:
        return str(outcome.response.status_code)
    err = outcome.error
    cause = getattr(err, "response", None)  # an undecodable 2xx body
    return f"{cause.status_code} ({type(err).__name__})" if isinstance(cause, httpx.Response) else type(err).__name__


def url_of(request: httpx.Request) -> str:
    """The URL with the values of secret-looking query parameters redacted."""
    url = request.url
    if not url.query:
        return str(url)
    params = [(k, REDACTED if SECRET_KEY.search(k) else v) for k, v in url.params.multi_items()]
    return str(url.copy_with(params=params))


def body_text(content: bytes) -> str:
    """A body as it may be logged: JSON with secret-looking keys' values redacted, cut at `MAX_SHOWN`; anything
    else (or anything too large to parse) only described."""
    if len(content) > MAX_BODY:
        return f"<{len(content)} bytes, not shown>"
    try:
        data = json.loads(content)
    except (ValueError, RecursionError):
        return f"<{len(content)} bytes, not JSON, not shown>"
    text = json.dumps(redact(data), ensure_ascii=False)
    return text if len(text) <= MAX_SHOWN else text[:MAX_SHOWN] + f"... <{len(content)} bytes>"


def redact(data: Any, depth: int = 0) -> Any:
    if depth > MAX_DEPTH:
        return "[too deep]"
    if isinstance(data, dict):
        return {k: REDACTED if SECRET_KEY.search(str(k)) else redact(v, depth + 1) for k, v in data.items()}
    if isinstance(data, list):
        return [redact(v, depth + 1) for v in data]
    return data
