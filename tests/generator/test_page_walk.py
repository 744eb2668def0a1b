"""The page walk (`Plan.walk_many`: a page's items walked together, per key set) gives each item exactly what
decoding it alone gives: the same fields, the same `extra`, the same drift (keys and counts), the same errors in
strict mode. Pages come from the spec (bench/specpages.py: every list operation, 100 spec-shaped items), changed
the ways the API drifts: on every item (one key set: the fast path) or on some (mixed key sets: item by item)."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import pytest

from bench import specpages
from tests.unknowns import EXTRA_FIELD, UNKNOWN_VALUE
from topo_client import responses
from topo_client._plan import plan_for
from topo_ext._decoding import DecodeOptions, StrictValidationError, decode_value
from topo_ext._drift import DriftRecord

OPERATIONS = specpages.list_operations()
UNKNOWN = EXTRA_FIELD


def _page(op: specpages.ListOperation) -> Any:
    return json.loads(specpages.page_body(op))


def _items(body: Any) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = body["items"] if isinstance(body, dict) else body
    return items


def _page_type(op: specpages.ListOperation) -> Any:
    item = getattr(responses, op.item_schema)
    return getattr(responses, op.schema) if op.schema else list[item]  # type: ignore[valid-type]


def _drift(record: DriftRecord) -> dict[str, int]:
    return {entry.key: entry.count for entry in record.entries()}


def _drifted(item: dict[str, Any], index: int, op: specpages.ListOperation) -> dict[str, Any]:
    """`item` as the API may send it after a change: a new field (its value differs per item), a documented-required
    key left out, a camelCase spelling (every third item), unknown enum values, naive date-times (the API means
    UTC). The same `index` gives the same key set."""
    plan = plan_for(getattr(responses, op.item_schema))
    wire = {attr: key for key, (attr, _) in plan.fields.items()}
    item = {**item, UNKNOWN: f"teal {index}"}
    for key in sorted(plan.required - {"id"})[:1]:
        item.pop(key, None)
    for attr, _ in plan.enums:
        if wire[attr] in item:
            item[wire[attr]] = UNKNOWN_VALUE
    for attr in plan.datetimes:
        if isinstance(item.get(wire[attr]), str):
            item[wire[attr]] = item[wire[attr]].removesuffix("Z")
    plain = sorted(key for key in item if "_" in key and key in plan.plain and key not in plan.required)
    if plain and index % 3 == 0:
        first, *rest = plain[0].split("_")
        item[first + "".join(part.title() for part in rest)] = item.pop(plain[0])
    return item


def _alone(op: specpages.ListOperation, items: list[dict[str, Any]], strict: bool = False) -> tuple[list[Any],
                                                                                                     DriftRecord]:
    record = DriftRecord()
    cls = getattr(responses, op.item_schema)
    return [decode_value(cls, copy.deepcopy(item), DecodeOptions(record=record, strict=strict))
            for item in items], record


@pytest.mark.parametrize("every_item", [True, False], ids=["one key set", "mixed key sets"])
@pytest.mark.parametrize("op", OPERATIONS, ids=[op.operation_id for op in OPERATIONS])
def test_a_page_walk_gives_each_item_what_decoding_it_alone_gives(op: specpages.ListOperation, every_item: bool,
                                                                  local_timezone: Callable[[str], None]) -> None:
    local_timezone("Asia/Tokyo")  # naive values must read as UTC, not as this local time
    body = _page(op)
    items = _items(body)
    if every_item:  # one key set (the fast path); the new field's value still differs per item
        items[:] = [_drifted(item, 0, op) | {UNKNOWN: f"teal {i}"} for i, item in enumerate(items)]
    else:  # every fourth item drifts, in ways that differ from item to item: the walk goes item by item
        items[:] = [_drifted(item, i, op) if i % 4 == 1 else item for i, item in enumerate(items)]
    record = DriftRecord()
    page = decode_value(_page_type(op), copy.deepcopy(body), DecodeOptions(record=record))
    decoded = page if isinstance(page, list) else page.items
    alone, alone_record = _alone(op, items)
    assert [item.to_dict() for item in decoded] == [item.to_dict() for item in alone]
    assert [item.extra for item in decoded] == [item.extra for item in alone]
    assert [item.extra.get(UNKNOWN) for item in decoded] == [item.get(UNKNOWN) for item in items]
    assert _drift(record) == _drift(alone_record)  # the same keys, each counted once per item that has it
    assert _drift(record)[f"{op.item_schema}.{UNKNOWN}"] == sum(UNKNOWN in item for item in items)
    datetimes = [getattr(item, name) for item in decoded for name in item.__struct_fields__]
    assert all(v.utcoffset() == timedelta(0) for v in datetimes if isinstance(v, datetime))  # the examples are UTC


@pytest.mark.parametrize("op", OPERATIONS[:3], ids=[op.operation_id for op in OPERATIONS[:3]])
def test_each_item_keeps_its_own_extra_dict(op: specpages.ListOperation) -> None:
    body = _page(op)
    for i, item in enumerate(_items(body)):
        item[UNKNOWN] = {"shade": i}
    page = decode_value(_page_type(op), body, DecodeOptions(record=DriftRecord()))
    decoded = page if isinstance(page, list) else page.items
    decoded[0].extra[UNKNOWN]["shade"] = "changed"
    decoded[0].extra["mine"] = 1
    assert [item.extra for item in decoded[1:]] == [{UNKNOWN: {"shade": i}} for i in range(1, len(decoded))]


@pytest.mark.parametrize("op", OPERATIONS, ids=[op.operation_id for op in OPERATIONS])
def test_strict_mode_refuses_a_page_whose_items_all_carry_an_unknown_field(op: specpages.ListOperation) -> None:
    body = _page(op)
    for item in _items(body):
        item[UNKNOWN] = "teal"
    with pytest.raises(StrictValidationError) as caught:
        decode_value(_page_type(op), body, DecodeOptions(record=DriftRecord(), strict=True))
    assert op.item_schema in str(caught.value) and UNKNOWN in str(caught.value)


@pytest.mark.parametrize("value", [["EMAIL"], {"kind": "EMAIL"}], ids=["array", "object"])
def test_an_enum_field_holding_an_array_or_object_is_kept_and_reported(value: Any) -> None:
    record = DriftRecord()
    exclusion = decode_value(responses.ContactExclusion, {"id": "x", "reason": value}, DecodeOptions(record=record))
    webhook = decode_value(responses.WebhookSubscription, {"id": "y", "event_types": [value]},
                           DecodeOptions(record=record))
    assert exclusion.reason == value and webhook.event_types == [value]
    assert {"ContactExclusion.reason (unexpected type)", "WebhookSubscription.event_types (unexpected type)"} <= set(
        _drift(record))
