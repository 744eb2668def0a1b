"""Lifecycle: a closed client says so with a TopoError; AsyncTopo survives successive event loops; wrong
arguments (store=) are refused at the call. Real sockets (the sandbox) where the event loop matters."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from tests.conftest import BASE_URL, TEST_KEY
from tests.specdata import MockAPI
from topo_ext import AsyncTopo, ClientClosedError, FileCursorStore, Topo, TopoError
from topo_tools.sandbox import Sandbox


@pytest.fixture(scope="module")
def sandbox() -> object:
    with Sandbox(activities=20) as sb:
        yield sb


def test_a_closed_client_and_its_copies_raise_client_closed(api: MockAPI) -> None:
    client = Topo(api_key=TEST_KEY, base_url=BASE_URL)
    client._http = httpx.Client(transport=httpx.MockTransport(api))
    client._requester = client._new_requester()
    copy = client.with_options(max_retries=0)
    client.me()
    client.close()
    for closed in (client, copy):
        with pytest.raises(ClientClosedError, match="closed") as caught:
            closed.me()
        assert isinstance(caught.value, TopoError)


def test_with_block_closes(sandbox: Sandbox) -> None:
    with Topo(api_key=sandbox.api_key, base_url=sandbox.base_url) as client:
        client.me()
    with pytest.raises(ClientClosedError):
        client.me()


def test_async_topo_works_under_successive_event_loops(sandbox: Sandbox) -> None:
    client = AsyncTopo(api_key=sandbox.api_key, base_url=sandbox.base_url)
    copy = client.with_options(max_retries=1)

    async def use() -> str:
        first = await client.me()
        await copy.me()
        return first.name

    names = [asyncio.run(use()) for _ in range(3)]  # each run ends its loop, and the connections with it
    assert len(set(names)) == 1 and names[0]


def test_async_topo_with_a_given_http_client_says_it_cannot_change_loops(sandbox: Sandbox) -> None:
    http = httpx.AsyncClient()
    client = AsyncTopo(api_key=sandbox.api_key, base_url=sandbox.base_url, http_client=http)
    asyncio.run(client.me())
    with pytest.raises(TopoError, match="event loop"):
        asyncio.run(client.me())


def test_a_closed_async_client_raises_client_closed(sandbox: Sandbox) -> None:
    async def run() -> None:
        async with AsyncTopo(api_key=sandbox.api_key, base_url=sandbox.base_url) as client:
            await client.me()
        with pytest.raises(ClientClosedError, match="closed"):
            await client.me()
        with pytest.raises(ClientClosedError):
            await client.with_options(max_retries=0).me()

    asyncio.run(run())


@pytest.mark.parametrize("store", ["cursor.json", 42, object()])
def test_stream_store_is_type_checked_at_the_call(client: Topo, store: object) -> None:
    with pytest.raises(TypeError, match="store"):
        client.activities.stream(store=store)  # type: ignore[arg-type]


def test_stream_store_hint_for_a_path(client: Topo, tmp_path: object) -> None:
    with pytest.raises(TypeError, match="FileCursorStore"):
        client.activities.stream(store="cursor.json")  # type: ignore[arg-type]
    client.activities.stream(store=FileCursorStore(f"{tmp_path}/cursor.json"))  # a real store is fine


async def test_async_stream_store_is_type_checked_at_the_call(async_client: AsyncTopo) -> None:
    with pytest.raises(TypeError, match="store"):
        async_client.activities.stream(store="cursor.json")  # type: ignore[arg-type]


def test_close_with_your_own_http_client_ends_the_client_and_its_copies_but_not_yours(sandbox: Sandbox) -> None:
    http = httpx.Client()
    client = Topo(api_key=sandbox.api_key, base_url=sandbox.base_url, http_client=http)
    copy, raw = client.with_options(max_retries=0), client.with_raw_response
    client.me()
    client.close()
    for closed in (client.me, copy.me, raw.me, lambda: client.get("/me", cast_to=dict), client.contacts.list):
        with pytest.raises(ClientClosedError, match="closed"):
            closed()
    assert not http.is_closed and http.get(f"{sandbox.base_url}/me").status_code == 401  # yours, still open
    http.close()


def test_closing_a_copy_ends_only_the_copy(sandbox: Sandbox) -> None:
    with httpx.Client() as http:
        client = Topo(api_key=sandbox.api_key, base_url=sandbox.base_url, http_client=http)
        copy = client.with_options(max_retries=0)
        with copy:
            copy.me()
        with pytest.raises(ClientClosedError):
            copy.me()
        assert client.me().id


def test_async_close_with_your_own_http_client_ends_the_client_and_its_copies_but_not_yours(sandbox: Sandbox) -> None:
    async def run() -> None:
        async with httpx.AsyncClient() as http:
            async with AsyncTopo(api_key=sandbox.api_key, base_url=sandbox.base_url, http_client=http) as client:
                await client.me()
                copy = client.with_options(max_retries=0)
            for closed in (client.me, copy.me, client.with_raw_response.me, lambda: client.get("/me", cast_to=dict)):
                with pytest.raises(ClientClosedError, match="closed"):
                    await closed()
            with pytest.raises(ClientClosedError):
                await client.contacts.list()
            assert not http.is_closed and (await http.get(f"{sandbox.base_url}/me")).status_code == 401

    asyncio.run(run())
