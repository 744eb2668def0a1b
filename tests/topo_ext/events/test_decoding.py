"""Every documented event type decodes to its class from an activity page and from a webhook body, in either
key spelling; unknown types and keys survive; dispatch is by `type`."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.specdata import schema
from tests.unknowns import absent
from topo_client._decode import ShapeError
from topo_ext import events
from topo_ext._decoding import DecodeOptions
from topo_ext._drift import DriftRecord
from topo_ext.events import EVENT_TYPES, EventDispatcher, UnknownEvent, decode_activity_page, parse_event

TYPES = schema("EventType")["enum"]
IDS = {
    "organization_id": "01954b2e-0000-7000-aaaa-111111111111",
    "person_id": "01954b2e-1111-7000-bbbb-222222222222",
    "sequence_id": "01954b2e-2222-7000-cccc-333333333333",
    "sequence_template_id": "01954b2e-3333-7000-dddd-444444444444",
    "message_id": "01954b2e-4444-7000-eeee-555555555555",
}
METADATA = {
    "message.replied": {"reply_category": "INTERESTED"},
    "invitation.sent": {"step_number": 2},
    "sequence.paused": {"paused_until": "2025-04-01T00:00:00Z", "last_step_executed": 3},
    "sequence.stopped": {"stopped_reason": "REPLIED", "error_code": None},
}


def camel(key: str) -> str:
    head, *rest = key.split("_")
    return head + "".join(p.title() for p in rest)


def payload(event_type: str, spelling: str = "snake") -> dict[str, Any]:
    body: dict[str, Any] = {"type": event_type, **IDS, "resource_type": "MESSAGE", "channel": "EMAIL",
                            "hot_lead_id": None, "calendar_event_id": None, "task_id": None}
    if event_type in METADATA:
        body["metadata"] = dict(METADATA[event_type])
    if spelling == "snake":
        return body
    convert = camel if spelling == "camel" else (lambda k: camel(k) if len(k) % 2 else k)  # mixed: some of each
    out = {convert(k): v for k, v in body.items()}
    if "metadata" in body:
        out["metadata"] = {convert(k): v for k, v in body["metadata"].items()}
    return out


def page(*payloads: dict[str, Any]) -> bytes:
    items = [{"id": f"01954b2e-fc10-7000-8a3f-{i:012d}", "created_at": "2025-03-14T09:22:11.483Z", "payload": p}
             for i, p in enumerate(payloads)]
    return json.dumps({"items": items, "total_count": len(items), "total_pages": 1, "has_more": False}).encode()


def test_every_event_type_of_the_spec_has_a_class() -> None:
    mapping = schema("ActivityPayload")["discriminator"]["mapping"]
    assert TYPES and set(EVENT_TYPES) == set(TYPES) == set(mapping)
    assert all(EVENT_TYPES[t].__name__ == mapping[t].rsplit("/", 1)[-1] for t in TYPES)


@pytest.mark.parametrize("spelling", ["snake", "camel", "mixed"])
@pytest.mark.parametrize("event_type", TYPES)
def test_each_type_decodes_to_its_class_from_a_page_and_a_webhook(event_type: str, spelling: str) -> None:
    body = payload(event_type, spelling)
    from_page = decode_activity_page(page(body)).items[0].payload
    from_hook = parse_event(json.dumps(body).encode())
    cls = EVENT_TYPES[event_type]
    assert type(from_page) is cls and type(from_hook) is cls
    assert from_page == from_hook
    assert from_page.type == event_type
    assert from_page.person_id == IDS["person_id"] and from_page.sequence_template_id == IDS["sequence_template_id"]
    assert from_page.channel == "EMAIL" and from_page.resource_type == "MESSAGE"
    if event_type == "message.replied":
        assert from_page.metadata.reply_category == "INTERESTED"
    if event_type == "invitation.sent":
        assert from_page.metadata.step_number == 2
    if event_type == "sequence.paused":
        assert from_page.metadata.paused_until.isoformat().startswith("2025-04-01")
    assert not from_page.extra  # both spellings are known keys, not unknown ones


def test_spec_shaped_data_decodes_in_one_convert_and_reports_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    from topo_client import _plan

    def boom(*args: object, **kwargs: object) -> None:
        raise AssertionError("the field-by-field fallback was used")

    monkeypatch.setattr(_plan, "_keep", boom)
    record = DriftRecord()
    activities = decode_activity_page(page(*(payload(t) for t in TYPES)), DecodeOptions(record=record)).items
    assert [a.payload.type for a in activities] == TYPES
    assert [type(a.payload) for a in activities] == [EVENT_TYPES[t] for t in TYPES]
    assert not record


def test_an_unknown_type_and_unknown_keys_survive_a_round_trip() -> None:
    bounced = {"type": absent("unlisted.event"), "person_id": IDS["person_id"], "bounce": {"kind": "hard"}}
    replied = payload("message.replied")
    replied["metadata"]["sentiment"] = 0.9
    replied["thread_id"] = "t-1"
    first, second = (a.payload for a in decode_activity_page(page(bounced, replied)).items)
    assert isinstance(first, UnknownEvent) and first.type == bounced["type"]
    assert first.to_dict() == bounced
    assert second.extra == {"thread_id": "t-1"} and second.metadata.extra == {"sentiment": 0.9}
    assert second.to_dict() == replied
    assert parse_event(json.dumps(bounced)) == first


def test_unknown_enum_values_in_payloads_are_open() -> None:
    body = payload("message.sent")
    body["channel"] = "WHATSAPP"
    event = parse_event(json.dumps(body).encode())
    assert event.channel == "WHATSAPP" and event.channel.is_unknown  # type: ignore[union-attr]


def test_a_delivery_wrapped_like_an_activity_is_unwrapped() -> None:
    wrapped = {"id": "a1", "created_at": "2025-03-14T09:22:11Z", "payload": payload("meeting.created")}
    assert parse_event(json.dumps(wrapped)).type == "meeting.created"


def test_dispatcher_routes_polled_and_pushed_events_the_same_way() -> None:
    dispatcher = EventDispatcher()
    seen: list[tuple[str, str]] = []

    @dispatcher.on("message.replied")
    def replied(event: Any) -> None:
        seen.append(("replied", event.type))

    @dispatcher.on("*")
    def everything(event: Any) -> None:
        seen.append(("any", events.event_type(event)))

    polled = decode_activity_page(page(payload("message.replied"))).items[0]
    pushed = parse_event(json.dumps(payload("message.replied")))
    assert dispatcher.dispatch(polled) == 2 and dispatcher.dispatch(pushed) == 2
    new = absent("unlisted.event")
    assert dispatcher.dispatch(parse_event(json.dumps({"type": new}))) == 1
    assert seen == [("replied", "message.replied"), ("any", "message.replied")] * 2 + [("any", new)]
    with pytest.raises(ValueError, match="event type"):
        dispatcher.on()


def test_malformed_bodies_raise_clearly() -> None:
    import msgspec

    with pytest.raises(msgspec.DecodeError):
        decode_activity_page(b'{"items": [')
    with pytest.raises(ShapeError, match="ActivityPage object, got list"):
        decode_activity_page(b'[{"items": []}]')  # the wrong kind entirely
    record = DriftRecord()
    odd = decode_activity_page(b'{"items": 3, "total_count": 0, "total_pages": 0, "has_more": false}',
                               DecodeOptions(record=record))
    assert odd.items == 3 and odd.has_more is False  # a value of another type is kept as sent, and reported
    assert record.keys() == {"ActivityPage.items (unexpected type)"}
