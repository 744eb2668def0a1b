"""Null vs missing: `fields_set` names the fields the answer contained, `to_dict(exclude_unset=True)` leaves the
others out, `to_json()` is the wire form and round-trips through `from_dict`; the README's CRM pattern runs."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import BASE_URL, TEST_KEY
from tests.specdata import MockAPI, response_body, schema
from topo_client.responses import Contact, ContactPage
from topo_ext import AsyncTopo, Topo
from topo_ext._spec import operations
from topo_tools.sandbox import Sandbox

ROOT = Path(__file__).resolve().parents[3]
_PROPS = schema("Contact")["properties"]
_OPTIONAL = [name for name in _PROPS if name not in schema("Contact").get("required", ())]
FIELD = "phone_number" if "phone_number" in _OPTIONAL else _OPTIONAL[0]  # the example, if the spec has it
ATTR = dict(zip(Contact.__struct_encode_fields__, Contact.__struct_fields__, strict=True))[FIELD]
UNKNOWN = "x_" + "_".join(sorted(_PROPS))[:24]  # not a Contact property, by construction


def _contact(**changes: Any) -> dict[str, Any]:
    body = dict(response_body(operations()["get_contact"]))
    body.update(changes)
    return {k: v for k, v in body.items() if v is not ...}


def _bodies() -> tuple[dict[str, Any], dict[str, Any]]:
    return _contact(**{FIELD: None}), _contact(**{FIELD: ...})


def _check(null: Contact, missing: Contact) -> None:
    assert getattr(null, ATTR) is None and getattr(missing, ATTR) is None  # both read None ...
    assert ATTR in null.fields_set and ATTR not in missing.fields_set      # ... but only one was sent
    assert null.fields_set - missing.fields_set == {ATTR}
    assert null.to_dict(exclude_unset=True)[FIELD] is None and FIELD not in missing.to_dict(exclude_unset=True)
    assert null.to_dict()[FIELD] is None and missing.to_dict()[FIELD] is None  # the default keeps every field


def _mock(bodies: list[dict[str, Any]]) -> MockAPI:
    api, answers = MockAPI(), iter(bodies)
    api.override["get_contact"] = lambda request: httpx.Response(200, json=next(answers))
    return api


def test_sync_client_tells_null_from_missing() -> None:
    null, missing = _bodies()
    http = httpx.Client(transport=httpx.MockTransport(_mock([null, missing])))
    client = Topo(api_key=TEST_KEY, base_url=BASE_URL, http_client=http)
    _check(client.contacts.get(null["id"]), client.contacts.get(null["id"]))


def test_async_client_tells_null_from_missing() -> None:
    null, missing = _bodies()

    async def run() -> tuple[Contact, Contact]:
        http = httpx.AsyncClient(transport=httpx.MockTransport(_mock([null, missing])))
        client = AsyncTopo(api_key=TEST_KEY, base_url=BASE_URL, http_client=http)
        return await client.contacts.get(null["id"]), await client.contacts.get(null["id"])

    _check(*asyncio.run(run()))


@pytest.mark.parametrize("mixed", [False, True], ids=["one key set", "two key sets"])
def test_each_item_of_a_page_knows_its_own_fields(mixed: bool) -> None:
    null, missing = _bodies()
    items = [missing] * 3 + ([null] * 2 if mixed else [])
    page = ContactPage.from_dict({"items": items, "total_count": len(items), "total_pages": 1, "has_more": False})
    assert [ATTR in item.fields_set for item in page.items] == [False] * 3 + ([True] * 2 if mixed else [])
    assert page.fields_set == set(ContactPage.__struct_fields__)


def test_a_camel_case_key_counts_as_sent_and_a_model_built_in_code_has_every_field() -> None:
    camel = FIELD.split("_")[0] + "".join(p.title() for p in FIELD.split("_")[1:])
    if camel == FIELD:
        pytest.skip(f"{FIELD} has no camelCase spelling")
    null, missing = _bodies()
    assert ATTR in Contact.from_dict({**missing, camel: None}).fields_set
    assert Contact(id=null["id"]).fields_set == set(Contact.__struct_fields__)


def _same(a: Any, b: Any) -> None:
    assert a == b and a.fields_set == b.fields_set and a.extra == b.extra


def test_to_json_round_trips_through_from_dict() -> None:
    null, missing = _bodies()
    for body in (null, missing, {**missing, UNKNOWN: {"kept": [1, None]}}):
        contact = Contact.from_dict(body)
        again = Contact.from_dict(json.loads(contact.to_json()))
        _same(contact, again)
        assert json.loads(contact.to_json()) == body  # the wire form: exactly what was sent


def test_sandbox_objects_round_trip_nested_models_and_events_included() -> None:
    with Sandbox(seed=1, activities=30) as sb:
        client = Topo(api_key=sb.api_key, base_url=sb.base_url)
        samples = [client.me(), client.contacts.list(size=5).envelope, client.activities.list(size=30).envelope,
                   client.tasks.list(size=5).envelope]
    for model in samples:
        again = type(model).from_dict(json.loads(model.to_json()))
        _same(again, model)
        for item, copy in zip(getattr(model, "items", None) or [], getattr(again, "items", None) or [], strict=True):
            _same(item, copy)


def test_the_readme_crm_pattern_updates_only_what_topo_sent() -> None:
    readme = (ROOT / "README.md").read_text()
    code = readme.split("<!-- crm-presence-example:", 1)[1].split("```python\n", 1)[1].split("```", 1)[0]
    null, missing = _bodies()
    row = {FIELD: "+1 555 0100", "email": "kept@example.com"}
    for body, expected in ((missing, "+1 555 0100"), (null, None)):
        crm_row = dict(row)
        exec(code, {"contact": Contact.from_dict(body), "crm_row": crm_row})
        assert crm_row[FIELD] == expected
        assert crm_row["email"] == body.get("email", "kept@example.com")
