"""The depth limit with the fast path: a body that decodes into the strict twins is no deeper than its type allows,
so the separate depth check runs only where that bound does not settle it (a free-form field, a limit below the
bound, a body that takes the lenient walk). Whatever the path, a body deeper than `Limits.max_json_depth` is
refused, naming the limit."""

from __future__ import annotations

import importlib
import json
import pkgutil
from typing import Any

import httpx
import pytest

from tests.conftest import BASE_URL, TEST_KEY
from tests.specdata import response_body
from tests.unknowns import absent
from topo_client import resources, responses
from topo_client._fast import conforming_depth
from topo_ext import Limits, Topo, _decoding
from topo_ext import _exceptions as exc
from topo_ext._decoding import model_for
from topo_ext._operations import Operation
from topo_ext._spec import operations

DEEP = 70  # levels: over the default limit (64)


def depth(value: Any) -> int:
    if isinstance(value, dict):
        return 1 + max(map(depth, value.values()), default=0)
    if isinstance(value, list):
        return 1 + max(map(depth, value), default=0)
    return 0


def nested(levels: int) -> Any:
    value: Any = 1
    for _ in range(levels):
        value = {"a": value}
    return value


def page(operation_id: str, **changes: Any) -> bytes:
    body = response_body(operations()[operation_id])
    body["items"][0].update(changes)
    return json.dumps(body).encode()


def fetch(body: bytes, call: str, **options: Any) -> Any:
    transport = httpx.MockTransport(lambda request: httpx.Response(200, content=body))
    with Topo(api_key=TEST_KEY, base_url=BASE_URL, log_drift=False, max_retries=0,
              http_client=httpx.Client(transport=transport), **options) as client:
        return getattr(client, call).list()


@pytest.fixture(autouse=True)
def fresh_decoders(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test gets new decoders: the fast path remembers, per operation and process-wide, a drifted body seen
    before (it then sends the next few straight to the lenient walk), whichever test sent it."""
    for info in pkgutil.iter_modules(resources.__path__):
        module = importlib.import_module(f"{resources.__name__}.{info.name}")
        for value in vars(module).values():
            if isinstance(value, Operation):
                monkeypatch.delitem(value.__dict__, "decode", raising=False)


@pytest.fixture
def depth_checks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The limits the separate depth check ran with."""
    seen: list[int] = []
    check = _decoding.check_depth

    def counted(raw: bytes, limit: int) -> None:
        seen.append(limit)
        check(raw, limit)

    monkeypatch.setattr(_decoding, "check_depth", counted)
    return seen


@pytest.mark.parametrize("operation_id", sorted(operations()))
def test_a_documented_body_is_no_deeper_than_its_conforming_depth(operation_id: str) -> None:
    op = operations()[operation_id]
    model = model_for(op)
    bound = conforming_depth(model) if model is not None else None
    if bound is not None:
        assert depth(response_body(op)) <= bound


def test_a_free_form_field_leaves_the_depth_unbounded() -> None:
    assert conforming_depth(responses.SequencePage) is None  # Sequence.variables: dict[str, Any]
    assert conforming_depth(responses.ContactPage) == 3  # page, items, item


def test_a_conforming_page_under_the_limit_is_not_scanned_again(depth_checks: list[int]) -> None:
    assert len(fetch(page("list_contacts"), "contacts").items) >= 1
    assert depth_checks == []


def test_a_conforming_page_deeper_than_a_low_limit_is_refused(depth_checks: list[int]) -> None:
    with pytest.raises(exc.APIResponseValidationError, match="deeper than 2 levels"):
        fetch(page("list_contacts"), "contacts", limits=Limits(max_json_depth=2))
    assert depth_checks == [2]


def test_a_deep_free_form_value_in_a_conforming_page_is_refused(depth_checks: list[int]) -> None:
    body = page("list_sequences", variables=nested(DEEP))
    with pytest.raises(exc.APIResponseValidationError, match=r"Limits\.max_json_depth"):
        fetch(body, "sequences")
    assert depth_checks == [64]
    assert fetch(page("list_sequences", variables=nested(3)), "sequences").items[0].variables == nested(3)


def test_a_deep_body_that_takes_the_lenient_walk_is_refused(depth_checks: list[int]) -> None:
    body = page("list_contacts", **{absent("unlisted_field"): nested(DEEP)})  # an unknown field: not the fast path
    with pytest.raises(exc.APIResponseValidationError, match=r"Limits\.max_json_depth"):
        fetch(body, "contacts")
    assert depth_checks == [64]


@pytest.mark.parametrize("cast_to", [dict, httpx.Response, responses.Me])
def test_an_undocumented_call_holds_its_answer_to_the_limit_too(cast_to: Any) -> None:
    body = json.dumps({"id": "x", absent("unlisted_nested"): nested(DEEP)}).encode()
    transport = httpx.MockTransport(lambda request: httpx.Response(200, content=body))
    with (Topo(api_key=TEST_KEY, base_url=BASE_URL, log_drift=False, max_retries=0,
               http_client=httpx.Client(transport=transport)) as client,
          pytest.raises(exc.APIResponseValidationError, match=r"Limits\.max_json_depth")):
        client.get("/not-in-the-spec", cast_to=cast_to)
