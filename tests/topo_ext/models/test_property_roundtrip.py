"""Property tests over every response schema (taken from the spec): valid instances decode and round-trip through
to_dict/from_dict; dropping a field, changing a value's JSON type, and adding fields, enum values or event types
still decodes, keeps what was sent and reports it (hypothesis, with a small JSON-Schema-to-strategy builder:
hypothesis-jsonschema does not work with current hypothesis releases and was far too slow on this spec)."""

from __future__ import annotations

import re
import typing
from datetime import datetime
from typing import Any

import msgspec
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.unknowns import absent
from topo_client import responses
from topo_client._plan import plan_for
from topo_client._schema import merge_all_of
from topo_ext._decoding import DecodeOptions, decode_value
from topo_ext._drift import DriftRecord
from topo_ext._spec import document, operations, resolve

SCHEMAS = document()["components"]["schemas"]
#: Every schema a 2xx response names, its list items, and the error body: all of them decode into `responses`.
RESPONSE_SCHEMAS = sorted(
    {op.success_schema for op in operations().values() if op.success_schema}
    | {op.success_body["items"]["$ref"].rsplit("/", 1)[-1] for op in operations().values()
       if op.success_body and op.success_body.get("type") == "array"}
    | {"Error"}
)


def strategy(node: dict[str, Any], depth: int = 0) -> st.SearchStrategy[Any]:
    """A hypothesis strategy for JSON values valid against `node` (the subset of JSON Schema the spec uses)."""
    if "$ref" in node:
        return strategy(resolve(node), depth)
    if "const" in node:
        return st.just(node["const"])
    if "enum" in node:
        return st.sampled_from(node["enum"])
    if "allOf" in node:
        return strategy(merge_all_of(document(), node), depth)
    for key in ("oneOf", "anyOf"):
        if key in node:
            return st.one_of([strategy(choice, depth) for choice in node[key]])
    kind = node.get("type")
    if isinstance(kind, list):
        return st.one_of([strategy({**node, "type": k}, depth) for k in kind])
    if kind == "null":
        return st.none()
    if kind == "boolean":
        return st.booleans()
    if kind == "integer":
        return st.integers(node.get("minimum", -(10**6)), node.get("maximum", 10**6))
    if kind == "number":
        return st.floats(allow_nan=False, allow_infinity=False, width=32)
    if kind == "string":
        fmt = node.get("format")
        if fmt == "uuid":
            return st.uuids().map(str)
        if fmt == "date-time":
            return st.builds(_timestamp, st.datetimes(datetime(2000, 1, 1), datetime(2100, 1, 1)), st.booleans())
        return st.text(min_size=node.get("minLength", 0), max_size=min(node.get("maxLength", 20), 20))
    if kind == "array":
        if depth > 4:
            return st.just([])
        return st.lists(strategy(node.get("items", {}), depth + 1), min_size=node.get("minItems", 0),
                        max_size=min(node.get("maxItems", 3), 3))
    if kind == "object" or "properties" in node:
        props = node.get("properties", {})
        required = set(node.get("required", []))
        return st.fixed_dictionaries(
            {k: strategy(v, depth + 1) for k, v in props.items() if k in required},
            optional={k: strategy(v, depth + 1) for k, v in props.items() if k not in required},
        )
    return st.one_of(st.none(), st.integers(), st.text(max_size=5), st.booleans())  # untyped: any JSON


def _timestamp(moment: datetime, millis: bool) -> str:
    text = moment.replace(microsecond=(moment.microsecond // 1000) * 1000 if millis else 0).isoformat()
    return text[:23] + "Z" if millis and "." in text else text[:19] + "Z"


def _normal(value: Any) -> Any:
    """Compare JSON values up to the spelling of timestamps (Z vs +00:00)."""
    if isinstance(value, dict):
        return {k: _normal(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_normal(v) for v in value]
    if isinstance(value, str) and re.match(r"^\d{4}-\d{2}-\d{2}T", value):
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    return value


def _with_unknown_fields(value: Any) -> Any:
    """Add an unknown field to every object (the API adds fields without notice)."""
    if isinstance(value, dict):
        return {**{k: _with_unknown_fields(v) for k, v in value.items()}, "zz_new_field": {"nested": [1, "two"]}}
    if isinstance(value, list):
        return [_with_unknown_fields(v) for v in value]
    return value


def _decode(name: str, data: Any) -> tuple[Any, DriftRecord]:
    record = DriftRecord()
    record.log_enabled = False
    return decode_value(getattr(responses, name), data, DecodeOptions(record=record)), record


def _covers(sent: Any, kept: Any) -> bool:
    """`kept` (to_dict) holds everything `sent` held; fields that were not sent come back as None."""
    if isinstance(sent, dict):
        return (isinstance(kept, dict) and set(sent) <= set(kept)
                and all(_covers(sent.get(k), v) for k, v in kept.items()))
    if isinstance(sent, list):
        return isinstance(kept, list) and len(sent) == len(kept) and all(map(_covers, sent, kept))
    return _normal(sent) == _normal(kept)


def _other_type(value: Any) -> Any:
    """A JSON value of another type than `value` (never null: every field is nullable)."""
    if isinstance(value, bool) or value is None:
        return "not-a-bool"
    if isinstance(value, int | float):
        return "not-a-number"
    if isinstance(value, str):
        return 12345
    if isinstance(value, list):
        return {"not": "a list"}
    return ["not", "an", "object"]


@pytest.mark.parametrize("name", RESPONSE_SCHEMAS)
def test_generated_instances_decode_and_round_trip(name: str) -> None:
    @settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(data=strategy(SCHEMAS[name]), extra=st.booleans())
    def check(data: Any, extra: bool) -> None:
        if extra:
            data = _with_unknown_fields(data)
        model, record = _decode(name, data)
        assert _covers(data, model.to_dict())
        again = type(model).from_dict(model.to_dict())
        assert again == model and again.to_dict() == model.to_dict()  # to_dict/from_dict round-trip
        assert bool(extra) == any(e.kind == "field" for e in record.entries())
        assert not any(e.kind in {"type", "missing"} for e in record.entries())  # valid data: nothing else

    check()


@pytest.mark.parametrize("name", RESPONSE_SCHEMAS)
def test_a_missing_or_retyped_field_still_decodes_and_is_reported(name: str) -> None:
    required = set(plan_for(getattr(responses, name)).required)

    @settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(data=strategy(SCHEMAS[name]), pick=st.integers(0, 10**6), retype=st.booleans())
    def check(data: Any, pick: int, retype: bool) -> None:
        if not isinstance(data, dict) or not data:
            return
        key = sorted(data)[pick % len(data)]
        changed = {**data, key: _other_type(data[key])}
        data = changed if retype else {k: v for k, v in data.items() if k != key}
        model, record = _decode(name, data)
        kept = model.to_dict()
        assert _covers(data, kept)  # the odd value is kept as sent, the others are decoded as usual
        keys = record.keys()
        if not retype:
            assert kept[key] is None
            assert (f"{name}.{key} (missing)" in keys) == (key in required)
        else:
            attr, _ = plan_for(type(model)).fields[key]
            hint = typing.get_type_hints(type(model))[attr]
            try:
                msgspec.convert(data[key], hint)
                fits = True
            except msgspec.ValidationError:
                fits = False
            assert fits or any(e.kind == "type" for e in record.entries()), keys

    check()


def test_unknown_enum_values_and_event_types_decode_and_are_reported() -> None:
    exclusion = SCHEMAS["ContactExclusion"]
    reason, event_type = absent("UNLISTED_REASON"), absent("unlisted.event")
    data = dict.fromkeys(exclusion["properties"]) | {"reason": reason, "id": "x"}
    model, record = _decode("ContactExclusion", data)
    assert model.reason == reason and model.reason.is_unknown
    assert f'ExclusionReason="{reason}"' in record.keys()  # noqa: SIM118 - keys() is a set method
    activity = {"id": "a", "created_at": "2025-01-01T00:00:00Z",
                "payload": {"type": event_type, "person_id": "p1", "organization_id": "o1", "why": "full"}}
    page, record = _decode("ActivityPage", {"items": [activity], "total_count": 1, "total_pages": 1,
                                            "has_more": False})
    event = page.items[0].payload
    assert isinstance(event, responses.UnknownEvent)
    assert (event.type, event.person_id, event.organization_id) == (event_type, "p1", "o1")
    assert event.data == activity["payload"] and event.to_dict() == activity["payload"]
    assert f'ActivityPayload.type="{event_type}"' in record.keys()  # noqa: SIM118 - a set, not a dict
