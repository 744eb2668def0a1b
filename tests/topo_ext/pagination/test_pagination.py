"""Auto-pagination: lazy walks across pages, empty results, a result set that shrinks mid-walk, async prefetch."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from tests.specdata import MockAPI, new_id
from topo_ext import AsyncTopo, Topo


def contacts_feed(total: int) -> tuple[list[str], list[int], object]:
    """A /contacts handler over `total` contacts."""
    ids = [new_id() for _ in range(total)]
    seen_pages: list[int] = []
    data = list(ids)

    def handler(request: httpx.Request) -> httpx.Response:
        page, size = int(request.url.params["page"]), int(request.url.params["size"])
        seen_pages.append(page)
        chunk = data[(page - 1) * size: page * size]
        pages = -(-len(data) // size)
        return httpx.Response(200, json={
            "items": [{"id": i} for i in chunk], "total_count": len(data), "total_pages": pages,
            "has_more": page < pages,
        })

    return ids, seen_pages, handler


def test_iterating_a_page_walks_every_page_lazily(client: Topo, api: MockAPI) -> None:
    ids, pages, handler = contacts_feed(7)
    api.override["list_contacts"] = handler  # type: ignore[assignment]
    first = client.contacts.list(size=3)
    assert pages == [1]  # nothing fetched beyond the first page yet
    assert (first.total_count, first.total_pages, first.has_more, len(first.items)) == (7, 3, True, 3)
    walked = [str(c.id) for c in first]
    assert walked == ids
    assert pages == [1, 2, 3]


def test_next_page_and_iter_pages(client: Topo, api: MockAPI) -> None:
    _, _, handler = contacts_feed(5)
    api.override["list_contacts"] = handler  # type: ignore[assignment]
    first = client.contacts.list(size=2)
    second = first.next_page()
    assert second is not None and second.page == 2
    assert [p.page for p in first.iter_pages()] == [1, 2, 3]
    last = list(first.iter_pages())[-1]
    assert last.next_page() is None and not last.has_more


def test_size_defaults_to_the_maximum(client: Topo, api: MockAPI) -> None:
    _, _, handler = contacts_feed(3)
    api.override["list_contacts"] = handler  # type: ignore[assignment]
    client.contacts.list()
    assert api.requests[-1].url.params["size"] == "100"


def test_empty_result(client: Topo, api: MockAPI) -> None:
    _, pages, handler = contacts_feed(0)
    api.override["list_contacts"] = handler  # type: ignore[assignment]
    page = client.contacts.list()
    assert list(page) == [] and page.total_count == 0 and pages == [1]


def shrinking_feed(total: int, *, drop: int, stale_counts: bool = False,
                   has_more: bool = True) -> tuple[list[str], list[int], object]:
    """A /contacts handler over `total` contacts that loses its first `drop` items right after the first request.

    `stale_counts`: the envelope keeps reporting the original total (a server whose counts lag behind);
    `has_more=False`: the envelope has no `has_more` key at all (only `total_pages` tells where the set ends).
    """
    ids = [new_id() for _ in range(total)]
    seen_pages: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        page, size = int(request.url.params["page"]), int(request.url.params["size"])
        seen_pages.append(page)
        data = ids if len(seen_pages) == 1 else ids[drop:]
        counted = total if stale_counts else len(data)
        pages = -(-counted // size)
        body: dict[str, object] = {"items": [{"id": i} for i in data[(page - 1) * size: page * size]],
                                   "total_count": counted, "total_pages": pages}
        if has_more:
            body["has_more"] = page < pages
        return httpx.Response(200, json=body)

    return ids, seen_pages, handler


def test_a_result_set_that_shrinks_mid_walk_ends_the_walk(client: Topo, api: MockAPI) -> None:
    # 12 contacts, pages of 3; after page 1 the first 6 are gone but the counts still say 4 pages with more to come.
    ids, pages, handler = shrinking_feed(12, drop=6, stale_counts=True)
    api.override["list_contacts"] = handler  # type: ignore[assignment]
    walked = [str(c.id) for c in client.contacts.list(size=3)]
    assert walked == ids[:3] + ids[9:]  # items that moved to earlier pages are not re-fetched ...
    assert pages == [1, 2, 3]  # ... and the empty page 3 ends the walk although has_more still says True


def test_an_envelope_without_has_more_stops_at_total_pages(client: Topo, api: MockAPI) -> None:
    ids, pages, handler = shrinking_feed(9, drop=0, has_more=False)
    api.override["list_contacts"] = handler  # type: ignore[assignment]
    assert [str(c.id) for c in client.contacts.list(size=3)] == ids
    assert pages == [1, 2, 3]  # no request for a page 4


async def test_async_walk_without_has_more_stops_at_total_pages(async_client: AsyncTopo, api: MockAPI) -> None:
    ids, pages, handler = shrinking_feed(9, drop=0, has_more=False)
    api.override["list_contacts"] = handler  # type: ignore[assignment]
    assert [str(c.id) async for c in async_client.contacts.list(size=3)] == ids
    assert pages == [1, 2, 3]


async def test_async_prefetch_over_a_shrinking_result_set(api: MockAPI) -> None:
    # 20 contacts, pages of 4 (5 pages); after page 1 the first 8 are gone: 3 pages remain.
    ids, pages, handler = shrinking_feed(20, drop=8)
    async with AsyncTopo(api_key="topo_x", base_url="https://t/v1", prefetch=3,
                         http_client=httpx.AsyncClient(transport=httpx.MockTransport(handler))) as client:
        walked = [(p.page, [str(c.id) for c in p.items]) async for p in client.contacts.list(size=4).iter_pages()]
    assert walked == [(1, ids[:4]), (2, ids[12:16]), (3, ids[16:])]  # stops at the page that says it is the last
    assert pages[0] == 1 and 5 not in pages  # page 4 was at most prefetched; nothing beyond the window


def test_has_more_with_an_empty_page_does_not_loop(client: Topo, api: MockAPI) -> None:
    calls: list[int] = []

    def lying(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        return httpx.Response(200, json={"items": [], "total_count": 5, "total_pages": 9, "has_more": True})

    api.override["list_contacts"] = lying
    assert list(client.contacts.list()) == [] and len(calls) == 1


async def test_async_for_walks_every_page(async_client: AsyncTopo, api: MockAPI) -> None:
    ids, pages, handler = contacts_feed(10)
    api.override["list_contacts"] = handler  # type: ignore[assignment]
    walked = [str(c.id) async for c in async_client.contacts.list(size=4)]
    assert walked == ids and pages == [1, 2, 3]
    first = await async_client.contacts.list(size=4)
    assert first.total_pages == 3 and len(first.items) == 4
    second = await first.next_page()
    assert second is not None and second.page == 2


async def test_async_prefetch_keeps_order_and_bounds_concurrency(api: MockAPI) -> None:
    ids = [new_id() for _ in range(40)]
    in_flight = 0
    peak = 0

    requested: list[int] = []

    async def handler(request: httpx.Request) -> httpx.Response:
        nonlocal in_flight, peak
        page, size = int(request.url.params["page"]), int(request.url.params["size"])
        requested.append(page)
        in_flight += 1
        peak = max(peak, in_flight)
        await asyncio.sleep(0.01 * ((page * 7) % 3))  # pages finish out of order
        in_flight -= 1
        chunk = ids[(page - 1) * size: page * size]
        return httpx.Response(200, json={"items": [{"id": i} for i in chunk], "total_count": 40,
                                         "total_pages": 10, "has_more": page < 10})

    async with AsyncTopo(api_key="topo_x", base_url="https://t/v1", prefetch=3,
                         http_client=httpx.AsyncClient(transport=httpx.MockTransport(handler))) as client:
        walked = [str(c.id) async for c in client.contacts.list(size=4)]
    assert walked == ids
    assert 1 < peak <= 3
    assert sorted(requested) == list(range(1, 11))  # each page once


async def test_prefetch_must_be_bounded() -> None:
    with pytest.raises(ValueError, match="prefetch"):
        AsyncTopo(api_key="topo_x", prefetch=1000)


def test_a_page_has_no_len_that_could_disagree_with_iterating_it(client: Topo) -> None:
    page = client.contacts.list()
    with pytest.raises(TypeError):
        len(page)  # type: ignore[arg-type]


def growing_feed(first_page: list[str], later: list[str], *, first_says_pages: int,
                 first_says_more: bool) -> tuple[list[int], object]:
    """A /contacts handler whose first answer reports `first_page` (with the given counts) and whose later answers
    page through `later`: a result set that grew right after page 1 was counted."""
    requested: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        page, size = int(request.url.params["page"]), int(request.url.params["size"])
        requested.append(page)
        if page == 1:
            return httpx.Response(200, json={"items": [{"id": i} for i in first_page], "total_count": len(first_page),
                                             "total_pages": first_says_pages, "has_more": first_says_more})
        pages = -(-len(later) // size)
        return httpx.Response(200, json={"items": [{"id": i} for i in later[(page - 1) * size: page * size]],
                                         "total_count": len(later), "total_pages": pages, "has_more": page < pages})

    return requested, handler


@pytest.mark.parametrize(("total_after", "first_says_pages"), [(16, 2), (8, 1)])
async def test_async_prefetch_follows_a_result_set_that_grows(total_after: int, first_says_pages: int) -> None:
    ids = [new_id() for _ in range(total_after)]
    requested, handler = growing_feed(ids[:4], ids, first_says_pages=first_says_pages, first_says_more=True)
    async with AsyncTopo(api_key="topo_x", base_url="https://t/v1", prefetch=3,
                         http_client=httpx.AsyncClient(transport=httpx.MockTransport(handler))) as client:
        walked = [str(c.id) async for c in client.contacts.list(size=4)]
    assert walked == ids  # page 1 said fewer pages; the walk follows has_more to the new end
    assert sorted(requested) == list(range(1, total_after // 4 + 1))  # each page once, none past the end


@pytest.mark.parametrize("envelope", [
    {},  # only items: one page
    {"total_count": "many", "total_pages": "2", "has_more": "yes"},  # odd types are kept, not trusted
    {"total_count": 9, "total_pages": 3, "has_more": False},  # has_more wins over the counts
])
def test_an_odd_envelope_is_one_page(client: Topo, api: MockAPI, envelope: dict[str, object]) -> None:
    ids = [new_id() for _ in range(3)]
    calls: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        return httpx.Response(200, json={"items": [{"id": i} for i in ids], **envelope})

    api.override["list_contacts"] = handler
    page = client.contacts.list(size=3)
    assert [str(c.id) for c in page] == ids and len(calls) == 1
    assert page.has_more is False and page.next_page() is None
    if not isinstance(envelope.get("total_count"), int):
        assert page.total_count == 3 and page.total_pages == 1  # what this page shows, not the odd value
    assert page.envelope.total_count == envelope.get("total_count")  # the envelope as sent stays readable


def test_items_that_are_not_a_list_are_an_empty_page(client: Topo, api: MockAPI) -> None:
    api.override["list_contacts"] = lambda request: httpx.Response(200, json={
        "items": None, "total_count": 5, "total_pages": 2, "has_more": True})
    page = client.contacts.list()
    assert page.items == [] and list(page) == [] and page.total_count == 5


async def test_raw_list_responses_carry_each_page_s_http_response(client: Topo, async_client: AsyncTopo,
                                                                 api: MockAPI) -> None:
    ids, _, handler = contacts_feed(6)
    api.override["list_contacts"] = handler  # type: ignore[assignment]
    page = client.contacts.list(size=3)
    second = page.next_page()
    assert page.response is not None and page.response.url.params["page"] == "1"
    assert second is not None and second.response is not None and second.response.url.params["page"] == "2"
    raw = client.with_raw_response.contacts.list(size=3)
    assert raw.status_code == 200 and [str(c.id) for c in raw.parse().items] == ids[:3]
    first = await async_client.contacts.list(size=3)
    assert first.response is not None and first.response.status_code == 200
    araw = await async_client.with_raw_response.contacts.list(size=3)
    assert araw.status_code == 200
