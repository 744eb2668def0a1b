"""Batches the docs call all-or-nothing (`x-topo-batch.all_or_nothing` in the spec) are never split silently:
over the limit raises before anything is sent, unless `allow_partial=True`, whose BatchError says how many items
the earlier chunks committed. Other batch creates keep chunking. Which operations are which comes from the spec."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from tests.specdata import MockAPI, instance, method_for
from topo_ext import AsyncTopo, BatchError, InvalidRequestError, Topo
from topo_ext._spec import OperationSpec, document, operations

BATCHES = sorted((op for op in operations().values() if op.batch_max_items), key=lambda o: o.operation_id)
ATOMIC = [op for op in BATCHES if op.batch_all_or_nothing]
CHUNKED = [op for op in BATCHES if not op.batch_all_or_nothing]


def _items(op: OperationSpec, count: int) -> list[dict[str, Any]]:
    assert op.body_schema is not None
    item = instance(op.body_schema)["items"][0]
    return [dict(item) for _ in range(count)]


def _limit(op: OperationSpec) -> int:
    assert op.batch_max_items is not None
    return op.batch_max_items


def test_the_spec_marks_the_all_or_nothing_batches() -> None:
    assert ATOMIC and CHUNKED  # both behaviours are exercised below
    for op in ATOMIC:
        raw = document()["paths"][op.path][op.method.lower()]["x-topo-batch"]
        assert raw["all_or_nothing"] is True


@pytest.mark.parametrize("op", ATOMIC, ids=lambda o: o.operation_id)
def test_over_the_limit_raises_before_sending(op: OperationSpec, client: Topo, api: MockAPI) -> None:
    limit = _limit(op)
    for items in (_items(op, limit + 50), iter(_items(op, limit + 1))):  # a list and a lazy iterable
        with pytest.raises(InvalidRequestError, match="all-or-nothing") as caught:
            method_for(client, op)(items)
        assert "nothing was sent" in str(caught.value) and "allow_partial=True" in str(caught.value)
    assert api.requests == []
    method_for(client, op)(_items(op, limit))  # exactly the limit: one request
    assert len(api.requests) == 1


@pytest.mark.parametrize("op", ATOMIC, ids=lambda o: o.operation_id)
async def test_over_the_limit_raises_before_sending_async(op: OperationSpec, async_client: AsyncTopo,
                                                          api: MockAPI) -> None:
    with pytest.raises(InvalidRequestError):
        await method_for(async_client, op)(_items(op, _limit(op) + 1))
    assert api.requests == []


def _second_request_fails(api: MockAPI, op: OperationSpec) -> None:
    calls: list[int] = []

    def answer(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        if len(calls) == 2:
            return httpx.Response(400, json={"status_code": 400, "type": "ValidationIssue",
                                             "message": "an item is invalid", "request_id": "req_2"})
        return api.respond(request)

    api.override[op.operation_id] = answer


@pytest.mark.parametrize("op", ATOMIC, ids=lambda o: o.operation_id)
def test_allow_partial_chunks_and_names_what_stayed_committed(op: OperationSpec, client: Topo,
                                                              api: MockAPI) -> None:
    limit = _limit(op)
    result = method_for(client, op)(_items(op, limit + 50), allow_partial=True)
    assert [len(json.loads(r.content)["items"]) for r in api.requests] == [limit, 50]
    assert result.summary.total == limit + 50
    api.requests.clear()
    _second_request_fails(api, op)
    with pytest.raises(BatchError) as caught:
        method_for(client, op)(_items(op, limit + 50), allow_partial=True)
    err = caught.value
    assert len(api.requests) == 2 and (err.start, err.stop) == (limit, limit + 50)
    assert f"the first {limit} items were committed" in str(err) and "req_2" in str(err)
    assert len(err.succeeded) == limit


@pytest.mark.parametrize("op", ATOMIC, ids=lambda o: o.operation_id)
async def test_allow_partial_async(op: OperationSpec, async_client: AsyncTopo, api: MockAPI) -> None:
    limit = _limit(op)
    _second_request_fails(api, op)
    with pytest.raises(BatchError, match=f"the first {limit} items were committed"):
        await method_for(async_client, op)(_items(op, limit + 1), allow_partial=True)


@pytest.mark.parametrize("op", ATOMIC, ids=lambda o: o.operation_id)
def test_a_failing_single_request_commits_nothing(op: OperationSpec, client: Topo, api: MockAPI) -> None:
    api.override[op.operation_id] = lambda request: httpx.Response(
        400, json={"status_code": 400, "type": "ValidationIssue", "message": "bad", "request_id": "req_1"})
    with pytest.raises(BatchError, match="nothing was committed"):
        method_for(client, op)(_items(op, 2))


@pytest.mark.parametrize("op", CHUNKED, ids=lambda o: o.operation_id)
def test_other_batches_keep_chunking(op: OperationSpec, client: Topo, api: MockAPI) -> None:
    limit = _limit(op)
    method_for(client, op)(_items(op, limit + 1))
    assert [len(json.loads(r.content)["items"]) for r in api.requests] == [limit, 1]


@pytest.mark.parametrize("op", BATCHES, ids=lambda o: o.operation_id)
def test_the_docstring_says_which_kind(op: OperationSpec, client: Topo) -> None:
    doc = method_for(client, op).__doc__ or ""
    assert ("All-or-nothing" in doc and "allow_partial=True" in doc) == op.batch_all_or_nothing


def test_allow_partial_must_be_a_bool(client: Topo, api: MockAPI) -> None:
    with pytest.raises(TypeError, match="allow_partial"):
        method_for(client, ATOMIC[0])(_items(ATOMIC[0], 1), allow_partial="yes")
    assert api.requests == []
