"""Spec-driven test data: a mock API answering every operation, plus the instance and argument builders of
`topo_tools.specdata` (re-exported here). Everything is derived from the bundled spec, so tests cover new
operations and schemas without edits.
"""

from __future__ import annotations

import copy
import json
import re
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import httpx

from topo_ext._spec import OperationSpec, document, operations
from topo_tools.specdata import UUID_A, WHEN, arguments, client_operations, instance, method_for

__all__ = ["UUID_A", "WHEN", "MockAPI", "arguments", "client_operations", "instance", "iso", "method_for", "new_id",
           "response_body", "schema"]


def schema(name: str) -> dict[str, Any]:
    return document()["components"]["schemas"][name]


def response_body(op: OperationSpec, *, extra: bool = False, unknown_enums: bool = False) -> Any:
    if op.success_body is None:
        return None
    return instance(op.success_body, extra=extra, unknown_enums=unknown_enums)


def _template_regex(path: str) -> re.Pattern[str]:
    return re.compile("^/v1" + re.sub(r"\{[^}]+\}", "[^/]+", path) + "$")


class MockAPI:
    """An httpx handler answering every spec operation with a schema-valid body; records what it was sent.

    `override` maps operationId -> callable(request) -> httpx.Response, for tests that need specific answers.
    """

    def __init__(self, *, extra: bool = False, unknown_enums: bool = False) -> None:
        self.extra = extra
        self.unknown_enums = unknown_enums
        self.requests: list[httpx.Request] = []
        self.override: dict[str, Callable[[httpx.Request], httpx.Response]] = {}
        self._routes = [(op.method, _template_regex(op.path), op) for op in operations().values()]

    def route(self, request: httpx.Request) -> OperationSpec:
        for method, pattern, op in self._routes:
            if method == request.method and pattern.match(request.url.path):
                return op
        raise AssertionError(f"no spec operation for {request.method} {request.url.path}")

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        op = self.route(request)
        if op.operation_id in self.override:
            return self.override[op.operation_id](request)
        return self.respond(request, op)

    def respond(self, request: httpx.Request, op: OperationSpec | None = None) -> httpx.Response:
        """The default schema-valid answer (for overrides that only change some calls)."""
        op = op or self.route(request)
        if op.success_status == 204:
            return httpx.Response(204)
        body = copy.deepcopy(response_body(op, extra=self.extra, unknown_enums=self.unknown_enums))
        if op.batch_max_items and isinstance(body, dict):
            sent = json.loads(request.content)["items"]
            template = body["items"][0]
            body["items"] = [{**template, "index": i} for i in range(len(sent))]
            body["summary"] = {"total": len(sent), "succeeded": len(sent), "failed": 0}
        return httpx.Response(op.success_status, json=body, headers={"x-request-id": "req_mock"})


def new_id() -> str:
    return str(uuid.uuid4())


def iso(ts: datetime) -> str:
    return ts.astimezone(UTC).isoformat().replace("+00:00", "Z")
