"""Every example response printed in the Topo docs decodes, through both clients, as served verbatim.

The docs' generated examples use placeholders (`"<string>"`, `123`) and leave out fields the spec marks required:
lenient decoding must keep every value and report what is missing; strict mode must refuse the same bodies.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import httpx
import pytest

from tests.conftest import BASE_URL, TEST_KEY
from tests.spec import docs_sheets
from tests.specdata import arguments, method_for
from tests.topo_ext.models.docs_examples import Example, item_schema, required, response_examples
from topo_client._decode import _snake
from topo_ext import APIResponseValidationError, AsyncTopo, NotFoundError, Topo
from topo_ext._spec import OperationSpec

docs_sheets.require()

OK, ERRORS, OTHER = response_examples()
IDS = [f"{ex.source}-{op.operation_id}" for ex, op in OK]


def _transport(status: int, body: Any) -> httpx.MockTransport:
    return httpx.MockTransport(lambda request: httpx.Response(status, json=body, headers={"x-request-id": "req_doc"}))


def _sync(op: OperationSpec, body: Any, *, strict: bool = False) -> tuple[Any, Topo]:
    client = Topo(api_key=TEST_KEY, base_url=BASE_URL, log_drift=False, max_retries=0,
                  http_client=httpx.Client(transport=_transport(op.success_status, body)),
                  strict_response_validation=strict)
    args, kwargs = arguments(op)
    result = client.me() if op.python_method == "me" else method_for(client, op)(*args, **kwargs)
    return result, client


async def _async(op: OperationSpec, body: Any, *, strict: bool = False) -> tuple[Any, AsyncTopo]:
    client = AsyncTopo(api_key=TEST_KEY, base_url=BASE_URL, log_drift=False, max_retries=0,
                       http_client=httpx.AsyncClient(transport=_transport(op.success_status, body)),
                       strict_response_validation=strict)
    args, kwargs = arguments(op)
    result = await (client.me() if op.python_method == "me" else method_for(client, op)(*args, **kwargs))
    return result, client


def _same(sent: Any, kept: Any) -> bool:
    """`kept` (from to_dict) holds what was `sent`; a datetime may be spelled differently (`Z` vs `+00:00`), and a
    camelCase key comes back in the spec's snake_case."""
    if isinstance(sent, dict):
        return isinstance(kept, dict) and all(_same(v, kept.get(k, kept.get(_snake(k)))) for k, v in sent.items())
    if isinstance(sent, list):
        return isinstance(kept, list) and len(sent) == len(kept) and all(map(_same, sent, kept))
    if isinstance(sent, str) and isinstance(kept, str) and sent != kept:
        try:
            return datetime.fromisoformat(sent) == datetime.fromisoformat(kept)
        except ValueError:
            return False
    return bool(sent == kept)


def _expected_missing(op: OperationSpec, body: Any) -> set[str]:
    """Drift keys for the documented-required fields the example leaves out (top level and list items)."""
    keys: set[str] = set()
    if op.success_schema and isinstance(body, dict):
        keys |= {f"{op.success_schema}.{name} (missing)" for name in required(op.success_schema) - set(body)}
    items = body if isinstance(body, list) else body.get("items") if isinstance(body, dict) else None
    item = item_schema(op)
    if item and isinstance(items, list):
        for entry in items:
            keys |= {f"{item}.{name} (missing)" for name in required(item) - set(entry)}
    return keys


def _check(op: OperationSpec, body: Any, result: Any, drift: set[str]) -> None:
    if op.paginated:
        assert len(result.items) == len(body["items"])
        kept = {**result.envelope.to_dict(), "items": [i.to_dict() for i in result.items]}
    elif isinstance(result, list):
        kept = [i.to_dict() for i in result]
    else:
        kept = result.to_dict()
    assert _same(body, kept), f"a value of the example was lost or changed:\n{body}\n{kept}"
    assert _expected_missing(op, body) <= drift


def test_the_fact_sheets_yield_every_documented_example() -> None:
    # Two blocks are request bodies, not responses; every other block is matched to an operation or is an error.
    assert len(OK) >= 24 and ERRORS
    assert all(ex.is_request for ex in OTHER), [ex.source for ex in OTHER]


@pytest.mark.parametrize(("example", "op"), OK, ids=IDS)
def test_sync_client_decodes_the_example(example: Example, op: OperationSpec) -> None:
    result, client = _sync(op, example.body)
    _check(op, example.body, result, client.drift.keys())


@pytest.mark.parametrize(("example", "op"), OK, ids=IDS)
async def test_async_client_decodes_the_example(example: Example, op: OperationSpec) -> None:
    result, client = await _async(op, example.body)
    if not op.paginated and hasattr(result, "__await__"):
        result = await result
    _check(op, example.body, result, client.drift.keys())


@pytest.mark.parametrize(("example", "op"), OK, ids=IDS)
async def test_strict_mode_refuses_what_lenient_mode_reports(example: Example, op: OperationSpec) -> None:
    _, lenient = _sync(op, example.body)
    if not lenient.drift:
        _sync(op, example.body, strict=True)  # nothing differs from the spec: strict mode accepts it too
        return
    with pytest.raises(APIResponseValidationError) as sync_error:
        _sync(op, example.body, strict=True)
    with pytest.raises(APIResponseValidationError) as async_error:
        await _async(op, example.body, strict=True)
    for error in (sync_error.value, async_error.value):
        text = str(error)
        assert op.operation_id in text and "strict_response_validation" in text
        assert any(entry.schema in text for entry in lenient.drift.entries())  # names the model


@pytest.mark.parametrize("example", ERRORS, ids=[ex.source for ex in ERRORS])
def test_error_examples_decode_into_the_error_hierarchy(example: Example) -> None:
    body = example.body
    client = Topo(api_key=TEST_KEY, base_url=BASE_URL, max_retries=0,
                  http_client=httpx.Client(transport=_transport(body["status_code"], body)))
    with pytest.raises(NotFoundError) as caught:
        client.contacts.get("018f1a2b-3c4d-7e8f-9a0b-1c2d3e4f5a6b")
    assert (caught.value.type, caught.value.message) == (body["type"], body["message"])
    assert json.loads(caught.value.response.content) == body
