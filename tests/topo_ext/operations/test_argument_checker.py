"""`ArgumentChecker`, one argument against its type hint and its spec schema: on every argument of the generated
methods (None, the shortcuts of the common arguments, lists), expectations read from the spec; and on the hints
the generator writes for schema forms the spec does not use in a request today (bool, number, date, plain enums,
classes, bounded lists)."""

from __future__ import annotations

import copy
import datetime as dt
import enum
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from tests.specdata import UUID_A, client_operations, method_for
from tests.unknowns import UNKNOWN_VALUE
from topo_client.types import UNSET, Unset
from topo_ext import Topo
from topo_ext._arguments import ArgumentChecker
from topo_ext._operations import Operation
from topo_ext._spec import ParameterSpec, resolve

UPPER_UUID = UUID_A.upper()


class Argument:
    """A checked argument of a generated method that the spec describes. Its checker is the operation's own, read
    when a test asks (an operation builds its checkers on first use)."""

    def __init__(self, operation: Operation[Any, Any], name: str, spec: ParameterSpec) -> None:
        self.operation, self.name, self.spec = operation, name, spec

    def __call__(self, value: Any) -> Any:
        return self.operation._checkers[self.name](value)


def _arguments() -> Iterator[tuple[str, Argument, ParameterSpec]]:
    with Topo(api_key="topo_test_argument_checker_key") as client:
        for op in client_operations():
            if op.python_method == "me":
                continue
            operation = method_for(client, op).operation
            specs = {**operation.spec.params, **operation.body_fields}
            for name in operation._checkers:
                if name in specs:
                    yield f"{op.operation_id}.{name}", Argument(operation, name, specs[name]), specs[name]


ARGUMENTS = sorted(_arguments(), key=lambda a: a[0])


def _schema(spec: ParameterSpec) -> dict[str, Any]:
    return resolve(spec.schema)


def _nullable(schema: dict[str, Any]) -> bool:
    kind = schema.get("type")
    return (isinstance(kind, list) and "null" in kind) or any(
        resolve(o).get("type") == "null" for o in schema.get("anyOf", schema.get("oneOf", [])))


@pytest.mark.parametrize(("name", "checker", "spec"), ARGUMENTS, ids=[a[0] for a in ARGUMENTS])
def test_none_is_null_for_a_nullable_argument_not_set_for_an_optional_one_refused_for_a_required_one(
        name: str, checker: Argument, spec: ParameterSpec) -> None:
    if _nullable(_schema(spec)):
        assert checker(None) is None
    elif spec.required:
        with pytest.raises(TypeError, match=spec.name):
            checker(None)
    else:
        assert checker(None) is UNSET


def _kind(schema: dict[str, Any]) -> str | None:
    """The schema's type, nullable or not."""
    kind = schema.get("type")
    return next((k for k in kind if k != "null"), None) if isinstance(kind, list) else kind


def _plain_value(schema: dict[str, Any]) -> list[Any] | None:
    """Values the spec gives an argument that its shortcut takes (None: the argument has no shortcut)."""
    if "enum" in schema or schema.get("format") in ("date-time", "date"):
        return None
    kind = _kind(schema)
    if kind == "integer":
        return [schema.get("minimum", 1), schema.get("maximum", 10**6)]
    if kind == "string":
        return [UPPER_UUID] if schema.get("format") == "uuid" else ["x", UPPER_UUID]
    return {"boolean": [True, False], "number": [0.5]}.get(kind or "")


PLAIN = [a for a in ARGUMENTS if _plain_value(_schema(a[2])) is not None]


def test_the_common_arguments_have_shortcuts() -> None:
    kinds = {_kind(_schema(spec)) for _, _, spec in PLAIN}
    assert {"integer", "string"} <= kinds and any(_schema(s).get("format") == "uuid" for _, _, s in PLAIN)


@pytest.mark.parametrize(("name", "checker", "spec"), PLAIN, ids=[a[0] for a in PLAIN])
def test_a_common_argument_never_takes_the_full_check(name: str, checker: Argument, spec: ParameterSpec,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    # Each call of a method checks every argument it sends: a plain int within the spec's bounds (the bounds
    # themselves included), a str, a UUID's string form take the shortcut (see test_argument_fast_path.py for
    # what the full check would make of the same values).
    def full_check(*args: Any) -> Any:
        raise AssertionError(f"{name}: the full check ran")

    monkeypatch.setattr(ArgumentChecker, "_coerce", full_check)
    schema = _schema(spec)
    for value in _plain_value(schema) or []:
        expected = value.lower() if schema.get("format") == "uuid" else value  # a UUID in its canonical form
        assert checker(value) == expected


ARRAYS = [a for a in ARGUMENTS if _kind(_schema(a[2])) == "array"]


@pytest.mark.parametrize(("name", "checker", "spec"), ARRAYS, ids=[a[0] for a in ARRAYS])
def test_a_list_argument_refuses_a_string_and_checks_each_item_by_its_index(
        name: str, checker: Argument, spec: ParameterSpec) -> None:
    schema = _schema(spec)
    with pytest.raises(TypeError, match=spec.name):
        checker("abc")  # not a list of three one-letter items
    items = resolve(schema["items"])
    good: Any = UUID_A if items.get("format") == "uuid" else items["enum"][0] if "enum" in items else None
    if good is None:
        return  # a list of objects: what their checks are is the models' (test_bad_input, check_json)
    bad = "not-a-uuid" if items.get("format") == "uuid" else UNKNOWN_VALUE
    with pytest.raises(ValueError, match=rf"{spec.name}\[1\]"):
        checker([good, bad])
    assert [str(v) for v in checker([good])] == [good]


BOUNDED = [a for a in ARGUMENTS if {"minItems", "maxItems"} & set(_schema(a[2]))]


@pytest.mark.parametrize(("name", "checker", "spec"), BOUNDED, ids=[a[0] for a in BOUNDED])
def test_a_list_argument_holds_as_many_items_as_its_schema_allows(name: str, checker: Argument,
                                                                  spec: ParameterSpec) -> None:
    from tests.specdata import instance

    schema = _schema(spec)
    item = instance(resolve(schema["items"]))
    low, high = schema.get("minItems", 0), schema.get("maxItems")
    assert len(checker([item] * max(low, 1))) == max(low, 1)
    if low:
        with pytest.raises(ValueError, match=spec.name):
            checker([item] * (low - 1))
    if high is not None:
        assert len(checker([item] * high)) == high
        with pytest.raises(ValueError, match=spec.name):
            checker([item] * (high + 1))


def test_a_string_argument_is_sent_as_given_even_when_it_looks_like_a_uuid() -> None:
    strings = [c for _, c, s in ARGUMENTS if _kind(_schema(s)) == "string" and not {"format", "enum"} & set(_schema(s))]
    assert strings
    for checker in strings:
        assert checker(UPPER_UUID) == UPPER_UUID


ENUMS = [a for a in ARGUMENTS if "enum" in _schema(a[2])]


@pytest.mark.parametrize(("name", "checker", "spec"), ENUMS, ids=[a[0] for a in ENUMS])
def test_an_enum_argument_refuses_what_the_spec_does_not_list_even_shaped_like_an_id(
        name: str, checker: Argument, spec: ParameterSpec) -> None:
    listed = _schema(spec)["enum"]
    assert str(checker(listed[0].swapcase())) == listed[0]
    for value in (UNKNOWN_VALUE, UPPER_UUID):
        with pytest.raises(ValueError, match=spec.name):
            checker(value)


def test_an_unknown_member_of_an_open_enum_is_refused_like_its_string() -> None:
    from topo_client.models import SortOrder

    checker = next(c for n, c, _ in ARGUMENTS if n.endswith(".sort_order"))
    assert checker(SortOrder.DESC) is SortOrder.DESC and checker("Desc") is SortOrder.DESC
    unknown = SortOrder(UNKNOWN_VALUE)  # what a response's new value decodes to
    assert unknown.is_unknown
    with pytest.raises(ValueError, match="sort_order"):
        checker(unknown)


# The hints of schema forms no request argument has today.
def _check(hint: Any, value: Any, schema: dict[str, Any] | None = None, max_items: int | None = None) -> Any:
    spec = ParameterSpec("arg", "query", False, schema) if schema is not None else None
    return ArgumentChecker("arg", hint, spec, max_items)(value)


def _refused(error: type[Exception], hint: Any, value: Any, *names: str, **kwargs: Any) -> None:
    with pytest.raises(error) as caught:
        _check(hint, value, **kwargs)
    assert all(name in str(caught.value) for name in names or ("arg",)), str(caught.value)


def test_an_argument_the_spec_does_not_describe_is_optional() -> None:
    assert _check(int | Unset, None) is UNSET and _check(int | None | Unset, None) is None


def test_any_unset_means_not_set() -> None:
    copied = copy.copy(UNSET)  # an Unset that is not the UNSET object (a copy, an unpickled default)
    assert copied is not UNSET and _check(int | Unset, copied) is copied


def test_bool_takes_only_a_bool() -> None:
    assert _check(bool | Unset, True) is True and _check(bool | Unset, False) is False
    for value in (1, 0, "true"):
        _refused(TypeError, bool | Unset, value)


def test_a_number_takes_ints_and_floats_but_not_bools_or_strings() -> None:
    assert _check(float | Unset, 1) == 1 and _check(float | Unset, 2.5) == 2.5
    for value in (True, "1.5"):
        _refused(TypeError, float | Unset, value)


def test_a_date_takes_a_date_or_its_iso_string() -> None:
    assert _check(dt.date, dt.date(2025, 3, 14)) == dt.date(2025, 3, 14)
    assert _check(dt.date, "2025-03-14") == dt.date(2025, 3, 14)
    _refused(ValueError, dt.date, "14/03/2025")
    _refused(TypeError, dt.date, 20250314)


class _NoOffset(dt.tzinfo):
    """A tzinfo that knows no offset: a datetime with it is naive (Python's definition)."""

    def utcoffset(self, when: dt.datetime | None) -> dt.timedelta | None:
        return None


def test_a_datetime_must_be_aware() -> None:
    when = dt.datetime(2025, 3, 14, 9, 22, tzinfo=dt.UTC)
    assert _check(dt.datetime | Unset, "2025-03-14T09:22:00+00:00") == when
    assert _check(dt.datetime | Unset, when) == when
    _refused(ValueError, dt.datetime | Unset, "2025-03-14T09:22:00")
    _refused(ValueError, dt.datetime | Unset, dt.datetime(2025, 3, 14, tzinfo=_NoOffset()))
    _refused(ValueError, dt.datetime | Unset, "yesterday")


class Color(enum.Enum):
    RED = "red"
    BLUE = "blue"


def test_a_plain_enum_takes_its_members_and_their_values_in_any_case() -> None:
    assert _check(Color, Color.RED) is Color.RED and _check(Color, "BLUE") is Color.BLUE
    _refused(ValueError, Color, "green", "arg", "'green'")
    _refused(TypeError, Color, 3)


class Blob:
    """A class the hint names that is neither a model nor a scalar."""


def test_a_class_takes_its_instances_only() -> None:
    blob = Blob()
    assert _check(Blob | Unset, blob) is blob
    for value in ("x", {"a": 1}):
        _refused(TypeError, Blob | Unset, value)


def test_a_list_is_bounded_by_its_schema_or_the_operation_and_its_items_by_theirs() -> None:
    schema = {"type": "array", "minItems": 1, "maxItems": 2, "items": {"type": "integer", "maximum": 9}}
    assert _check(list[int] | Unset, (1, 2), schema) == [1, 2]  # any iterable, sent as a list
    _refused(ValueError, list[int] | Unset, [1, 2, 3], schema=schema)
    _refused(ValueError, list[int] | Unset, [], schema=schema)
    _refused(ValueError, list[int] | Unset, [1, 10], "arg[1]", schema=schema)
    _refused(TypeError, list[int] | Unset, [1, "2"], "arg[1]", schema=schema)
    _refused(ValueError, list[int], [1, 2, 3], max_items=2)  # a batch's documented maximum
    assert _check(list[int], [1, 2], max_items=2) == [1, 2]
    assert _check(list, ["a", 1]) == ["a", 1]  # a bare list: any items
    for hint in (list[int] | Unset, list[int], list[str]):
        _refused(TypeError, hint, 7)
        _refused(TypeError, hint, "7")


def test_a_uuid_takes_a_uuid_or_its_string_in_any_form() -> None:
    value = uuid.UUID(UUID_A)
    assert _check(uuid.UUID | str, value) == value and _check(uuid.UUID | str, UPPER_UUID) == UUID_A
    assert _check(uuid.UUID | str, UUID_A.replace("-", "")) == value
    _refused(ValueError, uuid.UUID | str, "not-a-uuid")
