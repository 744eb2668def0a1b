"""One consistent family of response models: the same types everywhere, one attribute for unknown fields, one
serialisation, one class per enum, and a drift record per client."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import httpx
import msgspec
import pytest

from tests.conftest import BASE_URL, TEST_KEY
from tests.specdata import UUID_A, MockAPI, instance, schema
from tests.unknowns import EXTRA_FIELD, EXTRA_VALUE, absent
from topo_client import models as request_models
from topo_client import responses
from topo_ext import APIResponseValidationError, AsyncTopo, Topo, events
from topo_ext import models as public_models
from topo_ext._spec import document

STRUCTS = [getattr(responses, n) for n in responses.__all__
           if isinstance(getattr(responses, n), type) and issubclass(getattr(responses, n), msgspec.Struct)]


def _client(api: MockAPI, **options: Any) -> Topo:
    return Topo(api_key=TEST_KEY, base_url=BASE_URL, log_drift=False,
                http_client=httpx.Client(transport=httpx.MockTransport(api)), **options)


def test_an_id_from_an_activity_equals_the_same_id_on_a_contact(client: Topo, api: MockAPI) -> None:
    activity = instance(schema("Activity"))
    activity["payload"] = {**instance(schema("MessageSentEvent")), "type": "message.sent", "person_id": UUID_A}
    api.override["get_activity"] = lambda r: httpx.Response(200, json=activity)
    contact = client.contacts.get(uuid.UUID(UUID_A))  # a UUID on input is fine
    event = client.activities.get(UUID_A).payload
    assert contact.id == event.person_id == UUID_A  # type: ignore[union-attr]
    assert type(contact.id) is type(event.person_id) is str  # type: ignore[union-attr]
    assert str(api.requests[0].url).endswith(f"/contacts/{UUID_A}")


@pytest.mark.parametrize("zone", ["Asia/Tokyo", "America/St_Johns"])
def test_datetimes_are_aware_and_serialise_one_way(local_timezone: Callable[[str], None], zone: str) -> None:
    local_timezone(zone)  # where local time is not UTC, reading a naive value as local time would show
    naive = responses.Contact.from_dict({"id": "c", "first_seen_at": "2025-03-14T09:22:11"})
    offset = responses.Contact.from_dict({"id": "c", "first_seen_at": "2025-03-14T11:22:11+02:00"})
    assert naive.first_seen_at == datetime(2025, 3, 14, 9, 22, 11, tzinfo=UTC)  # a naive wire value means UTC
    assert offset.first_seen_at == naive.first_seen_at and offset.first_seen_at.tzinfo is not None
    assert naive.to_dict()["first_seen_at"] == "2025-03-14T09:22:11Z"
    activity = responses.Activity.from_dict({"id": "a", "created_at": "2025-03-14T09:22:11Z", "payload": None})
    assert activity.to_dict()["created_at"] == "2025-03-14T09:22:11Z"  # resources and events alike


def _field_of(cls: type[msgspec.Struct], kind: type) -> str:
    """The wire name of a field of `cls` typed `kind | None` (taken from the model, so from the spec)."""
    for field in msgspec.structs.fields(cls):
        if field.type == kind | None:
            return field.encode_name
    raise AssertionError(f"{cls.__name__} has no {kind.__name__} field")


@pytest.mark.parametrize("zone", ["Asia/Tokyo", "America/St_Johns"])
def test_the_field_by_field_fallback_keeps_extra_and_reads_naive_datetimes_as_utc(
        local_timezone: Callable[[str], None], zone: str) -> None:
    local_timezone(zone)
    when, text = _field_of(responses.Contact, datetime), _field_of(responses.Contact, str)
    known = {f.encode_name for f in msgspec.structs.fields(responses.Contact)}
    unknown = "z" * (max(map(len, known)) + 1)  # longer than every documented name: absent from the spec
    # One wrong-typed field makes the one-shot convert fail: the model is then built field by field.
    contact = responses.Contact.from_dict({"id": "c", when: "2025-03-14T09:22:11", text: 5, unknown: [1]})
    assert getattr(contact, _attr(responses.Contact, text)) == 5  # kept as sent
    assert contact.extra == {unknown: [1]}
    assert getattr(contact, _attr(responses.Contact, when)) == datetime(2025, 3, 14, 9, 22, 11, tzinfo=UTC)
    assert contact.to_dict()[when] == "2025-03-14T09:22:11Z"


def _attr(cls: type[msgspec.Struct], wire: str) -> str:
    return next(f.name for f in msgspec.structs.fields(cls) if f.encode_name == wire)


@pytest.mark.parametrize("cls", STRUCTS, ids=lambda c: c.__name__)
def test_every_model_round_trips_through_to_dict_and_from_dict(cls: type[responses.TopoStruct]) -> None:
    name = cls.__name__
    if name in document()["components"]["schemas"]:
        data = instance(schema(name), extra=True)
    else:  # UnknownEvent: not a spec schema
        data = {"type": absent("unlisted.event"), "person_id": UUID_A, EXTRA_FIELD: EXTRA_VALUE}
    if isinstance(cls.__struct_config__.tag, str):
        data["type"] = cls.__struct_config__.tag
    model = cls.from_dict(data)
    assert type(model) is cls
    assert model.extra.get(EXTRA_FIELD) == EXTRA_VALUE  # one attribute, one meaning, on every model
    again = cls.from_dict(model.to_dict())
    assert again == model and again.to_dict() == model.to_dict() and again.extra == model.extra


def test_shared_enums_and_event_models_are_one_class() -> None:
    assert public_models.ActivityChannel is responses.ActivityChannel is request_models.ActivityChannel
    assert public_models.ExclusionReason is responses.ExclusionReason is request_models.ExclusionReason
    assert public_models.Activity is events.Activity is responses.Activity
    assert public_models.Contact is responses.Contact
    assert events.UnknownEvent is responses.UnknownEvent and issubclass(events.UnknownEvent, events.EventBase)


def test_each_client_has_its_own_drift_record_shared_with_its_copies(api: MockAPI) -> None:
    api.extra = True
    first, second = _client(api), _client(api)
    first.contacts.get(UUID_A)
    assert f"Contact.{EXTRA_FIELD}" in first.drift.keys() and not second.drift  # noqa: SIM118 - a set
    copy = first.with_options(max_retries=0)
    copy.contact_exclusions.get(UUID_A)
    assert copy.drift is first.drift and f"ContactExclusion.{EXTRA_FIELD}" in first.drift.keys()  # noqa: SIM118


async def test_strict_mode_names_operation_model_and_field(api: MockAPI) -> None:
    api.extra = True
    with pytest.raises(APIResponseValidationError, match=rf"get_contact: .*Contact: field {EXTRA_FIELD!r}"):
        _client(api, strict_response_validation=True).contacts.get(UUID_A)
    missing = sorted(responses.REQUIRED["Task"])[-1]  # a field the spec requires, whichever it is
    body = {k: v for k, v in instance(schema("Task")).items() if k != missing}
    api.override["reopen_task"] = lambda r: httpx.Response(200, json=body)
    async with AsyncTopo(api_key=TEST_KEY, base_url=BASE_URL, strict_response_validation=True,
                         http_client=httpx.AsyncClient(transport=httpx.MockTransport(api))) as client:
        with pytest.raises(APIResponseValidationError, match=rf"reopen_task: .*Task: field '{missing}': .*missing"):
            await client.tasks.reopen(UUID_A)


@pytest.mark.parametrize("tp", [responses.ContactPage, list[responses.TaskMessage]], ids=["page", "bare array"])
def test_one_bad_item_never_loses_the_others(tp: Any) -> None:
    from topo_ext._decoding import DecodeOptions, decode_value
    from topo_ext._drift import DriftRecord

    item_type = responses.Contact if tp is responses.ContactPage else responses.TaskMessage
    items: list[Any] = [{**instance(schema(item_type.__name__)), "id": f"id-{i}"} for i in range(100)]
    items[37]["id"] = {"unexpected": "object"}  # a value of another type
    items[50] = "<string>"  # not an object at all
    page = tp is responses.ContactPage
    data = {"items": items, "total_count": 100, "total_pages": 1, "has_more": False} if page else items
    record = DriftRecord()
    decoded = decode_value(tp, data, DecodeOptions(record=record))
    values = decoded.items if isinstance(decoded, responses.ContactPage) else decoded
    assert len(values) == 100 and values[50] == "<string>" and values[37].id == {"unexpected": "object"}
    assert all(type(v) is item_type for i, v in enumerate(values) if i != 50)
    assert [v.id for i, v in enumerate(values) if i not in (37, 50)] == [f"id-{i}" for i in range(100)
                                                                          if i not in (37, 50)]
    assert f"{item_type.__name__}.id (unexpected type)" in record.keys()  # noqa: SIM118


@pytest.mark.parametrize(("body", "why"), [(b"[1, 2]", "expected a Contact object, got list"),
                                           (b"<html>busy</html>", "not valid JSON")])
def test_only_the_wrong_kind_or_not_json_raises(api: MockAPI, body: bytes, why: str) -> None:
    api.override["get_contact"] = lambda r: httpx.Response(200, content=body)
    with pytest.raises(APIResponseValidationError, match=why) as caught:
        _client(api, max_retries=0).contacts.get(UUID_A)
    assert "get_contact" in str(caught.value)


def test_every_resource_method_decodes_the_model_its_spec_names(client: Topo) -> None:
    from tests.specdata import client_operations, method_for
    from topo_ext._decoding import model_for
    checked = 0
    for spec in client_operations():
        operation = getattr(method_for(client, spec), "operation", None)
        assert operation.model == model_for(spec), spec.operation_id
        checked += 1
    assert checked == len(client_operations())
