"""Every operation in the spec is a method on both clients, sends what the spec says, and decodes its answer."""

from __future__ import annotations

import inspect
import json

import pytest

from tests.specdata import MockAPI, arguments, client_operations, method_for
from topo_ext import AsyncPage, AsyncPaginator, AsyncTopo, SyncPage, Topo
from topo_ext._spec import OperationSpec, operations

OPS = client_operations()


def test_every_operation_has_a_method_or_is_a_webhook_delivery() -> None:
    doc_ops = {op.operation_id for op in operations().values()}
    assert {op.operation_id for op in OPS} == doc_ops  # only operations under `webhooks:` lack a method


@pytest.mark.parametrize("op", OPS, ids=lambda op: op.operation_id)
def test_sync_method_exists_and_maps_to_its_operation(client: Topo, op: OperationSpec) -> None:
    method = client.me if op.python_method == "me" else method_for(client, op)
    if op.python_method != "me":
        assert method.operation.spec.operation_id == op.operation_id  # type: ignore[attr-defined]


@pytest.mark.parametrize("op", OPS, ids=lambda op: op.operation_id)
async def test_async_method_exists_and_maps_to_its_operation(async_client: AsyncTopo, op: OperationSpec) -> None:
    if op.python_method == "me":
        assert inspect.iscoroutinefunction(async_client.me)
        return
    method = method_for(async_client, op)
    assert method.operation.spec.operation_id == op.operation_id  # type: ignore[attr-defined]


def _check_request(api: MockAPI, op: OperationSpec) -> None:
    assert api.requests, "no request was sent"
    request = api.requests[-1]
    assert api.route(request).operation_id == op.operation_id
    assert request.headers["authorization"].startswith("Bearer ")
    if op.body_schema is not None:
        assert isinstance(json.loads(request.content), dict)


def _call(client: Topo, op: OperationSpec) -> object:
    args, kwargs = arguments(op)
    if op.python_method == "me":
        return client.me()
    return method_for(client, op)(*args, **kwargs)


@pytest.mark.parametrize("op", OPS, ids=lambda op: op.operation_id)
def test_sync_call_sends_the_operation_and_decodes(client: Topo, api: MockAPI, op: OperationSpec) -> None:
    result = _call(client, op)
    _check_request(api, op)
    if op.paginated:
        assert isinstance(result, SyncPage)
        assert len(result.items) == 1
    elif op.success_status == 204:
        assert result is None
    else:
        assert result is not None


@pytest.mark.parametrize("op", OPS, ids=lambda op: op.operation_id)
async def test_async_call_sends_the_operation_and_decodes(async_client: AsyncTopo, api: MockAPI,
                                                          op: OperationSpec) -> None:
    args, kwargs = arguments(op)
    if op.python_method == "me":
        result: object = await async_client.me()
    else:
        call = method_for(async_client, op)(*args, **kwargs)
        if op.paginated:
            assert isinstance(call, AsyncPaginator)
            result = await call
            assert isinstance(result, AsyncPage)
            assert len(result.items) == 1
        else:
            result = await call
    _check_request(api, op)
    if op.success_status == 204:
        assert result is None
    else:
        assert result is not None


def test_query_parameters_are_sent_as_the_spec_names_them(client: Topo, api: MockAPI) -> None:
    from datetime import UTC, datetime

    client.activities.list(person_id="018f1a2b-3c4d-7e8f-9a0b-1c2d3e4f5a6b", event_type="replied",
                           sort_order="ASC", created_at_after=datetime(2025, 1, 1, tzinfo=UTC), size=50)
    params = api.requests[-1].url.params
    assert params["person_id"] == "018f1a2b-3c4d-7e8f-9a0b-1c2d3e4f5a6b"
    assert params["event_type"] == "REPLIED"  # case-insensitive enum input, canonical value on the wire
    assert params["sort_order"] == "asc"
    assert params["created_at_after"] == "2025-01-01T00:00:00+00:00"
    assert params["size"] == "50"


def test_repeatable_filters_are_sent_as_repeated_parameters(client: Topo, api: MockAPI) -> None:
    client.tasks.list(types=["CALL", "email_reply"])
    assert api.requests[-1].url.params.get_list("types") == ["CALL", "EMAIL_REPLY"]
