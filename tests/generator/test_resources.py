"""The generated resources (`topo_client.resources`) are what the spec says: every operation is
`client.<x-topo-resource>.<x-topo-method>` on both clients, of the kind the spec implies (page walk for a page
envelope, chunked batch for `x-topo-batch`, else one call), and `with_options()` copies rebuild every resource for
the copy (the attributes are read from the class, so none can be missed)."""

from __future__ import annotations

import inspect
import typing
from collections import abc
from typing import Any, Literal

import pytest

from tests.specdata import client_operations, method_for
from topo_ext import AsyncPaginator, AsyncTopo, SyncPage, Topo
from topo_ext._spec import OperationSpec, resolve
from topo_ext.cli._api_flags import _enum_union

OPS = client_operations()


def _resources(client: Any) -> list[tuple[str, Any]]:
    """Every resource object of `client` the spec names (nested ones too), by dotted path."""
    found: dict[str, Any] = {}
    for op in OPS:
        target, path = client, []
        for part in filter(None, (op.resource or "").split(".")):
            target, path = getattr(target, part), [*path, part]
            found[".".join(path)] = target
    return sorted(found.items())


@pytest.mark.parametrize("op", OPS, ids=[op.operation_id for op in OPS])
def test_every_operation_is_its_method_of_the_right_kind(client: Topo, async_client: AsyncTopo,
                                                         op: OperationSpec) -> None:
    for method, page in ((method_for(client, op), SyncPage), (method_for(async_client, op), AsyncPaginator)):
        assert method.operation.spec.operation_id == op.operation_id  # type: ignore[attr-defined]  # facts: test_facts
        signature = inspect.signature(method)
        assert ("chunk_size" in signature.parameters) == (op.batch_max_items is not None)
        returns = signature.return_annotation
        assert ((typing.get_origin(returns) or returns) is page) == op.paginated


@pytest.mark.parametrize("make", ["sync", "async"])
def test_with_options_copies_rebuild_every_resource(client: Topo, async_client: AsyncTopo, make: str) -> None:
    original: Any = client if make == "sync" else async_client
    before = _resources(original)  # built (and cached) on the original first
    copy = original.with_options(max_retries=0)
    after = _resources(copy)
    assert [name for name, _ in after] == [name for name, _ in before] and before
    for (name, old), (_, new) in zip(before, after, strict=True):
        assert old._client is original and new._client is copy, name
    assert copy.me.__self__ is copy  # the top-level methods too


# An enum, or a choice between enums (sort_order: `asc`/`desc` or `ASC`/`DESC`), folded as the CLI folds it.
ENUM_PARAMS = [(op, p) for op in OPS for p in op.params.values() if "enum" in _enum_union(resolve(p.schema))]


@pytest.mark.parametrize(("op", "param"), ENUM_PARAMS, ids=[f"{o.operation_id}.{p.name}" for o, p in ENUM_PARAMS])
def test_every_enum_parameter_takes_the_spec_values_as_plain_strings(client: Topo, op: OperationSpec,
                                                                     param: Any) -> None:
    """Type checkers accept `sort_order="asc"` (every value the spec lists, as a `Literal`, beside the enum class)
    and nothing else; the runtime check lists the values (test_surface)."""
    hint = typing.get_type_hints(method_for(client, op))[param.name]
    hint = next((a for a in typing.get_args(hint) if typing.get_origin(a) is abc.Sequence), hint)  # a list of them
    hint = typing.get_args(hint)[0] if typing.get_origin(hint) is abc.Sequence else hint
    literals = {v for arg in typing.get_args(hint) if typing.get_origin(arg) is Literal for v in typing.get_args(arg)}
    schema = resolve(param.schema)
    schema = resolve(schema.get("items", schema))
    values = {v for part in schema.get("anyOf", [schema]) for v in resolve(part)["enum"]}
    assert literals == values, f"{op.operation_id}({param.name}=...)"
    assert str not in typing.get_args(hint)
