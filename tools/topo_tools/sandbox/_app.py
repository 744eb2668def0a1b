"""The ASGI app: one route per spec path, and the request pipeline every operation shares.

Outer layer (`SandboxApp.__call__`, every request): request id (`X-Request-Id` on every response), stats,
latency, fault injection. Per operation (`_run`): bearer auth (401), rate limit (429), scope (403), path, query
and body checks against the spec (400), then the operation's handler (`_handlers.py`), answered with the
success status the spec gives.
"""

from __future__ import annotations

import inspect
import json
import logging
import math
import os
import random
import string
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import Message, Receive, Scope, Send

from topo_ext._spec import OperationSpec, operations

from ._faults import (
    RATE_LIMIT_TYPE,
    SERVER_ERROR_TYPE,
    FaultConfig,
    error_body,
    fault_response,
    reset_connection,
    truncating,
)
from ._handlers import HANDLERS, ApiError, Call
from ._runtime import RateLimiter, Settings, Stats
from ._schema import Invalid, check, parse_param
from ._state import ApiKey, State

__all__ = ["API_PREFIX", "SandboxApp", "create_app", "new_request_id"]

log = logging.getLogger("topo.sandbox")

API_PREFIX = "/v1"
_ALPHABET = string.ascii_lowercase + string.digits


def new_request_id() -> str:
    """`req_` + 26 lowercase alphanumerics, like the gateway's ids (one urandom call: this runs per request)."""
    return "req_" + "".join(_ALPHABET[b % 36] for b in os.urandom(26))


def _error(status: int, error_type: str, message: str, request_id: str, data: Any = None,
           headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(error_body(status, error_type, message, request_id, data), status_code=status, headers=headers)


def _render(result: Any) -> bytes | None:
    return None if result is None else json.dumps(result, ensure_ascii=False, separators=(",", ":")).encode()


class SandboxApp(Starlette):
    """The sandbox's Starlette app; `store`, `settings` and `stats` are the state and knobs it serves."""

    def __init__(self, store: State, settings: Settings, stats: Stats) -> None:
        missing = sorted(set(operations()) - set(HANDLERS))
        if missing:
            raise RuntimeError(f"the sandbox has no handler for spec operation(s): {', '.join(missing)}")
        by_path: dict[str, dict[str, OperationSpec]] = {}
        for op in operations().values():
            by_path.setdefault(op.path, {})[op.method] = op
        routes = [Route(API_PREFIX + path, self._endpoint(ops), methods=list(ops)) for path, ops in by_path.items()]
        routes.append(Route("/healthz", self._health, methods=["GET"]))
        super().__init__(routes=routes, exception_handlers={HTTPException: self._http_error})
        self.store = store
        self.settings = settings
        self.stats = stats
        self.limiter = RateLimiter()
        self._fault_config: FaultConfig | None = None
        self._fault_rng = random.Random()

    # outer layer -------------------------------------------------------------------------------------------

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        request_id = new_request_id()
        scope.setdefault("state", {})["request_id"] = request_id
        self.stats.add("requests")
        stats = self.stats

        async def tagged(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [*message.get("headers", []), (b"x-request-id", request_id.encode())]
                message = {**message, "headers": headers}
                stats.count("statuses", message["status"])
            await send(message)

        is_api = scope["path"].startswith(API_PREFIX + "/")
        fault, config = self._pick_fault(scope) if is_api else (None, None)
        if is_api and self.settings.latency:
            await self.settings.sleep(self.settings.latency)
        sender: Send = tagged
        if fault is not None and config is not None:
            if fault != "truncated":  # counted only when there was a 2xx body to cut
                self.stats.count("faults", fault)
            if fault == "reset":
                await reset_connection(send)
                return
            if fault == "slow":
                await self.settings.sleep(config.slow_seconds)
            elif fault == "truncated":
                sender = truncating(tagged, lambda: self.stats.count("faults", "truncated"))
            else:
                await fault_response(fault, config, request_id)(scope, receive, tagged)
                return
        await super().__call__(scope, receive, sender)

    def _pick_fault(self, scope: Scope) -> tuple[str | None, FaultConfig | None]:
        """The fault to inject into this request (and its config), or (None, None)."""
        hook = self.settings.fault_hook
        scripted = hook(scope["method"], scope["path"]) if hook is not None else None
        if scripted is not None:
            return scripted
        config = self.settings.faults
        if config is None or config.rate <= 0:
            return None, None
        if config is not self._fault_config:  # a new config starts its own seeded sequence
            self._fault_config = config
            self._fault_rng = random.Random(config.seed)
        if self._fault_rng.random() < config.rate:
            return self._fault_rng.choice(config.kinds), config
        return None, None

    # routes ------------------------------------------------------------------------------------------------

    async def _health(self, request: Request) -> Response:
        return JSONResponse({"status": "ok"})

    async def _http_error(self, request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        rid = request.state.request_id
        if exc.status_code == 404:
            return _error(404, "NotFoundIssue", f"No route {request.method} {request.url.path}", rid)
        return _error(exc.status_code, "ValidationIssue", f"{exc.detail}: {request.method} {request.url.path}", rid,
                      headers=dict(exc.headers or {}))

    def _endpoint(self, ops: dict[str, OperationSpec]) -> Callable[[Request], Awaitable[Response]]:
        async def endpoint(request: Request) -> Response:
            # Starlette also routes HEAD to GET routes; answer it as the GET it stands for.
            return await self._run(ops["GET" if request.method == "HEAD" else request.method], request)

        return endpoint

    async def _run(self, op: OperationSpec, request: Request) -> Response:
        rid: str = request.state.request_id
        try:
            key = self._authenticate(request)
            if self.settings.rate_limit is not None:
                wait = self.limiter.take(key.id, self.settings.rate_limit, self.settings.burst)
                if wait > 0:
                    return self._too_many(wait, rid)
            for scope in op.scopes:
                if scope not in key.scopes:
                    raise ApiError(403, "UnauthorizedIssue", f"Missing scope {scope}", {"required_scope": scope})
            call = Call(self.store, op, key, self._path(op, request), *self._query(op, request),
                        body=await self._body(op, request), request_id=rid)
            handler = HANDLERS[op.operation_id]
            if inspect.iscoroutinefunction(handler):
                content = _render(await handler(call))
            else:
                with self.store.lock:  # render inside the lock: other threads may be changing the records
                    content = _render(handler(call))
            call.check_all_read()
        except ApiError as err:
            return _error(err.status, err.type, err.message, rid, err.data)
        except Invalid as err:
            return _error(400, "ValidationIssue", err.message, rid, {"field": err.field})
        except ClientDisconnect:  # the client gave up (e.g. timed out on a slow fault): nobody to answer
            return Response(status_code=499)
        except Exception:
            log.exception("sandbox handler %s failed (request %s)", op.operation_id, rid)
            return _error(500, SERVER_ERROR_TYPE, "Sandbox internal error", rid)
        if content is None:
            return Response(status_code=op.success_status)
        return Response(content, status_code=op.success_status, media_type="application/json")

    def _authenticate(self, request: Request) -> ApiKey:
        header = request.headers.get("authorization")
        if not header:
            raise ApiError(401, "UnauthorizedIssue", "Missing Authorization header (expected 'Bearer <api key>')")
        scheme, _, raw = header.partition(" ")
        if scheme.lower() != "bearer" or not raw.strip():
            raise ApiError(401, "UnauthorizedIssue", "Malformed Authorization header (expected 'Bearer <api key>')")
        key = self.store.authenticate(raw.strip())
        if key is None:
            raise ApiError(401, "UnauthorizedIssue", "Invalid API key")
        key.last_used_at = self.store.now()
        return key

    def _too_many(self, wait: float, request_id: str) -> Response:
        self.stats.add("rate_limited")
        headers = {"Retry-After": str(max(1, math.ceil(wait)))}
        if self.settings.retry_after_ms:
            headers["retry-after-ms"] = str(max(1, math.ceil(wait * 1000)))
        data = {"limit": self.settings.rate_limit, "retry_after": round(wait, 3)}
        return _error(429, RATE_LIMIT_TYPE, f"Rate limit exceeded: {self.settings.rate_limit:g} requests per second",
                      request_id, data, headers)

    @staticmethod
    def _path(op: OperationSpec, request: Request) -> dict[str, Any]:
        return {name: parse_param([value], op.params[name]) for name, value in request.path_params.items()}

    @staticmethod
    def _query(op: OperationSpec, request: Request) -> tuple[dict[str, Any], set[str]]:
        raw: dict[str, list[str]] = {}
        for name, value in request.query_params.multi_items():
            raw.setdefault(name, []).append(value)
        query: dict[str, Any] = {}
        for name, param in op.params.items():
            if param.location != "query":
                continue
            if name in raw:
                query[name] = parse_param(raw[name], param)
            elif "default" in param.schema:
                query[name] = param.schema["default"]
        unknown = sorted(set(raw) - {n for n, p in op.params.items() if p.location == "query"})
        if unknown:
            known = ", ".join(n for n, p in op.params.items() if p.location == "query") or "none"
            raise Invalid(unknown[0], f"{unknown[0]} is not a query parameter of {op.operation_id} (known: {known})")
        return query, set(raw)

    @staticmethod
    async def _body(op: OperationSpec, request: Request) -> Any:
        if op.body_schema is None:
            return None
        raw = await request.body()
        if not raw.strip():
            raise Invalid("body", "a JSON request body is required")
        try:
            body = json.loads(raw)
        except ValueError:
            raise Invalid("body", "the request body is not valid JSON") from None
        if not isinstance(body, dict):
            raise Invalid("body", "the request body must be a JSON object")
        limit = op.batch_max_items
        if limit is not None and isinstance(body.get("items"), list) and len(body["items"]) > limit:
            raise Invalid("items", f"items has {len(body['items'])} entries; at most {limit} are allowed per request")
        check(body, op.body_schema, "")
        return body


def create_app(state: State, *, rate_limit: float | None = None, latency: float = 0.0,
               faults: FaultConfig | None = None, retry_after_ms: bool = False, burst: float | None = None,
               stats: Stats | None = None) -> SandboxApp:
    """The sandbox as an ASGI app (a Starlette subclass) serving `state`; see `Sandbox` for the options."""
    settings = Settings(rate_limit=rate_limit, burst=burst, latency=latency, faults=faults,
                        retry_after_ms=retry_after_ms)
    return SandboxApp(state, settings, stats or Stats())
