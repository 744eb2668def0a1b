"""`client.get/post/patch/delete(path, cast_to=...)`: the same transport as the generated methods (retries, rate
gate, typed errors, drift, request ids), on both clients; paths outside base_url are refused before sending."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.conftest import BASE_URL, TEST_KEY
from tests.specdata import MockAPI
from topo_client.responses import Contact, ContactPage, Me
from topo_ext import AsyncTopo, InternalServerError, NotFoundError, Topo
from topo_ext._rate import RateGate
from topo_ext._response import APIResponse
from topo_ext._spec import operations
from topo_tools.sandbox import Sandbox


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(seed=1) as sb:
        yield sb


def test_get_with_a_page_model_gives_the_same_page_as_the_list_method(sandbox: Sandbox) -> None:
    client = Topo(api_key=sandbox.api_key, base_url=sandbox.base_url)
    first = client.contacts.list()
    page = client.get("/contacts", cast_to=ContactPage, query={"size": len(first.items)})
    assert page == first.envelope and page.fields_set == first.envelope.fields_set
    assert page._request_id is not None and page._request_id != first._request_id
    assert client.get(f"{sandbox.base_url}/me", cast_to=Me).id == client.me().id  # an absolute URL under base_url


def test_async_get_with_a_page_model_gives_the_same_page_as_the_list_method(sandbox: Sandbox) -> None:
    async def run() -> None:
        client = AsyncTopo(api_key=sandbox.api_key, base_url=sandbox.base_url)
        first = await client.contacts.list()
        page = await client.get("/contacts", cast_to=ContactPage, query={"size": len(first.items)})
        assert page == first.envelope and page._request_id is not None
        data = await client.get("/me", cast_to=dict)
        assert data["id"] == (await client.me()).id
        raw = await client.with_raw_response.get("/me", cast_to=Me)
        assert isinstance(raw, APIResponse) and raw.parse()._request_id == raw.request_id

    asyncio.run(run())


def _path(operation: str, **ids: str) -> str:
    return operations()[operation].path.format(**ids)


def test_post_patch_delete_against_the_sandbox(sandbox: Sandbox) -> None:
    client = Topo(api_key=sandbox.api_key, base_url=sandbox.base_url)
    body = {"name": "undocumented", "url": "https://example.com/hook", "event_types": ["message.sent"]}
    created = client.post(_path("create_webhook"), body=body, cast_to=dict)
    one = _path("get_webhook", webhook_id=created["id"]) if "{webhook_id}" in operations()["get_webhook"].path \
        else _path("get_webhook", **dict.fromkeys(operations()["get_webhook"].params, created["id"]))
    renamed = client.patch(one, body={"name": "renamed"}, cast_to=dict)
    assert renamed["name"] == "renamed" and created["secret"]
    gone = client.delete(one, cast_to=httpx.Response)
    assert 200 <= gone.status_code < 300
    with pytest.raises(NotFoundError) as caught:
        client.get(one, cast_to=dict)
    assert caught.value.request_id is not None


def _counting(api: MockAPI, operation: str, *answers: httpx.Response) -> list[httpx.Request]:
    calls: list[httpx.Request] = []
    queue = list(answers)

    def answer(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return queue.pop(0) if queue else api.respond(request)

    api.override[operation] = answer
    return calls


def retry_after_then_first_slot(slept: list[float]) -> bool:
    """The sleeps after a 429 (Retry-After: 1) for a client's very first request: the Retry-After, then the rate
    gate's first slot (a 429 before any pass is taken as other clients': that slot falls after the window, somewhere
    in one interval at the rate the gate starts from). The fake sleep does not move the gate's clock, so the gate's
    wait here also holds the window."""
    return slept[0] == 1.0 and 1.0 <= sum(slept[1:]) <= 1.0 + 1 / RateGate.BACKOFF


def _limited() -> httpx.Response:
    return httpx.Response(429, json={"type": "RateLimitIssue", "message": "slow down"}, headers={"Retry-After": "1"})


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_429_is_retried_like_any_request(client: Topo, api: MockAPI, no_sleep: list[float], method: str) -> None:
    operation = "list_contacts" if method == "get" else "create_webhook"
    calls = _counting(api, operation, _limited())
    kwargs: dict[str, Any] = {} if method == "get" else {"body": {"name": "x"}}
    path = _path(operation)
    getattr(client, method)(path, cast_to=dict, **kwargs)
    assert len(calls) == 2 and retry_after_then_first_slot(no_sleep)


def test_a_503_is_retried_on_get_but_a_post_is_not_re_sent(client: Topo, api: MockAPI, no_sleep: list[float]) -> None:
    busy = httpx.Response(503, json={"type": "InternalIssue", "message": "busy"})
    calls = _counting(api, "list_contacts", busy)
    client.get("/contacts", cast_to=ContactPage)
    assert len(calls) == 2
    calls = _counting(api, "create_webhook", busy)
    with pytest.raises(InternalServerError, match="busy"):
        client.post(_path("create_webhook"), body={"name": "x"}, cast_to=dict)
    assert len(calls) == 1


def test_async_429_is_retried(api: MockAPI, no_sleep: list[float]) -> None:
    calls = _counting(api, "list_contacts", _limited())

    async def run() -> ContactPage:
        http = httpx.AsyncClient(transport=httpx.MockTransport(api))
        return await AsyncTopo(api_key=TEST_KEY, base_url=BASE_URL, http_client=http).get("/contacts",
                                                                                          cast_to=ContactPage)

    assert asyncio.run(run()).items is not None and len(calls) == 2 and retry_after_then_first_slot(no_sleep)


def test_drift_goes_to_the_clients_record(client: Topo, api: MockAPI) -> None:
    unknown = "x_" + "_".join(sorted(Contact.__struct_encode_fields__))[:20]

    def with_unknown(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={**api.respond(request).json(), unknown: 1})

    api.override["get_contact"] = with_unknown
    contact = client.get("/contacts/018f1a2b-3c4d-7e8f-9a0b-1c2d3e4f5a6b", cast_to=Contact)
    assert contact.extra == {unknown: 1} and any(unknown in str(entry) for entry in client.drift.entries())


@pytest.mark.parametrize("path", [
    "https://elsewhere.example/v1/me", "//elsewhere.example/v1/me", BASE_URL.replace("https", "http") + "/me",
    "/../admin", "/me?size=1", BASE_URL + "evil.example/me",
    "/%2e%2e/admin", "/%2E%2E/%2E%2E/admin", "/.%2e/admin", "/%2e./admin", "/a/%2e%2e/%2e%2e/admin",
    "/%252e%252e/admin", "/%2e%2e%2fadmin", "/%2e%2e%5cadmin", BASE_URL + "/%2e%2e/admin",
])
@pytest.mark.parametrize("sync", [True, False], ids=["Topo", "AsyncTopo"])
def test_paths_outside_base_url_are_refused_before_sending(api: MockAPI, sync: bool, path: str) -> None:
    def call() -> object:
        if sync:
            http = httpx.Client(transport=httpx.MockTransport(api))
            return Topo(api_key=TEST_KEY, base_url=BASE_URL, http_client=http).get(path, cast_to=dict)
        async_http = httpx.AsyncClient(transport=httpx.MockTransport(api))
        return asyncio.run(AsyncTopo(api_key=TEST_KEY, base_url=BASE_URL, http_client=async_http).get(path,
                                                                                                     cast_to=dict))

    with pytest.raises(ValueError, match="path"):
        call()
    assert api.requests == []


@pytest.mark.parametrize(("kwargs", "match"), [
    ({"cast_to": str}, "cast_to"), ({"cast_to": dict, "query": [("a", 1)]}, "query"),
    ({"cast_to": dict, "body": {"a": 1}}, "body"), ({"cast_to": dict, "query": {"a": {"b": 1}}}, "query"),
    ({"cast_to": dict, "query": {"a": object()}}, "query"),
    ({"cast_to": dict, "timeout": -1}, "timeout"), ({"cast_to": dict, "timeout": float("nan")}, "timeout"),
    ({"cast_to": dict, "timeout": float("inf")}, "timeout"),
])
def test_bad_arguments_name_themselves(client: Topo, api: MockAPI, kwargs: dict[str, Any], match: str) -> None:
    with pytest.raises((TypeError, ValueError), match=match):
        client.get("/me", **kwargs)
    assert api.requests == []


@pytest.mark.parametrize("path", ["/a/%2e%2e/me", "/files/a%2eb", "/%2e/me", "/a/b/%2e%2e/%2e%2e/me"])
def test_encoded_dots_that_stay_under_base_url_are_sent_as_given(path: str) -> None:
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json={})

    http = httpx.Client(transport=httpx.MockTransport(answer))
    assert Topo(api_key=TEST_KEY, base_url=BASE_URL, http_client=http).get(path, cast_to=dict) == {}
    assert sent[-1].url.raw_path.decode() == httpx.URL(BASE_URL).path + path
