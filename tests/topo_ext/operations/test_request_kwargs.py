"""`Operation.request_kwargs`, what every call goes through (the generated methods, `client._call`, the CLI): path
arguments by position or by name, per-request options, the body as fields, as a mapping or as its model, and what
is refused before anything is built. On the generated operations, chosen by what the spec gives them; and on an
operation of two path parameters, which the spec does not have today."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

import httpx
import pytest

from tests.specdata import UUID_A, arguments, client_operations, method_for
from tests.unknowns import absent
from topo_ext import Topo
from topo_ext._operations import Operation
from topo_ext._spec import OperationSpec, ParameterSpec

OPS = [op for op in client_operations() if op.python_method != "me"]
UNKNOWN = absent("unlisted_field")


def _path(op: OperationSpec) -> list[str]:
    return [name for name, p in op.params.items() if p.location == "path"]


with Topo(api_key="topo_test_request_kwargs_key") as _client:
    OPERATIONS: dict[str, Operation[Any, Any]] = {op.operation_id: method_for(_client, op).operation for op in OPS}


def _operation(op: OperationSpec) -> Operation[Any, Any]:
    return OPERATIONS[op.operation_id]


def _refused(error: type[Exception], call: Any, *names: str) -> None:
    """`call()` raises `error` naming each of `names`."""
    with pytest.raises(error) as caught:
        call()
    assert all(name in str(caught.value) for name in names), (str(caught.value), names)


PATH_OPS = [op for op in OPS if _path(op)]
BODY_OPS = [op for op in OPS if op.body_schema is not None and not op.batch_max_items]
FIELD_OPS = [op for op in BODY_OPS if _operation(op).body_fields]


@pytest.mark.parametrize("op", PATH_OPS, ids=lambda op: op.operation_id)
def test_path_arguments_by_position_build_what_they_build_by_name(op: OperationSpec) -> None:
    operation, (_, kwargs) = _operation(op), arguments(op)
    by_name = operation.request_kwargs((), {**kwargs, **dict.fromkeys(_path(op), UUID_A)})
    assert operation.request_kwargs((UUID_A,) * len(_path(op)), dict(kwargs)) == by_name
    assert UUID_A in by_name["url"]
    _refused(TypeError, lambda: operation.request_kwargs((UUID_A,) * (len(_path(op)) + 1), dict(kwargs)))
    _refused(TypeError, lambda: operation.request_kwargs((UUID_A,), {**kwargs, _path(op)[0]: UUID_A}),
             repr(_path(op)[0]))


def test_an_operation_without_path_parameters_takes_no_positional_argument() -> None:
    op = next(op for op in OPS if not _path(op))
    _refused(TypeError, lambda: _operation(op).request_kwargs((UUID_A,), dict(arguments(op)[1])))


@pytest.mark.parametrize("op", OPS, ids=lambda op: op.operation_id)
def test_an_unknown_argument_is_refused_by_name(op: OperationSpec) -> None:
    args, kwargs = arguments(op)
    _refused(TypeError, lambda: _operation(op).request_kwargs(args, {**kwargs, UNKNOWN: 1}), repr(UNKNOWN))


@pytest.mark.parametrize("op", [op for op in OPS if _path(op) or op.body_schema is not None],
                         ids=lambda op: op.operation_id)
def test_every_missing_required_argument_is_named(op: OperationSpec) -> None:
    operation = _operation(op)
    required = _path(op) + [n for n, f in operation.body_fields.items() if f.required]
    if required:
        _refused(TypeError, lambda: operation.request_kwargs((), {}), *required)


def test_the_per_request_options_reach_the_request_checked() -> None:
    op = next(op for op in PATH_OPS if op.body_schema is not None)
    operation, (args, kwargs) = _operation(op), arguments(op)
    plain = operation.request_kwargs(args, dict(kwargs))
    none = dict.fromkeys(("extra_headers", "extra_query", "extra_body", "timeout"))
    assert operation.request_kwargs(args, {**kwargs, **none}) == plain  # None: the client's own
    sent = operation.request_kwargs(args, {**kwargs, "extra_headers": {"X-Trace": "t1"}, "extra_query": {"q": "1"},
                                           "extra_body": {UNKNOWN: 2}, "timeout": 3})
    assert sent["headers"]["X-Trace"] == "t1" and sent["params"]["q"] == "1" and sent["json"][UNKNOWN] == 2
    assert sent["timeout"] == httpx.Timeout(3.0)
    timeout = httpx.Timeout(1.0, read=9.0)
    assert operation.request_kwargs(args, {**kwargs, "timeout": timeout})["timeout"] is timeout
    for name in ("extra_headers", "extra_query", "extra_body"):
        _refused(TypeError, lambda name=name: operation.request_kwargs(args, {**kwargs, name: [("a", "b")]}), name)
    for headers in ({"X-Count": 1}, {1: "one"}):
        _refused(TypeError, lambda h=headers: operation.request_kwargs(args, {**kwargs, "extra_headers": h}),
                 "extra_headers")
    for timeout_value in (0, -1, "3", True):
        _refused(ValueError, lambda t=timeout_value: operation.request_kwargs(args, {**kwargs, "timeout": t}),
                 "timeout")


def _model(operation: Operation[Any, Any]) -> Any:
    hint = operation._checkers["body"].hint
    return next(m for m in getattr(hint, "__args__", (hint,)) if hasattr(m, "from_dict"))


@pytest.mark.parametrize("op", FIELD_OPS, ids=lambda op: op.operation_id)
def test_the_body_as_fields_as_a_mapping_and_as_its_model_is_one_request(op: OperationSpec) -> None:
    operation, (args, kwargs) = _operation(op), arguments(op)
    fields = dict(kwargs.pop("body"))
    as_fields = operation.request_kwargs(args, {**kwargs, **fields})
    assert operation.request_kwargs(args, {**kwargs, "body": fields}) == as_fields
    assert operation.request_kwargs(args, {**kwargs, "body": _model(operation).from_dict(fields)}) == as_fields
    name = next(iter(fields))
    _refused(TypeError, lambda: operation.request_kwargs(args, {**kwargs, "body": fields, name: fields[name]}), name)
    _refused(TypeError, lambda: operation.request_kwargs(args, {**kwargs, "body": 42}), "body")


@pytest.mark.parametrize("op", FIELD_OPS, ids=lambda op: op.operation_id)
def test_a_body_with_an_unknown_field_or_without_a_required_one_is_refused_by_name(op: OperationSpec) -> None:
    operation, (args, kwargs) = _operation(op), arguments(op)
    body = dict(kwargs.pop("body"))
    _refused(TypeError, lambda: operation.request_kwargs(args, {**kwargs, "body": {**body, UNKNOWN: 1}}),
             repr(UNKNOWN))
    for name in [n for n, f in operation.body_fields.items() if f.required]:
        short = {k: v for k, v in body.items() if k != name}
        _refused(TypeError, lambda short=short: operation.request_kwargs(args, {**kwargs, "body": short}), repr(name))


@pytest.mark.parametrize("kind", ["uuid", "date-time"])
def test_uuids_and_datetimes_in_a_body_are_sent_in_their_string_forms(kind: str) -> None:
    from datetime import UTC, datetime

    when = datetime(2025, 3, 14, 9, 22, tzinfo=UTC)
    value, sent_as = (uuid.UUID(UUID_A), UUID_A) if kind == "uuid" else (when, when)
    op = next(op for op in FIELD_OPS if any(f.schema.get("format") == kind for f in _operation(op).body_fields
                                            .values()))
    operation, (args, kwargs) = _operation(op), arguments(op)
    names = [n for n, f in operation.body_fields.items() if f.schema.get("format") == kind]
    typed = {**kwargs.pop("body"), **dict.fromkeys(names, value)}
    for form in ({"body": typed}, typed):
        sent = operation.request_kwargs(args, {**kwargs, **form})["json"]
        for name in names:
            assert isinstance(sent[name], str)
            assert (datetime.fromisoformat(sent[name]) if kind == "date-time" else sent[name]) == sent_as


def test_a_nullable_body_field_given_none_is_sent_as_null_and_an_optional_one_is_left_out() -> None:
    def nullable(field: ParameterSpec) -> bool:
        return isinstance(field.schema.get("type"), list) and "null" in field.schema["type"]

    op = next(op for op in FIELD_OPS if any(nullable(f) for f in _operation(op).body_fields.values()))
    operation, (args, kwargs) = _operation(op), arguments(op)
    body = dict(kwargs.pop("body"))
    sent = operation.request_kwargs(args, {**kwargs, **{**body, **dict.fromkeys(
        [n for n, f in operation.body_fields.items() if not f.required], None)}})["json"]
    for name, field in operation.body_fields.items():
        if not field.required:
            assert (sent[name] is None) if nullable(field) else (name not in sent), name


# An operation with two path parameters (`/lists/{list_id}/entries/{entry_id}`), its builder as the generator
# writes one: the path parameters first, then the per-request options.
def _entry_build(list_id: uuid.UUID | str, entry_id: uuid.UUID | str, *,
                 extra_headers: Mapping[str, str] | None = None, extra_query: Mapping[str, Any] | None = None,
                 extra_body: Mapping[str, Any] | None = None,
                 timeout: float | httpx.Timeout | None = None) -> dict[str, Any]:
    return {"method": "get", "url": f"/lists/{list_id}/entries/{entry_id}"}


ENTRY = OperationSpec("get_list_entry", "GET", "/lists/{list_id}/entries/{entry_id}", None, None, (), params={
    name: ParameterSpec(name, "path", True, {"type": "string", "format": "uuid"}) for name in ("list_id", "entry_id")})
OTHER = "018f1a2b-3c4d-7e8f-9a0b-000000000002"


def test_the_first_path_arguments_by_position_and_the_others_by_name() -> None:
    operation = Operation("get_list_entry", _entry_build, None, ENTRY)
    url = f"/lists/{UUID_A}/entries/{OTHER}"
    assert operation.request_kwargs((UUID_A, OTHER), {})["url"] == url
    assert operation.request_kwargs((UUID_A,), {"entry_id": OTHER})["url"] == url
    assert operation.request_kwargs((), {"entry_id": OTHER, "list_id": UUID_A})["url"] == url
    _refused(TypeError, lambda: operation.request_kwargs((UUID_A,), {}), "entry_id")
    _refused(TypeError, lambda: operation.request_kwargs((UUID_A, OTHER), {"entry_id": OTHER}), "'entry_id'")
