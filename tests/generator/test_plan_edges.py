"""The decoder's plans at their edges: unknown enum values (alone and in lists) reported with their enum and value,
unknown keys with their example, two unknown keys on every item of a page, camelCase keys (unknown ones, both
spellings at once, a datetime of another type), a mapping that is not a dict, and a page of models that hold lists
of models."""

from __future__ import annotations

import types
from datetime import UTC, datetime
from typing import Any

from tests.generator.test_decode_nesting import Nested
from tests.specdata import schema
from tests.unknowns import absent
from topo_client.models import EventType
from topo_client.responses import AccountList, WebhookSubscription
from topo_ext._decoding import DecodeOptions, decode_value
from topo_ext._drift import DriftRecord

CREATED = "2025-03-14T09:22:11Z"


def decode(tp: Any, data: Any) -> tuple[Any, DriftRecord]:
    record = DriftRecord()
    return decode_value(tp, data, DecodeOptions(record=record)), record


def test_unknown_enum_values_alone_and_in_a_list_are_reported_with_their_enum() -> None:
    known = schema("EventType")["enum"][0]
    new = absent("unlisted.event", taken=set(schema("EventType")["enum"]))
    subscription, record = decode(WebhookSubscription, {"id": "w1", "event_types": [known, new]})
    assert [str(v) for v in subscription.event_types] == [known, new]
    (entry,) = [e for e in record.entries() if e.kind == "enum"]  # (required keys left out are reported too)
    assert (entry.schema, entry.name, entry.example) == (EventType.__name__, new, new)


def test_unknown_keys_are_reported_with_an_example() -> None:
    unknown = absent("unlisted_field")
    _, record = decode(AccountList, {"id": "a1", unknown: {"kept": True}})
    (entry,) = record.entries()
    assert entry.kind == "field" and entry.name.endswith(unknown) and entry.example == {"kept": True}


def test_every_item_of_a_page_with_two_unknown_keys_keeps_both() -> None:
    first, second = absent("unlisted_field_a"), absent("unlisted_field_b")
    items = [{"id": f"a{n}", "name": f"n{n}", first: n, second: -n} for n in range(3)]
    lists, record = decode(list[AccountList], items)
    assert [a.extra for a in lists] == [{first: n, second: -n} for n in range(3)]
    assert {e.name.rsplit(".", 1)[-1] for e in record.entries()} == {first, second}


def test_an_unknown_camel_case_key_is_kept_as_sent() -> None:
    unknown = absent("unlistedField")
    assert unknown != unknown.lower()  # camelCase: its snake_case spelling is no field either
    account, _ = decode(AccountList, {"id": "a1", unknown: 1})
    assert account.extra == {unknown: 1}


def test_with_both_spellings_of_a_key_the_snake_case_one_wins() -> None:
    account, _ = decode(AccountList, {"id": "a1", "entries_count": 3, "entriesCount": 4})
    assert account.entries_count == 3 and account.extra == {"entriesCount": 4}


def test_a_camel_case_datetime_of_another_type_is_kept_as_sent_on_every_item() -> None:
    items = [{"id": f"a{n}", "createdAt": n} for n in range(3)] + [{"id": "b", "createdAt": CREATED}]
    lists, _ = decode(list[AccountList], items)
    assert [a.created_at for a in lists] == [0, 1, 2, datetime(2025, 3, 14, 9, 22, 11, tzinfo=UTC)]


def test_a_mapping_that_is_not_a_dict_decodes_like_a_dict() -> None:
    data = {"id": "a1", "name": "n", "created_at": CREATED}
    from_proxy, _ = decode(AccountList, types.MappingProxyType(data))
    from_dict, _ = decode(AccountList, data)
    assert from_proxy == from_dict and from_proxy.name == "n"


def test_a_page_of_models_holding_lists_of_models_walks_each_inner_model() -> None:
    unknown = absent("unlisted_field")
    items = [{"groups": [[{"id": f"g{n}", unknown: n}]], "by_name": {"k": {"id": f"k{n}", unknown: -n}}}
             for n in range(3)]
    nested, record = decode(list[Nested], items)
    assert [[a.extra for a in n.groups[0]] for n in nested] == [[{unknown: n}] for n in range(3)]
    assert [n.by_name["k"].extra for n in nested] == [{unknown: -n} for n in range(3)]
    (entry,) = record.entries()
    assert entry.count == 6
