"""Spec-driven test data: valid instances of any schema, valid arguments for any operation, and a mock API.

Everything here is derived from the bundled spec, so tests cover new operations and schemas without edits.
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

from topo_ext._schema import merge_all_of
from topo_ext._spec import OperationSpec, document, operations, resolve

UUID_A = "018f1a2b-3c4d-7e8f-9a0b-1c2d3e4f5a6b"
WHEN = "2025-03-14T09:22:11Z"


def schema(name: str) -> dict[str, Any]:
    return document()["components"]["schemas"][name]


def instance(node: dict[str, Any], *, extra: bool = False, unknown_enums: bool = False, depth: int = 0) -> Any:
    """A valid instance of `node` with every property filled (optionally plus an unknown field / enum values)."""
    if "$ref" in node:
        return instance(resolve(node), extra=extra, unknown_enums=unknown_enums, depth=depth)
    if "const" in node:
        return node["const"]
    if "allOf" in node:
        return instance(merge_all_of(document(), node), extra=extra, unknown_enums=unknown_enums, depth=depth)
    for key in ("oneOf", "anyOf"):
        if key in node:
            choices = [c for c in node[key] if resolve(c).get("type") != "null"] or node[key]
            return instance(choices[0], extra=extra, unknown_enums=unknown_enums, depth=depth)
    if "enum" in node:
        return "BRAND_NEW_VALUE" if unknown_enums else node["enum"][0]
    kind = node.get("type")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), "null")
    fmt = node.get("format")
    if kind == "string":
        if fmt == "uuid":
            return UUID_A
        if fmt == "date-time":
            return WHEN
        if fmt == "date":
            return "2025-03-14"
        if fmt in ("uri", "url"):
            return "https://example.com/hook"
        if fmt == "email":
            return "alex@example.com"
        return "x" * max(1, node.get("minLength", 1))
    if kind == "integer":
        return max(node.get("minimum", 1), 0) if "minimum" in node else 1
    if kind == "number":
        return 1.5
    if kind == "boolean":
        return True
    if kind == "null":
        return None
    if kind == "array":
        if depth > 3:
            return []
        return [instance(node.get("items", {}), extra=extra, unknown_enums=unknown_enums, depth=depth + 1)]
    if kind == "object" or "properties" in node:
        out = {
            name: instance(prop, extra=extra, unknown_enums=unknown_enums, depth=depth + 1)
            for name, prop in node.get("properties", {}).items()
        }
        if extra:
            out["favorite_color"] = "teal"
        return out
    return {"any": "value"}


def response_body(op: OperationSpec, *, extra: bool = False, unknown_enums: bool = False) -> Any:
    if op.success_body is None:
        return None
    return instance(op.success_body, extra=extra, unknown_enums=unknown_enums)


def arguments(op: OperationSpec) -> tuple[tuple[Any, ...], dict[str, Any]]:
    """Valid positional (path) and keyword arguments for `op`'s client method."""
    args = tuple(UUID_A for p in op.params.values() if p.location == "path")
    kwargs: dict[str, Any] = {}
    if op.body_schema is not None:
        body = instance(op.body_schema)
        if op.batch_max_items:
            return args, {"items": body["items"]}
        kwargs["body"] = body
    return args, kwargs


def method_for(client: Any, op: OperationSpec) -> Callable[..., Any]:
    """The client method that implements `op` (via x-topo-resource / x-topo-method)."""
    target = client
    for part in filter(None, (op.resource or "").split(".")):
        target = getattr(target, part)
    return getattr(target, op.python_method or "")


def client_operations() -> list[OperationSpec]:
    return sorted((op for op in operations().values() if op.python_method), key=lambda o: o.operation_id)


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
