"""Batch creates against odd answers and odd input: a chunk's answer with fields missing or of the wrong type, a bad
item in a later chunk of a lazy iterable or a list, a closed client. Only the SDK's documented errors come out."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from tests.specdata import MockAPI
from topo_ext import APIResponseValidationError, AsyncTopo, BatchError, ClientClosedError, Topo

LID = "018f1a2b-3c4d-7e8f-9a0b-1c2d3e4f5a6b"


def entries(n: int, bad_at: int = -1, bad: Any = None) -> list[Any]:
    return [{"contact_list_id": LID, "email": f"p{i}@x.co"} if i != bad_at else bad for i in range(n)]


def answering(api: MockAPI, body: Callable[[list[Any]], Any]) -> None:
    def respond(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=body(json.loads(request.content)["items"]))

    api.override["create_contact_entries"] = respond


def ok(items: list[Any]) -> list[dict[str, Any]]:
    return [{"index": i, "status": "SUCCEEDED"} for i in range(len(items))]


@pytest.mark.parametrize("n", [1, 150])
@pytest.mark.parametrize("body", [{}, {"items": None, "summary": None}, {"items": [], "summary": None}])
def test_missing_items_and_summary_read_as_empty_and_none(client: Topo, api: MockAPI, n: int,
                                                          body: dict[str, Any]) -> None:
    answering(api, lambda items: body)
    result = client.contact_lists.entries.create(entries(n))
    assert list(result.items or []) == [] and result.summary is None


def test_counts_that_are_not_ints_merge_as_none_and_the_rest_are_summed(client: Topo, api: MockAPI) -> None:
    calls: list[int] = []

    def body(items: list[Any]) -> dict[str, Any]:
        calls.append(1)
        total: Any = "a" if len(calls) == 1 else None
        return {"items": ok(items), "summary": {"total": total, "succeeded": len(items), "failed": 0}}

    answering(api, body)
    result = client.contact_lists.entries.create(entries(150))
    assert [item.index for item in result.items] == list(range(150))
    assert (result.summary.total, result.summary.succeeded, result.summary.failed) == (None, 150, 0)


def test_a_chunk_without_a_summary_leaves_the_merged_counts_unknown(client: Topo, api: MockAPI) -> None:
    calls: list[int] = []

    def body(items: list[Any]) -> dict[str, Any]:
        calls.append(1)
        summary = {"total": len(items), "succeeded": len(items), "failed": 0} if len(calls) == 1 else None
        return {"items": ok(items), "summary": summary}

    answering(api, body)
    result = client.contact_lists.entries.create(entries(150))
    assert len(result.items) == 150
    assert (result.summary.total, result.summary.succeeded, result.summary.failed) == (None, None, None)


def test_odd_items_are_kept_and_only_int_indexes_rebased(client: Topo, api: MockAPI) -> None:
    answering(api, lambda items: {"items": [1, "x", None, {"index": "zz"}, {"index": True}, {"index": 0}],
                                  "summary": None})
    result = client.contact_lists.entries.create(entries(150))
    assert result.items[:3] == [1, "x", None] and result.items[3].index == "zz"
    assert result.items[4].index is True  # a bool is not an index
    assert [item.index for item in result.items[6:] if not isinstance(item, int | str | None)][-1] == 100


@pytest.mark.parametrize("items", ["abc", 5, {"index": 0}])
def test_an_answer_whose_items_are_not_a_list_is_a_batch_error_naming_the_chunk(client: Topo, api: MockAPI,
                                                                               items: Any) -> None:
    calls: list[int] = []

    def body(sent: list[Any]) -> dict[str, Any]:
        calls.append(1)
        return {"items": ok(sent) if len(calls) == 1 else items, "summary": None}

    answering(api, body)
    with pytest.raises(BatchError, match=r"\[100:150\].*items.*not a list") as caught:
        client.contact_lists.entries.create(entries(150))
    err = caught.value
    assert (err.start, err.stop, len(err.succeeded)) == (100, 150, 100)
    assert isinstance(err.__cause__, APIResponseValidationError)
    assert "may have been created" in str(err)


def generate(n: int, bad_at: int, bad: Any) -> Any:
    return iter(entries(n, bad_at, bad))


@pytest.mark.parametrize("bad", [{"contact_list_id": LID, "emial": "x"}, "not a mapping", None])
def test_a_bad_item_of_a_list_in_a_later_chunk_is_named_by_its_input_index_before_sending(
        client: Topo, api: MockAPI, bad: Any) -> None:
    with pytest.raises((TypeError, ValueError), match=r"^items\[150\]"):
        client.contact_lists.entries.create(entries(250, 150, bad))
    assert api.requests == []


@pytest.mark.parametrize("bad", [{"contact_list_id": LID, "emial": "x"}, "not a mapping", None])
def test_a_bad_item_of_a_generator_in_a_later_chunk_is_a_batch_error_with_its_input_index(
        client: Topo, api: MockAPI, bad: Any) -> None:
    with pytest.raises(BatchError, match=r"\[100:200\] failed: items\[150\].*100 item result") as caught:
        client.contact_lists.entries.create(generate(250, 150, bad))
    err = caught.value
    assert (err.start, err.stop, len(err.succeeded)) == (100, 200, 100)
    assert isinstance(err.__cause__, TypeError) and str(err.__cause__).startswith("items[150]")
    assert [len(json.loads(r.content)["items"]) for r in api.requests] == [100]  # the bad chunk was not sent


def test_a_bad_item_of_a_generator_in_the_first_chunk_is_the_plain_error(client: Topo, api: MockAPI) -> None:
    with pytest.raises(TypeError, match=r"^items\[7\]: unknown field 'emial'"):
        client.contact_lists.entries.create(generate(50, 7, {"contact_list_id": LID, "emial": "x"}))
    assert api.requests == []


def test_a_batch_after_close_raises_client_closed_error_and_reads_nothing(client: Topo, api: MockAPI) -> None:
    read: list[int] = []
    client.close()
    with pytest.raises(ClientClosedError) as caught:
        client.contact_lists.entries.create(read.append(i) or item for i, item in enumerate(entries(5)))
    assert not isinstance(caught.value, BatchError) and read == [] and api.requests == []


async def test_an_async_batch_after_close_raises_client_closed_error(async_client: AsyncTopo,
                                                                     api: MockAPI) -> None:
    await async_client.close()
    with pytest.raises(ClientClosedError) as caught:
        await async_client.contact_lists.entries.create(entries(5))
    assert not isinstance(caught.value, BatchError) and api.requests == []


def test_a_close_between_chunks_is_a_batch_error_caused_by_client_closed_error(client: Topo, api: MockAPI) -> None:
    def close_after_first(request: httpx.Request) -> httpx.Response:
        client.close()
        return api.respond(request)

    api.override["create_contact_entries"] = close_after_first
    with pytest.raises(BatchError, match=r"\[100:150\]") as caught:
        client.contact_lists.entries.create(entries(150))
    assert isinstance(caught.value.__cause__, ClientClosedError) and len(caught.value.succeeded) == 100
