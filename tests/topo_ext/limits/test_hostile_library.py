"""Hostile and broken answers through the library, sync and async: each ends in our documented error class with a
message naming the problem, never a dependency's exception, never the key (issue 29)."""

from __future__ import annotations

import asyncio
import inspect
import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from tests.conftest import BASE_URL, TEST_KEY
from topo_ext import AsyncTopo, Limits, Topo
from topo_ext import _exceptions as exc

MODES = ["sync", "async"]
EVIL = "https://elsewhere.example/v1/me"


def call(mode: str, handler: Callable[[httpx.Request], httpx.Response], action: Callable[[Any], Any],
         **options: Any) -> Any:
    """Run `action(client)` against `handler` with a sync or async client; returns its value (lists walked)."""
    options.setdefault("max_retries", 0)
    if mode == "sync":
        with Topo(api_key=TEST_KEY, base_url=BASE_URL, log_drift=False,
                  http_client=httpx.Client(transport=httpx.MockTransport(handler)), **options) as client:
            return action(client)

    async def main() -> Any:
        async with AsyncTopo(api_key=TEST_KEY, base_url=BASE_URL, log_drift=False,
                             http_client=httpx.AsyncClient(transport=httpx.MockTransport(handler)),
                             **options) as client:
            value = action(client)
            if hasattr(value, "__aiter__"):
                return [item async for item in value]
            return await value if inspect.isawaitable(value) else value

    return asyncio.run(main())


def walk(client: Any) -> Any:
    return client.contacts.list() if isinstance(client, AsyncTopo) else list(client.contacts.list())


def stream(client: Any) -> Any:
    return client.activities.stream() if isinstance(client, AsyncTopo) else list(client.activities.stream())


def no_secret(err: BaseException) -> None:
    assert TEST_KEY not in str(err) and TEST_KEY not in repr(err)


CALLS = {
    "me": lambda c: c.me(),
    "create": lambda c: c.contact_exclusions.create(email="a@example.com", reason="UNSUBSCRIBED"),
    "list": walk,
}


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("status", [301, 302, 304, 307])
@pytest.mark.parametrize("name", CALLS)
def test_a_non_2xx_status_below_400_is_an_unexpected_status_and_is_not_followed(mode: str, status: int,
                                                                                name: str) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(status, headers={"Location": EVIL})

    with pytest.raises(exc.UnexpectedStatusError) as caught:
        call(mode, handler, CALLS[name])
    assert isinstance(caught.value, exc.APIStatusError) and caught.value.status_code == status
    assert str(status) in str(caught.value) and EVIL in str(caught.value)
    assert [r.url.host for r in seen] == [httpx.URL(BASE_URL).host]  # asked once, never at the Location


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("value", ["soon", "NaN", "9" * 400, "Mon, 99 Foo 2020 99:99:99 GMT", "\x7f"])
def test_a_garbage_retry_after_is_ignored(mode: str, value: str) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(429, headers={"Retry-After": value}, json={"type": "RateLimitIssue", "message": "slow"})

    with pytest.raises(exc.RateLimitError) as caught:
        call(mode, handler, CALLS["me"])
    assert caught.value.retry_after is None


DEEP = b"[" * 100_000 + b"]" * 100_000


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(("status", "cls"), [(200, exc.APIResponseValidationError), (404, exc.NotFoundError),
                                             (500, exc.InternalServerError)])
def test_deeply_nested_json_is_refused_by_the_depth_limit(mode: str, status: int, cls: type[Exception]) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, content=DEEP, headers={"content-type": "application/json"})

    with pytest.raises(cls) as caught:
        call(mode, handler, CALLS["me"])
    assert "Limits.max_json_depth" in str(caught.value) and "64 levels" in str(caught.value)


@pytest.mark.parametrize("mode", MODES)
def test_the_depth_limit_is_a_setting(mode: str) -> None:
    nested = {"a": {"b": {"c": {"d": 1}}}}
    body = json.dumps({"id": "me", "extra_thing": nested}).encode()

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=body)

    assert call(mode, handler, CALLS["me"]) is not None
    with pytest.raises(exc.APIResponseValidationError, match="deeper than 3 levels"):
        call(mode, handler, CALLS["me"], limits=Limits(max_json_depth=3))


@pytest.mark.parametrize("mode", MODES)
def test_a_body_over_the_size_limit_stops_the_read_and_is_not_retried(mode: str) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"id": "x" * 5000})

    with pytest.raises(exc.APIResponseValidationError) as caught:
        call(mode, handler, CALLS["me"], limits=Limits(max_body_bytes=1000), max_retries=2)
    assert "larger than 1000 bytes" in str(caught.value) and "Limits.max_body_bytes" in str(caught.value)
    assert len(seen) == 1


def repeating(total_pages: int) -> Callable[[httpx.Request], httpx.Response]:
    """A server that answers every page with the same items and has_more: true."""

    def handler(request: httpx.Request) -> httpx.Response:
        items = [{"id": "item-1", "created_at": "2025-01-01T00:00:00Z"}, {"id": "item-2"}]
        return httpx.Response(200, json={"items": items, "total_count": 2, "total_pages": total_pages,
                                         "has_more": True})

    return handler


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("action", [walk, stream], ids=["list", "stream"])
@pytest.mark.parametrize(("total_pages", "says"), [(10**18, "repeats the items"), (1, "past total_pages=1")])
def test_a_walk_without_progress_ends_with_a_pagination_error(mode: str, action: Any, total_pages: int,
                                                              says: str) -> None:
    # the stream re-reads page 1 while it brings activities it cannot place (no created_at): a repeat, not page 2
    says = says if action is walk or total_pages > 1 else "page 1 repeats the items"
    with pytest.raises(exc.PaginationError, match=says):
        call(mode, repeating(total_pages), action)


@pytest.mark.parametrize("mode", MODES)
def test_stalled_pages_can_be_allowed(mode: str) -> None:
    pages: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        page = int(request.url.params["page"])
        pages.append(page)
        items = [{"id": f"c{page // 3}"}]  # each answer repeated up to twice, then something new
        return httpx.Response(200, json={"items": items, "total_count": 9, "total_pages": 9, "has_more": page < 9})

    with pytest.raises(exc.PaginationError):
        call(mode, handler, walk)
    pages.clear()
    assert len(call(mode, handler, walk, limits=Limits(max_stalled_pages=2))) == 9


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("status", [400, 401, 403, 500])
def test_a_key_echoed_by_the_server_is_cut_from_the_error(mode: str, status: int) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        key = request.headers["authorization"].split()[1]
        return httpx.Response(status, json={"type": f"Echo{key}", "message": f"bad key {key} (Bearer {key})"})

    with pytest.raises(exc.APIStatusError) as caught:
        call(mode, handler, CALLS["me"])
    no_secret(caught.value)
    assert "[redacted]" in str(caught.value)


@pytest.mark.parametrize("name", ["Authorization", "authorization", "AUTHORIZATION"])
def test_a_callers_authorization_header_is_refused(name: str) -> None:
    seen: list[httpx.Request] = []
    with pytest.raises(ValueError, match="Authorization header is set from the API key"):
        Topo(api_key=TEST_KEY, base_url=BASE_URL, default_headers={name: "Bearer other"})
    client = Topo(api_key=TEST_KEY, base_url=BASE_URL,
                  http_client=httpx.Client(transport=httpx.MockTransport(lambda r: seen.append(r) or httpx.Response(
                      200, json={}))))
    with pytest.raises(ValueError, match="Authorization header is set from the API key"):
        client.with_options(default_headers={name: "Bearer other"})
    with pytest.raises(exc.InvalidRequestError, match="nothing was sent"):
        client.me(extra_headers={name: "Bearer other"})
    assert seen == []


def test_headers_are_merged_case_insensitively() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={})

    client = Topo(api_key=TEST_KEY, base_url=BASE_URL, default_headers={"accept": "application/x-one", "X-A": "1"},
                  http_client=httpx.Client(transport=httpx.MockTransport(handler)))
    client.with_options(default_headers={"x-a": "2"}).me(extra_headers={"ACCEPT": "application/x-two"})
    headers = seen[0].headers
    assert headers.get_list("accept") == ["application/x-two"] and headers.get_list("x-a") == ["2"]
    assert headers.get_list("authorization") == [f"Bearer {TEST_KEY}"]


@pytest.mark.parametrize("url", ["https://user:hunter2secret@api.topo.test/v1", "https://:hunter2secret@h.test/v1"])
def test_credentials_in_the_base_url_are_refused_without_showing_them(url: str) -> None:
    with pytest.raises(ValueError, match="holds credentials") as caught:
        Topo(api_key=TEST_KEY, base_url=url)
    assert "hunter2secret" not in str(caught.value)
    with pytest.raises(ValueError, match="holds credentials") as caught:
        Topo(api_key=TEST_KEY, base_url=BASE_URL).with_options(base_url=url)
    assert "hunter2secret" not in str(caught.value)


@pytest.mark.parametrize("bad", [{"max_body_bytes": 0}, {"max_json_depth": -1}, {"max_stalled_pages": 1.5},
                                 {"max_json_depth": True}])
def test_limits_are_checked(bad: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match=f"Limits.{next(iter(bad))}"):
        Limits(**bad)


def test_an_injected_client_that_follows_redirects_does_not_follow_ours() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.host == "elsewhere.example":
            return httpx.Response(200, json={"id": "stolen"})
        return httpx.Response(302, headers={"Location": EVIL})

    http = httpx.Client(transport=httpx.MockTransport(handler), follow_redirects=True)
    with pytest.raises(exc.UnexpectedStatusError, match="302"):
        Topo(api_key=TEST_KEY, base_url=BASE_URL, http_client=http, max_retries=0).me()
    assert [r.url.host for r in seen] == [httpx.URL(BASE_URL).host]
