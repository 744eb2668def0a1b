"""The fast path (one msgspec decode into strict twins) and the lenient walk give equal results for every response
schema of the spec: as documented, from the spec's examples, and drifted. A conforming body takes the fast path;
any body the walk would report or change does not (it falls back to the walk)."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from tests.specdata import instance, schema
from topo_client import responses
from topo_client._fast import MISS, fast_decoder
from topo_client._schema import merge_all_of, required_keys
from topo_ext._decoding import DecodeOptions, decode_value, decoder
from topo_ext._drift import DriftRecord
from topo_ext._spec import document, resolve


def _schemas() -> list[str]:
    """Every component schema the client decodes into a model of its own."""
    names = document()["components"]["schemas"]
    return [n for n in names if isinstance(getattr(responses, n, None), type)
            and issubclass(getattr(responses, n), responses.TopoStruct)]


def _nodes(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _nodes(value)
    elif isinstance(node, list):
        for value in node:
            yield from _nodes(value)


def _absent(taken: set[str], base: str) -> str:
    """`base`, lengthened until the spec does not use it (as a property name or an enum value)."""
    while base in taken:
        base += "_x"
    return base


SPEC_NODES = list(_nodes(document()))
UNKNOWN_KEY = _absent({k for n in SPEC_NODES for k in n.get("properties", {})}, "zz_unlisted_field")
UNKNOWN_ENUM = _absent({str(v) for n in SPEC_NODES for v in n.get("enum", [])}, "ZZ_UNLISTED_VALUE")


def _full(name: str) -> dict[str, Any]:
    node = schema(name)
    return merge_all_of(document(), node) if "allOf" in node else resolve(node)


def _with_unknown_key(body: Any) -> Any:
    out = copy.deepcopy(body)
    for obj in _nodes(out):
        obj[UNKNOWN_KEY] = "kept"
    return out


def _with_unknown_enum(name: str) -> Any:
    body = instance(schema(name), unknown_enums=True)
    text = json.dumps(body)
    marker = json.dumps(instance({"enum": ["a"]}, unknown_enums=True))  # whatever the builder puts there
    return json.loads(text.replace(marker, json.dumps(UNKNOWN_ENUM))) if marker in text else None


def _property(name: str, test: Callable[[dict[str, Any]], bool]) -> str | None:
    props = _full(name).get("properties", {})
    return next((key for key, prop in props.items() if test(resolve(prop))), None)


def _variants(name: str) -> Iterator[tuple[str, Any, bool]]:
    """(variant, body, conforms) for schema `name`; a variant that does not apply to it is left out."""
    body = instance(schema(name))
    yield "documented", body, True
    node = _full(name)
    for i, example in enumerate([*([node["example"]] if "example" in node else []), *node.get("examples", [])]):
        yield f"spec example {i}", example, True
    yield "unknown field", _with_unknown_key(body), False
    if (drifted := _with_unknown_enum(name)) is not None:
        yield "unknown enum value", drifted, False
    required = set(required_keys(document(), schema(name)))
    optional = [k for k in body if k not in required and k != "type"]
    if optional:
        yield "missing optional field", {k: v for k, v in body.items() if k != optional[0]}, True
    present = [k for k in body if k in required and k != "type"]
    if present:
        yield "missing required field", {k: v for k, v in body.items() if k != present[0]}, False
    if (key := _property(name, lambda p: p.get("type") in ("string", "integer", "boolean") and "enum" not in p
                         and p.get("format") != "date-time")) is not None:
        yield "wrong type", {**body, key: [1] if not isinstance(body[key], list) else "text"}, False
    if (key := _property(name, lambda p: p.get("format") == "date-time")) is not None and isinstance(body[key], str):
        yield "naive datetime", {**body, key: body[key].rstrip("Z")}, False


CASES = [(name, variant, body, conforms) for name in _schemas() for variant, body, conforms in _variants(name)]


def _models(value: Any) -> list[tuple[str, dict[str, Any], frozenset[str]]]:
    """(class, extra, fields_set) of every model reachable from `value`, in order."""
    if isinstance(value, list):
        return [m for v in value for m in _models(v)]
    if isinstance(value, responses.TopoStruct):
        found = [(type(value).__name__, value.extra, value.fields_set)]
        return found + [m for f in value.__struct_fields__ for m in _models(getattr(value, f))]
    return []


@pytest.mark.parametrize(("name", "variant", "body", "conforms"), CASES,
                         ids=[f"{c[0]}-{c[1]}" for c in CASES])
def test_fast_path_and_lenient_walk_agree(name: str, variant: str, body: Any, conforms: bool) -> None:
    tp = getattr(responses, name)
    raw = json.dumps(body).encode()
    records = DriftRecord(), DriftRecord()
    for record in records:
        record.log_enabled = False
    lenient = decode_value(tp, json.loads(raw), DecodeOptions(record=records[0]))
    either = decoder(tp)(raw, DecodeOptions(record=records[1]))  # the fast path first, the walk if it misses
    assert either == lenient
    assert type(either) is type(lenient) is tp
    assert _models(either) == _models(lenient)  # every nested model's class, `extra` and `fields_set`
    assert either.to_dict() == lenient.to_dict()
    assert [(e.key, e.count) for e in records[1].entries()] == [(e.key, e.count) for e in records[0].entries()]
    fast = fast_decoder(tp)
    assert fast is not None, f"{name} has no fast path"
    assert (fast(raw) is not MISS) is conforms  # a conforming body takes it; a drifted one falls back
    assert bool(records[0]) is not conforms or variant.startswith("naive")  # drift seen exactly when it is drift


def test_a_miss_sends_the_next_bodies_straight_to_the_walk() -> None:
    name = _schemas()[0]
    tp = getattr(responses, name)
    fast = fast_decoder(tp)
    assert fast is not None
    good = json.dumps(instance(schema(name))).encode()
    bad = json.dumps(_with_unknown_key(instance(schema(name)))).encode()
    assert fast(bad) is MISS
    assert [fast(good) is MISS for _ in range(10)] == [True] * 7 + [False] * 3  # SKIP, then tried again


def test_bodies_with_and_without_left_out_fields_alternate_on_one_decoder() -> None:
    # A body that sends every field decodes into twins that require them all (nothing for the fix-up to look for);
    # one that leaves a field out fails there and takes the twins that allow it, and so do the next SKIP bodies.
    # Either way the fast path gives what the walk gives, `fields_set` included.
    name = "Contact"
    tp = getattr(responses, name)
    full = instance(schema(name))
    required = set(required_keys(document(), schema(name)))
    left_out = next(k for k in full if k not in required)
    partial = {k: v for k, v in full.items() if k != left_out}
    fast = fast_decoder(tp)
    assert fast is not None
    for body in [full, partial, full, partial, *[full] * 8, partial]:
        raw = json.dumps(body).encode()
        value = fast(raw)
        assert value is not MISS
        assert _models(value) == _models(decode_value(tp, json.loads(raw), DecodeOptions(record=DriftRecord())))
        assert (left_out in value.fields_set) is (body is full)
