"""Event decoding at its edges: a page whose payloads are of two event types (each decodes as it does alone), an
event whose `type` is not a string, and the example the drift record keeps of an unknown event type."""

from __future__ import annotations

import json

from tests.specdata import schema
from tests.topo_ext.events.test_decoding import METADATA, TYPES, page, payload
from tests.unknowns import absent
from topo_ext._decoding import DecodeOptions
from topo_ext._drift import DriftRecord
from topo_ext.events import UnknownEvent, decode_activity_page

UNION = "ActivityPayload"  # the spec's schema of an activity's payload: a tagged union of the event types


def test_payloads_of_two_event_types_on_one_page_each_decode_as_alone() -> None:
    with_metadata = next(t for t in TYPES if t in METADATA)
    without = next(t for t in TYPES if t not in METADATA)
    bodies = [payload(with_metadata), payload(without)]
    unknown = [absent(f"unlisted_key_{n}") for n in range(len(bodies))]
    for n, body in enumerate(bodies):
        body[unknown[n]] = n  # a key of its own, unknown to either class
    alone_record = DriftRecord()  # first: the page below then finds each class's plan already made
    alone = [decode_activity_page(page(b), DecodeOptions(record=alone_record)).items[0].payload for b in bodies]
    record = DriftRecord()
    together = [a.payload for a in decode_activity_page(page(*bodies), DecodeOptions(record=record)).items]
    assert [type(p) for p in together] == [type(p) for p in alone] and type(alone[0]) is not type(alone[1])
    assert together == alone and [p.extra for p in together] == [p.extra for p in alone]
    assert [p.extra for p in together] == [{key: n} for n, key in enumerate(unknown)]
    assert record.keys() == alone_record.keys()


def test_an_event_whose_type_is_not_a_string_is_an_unknown_event() -> None:
    body = payload(TYPES[0])
    body["type"] = [TYPES[0]]  # not a string: no class of the union, and not usable as a dict key
    record = DriftRecord()
    event = decode_activity_page(page(body), DecodeOptions(record=record)).items[0].payload
    assert isinstance(event, UnknownEvent) and event.to_dict() == body
    assert [e.kind for e in record.entries()] == ["event_type"]


def test_the_drift_record_keeps_an_example_of_an_unknown_event_type() -> None:
    body = {"type": absent("unlisted.event"), "person_id": "p-1"}
    record = DriftRecord()
    decode_activity_page(page(body), DecodeOptions(record=record))
    (entry,) = [e for e in record.entries() if e.kind == "event_type"]
    assert entry.name == body["type"] and entry.example == body
    assert entry.schema == UNION and "discriminator" in schema(UNION)  # named as the spec names the union


def test_a_value_of_another_type_is_reported_with_its_example() -> None:
    record = DriftRecord()
    odd = decode_activity_page(b'{"items": 3, "total_count": 0, "total_pages": 0, "has_more": false}',
                               DecodeOptions(record=record))
    (entry,) = record.entries()
    assert odd.items == 3 and entry.kind == "type" and entry.example == 3


def test_an_empty_page_with_an_unknown_key_decodes() -> None:
    unknown = absent("unlisted_field")
    body = json.dumps({"items": [], "total_count": 0, "total_pages": 0, "has_more": False, unknown: 1}).encode()
    decoded = decode_activity_page(body)
    assert decoded.items == [] and decoded.extra == {unknown: 1}
