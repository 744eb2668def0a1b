"""Batch helpers: any iterable in, chunks of the documented maximum out, one merged result, clear failures."""

from __future__ import annotations

import json

import httpx
import pytest

from tests.specdata import MockAPI
from tests.unknowns import absent
from topo_ext import AsyncTopo, BadRequestError, BatchError, Topo


def test_250_items_go_in_chunks_of_100_and_come_back_merged(client: Topo, api: MockAPI) -> None:
    result = client.contact_lists.create(({"name": f"list {i}"} for i in range(250)), allow_partial=True)
    sizes = [len(json.loads(r.content)["items"]) for r in api.requests]
    assert sizes == [100, 100, 50]
    sent = [item["name"] for r in api.requests for item in json.loads(r.content)["items"]]
    assert sent == [f"list {i}" for i in range(250)]
    assert [item.index for item in result.items] == list(range(250))
    assert (result.summary.total, result.summary.succeeded, result.summary.failed) == (250, 250, 0)


def test_a_failing_chunk_names_its_range_and_keeps_what_succeeded(client: Topo, api: MockAPI) -> None:
    calls: list[int] = []

    def second_chunk_fails(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        if len(calls) == 2:
            return httpx.Response(400, json={"status_code": 400, "type": "ValidationIssue",
                                             "message": "items[3].name is empty", "request_id": "req_b"})
        return api.respond(request)

    api.override["create_contact_entries"] = second_chunk_fails
    items = [{"contact_list_id": "018f1a2b-3c4d-7e8f-9a0b-1c2d3e4f5a6b", "email": f"p{i}@x.co"} for i in range(250)]
    with pytest.raises(BatchError) as caught:
        client.contact_lists.entries.create(items)
    err = caught.value
    assert (err.start, err.stop) == (100, 200) and len(err.succeeded) == 100
    assert isinstance(err.__cause__, BadRequestError) and "[100:200]" in str(err) and "req_b" in str(err)
    assert len(calls) == 2  # the third chunk was not sent


def test_models_and_mappings_are_both_accepted(client: Topo, api: MockAPI) -> None:
    from topo_client.models import AccountListCreate

    client.account_lists.create([AccountListCreate(name="a"), {"name": "b"}])
    assert [i["name"] for i in json.loads(api.requests[-1].content)["items"]] == ["a", "b"]


@pytest.mark.parametrize("bad", [0, 101, "10", True])
def test_chunk_size_is_checked(client: Topo, api: MockAPI, bad: object) -> None:
    with pytest.raises(ValueError, match="chunk_size"):
        client.contact_lists.create([{"name": "a"}], chunk_size=bad)  # type: ignore[arg-type]
    assert api.requests == []


def test_a_bad_item_is_named_before_anything_is_sent(client: Topo, api: MockAPI) -> None:
    with pytest.raises(TypeError, match=r"items\[1\]: unknown field 'nom'"):
        client.account_lists.create([{"name": "ok"}, {"nom": "typo"}])
    assert api.requests == []


def test_a_single_mapping_is_not_mistaken_for_an_iterable(client: Topo) -> None:
    with pytest.raises(TypeError, match="items: expected an iterable"):
        client.contact_lists.create({"name": "a"})  # type: ignore[arg-type]


async def test_async_batch_chunks_too(async_client: AsyncTopo, api: MockAPI) -> None:
    result = await async_client.account_lists.create(({"name": str(i)} for i in range(201)), allow_partial=True)
    assert [len(json.loads(r.content)["items"]) for r in api.requests] == [100, 100, 1]
    assert result.summary.total == 201 and result.items[-1].index == 200


def test_a_bad_item_in_a_later_chunk_stops_the_whole_batch_before_sending(client: Topo, api: MockAPI) -> None:
    unknown = absent("unlisted_field")
    items = [{"name": str(i)} for i in range(150)] + [{"name": "x", unknown: "teal"}]
    with pytest.raises(TypeError, match=rf"items\[150\]: unknown field '{unknown}'"):
        client.contact_lists.create(items)
    assert api.requests == []
