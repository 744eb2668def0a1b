"""Every default a method's signature shows is what the call sends (#31), for every operation of the spec: a query
parameter with a value default (a list's `page`, and `size` = the spec's maximum) is sent with that value, and one
defaulting to `NOT_GIVEN` is not sent; a body field left out is not sent either. Nothing misleading, no `Unset`."""

from __future__ import annotations

import inspect
import json
import typing
from typing import Any

import pytest

from tests.specdata import MockAPI, arguments, client_operations, instance, method_for
from topo_ext import AsyncTopo, Topo
from topo_ext._arguments import OPTIONS
from topo_ext._resource import NOT_GIVEN
from topo_ext._spec import OperationSpec, resolve

OPS = [op for op in client_operations() if not op.batch_max_items]


def _keyword_form(method: Any) -> inspect.Signature:
    """The signature a reader sees first: the keyword form (first overload) of a method that also takes `body=`."""
    forms = typing.get_overloads(method.__func__)
    signature = inspect.signature(forms[0] if forms else method.__func__)
    return signature.replace(parameters=list(signature.parameters.values())[1:])  # bound: without self


def _required_call(op: OperationSpec, signature: inspect.Signature) -> tuple[tuple[Any, ...], dict[str, Any]]:
    """Only what the signature requires: the path arguments, required query parameters, required body fields."""
    args, _ = arguments(op)
    body = resolve(op.body_schema or {}).get("properties", {})
    kwargs = {name: instance(body[name]) if name in body else instance(op.params[name].schema)
              for name, p in signature.parameters.items()
              if p.kind is p.KEYWORD_ONLY and p.default is inspect.Parameter.empty}
    return args, kwargs


def _check(op: OperationSpec, signature: inspect.Signature, api: MockAPI) -> None:
    sent = api.requests[-1]
    body = json.loads(sent.content) if sent.content else {}
    for name, param in signature.parameters.items():
        assert "Unset" not in str(param.annotation) and "UNSET" not in repr(param.default), name
        if param.default is inspect.Parameter.empty or name in OPTIONS:
            continue
        if op.params.get(name) is None:  # a body field: optional ones are left out unless given
            assert param.default is NOT_GIVEN and name not in body, name
        elif param.default is NOT_GIVEN:
            assert name not in sent.url.params, f"{name} defaults to NOT_GIVEN but was sent"
        else:
            assert sent.url.params.get(name) == str(param.default), f"{name}={param.default!r} is not what is sent"


@pytest.mark.parametrize("op", OPS, ids=lambda o: o.operation_id)
def test_the_defaults_shown_are_what_is_sent(client: Topo, api: MockAPI, op: OperationSpec) -> None:
    method = method_for(client, op)
    signature = _keyword_form(method)
    args, kwargs = _required_call(op, signature)
    method(*args, **kwargs)
    _check(op, signature, api)
    if op.paginated:  # the list's maximum page size, from the spec, is both the default shown and what is sent
        assert signature.parameters["size"].default == op.max_page_size == int(api.requests[-1].url.params["size"])


@pytest.mark.parametrize("op", OPS, ids=lambda o: o.operation_id)
async def test_async_defaults_are_the_same(client: Topo, async_client: AsyncTopo, api: MockAPI,
                                           op: OperationSpec) -> None:
    signature = _keyword_form(method_for(async_client, op))
    assert signature.parameters == _keyword_form(method_for(client, op)).parameters
    args, kwargs = _required_call(op, signature)
    await method_for(async_client, op)(*args, **kwargs)
    _check(op, signature, api)
