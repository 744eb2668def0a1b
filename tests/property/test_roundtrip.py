"""Property tests: for every response schema, generated instances parse, and to_dict(from_dict(x)) keeps every
field, unknown ones included (hypothesis, with a small JSON-Schema-to-strategy builder: hypothesis-jsonschema
does not work with current hypothesis releases and was far too slow on this spec)."""

from __future__ import annotations

import json
import re
from datetime import datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from topo_client import models
from topo_ext._spec import document, operations, resolve
from topo_ext.events import decode_activity, decode_activity_page

SCHEMAS = document()["components"]["schemas"]
RESPONSE_SCHEMAS = sorted({op.success_schema for op in operations().values() if op.success_schema})
EVENT_DECODERS = {"Activity": decode_activity, "ActivityPage": decode_activity_page}


def strategy(node: dict[str, Any], depth: int = 0) -> st.SearchStrategy[Any]:
    """A hypothesis strategy for JSON values valid against `node` (the subset of JSON Schema the spec uses)."""
    if "$ref" in node:
        return strategy(resolve(node), depth)
    if "const" in node:
        return st.just(node["const"])
    if "enum" in node:
        return st.sampled_from(node["enum"])
    if "allOf" in node:
        merged: dict[str, Any] = {"type": "object", "properties": {}, "required": []}
        for part in node["allOf"]:
            part = resolve(part)
            merged["properties"].update(part.get("properties", {}))
            merged["required"] += part.get("required", [])
        return strategy(merged, depth)
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


def _round_trip(name: str, data: Any) -> Any:
    if name in EVENT_DECODERS:
        return EVENT_DECODERS[name](json.dumps(data).encode()).to_dict()
    model = getattr(models, name)
    return model.from_dict(data).to_dict()


@pytest.mark.parametrize("name", RESPONSE_SCHEMAS)
def test_generated_instances_parse_and_round_trip(name: str) -> None:
    @settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(data=strategy(SCHEMAS[name]), extra=st.booleans())
    def check(data: Any, extra: bool) -> None:
        if extra:
            data = _with_unknown_fields(data)
        assert _normal(_round_trip(name, data)) == _normal(data)

    check()
