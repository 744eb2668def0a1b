"""Property: whatever status, headers and body a server (or a broken proxy) sends, a call and a list walk end in
a value or in one of our documented errors (`TopoError`), never a dependency's exception and never the key."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.conftest import BASE_URL, TEST_KEY
from topo_ext import AsyncTopo, Limits, Topo, TopoError

_NAMES = ["content-type", "content-encoding", "retry-after", "retry-after-ms", "ratelimit-reset", "location",
          "x-request-id", "content-length", "transfer-encoding", "set-cookie"]
_VALUES = st.one_of(
    st.sampled_from(["gzip", "deflate", "br", "identity", "application/json", "text/html; charset=utf-8",
                     "application/json; charset=nope", "soon", "NaN", "1e400", "-1", "Wed, 21 Oct 2015 07:28:00",
                     "https://elsewhere.example/x", "//", "chunked", "0", "99999999999999999999"]),
    st.text(st.characters(min_codepoint=0x20, max_codepoint=0xFF, exclude_characters="\x7f"), max_size=40),
)
HEADERS = st.dictionaries(st.one_of(st.sampled_from(_NAMES), st.from_regex(r"[A-Za-z][A-Za-z0-9-]{0,15}",
                                                                            fullmatch=True)), _VALUES, max_size=5)
JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
                        st.sampled_from(["items", "has_more", "total_pages", "total_count", "type", "message",
                                         "request_id", "data", "id", "created_at", "x"]), inner, max_size=6),
                    max_leaves=20)
BODIES = st.one_of(st.binary(max_size=300), JSON.map(lambda v: json.dumps(v).encode()),
                   st.integers(0, 200).map(lambda n: b"[" * n + b"]" * n))
STATUSES = st.one_of(st.integers(100, 599), st.sampled_from([200, 201, 204, 301, 304, 400, 401, 404, 429, 500]))
LIMITS = Limits(max_body_bytes=4096, max_json_depth=32)


def _answer(status: int, headers: dict[str, str], body: bytes) -> Any:
    def handler(request: httpx.Request) -> httpx.Response:
        raw = [(name.encode(), value.encode("latin-1")) for name, value in headers.items()]  # as on the wire
        return httpx.Response(status, headers=raw, content=body)

    return handler


def _check(err: BaseException) -> None:
    assert isinstance(err, TopoError), f"{type(err).__name__}: {err}"
    assert TEST_KEY not in str(err) and TEST_KEY not in repr(err)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(status=STATUSES, headers=HEADERS, body=BODIES)
@example(status=429, headers={"retry-after": "99999999999999999999"}, body=b"")  # held the next call past time_t
def test_the_sync_response_path_raises_only_our_errors(status: int, headers: dict[str, str], body: bytes) -> None:
    http = httpx.Client(transport=httpx.MockTransport(_answer(status, headers, body)))
    with Topo(api_key=TEST_KEY, base_url=BASE_URL, http_client=http, max_retries=0, log_drift=False,
              limits=LIMITS) as client:
        for action in (client.me, lambda: list(client.contacts.list()), lambda: list(client.activities.stream())):
            try:
                action()
            except BaseException as err:  # the property: only our errors come out
                _check(err)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(status=STATUSES, headers=HEADERS, body=BODIES)
def test_the_async_response_path_raises_only_our_errors(status: int, headers: dict[str, str], body: bytes) -> None:
    async def main() -> None:
        http = httpx.AsyncClient(transport=httpx.MockTransport(_answer(status, headers, body)))
        async with AsyncTopo(api_key=TEST_KEY, base_url=BASE_URL, http_client=http, max_retries=0,
                             log_drift=False, limits=LIMITS, prefetch=2) as client:
            try:
                await client.me()
            except BaseException as err:
                _check(err)
            try:
                _ = [item async for item in client.contacts.list()]
            except BaseException as err:
                _check(err)

    asyncio.run(main())
