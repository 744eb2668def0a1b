"""`Operation` as the CLI and the clients' own methods make one: the builder and the model given as "module:name"
references (imported on first use), and the facts either given (the generated operations) or read from the bundled
spec by operationId (the CLI, tools). Built from each generated operation, so every expectation is the spec's."""

from __future__ import annotations

from typing import Any

import pytest

from tests.specdata import arguments, client_operations, method_for
from topo_ext import Topo
from topo_ext._operations import Operation
from topo_ext._spec import operations

OPS = [op for op in client_operations() if op.python_method != "me"]
with Topo(api_key="topo_test_operation_key") as _client:
    GENERATED: dict[str, Operation[Any, Any]] = {op.operation_id: method_for(_client, op).operation for op in OPS}


def _ref(value: Any) -> str:
    return f"{value.__module__}:{value.__qualname__}"


@pytest.mark.parametrize("operation_id", sorted(GENERATED))
def test_references_are_imported_to_what_they_name(operation_id: str) -> None:
    generated = GENERATED[operation_id]
    named = isinstance(generated.model, type)  # not None (no body) nor list[...] (which no reference names)
    made = Operation(operation_id, _ref(generated.build), _ref(generated.model) if named else generated.model,
                     generated.spec)
    assert made.build is generated.build and made.model is generated.model
    args, kwargs = arguments(operations()[operation_id])
    assert made.request_kwargs(args, dict(kwargs)) == generated.request_kwargs(args, dict(kwargs))


@pytest.mark.parametrize("operation_id", sorted(GENERATED))
def test_the_facts_given_are_used_else_the_spec_s_by_operation_id(operation_id: str) -> None:
    generated = GENERATED[operation_id]
    assert Operation(operation_id, generated.build, generated.model, generated.spec).spec is generated.spec
    read = Operation(operation_id, generated.build, generated.model)  # as the CLI makes one
    assert read.spec is operations()[operation_id] and read.operation_id == operation_id
    assert read.inferred == operations()[operation_id].inferred == generated.inferred
