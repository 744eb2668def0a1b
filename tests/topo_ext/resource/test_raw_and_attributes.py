"""What `_resource` gives the clients: each resource attribute built once per client (`Resource`), its raw-response
wrapper on `with_raw_response` (every method answers an `APIResponse` of the spec's success status, parsing to what
the plain method returns: `to_raw`, `async_to_raw`, `async_list_to_raw`), and batch creates on `AsyncTopo` as on
`Topo` (`async_batch`: chunk size, the last answer). Every operation of the spec, on both clients."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.specdata import MockAPI, arguments, client_operations, method_for
from topo_ext import APIResponse, AsyncPage, AsyncTopo, SyncPage, Topo
from topo_ext._spec import OperationSpec

OPS = [op for op in client_operations() if op.python_method != "me"]


def _same(raw: Any, plain: Any) -> None:
    """A raw answer's parse() is the value the plain method gives (a page: its items)."""
    parsed = raw.parse()
    if isinstance(plain, SyncPage | AsyncPage):
        assert [item.to_dict() for item in parsed.items] == [item.to_dict() for item in plain.items]
    elif isinstance(plain, list):
        assert [item.to_dict() for item in parsed] == [item.to_dict() for item in plain]
    elif plain is None:
        assert parsed is None
    else:
        assert type(parsed) is type(plain) and parsed.to_dict() == plain.to_dict()


@pytest.mark.parametrize("op", OPS, ids=lambda op: op.operation_id)
def test_every_raw_method_answers_its_response(client: Topo, api: MockAPI, op: OperationSpec) -> None:
    args, kwargs = arguments(op)
    raw = method_for(client.with_raw_response, op)(*args, **kwargs)
    assert isinstance(raw, APIResponse) and raw.status_code == op.success_status
    _same(raw, method_for(client, op)(*args, **kwargs))


@pytest.mark.parametrize("op", OPS, ids=lambda op: op.operation_id)
async def test_every_async_raw_method_answers_its_response(async_client: AsyncTopo, api: MockAPI,
                                                            op: OperationSpec) -> None:
    args, kwargs = arguments(op)
    raw = await method_for(async_client.with_raw_response, op)(*args, **kwargs)
    assert isinstance(raw, APIResponse) and raw.status_code == op.success_status
    _same(raw, await method_for(async_client, op)(*args, **kwargs))


def test_a_resource_is_built_once_per_client(client: Topo) -> None:
    raw = client.with_raw_response
    for name in sorted({(op.resource or "").split(".")[0] for op in OPS}):
        assert getattr(client, name) is getattr(client, name)
        assert getattr(raw, name) is getattr(raw, name) and getattr(raw, name) is not getattr(client, name)


BATCH = [op for op in OPS if op.batch_max_items]


@pytest.mark.parametrize("op", BATCH, ids=lambda op: op.operation_id)
async def test_an_async_batch_create_sends_the_chunk_size_asked(async_client: AsyncTopo, api: MockAPI,
                                                                 op: OperationSpec) -> None:
    _, kwargs = arguments(op)
    items = kwargs["items"] * 5
    await method_for(async_client, op)(items, chunk_size=2, allow_partial=True)
    assert [len(json.loads(r.content)["items"]) for r in api.requests] == [2, 2, 1]
    raw = await method_for(async_client.with_raw_response, op)(items, chunk_size=2, allow_partial=True)
    assert isinstance(raw, APIResponse) and raw.http_response.request is api.requests[-1]
    assert len(raw.parse().items) == len(items)
