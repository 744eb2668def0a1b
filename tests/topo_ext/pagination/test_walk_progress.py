"""A list walk that makes no progress ends with PaginationError (Limits.max_stalled_pages), and the list calls'
own defaults: the first page and the documented maximum size when the caller (the CLI) gives neither."""

from __future__ import annotations

import httpx
import pytest

from tests.specdata import MockAPI, new_id
from topo_ext import AsyncTopo, Limits, Topo
from topo_ext._exceptions import PaginationError
from topo_ext._pagination import async_list, sync_list

REPEATS = 3  # each answer of the stalling feed is given this many pages in a row
GROUPS = 3


def stalling_feed() -> tuple[list[str], list[int], object]:
    """A /contacts handler whose pages repeat the page before REPEATS - 1 times in a row, then move on."""
    ids = [new_id() for _ in range(GROUPS)]
    pages = REPEATS * GROUPS
    seen: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        page = int(request.url.params["page"])
        seen.append(page)
        return httpx.Response(200, json={"items": [{"id": ids[(page - 1) // REPEATS]}], "total_count": pages,
                                         "total_pages": pages, "has_more": page < pages})

    return ids, seen, handler


def past_the_end_feed() -> tuple[list[int], object]:
    """A /contacts handler that says total_pages=1 but has_more (with new items) up to page 3."""
    seen: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        page = int(request.url.params["page"])
        seen.append(page)
        return httpx.Response(200, json={"items": [{"id": new_id()}], "total_count": 1, "total_pages": 1,
                                         "has_more": page < 3})

    return seen, handler


def expanded(ids: list[str]) -> list[str]:
    return [i for i in ids for _ in range(REPEATS)]


@pytest.mark.parametrize("allowed", [0, REPEATS - 2])
def test_more_repeated_pages_in_a_row_than_allowed_end_the_walk(client: Topo, api: MockAPI, allowed: int) -> None:
    _, seen, handler = stalling_feed()
    api.override["list_contacts"] = handler  # type: ignore[assignment]
    walker = client.with_options(limits=Limits(max_stalled_pages=allowed))
    with pytest.raises(PaginationError) as caught:
        list(walker.contacts.list(size=1))
    stopped_at = allowed + 2  # page 1, then `allowed` repeats accepted: the next repeat is one too many
    assert seen == list(range(1, stopped_at + 1))
    assert caught.value.response.url.params["page"] == str(stopped_at)  # the answer that stalled


def test_repeated_pages_within_the_allowance_are_walked(client: Topo, api: MockAPI) -> None:
    ids, seen, handler = stalling_feed()
    api.override["list_contacts"] = handler  # type: ignore[assignment]
    walker = client.with_options(limits=Limits(max_stalled_pages=REPEATS - 1))
    assert [str(c.id) for c in walker.contacts.list(size=1)] == expanded(ids)
    assert seen == list(range(1, REPEATS * GROUPS + 1))


@pytest.mark.parametrize("allowed", [0, REPEATS - 2])
async def test_async_more_repeated_pages_than_allowed_end_the_walk(async_client: AsyncTopo, api: MockAPI,
                                                                   allowed: int) -> None:
    _, seen, handler = stalling_feed()
    api.override["list_contacts"] = handler  # type: ignore[assignment]
    walker = async_client.with_options(limits=Limits(max_stalled_pages=allowed))
    with pytest.raises(PaginationError) as caught:
        [c async for c in walker.contacts.list(size=1)]
    assert seen == list(range(1, allowed + 3)) and caught.value.response.url.params["page"] == str(allowed + 2)


async def test_async_repeated_pages_within_the_allowance_are_walked(async_client: AsyncTopo, api: MockAPI) -> None:
    ids, _, handler = stalling_feed()
    api.override["list_contacts"] = handler  # type: ignore[assignment]
    walker = async_client.with_options(limits=Limits(max_stalled_pages=REPEATS - 1))
    assert [str(c.id) async for c in walker.contacts.list(size=1)] == expanded(ids)



def test_the_same_items_in_another_order_end_the_walk(client: Topo, api: MockAPI) -> None:
    # A server that ignores `page` and answers a1, a2 then a2, a1 forever (no total_pages): nothing new comes.
    ids, seen = [new_id(), new_id()], []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(int(request.url.params["page"]))
        items = [{"id": i} for i in (ids if len(seen) % 2 else ids[::-1])]
        return httpx.Response(200, json={"items": items, "has_more": len(seen) < 50})

    api.override["list_contacts"] = handler  # type: ignore[assignment]
    with pytest.raises(PaginationError, match="page 2 repeats the items"):
        list(client.contacts.list(size=2))
    assert seen == [1, 2]

def test_a_page_past_total_pages_that_says_has_more_ends_the_walk(client: Topo, api: MockAPI) -> None:
    seen, handler = past_the_end_feed()
    api.override["list_contacts"] = handler  # type: ignore[assignment]
    with pytest.raises(PaginationError) as caught:
        list(client.contacts.list(size=1))
    assert seen == [1, 2] and caught.value.response.url.params["page"] == "2"


def test_a_list_call_without_page_or_size_asks_for_page_1_at_the_documented_maximum(client: Topo,
                                                                                  api: MockAPI) -> None:
    op = client.contacts.list.operation  # type: ignore[attr-defined]
    assert op.max_page_size is not None
    page = sync_list(client, op, {})  # as the CLI calls it: only the arguments the user gave
    sent = api.requests[-1].url.params
    assert (sent["page"], sent["size"]) == ("1", str(op.max_page_size)) and page.page == 1


def test_a_list_call_keeps_the_page_and_size_it_is_given(client: Topo, api: MockAPI) -> None:
    op = client.contacts.list.operation  # type: ignore[attr-defined]
    sync_list(client, op, {"page": 2, "size": 1})
    sent = api.requests[-1].url.params
    assert (sent["page"], sent["size"]) == ("2", "1")


async def test_an_async_list_call_without_page_or_size_asks_for_page_1_at_the_maximum(async_client: AsyncTopo,
                                                                                     api: MockAPI) -> None:
    op = async_client.contacts.list.operation  # type: ignore[attr-defined]
    page = await async_list(async_client, op, {})
    sent = api.requests[-1].url.params
    assert (sent["page"], sent["size"]) == ("1", str(op.max_page_size)) and page.page == 1


async def test_the_async_raw_first_page_parses_to_that_page(async_client: AsyncTopo, api: MockAPI) -> None:
    ids = [new_id() for _ in range(2)]
    api.override["list_contacts"] = lambda request: httpx.Response(200, json={
        "items": [{"id": i} for i in ids], "total_count": 2, "total_pages": 1, "has_more": False})
    raw = await async_client.with_raw_response.contacts.list(size=2)
    page = raw.parse()
    assert [str(c.id) for c in page.items] == ids and page.page == 1 and page.response is not None
