"""`check_json`, the request body's check against its spec schema: no key the schema does not list and no enum value
it does not list, at any depth, named by its path; everything else is left to the API. Read on every body schema of
the spec in both forms the client has (the bundled spec's, with `$ref`s, for the CLI; the generated facts', for the
methods), and on the schema forms the spec may grow (nullable and several-shape unions, `allOf`, open objects)."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import pytest

from tests.specdata import client_operations, instance, method_for
from tests.unknowns import UNKNOWN_VALUE, absent
from topo_ext import Topo
from topo_ext._arguments import check_json
from topo_ext._spec import OperationSpec, resolve

BODY_OPS = [op for op in client_operations() if op.body_schema is not None]
UNKNOWN = absent("unlisted_field")
Place = tuple[str, str, Any, Any]  # (kind, path, container, key): "object" (container is the object) or "enum"


with Topo(api_key="topo_test_check_json_key") as _client:
    FACTS: dict[str, dict[str, Any]] = {op.operation_id: method_for(_client, op).operation.spec.body_schema
                                        for op in BODY_OPS}  # the generated facts' form of each body schema


def _places(node: dict[str, Any], value: Any, path: str = "") -> Iterator[Place]:
    """Each object with listed properties (where an unknown key is refused) and each enum value in `value`."""
    node = resolve(node)
    if isinstance(value, dict) and node.get("properties"):
        if not node.get("additionalProperties"):
            yield "object", path, value, None
        for key, item in value.items():
            if key in node["properties"]:
                prop = resolve(node["properties"][key])
                where = f"{path}.{key}" if path else key
                if isinstance(item, str) and isinstance(prop.get("enum"), list):
                    yield "enum", where, value, key
                yield from _places(prop, item, where)
    elif isinstance(value, list) and isinstance(node.get("items"), dict):
        for index, item in enumerate(value):
            inner = resolve(node["items"])
            if isinstance(item, str) and isinstance(inner.get("enum"), list):
                yield "enum", f"{path}[{index}]", value, index
            yield from _places(inner, item, f"{path}[{index}]")


def _schemas(op: OperationSpec) -> list[dict[str, Any]]:
    assert op.body_schema is not None
    return [op.body_schema, FACTS[op.operation_id]]


@pytest.mark.parametrize("op", BODY_OPS, ids=lambda op: op.operation_id)
def test_a_valid_body_passes_in_both_forms_of_its_schema(op: OperationSpec) -> None:
    for schema in _schemas(op):
        body = instance(schema)
        check_json(body, schema, "")
        for kind, _, container, key in _places(schema, body):  # listed enum values, in any case
            if kind == "enum":
                container[key] = container[key].swapcase()
        check_json(body, schema, "")


def _has(kind: str, op: OperationSpec) -> bool:
    return any(place[0] == kind for place in _places(op.body_schema or {}, instance(op.body_schema or {})))


def _copies(op: OperationSpec, kind: str) -> Iterator[tuple[dict[str, Any], Any, Place]]:
    """For each form of `op`'s body schema and each place of `kind` in a valid body: (schema, a copy of the body,
    that place in the copy), ready to be broken there alone."""
    for schema in _schemas(op):
        body = instance(schema)
        for index in range(sum(1 for p in _places(schema, body) if p[0] == kind)):
            broken = copy.deepcopy(body)
            yield schema, broken, [p for p in _places(schema, broken) if p[0] == kind][index]


@pytest.mark.parametrize("op", [op for op in BODY_OPS if _has("object", op)], ids=lambda op: op.operation_id)
def test_an_unknown_key_is_refused_at_any_depth_naming_its_path(op: OperationSpec) -> None:
    for schema, broken, (_, path, target, _) in _copies(op, "object"):
        target[UNKNOWN] = "teal"
        with pytest.raises(TypeError) as caught:
            check_json(broken, schema, "")
        assert repr(UNKNOWN) in str(caught.value) and path in str(caught.value)


@pytest.mark.parametrize("op", [op for op in BODY_OPS if _has("enum", op)], ids=lambda op: op.operation_id)
def test_an_unlisted_enum_value_is_refused_naming_its_path(op: OperationSpec) -> None:
    for schema, broken, (_, path, container, key) in _copies(op, "enum"):
        container[key] = UNKNOWN_VALUE
        with pytest.raises(ValueError) as caught:
            check_json(broken, schema, "")
        assert repr(UNKNOWN_VALUE) in str(caught.value) and str(caught.value).startswith(path)


def _open_objects(node: dict[str, Any], path: str = "") -> Iterator[tuple[str, Any]]:
    node = resolve(node)
    for key, prop in node.get("properties", {}).items():
        prop = resolve(prop)
        if prop.get("additionalProperties") not in (None, False):
            yield (f"{path}.{key}" if path else key), prop["additionalProperties"]


OPEN = [op for op in BODY_OPS if list(_open_objects(op.body_schema or {}))]


@pytest.mark.parametrize("op", OPEN, ids=lambda op: op.operation_id)
def test_an_open_object_takes_any_key(op: OperationSpec) -> None:
    for schema in _schemas(op):
        for field, _ in _open_objects(schema):
            check_json({field: {absent("any_key"): "a value"}}, schema, "")


# The schema forms the spec does not use in a request body today, each as the spec may write it.
OBJECT = {"type": "object", "properties": {"kind": {"type": "string", "enum": ["a", "b"]}, "note": {"type": "string"}}}


def _refused(error: type[Exception], call: Any, *names: str) -> None:
    """`call()` raises `error` naming each of `names` (a path, the key or value at fault)."""
    with pytest.raises(error) as caught:
        call()
    assert all(name in str(caught.value) for name in names), (str(caught.value), names)


@pytest.mark.parametrize("key", ["anyOf", "oneOf"])
def test_a_nullable_value_is_checked_against_its_one_shape(key: str) -> None:
    schema = {"properties": {"meta": {key: [OBJECT, {"type": "null"}]}}}
    check_json({"meta": {"kind": "A", "note": "x"}}, schema, "")
    check_json({"meta": None}, schema, "")
    _refused(TypeError, lambda: check_json({"meta": {"kind": "a", UNKNOWN: 1}}, schema, ""), "meta:", repr(UNKNOWN))
    _refused(ValueError, lambda: check_json({"meta": {"kind": "c"}}, schema, ""), "meta.kind:", "'c'")


def test_a_nullable_reference_is_followed_into_the_spec() -> None:
    op = next(op for op in BODY_OPS if not op.batch_max_items and "$ref" in (op.body_schema or {}))
    schema = {"properties": {"inner": {"anyOf": [op.body_schema, {"type": "null"}]}}}
    check_json({"inner": instance(op.body_schema or {})}, schema, "")
    _refused(TypeError, lambda: check_json({"inner": {**instance(op.body_schema or {}), UNKNOWN: 1}}, schema, ""),
             "inner:", repr(UNKNOWN))


@pytest.mark.parametrize("key", ["anyOf", "oneOf"])
def test_a_value_of_several_shapes_is_left_to_the_api(key: str) -> None:
    schema = {"properties": {"meta": {key: [OBJECT, {"type": "object", "properties": {"id": {}}}]}}}
    check_json({"meta": {UNKNOWN: 1}}, schema, "")


def test_the_parts_of_an_all_of_are_listed_together() -> None:
    schema = {"allOf": [{"properties": {"note": {"type": "string"}}}, {"required": ["note"]},
                        {"properties": {"kind": OBJECT["properties"]["kind"]}}]}
    check_json({"note": "x", "kind": "b"}, schema, "")
    _refused(TypeError, lambda: check_json({"note": "x", UNKNOWN: 1}, schema, ""), repr(UNKNOWN))
    _refused(ValueError, lambda: check_json({"kind": "c"}, schema, ""), "kind:", "'c'")


def test_the_values_of_an_open_object_are_checked_against_its_schema() -> None:
    schema = {"properties": {"tags": {"type": "object", "properties": {"main": OBJECT}, "additionalProperties": OBJECT}}}
    check_json({"tags": {"first": {"kind": "a"}}}, schema, "")
    _refused(TypeError, lambda: check_json({"tags": {"first": {UNKNOWN: 1}}}, schema, ""), "tags.first:",
             repr(UNKNOWN))
    _refused(ValueError, lambda: check_json({"tags": {"first": {"kind": "c"}}}, schema, ""), "tags.first.kind:")
    check_json({"tags": {"first": {UNKNOWN: 1}}}, {"properties": {"tags": {"additionalProperties": True}}}, "")


def test_list_items_are_checked_and_named_by_index() -> None:
    schema = {"properties": {"rows": {"type": "array", "items": OBJECT}}}
    _refused(TypeError, lambda: check_json({"rows": [{"kind": "a"}, {UNKNOWN: 1}]}, schema, ""), "rows[1]:",
             repr(UNKNOWN))
    _refused(ValueError, lambda: check_json(["a", "c"], {"type": "array", "items": OBJECT["properties"]["kind"]},
                                            "kinds"), "kinds[1]:", "'c'")


def test_only_keys_and_enum_values_are_its_concern() -> None:
    # A value of the wrong type (a string for an object, a mapping for a list) is the argument checks' and the
    # API's to refuse: this check neither fails on it nor reads it as something else (a mapping's keys as items).
    check_json({"meta": "text"}, {"properties": {"meta": OBJECT}}, "")
    check_json({"c": 1}, {"type": "array", "items": OBJECT["properties"]["kind"]}, "")
    check_json("c", {"type": "array", "items": OBJECT["properties"]["kind"]}, "")
