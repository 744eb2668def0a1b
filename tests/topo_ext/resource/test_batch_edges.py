"""Batch creates at their limits: chunk sizes from 1 to the operation's maximum, an all-or-nothing batch reading at
most one item past it from a lazy iterable, and what a batch sent in chunks answers with (the last answer's request
id and raw response)."""

from __future__ import annotations

import dataclasses
import json
import types
from collections.abc import Iterator

import httpx
import pytest

from tests.specdata import MockAPI
from topo_ext import InvalidRequestError, Topo
from topo_ext._batch import _chunk_size
from topo_ext._spec import operations

LISTS = operations()["create_contact_lists"]  # all-or-nothing: chunks only with allow_partial=True
LIMIT = LISTS.batch_max_items or 0


def sizes(api: MockAPI) -> list[int]:
    return [len(json.loads(r.content)["items"]) for r in api.requests]


def lists(n: int) -> list[dict[str, str]]:
    return [{"name": f"list {i}"} for i in range(n)]


def test_chunk_size_runs_from_one_to_the_operation_s_maximum(client: Topo, api: MockAPI) -> None:
    assert LIMIT > 1
    client.contact_lists.create(lists(3), chunk_size=1, allow_partial=True)
    assert sizes(api) == [1, 1, 1]
    api.requests.clear()
    client.contact_lists.create(lists(LIMIT + 1), chunk_size=LIMIT, allow_partial=True)
    assert sizes(api) == [LIMIT, 1]


def test_the_chunk_limit_is_the_operation_s_own() -> None:
    op = types.SimpleNamespace(spec=dataclasses.replace(LISTS, batch_max_items=LIMIT // 2 + 1))
    assert _chunk_size(op, None) == LIMIT // 2 + 1  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="chunk_size"):
        _chunk_size(op, LIMIT // 2 + 2)  # type: ignore[arg-type]


def test_an_all_or_nothing_batch_reads_at_most_one_item_past_its_limit(client: Topo, api: MockAPI) -> None:
    pulled: list[int] = []

    def items() -> Iterator[dict[str, str]]:
        for i in range(LIMIT + 10):
            pulled.append(i)
            yield {"name": f"list {i}"}

    with pytest.raises(InvalidRequestError):
        client.contact_lists.create(items())
    assert len(pulled) == LIMIT + 1 and api.requests == []


def test_a_batch_in_chunks_answers_with_its_last_answer(client: Topo, api: MockAPI) -> None:
    ids: list[str] = []

    def tagged(request: httpx.Request) -> httpx.Response:
        response = api.respond(request)
        ids.append(f"req_chunk_{len(ids)}")
        response.headers["x-request-id"] = ids[-1]
        return response

    api.override[LISTS.operation_id] = tagged
    result = client.contact_lists.create(lists(5), chunk_size=2, allow_partial=True)
    assert len(ids) == 3 and result._request_id == ids[-1]
    raw = client.with_raw_response.contact_lists.create(lists(5), chunk_size=2, allow_partial=True)
    assert len(ids) == 6 and raw.request_id == ids[-1] and raw.parse().summary.total == 5
