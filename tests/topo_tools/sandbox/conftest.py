"""Shared fixtures: a running sandbox, httpx clients for it, spec validation, a loopback webhook receiver.

Helpers are handed out as fixtures (tests never import this module), so test files stay import-mode agnostic.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest
from jsonschema import Draft202012Validator  # type: ignore[import-untyped]

from topo_ext._spec import document
from topo_tools.sandbox import Sandbox


def http_client(sb: Sandbox, key: str | None = None, **kwargs: Any) -> httpx.Client:
    headers = {"Authorization": f"Bearer {key or sb.api_key}"}
    return httpx.Client(base_url=sb.base_url, headers=headers, trust_env=False, **{"timeout": 10, **kwargs})


def response_schema(path: str, method: str, status: int) -> dict[str, Any] | None:
    """The spec's response schema of one operation and status (None when the response has no body)."""
    response = document()["paths"][path][method.lower()]["responses"][str(status)]
    if "$ref" in response:
        response = document()["components"]["responses"][response["$ref"].rsplit("/", 1)[-1]]
    content = response.get("content", {}).get("application/json")
    return content["schema"] if content else None


def assert_valid(instance: Any, schema: dict[str, Any]) -> None:
    """Validate with Draft 2020-12, resolving #/components refs against the bundled spec, formats checked."""
    root = {**schema, "components": document()["components"]}
    validator = Draft202012Validator(root, format_checker=Draft202012Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message[:300]}" for e in errors[:5])


def schema_ref(name: str) -> dict[str, Any]:
    return {"$ref": f"#/components/schemas/{name}"}


@pytest.fixture(scope="session")
def validate() -> Any:
    """validate(instance, schema_or_name): assert `instance` matches a spec schema (or a component by name)."""

    def check(instance: Any, schema: dict[str, Any] | str) -> None:
        assert_valid(instance, schema_ref(schema) if isinstance(schema, str) else schema)

    return check


@pytest.fixture(scope="session")
def spec_response() -> Any:
    """spec_response(path, method, status): the spec's response schema, or None for a body-less response."""
    return response_schema


@pytest.fixture(scope="session")
def client_for() -> Any:
    """client_for(sandbox, key=None): an httpx client for the sandbox, sending `key` (default: every scope)."""
    return http_client


@pytest.fixture(scope="package")
def sb() -> Iterator[Sandbox]:
    with Sandbox(seed=1, activities=2000) as sandbox:
        yield sandbox


@pytest.fixture
def api(sb: Sandbox) -> Iterator[httpx.Client]:
    with http_client(sb) as client:
        yield client


class Receiver:
    """A tiny HTTP server on 127.0.0.1 that records every POST (headers, raw body) and answers `status`."""

    def __init__(self) -> None:
        self.received: queue.Queue[tuple[dict[str, str], bytes]] = queue.Queue()
        self.status = 200
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                outer.received.put((dict(self.headers.items()), body))
                self.send_response(outer.status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks"
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)

    def get(self, timeout: float = 5.0) -> tuple[dict[str, str], bytes]:
        return self.received.get(timeout=timeout)


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver()
    r.thread.start()
    yield r
    r.server.shutdown()
    r.server.server_close()
