"""New fields and enum values on every resource: nothing raises, everything is kept and reported."""

from __future__ import annotations

import enum
from typing import Any

import pytest

from tests.specdata import MockAPI, arguments, client_operations, method_for
from tests.unknowns import EXTRA_FIELD, EXTRA_VALUE, UNKNOWN_VALUE
from topo_ext import Topo
from topo_ext._spec import OperationSpec

OPS = [op for op in client_operations() if op.success_body is not None]


def _walk(value: Any) -> list[Any]:
    """Every model, enum and plain value reachable from a decoded result."""
    found = [value]
    if hasattr(value, "items") and not isinstance(value, dict) and isinstance(getattr(value, "items", None), list):
        for item in value.items:
            found += _walk(item)
    if hasattr(value, "__struct_fields__"):
        for name in value.__struct_fields__:
            found += _walk(getattr(value, name))
    if isinstance(value, list):
        for item in value:
            found += _walk(item)
    return found


def _call(client: Topo, op: OperationSpec) -> Any:
    args, kwargs = arguments(op)
    return client.me() if op.python_method == "me" else method_for(client, op)(*args, **kwargs)


@pytest.mark.parametrize("op", OPS, ids=lambda op: op.operation_id)
def test_unknown_fields_and_enum_values_are_kept(client: Topo, api: MockAPI, op: OperationSpec) -> None:
    api.extra = True
    api.unknown_enums = True
    result = _call(client, op)
    values = _walk(result)
    models = [v for v in values if hasattr(v, "__struct_fields__")]
    assert models, "the result holds no model"
    kept = [m for m in models if m.extra]
    assert kept, "the unknown field was dropped"
    assert all(m.extra == {EXTRA_FIELD: EXTRA_VALUE} for m in kept)
    enums = [v for v in values if isinstance(v, enum.Enum)]
    for value in enums:
        assert value.is_unknown  # type: ignore[attr-defined]
        assert value == UNKNOWN_VALUE and value.value == UNKNOWN_VALUE
    drift = client.drift.keys()
    assert any(key.endswith(f".{EXTRA_FIELD}") for key in drift)
    if enums:
        assert any(f'="{UNKNOWN_VALUE}"' in key for key in drift)


@pytest.mark.parametrize("op", OPS, ids=lambda op: op.operation_id)
def test_unknown_fields_survive_to_dict(client: Topo, api: MockAPI, op: OperationSpec) -> None:
    api.extra = True
    result = _call(client, op)
    models = [m for m in _walk(result) if hasattr(m, "__struct_fields__") and m.extra]
    assert models
    for model in models:
        assert model.to_dict()[EXTRA_FIELD] == EXTRA_VALUE


def test_known_values_are_not_flagged(client: Topo) -> None:
    contact_page = client.contacts.list()
    assert contact_page.items and not client.drift
    exclusion = client.contact_exclusions.get("018f1a2b-3c4d-7e8f-9a0b-1c2d3e4f5a6b")
    assert not exclusion.reason.is_unknown
