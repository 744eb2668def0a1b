"""`_request_id` on what every method returns (models, pages, batch results), sync and async: the id of the answer
it came from (the last answer's for a batch sent in chunks), None when the answer had none."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.specdata import MockAPI
from topo_ext import AsyncTopo, Topo
from topo_tools.sandbox import Sandbox


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(seed=1) as sb:
        yield sb


def _lists(n: int) -> list[dict[str, Any]]:
    return [{"name": f"request id {i}"} for i in range(n)]


def test_sync_models_pages_and_batch_results_carry_their_answers_request_id(sandbox: Sandbox) -> None:
    seen: list[str] = []
    http = httpx.Client(event_hooks={"response": [lambda r: seen.append(r.headers["x-request-id"])]})
    client = Topo(api_key=sandbox.api_key, base_url=sandbox.base_url, http_client=http)
    me = client.me()
    assert me._request_id == seen[-1] and me._request_id.startswith("req_")
    page = client.contacts.list(size=2)
    assert page._request_id == seen[-1] == page.envelope._request_id
    second = page.next_page()
    assert second is not None and second._request_id == seen[-1] != page._request_id
    contact = client.contacts.get(page.items[0].id)
    assert contact._request_id == seen[-1]
    batch = client.contact_lists.create(_lists(3), chunk_size=2, allow_partial=True)
    assert batch._request_id == seen[-1] and len(set(seen[-2:])) == 2  # two chunks: the last answer's
    raw = client.with_raw_response.me()
    assert raw.parse()._request_id == raw.request_id == seen[-1]


def test_async_models_pages_and_batch_results_carry_their_answers_request_id(sandbox: Sandbox) -> None:
    async def run() -> None:
        seen: list[str] = []

        async def hook(response: httpx.Response) -> None:
            seen.append(response.headers["x-request-id"])

        http = httpx.AsyncClient(event_hooks={"response": [hook]})
        client = AsyncTopo(api_key=sandbox.api_key, base_url=sandbox.base_url, http_client=http)
        me = await client.me()
        assert me._request_id == seen[-1] and me._request_id.startswith("req_")
        page = await client.contacts.list(size=2)
        assert page._request_id == seen[-1]
        second = await page.next_page()
        assert second is not None and second._request_id == seen[-1] != page._request_id
        batch = await client.contact_lists.create(_lists(3), chunk_size=2, allow_partial=True)
        assert batch._request_id == seen[-1]
        raw = await client.with_raw_response.contacts.list(size=1)
        assert raw.parse()._request_id == raw.request_id == seen[-1]
        await http.aclose()

    asyncio.run(run())


def test_none_when_the_answer_had_no_request_id(client: Topo, api: MockAPI) -> None:
    def without_id(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=api.respond(request).content, headers={"content-type": "application/json"})

    api.override["get_me"] = api.override["list_contacts"] = without_id
    assert client.me()._request_id is None
    page = client.contacts.list(size=3)
    assert page._request_id is None and page.envelope._request_id is None


def test_only_the_returned_object_carries_it(sandbox: Sandbox) -> None:
    page = Topo(api_key=sandbox.api_key, base_url=sandbox.base_url).contacts.list(size=2)
    assert page._request_id is not None
    assert all(item._request_id is None for item in page.items)  # set once per answer, not per item
    assert "_request_id_" not in page.envelope.extra and "_request_id" not in page.envelope.to_dict()
