"""Bad input fails before any request, with a TypeError/ValueError that names the argument (every operation)."""

from __future__ import annotations

import math
from datetime import datetime
from typing import Any

import pytest

from tests.specdata import MockAPI, arguments, client_operations, method_for
from topo_ext import Topo
from topo_ext._spec import OperationSpec

OPS = [op for op in client_operations() if op.python_method != "me"]


def _cases() -> list[tuple[OperationSpec, str, dict[str, Any], type[Exception], str]]:
    cases = []
    for op in OPS:
        _, kwargs = arguments(op)
        cases.append((op, "unknown-argument", {**kwargs, "no_such_arg": 1}, TypeError, "no_such_arg"))
        for param in op.params.values():
            schema = param.schema
            kind = schema.get("type")
            if param.location == "path":
                cases.append((op, f"malformed-uuid-{param.name}", {"__path__": "not-a-uuid", **kwargs}, ValueError,
                              param.name))
            elif schema.get("format") == "date-time":
                cases.append((op, f"naive-datetime-{param.name}", {**kwargs, param.name: datetime(2025, 1, 1)},
                              ValueError, param.name))
            elif kind == "integer":
                cases.append((op, f"wrong-type-{param.name}", {**kwargs, param.name: "ten"}, TypeError, param.name))
                if "maximum" in schema:
                    cases.append((op, f"too-big-{param.name}", {**kwargs, param.name: schema["maximum"] + 1},
                                  ValueError, param.name))
                if "minimum" in schema:
                    cases.append((op, f"too-small-{param.name}", {**kwargs, param.name: schema["minimum"] - 1},
                                  ValueError, param.name))
            elif schema.get("format") == "uuid":
                cases.append((op, f"malformed-uuid-{param.name}", {**kwargs, param.name: "123"}, ValueError,
                              param.name))
            elif kind == "string" or "$ref" in schema:
                cases.append((op, f"wrong-type-{param.name}", {**kwargs, param.name: 12.5}, TypeError, param.name))
        if op.body_schema is not None and not op.batch_max_items:
            cases.append((op, "body-not-a-mapping", {"body": 42}, TypeError, "body"))
    return cases


CASES = _cases()


@pytest.mark.parametrize(("op", "case", "kwargs", "error", "names"), CASES,
                         ids=[f"{c[0].operation_id}-{c[1]}" for c in CASES])
def test_bad_input_is_rejected_before_sending(client: Topo, api: MockAPI, op: OperationSpec, case: str,
                                             kwargs: dict[str, Any], error: type[Exception], names: str) -> None:
    args, _ = arguments(op)
    kwargs = dict(kwargs)
    if "__path__" in kwargs:
        args = (kwargs.pop("__path__"), *args[1:])
    with pytest.raises(error) as caught:
        method_for(client, op)(*args, **kwargs)
    assert names in str(caught.value)
    assert api.requests == []


def test_a_batch_over_the_limit_is_rejected_by_the_low_level_call(client: Topo, api: MockAPI) -> None:
    from topo_client.resources.contact_lists import _CREATE_CONTACT_LISTS as _cl_create

    body = {"items": [{"name": str(i)} for i in range(101)]}
    with pytest.raises(ValueError, match=r"body.*101 items; at most 100"):
        client._call(_cl_create, (), {"body": body})
    assert api.requests == []


def test_missing_required_path_argument(client: Topo, api: MockAPI) -> None:
    with pytest.raises(TypeError, match="contact_id"):
        client.contacts.get()  # type: ignore[call-arg]
    assert api.requests == []


def test_enum_arguments_accept_members_and_strings_of_either_case(client: Topo, api: MockAPI) -> None:
    from topo_client.models import SortOrder

    client.contacts.list(sort_order=SortOrder.DESC)
    client.contacts.list(sort_order="DESC")  # type: ignore[arg-type]
    client.contacts.list(sort_order="desc")  # type: ignore[arg-type]
    assert [r.url.params["sort_order"] for r in api.requests] == ["desc"] * 3


def test_a_naive_datetime_in_a_body_field_names_the_field(client: Topo, api: MockAPI) -> None:
    # The field, not "body": as keyword argument `until`, inside body= as `body.until`.
    naive = datetime(2030, 1, 1)
    uid = "0190a1b2-0000-7000-8000-000000000001"
    calls = {"until": [lambda: client.contact_exclusions.update(uid, until=naive),
                       lambda: client.contact_exclusions.create(email="a@b.co", reason="OTHER", until=naive)],
             "body.until": [lambda: client.contact_exclusions.update(uid, body={"until": naive})]}
    for names, attempts in calls.items():
        for attempt in attempts:
            with pytest.raises(ValueError, match=rf"^{names}: naive datetime '2030-01-01T00:00:00'"):
                attempt()
    assert api.requests == []


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf])
def test_a_non_finite_float_in_a_body_names_the_field(client: Topo, api: MockAPI, value: float) -> None:
    # JSON has no NaN or Infinity: httpx would refuse the body later, naming no field.
    with pytest.raises(ValueError, match=r"^items\[0\]\.name: .* not a number JSON can carry"):
        client.contact_lists.create([{"name": value}])
    with pytest.raises(ValueError, match=r"^body\.message: "):
        client.contact_exclusions.update("0190a1b2-0000-7000-8000-000000000001", body={"message": value})
    assert api.requests == []
