"""Event decoding at its edges: a page whose payloads are of two event types (each decodes as it does alone), an
event whose `type` is not a string, and the example the drift record keeps of an unknown event type."""

from __future__ import annotations

from tests.topo_ext.events.test_decoding import METADATA, TYPES, page, payload
from tests.unknowns import absent
from topo_ext._drift import DriftRecord
from topo_ext._models import DecodeOptions
from topo_ext.events import UnknownEvent, decode_activity_page


def test_payloads_of_two_event_types_on_one_page_each_decode_as_alone() -> None:
    with_metadata = next(t for t in TYPES if t in METADATA)
    without = next(t for t in TYPES if t not in METADATA)
    bodies = [payload(with_metadata), payload(without)]
    unknown = [absent(f"unlisted_key_{n}") for n in range(len(bodies))]
    for n, body in enumerate(bodies):
        body[unknown[n]] = n  # a key of its own, unknown to either class
    record = DriftRecord()
    together = [a.payload for a in decode_activity_page(page(*bodies), DecodeOptions(record=record)).items]
    alone_record = DriftRecord()
    alone = [decode_activity_page(page(b), DecodeOptions(record=alone_record)).items[0].payload for b in bodies]
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
