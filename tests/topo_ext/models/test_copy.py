"""pickle, copy.copy and copy.deepcopy of a decoded model keep what the answer said beyond the fields: unknown
fields (`extra`), which fields it left out (`fields_set`) and its request id; so `to_json()` of a copy is the same."""

from __future__ import annotations

import copy
import json
import pickle
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from tests.conftest import BASE_URL, TEST_KEY
from tests.specdata import response_body, schema
from topo_client._struct import TopoStruct
from topo_client.responses import Contact, ContactPage
from topo_ext import Topo
from topo_ext._spec import operations

_PROPS = schema("Contact")["properties"]
LEFT_OUT = next(name for name in _PROPS if name not in schema("Contact").get("required", ()) and name != "id")
UNKNOWN = "x_" + "_".join(sorted(_PROPS))[:24]  # not a Contact property, by construction
COPIES: dict[str, Callable[[Any], Any]] = {
    "pickle": lambda m: pickle.loads(pickle.dumps(m)), "copy": copy.copy, "deepcopy": copy.deepcopy}


def _body() -> dict[str, Any]:
    body = {k: v for k, v in response_body(operations()["get_contact"]).items() if k != LEFT_OUT}
    return {**body, UNKNOWN: {"kept": [1, None]}}


def _same(copied: TopoStruct, model: TopoStruct) -> None:
    assert copied == model and type(copied) is type(model)
    assert copied.extra == model.extra and copied.fields_set == model.fields_set
    assert copied._request_id == model._request_id and copied.to_json() == model.to_json()


@pytest.mark.parametrize("how", COPIES)
def test_a_copied_model_keeps_extra_fields_set_and_request_id(how: str) -> None:
    body = _body()
    http = httpx.Client(transport=httpx.MockTransport(
        lambda request: httpx.Response(200, json=body, headers={"x-request-id": "req_copy"})))
    contact = Topo(api_key=TEST_KEY, base_url=BASE_URL, http_client=http, log_drift=False).contacts.get(body["id"])
    assert contact.extra == {UNKNOWN: {"kept": [1, None]}} and contact._request_id == "req_copy"
    attr = dict(zip(Contact.__struct_encode_fields__, Contact.__struct_fields__, strict=True))[LEFT_OUT]
    assert attr not in contact.fields_set

    copied = COPIES[how](contact)
    _same(copied, contact)
    assert json.loads(copied.to_json()) == body  # only what was sent, the unknown field included


@pytest.mark.parametrize("how", COPIES)
def test_nested_models_keep_theirs_and_a_deep_copy_is_its_own(how: str) -> None:
    page = ContactPage.from_dict({"items": [_body()], "total_count": 1, "total_pages": 1, "has_more": False})
    copied = COPIES[how](page)
    _same(copied, page)
    _same(copied.items[0], page.items[0])
    if how != "copy":
        copied.items[0].extra[UNKNOWN]["kept"].append(2)
        assert page.items[0].extra == {UNKNOWN: {"kept": [1, None]}}
