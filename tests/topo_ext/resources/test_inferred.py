"""Guessed endpoints (`x-topo-source: inferred`) say so wherever a caller looks: the docstring's first paragraph
(help(), IDE hover), the method's `.inferred`, `topo api <op> --help`, and a 404/405 error's message. Documented
operations say nothing of the kind. Every expectation comes from the spec."""

from __future__ import annotations

import inspect
import io
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from tests.conftest import BASE_URL, TEST_KEY
from tests.specdata import arguments, client_operations, method_for
from topo_client._schema import NOT_IN_DOCS, inferred_reason
from topo_ext import APIStatusError, AsyncTopo, BatchError, NotFoundError, Topo, TopoError
from topo_ext._spec import OperationSpec, document
from topo_ext.cli import main
from topo_ext.cli._api import command_name

OPS = client_operations()
INFERRED = [op for op in OPS if op.inferred]
DOCUMENTED = [op for op in OPS if not op.inferred]


def _flat(text: str) -> str:
    return " ".join(text.split())


def _raw(op: OperationSpec) -> dict[str, Any]:
    op_object: dict[str, Any] = document()["paths"][op.path][op.method.lower()]
    return op_object


def test_the_spec_has_both_kinds() -> None:
    assert INFERRED and DOCUMENTED  # otherwise the tests below check nothing
    for op in OPS:
        assert op.inferred == inferred_reason(_raw(op))
        if _raw(op).get("x-topo-source") == "inferred":
            assert op.inferred and op.inferred != "no reason recorded", f"{op.operation_id}: no x-topo-reason"


@pytest.mark.parametrize("op", OPS, ids=lambda o: o.operation_id)
def test_docstring_and_attribute(op: OperationSpec, client: Topo) -> None:
    for target in (client, AsyncTopo(api_key=TEST_KEY, base_url=BASE_URL)):
        method = method_for(target, op)
        first_paragraph = _flat(inspect.getdoc(method).split("\n\n")[0])  # type: ignore[union-attr]
        assert method.inferred == op.inferred  # type: ignore[attr-defined]
        if op.inferred:
            assert f"{NOT_IN_DOCS} {op.inferred}" in first_paragraph
        else:
            assert NOT_IN_DOCS not in inspect.getdoc(method)  # type: ignore[operator]


@pytest.mark.parametrize("op", OPS, ids=lambda o: o.operation_id)
def test_cli_help(op: OperationSpec) -> None:
    out = io.StringIO()
    assert main(["api", command_name(op), "--help"], stdout=out, stderr=io.StringIO()) == 0
    shown = _flat(out.getvalue())
    if op.inferred:
        assert f"{NOT_IN_DOCS} {op.inferred}" in shown
    else:
        assert NOT_IN_DOCS not in shown


def _call(op: OperationSpec, status: int) -> BaseException:
    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, json={"type": "NotFoundIssue", "message": "Not found", "request_id": "req_1"})

    with Topo(api_key=TEST_KEY, base_url=BASE_URL, http_client=httpx.Client(transport=httpx.MockTransport(answer)),
              max_retries=0) as client:
        args, kwargs = arguments(op)
        method: Callable[..., Any] = method_for(client, op)
        with pytest.raises(TopoError) as caught:
            method(*args, **kwargs)
    err = caught.value
    return err.__cause__ if isinstance(err, BatchError) and err.__cause__ else err


@pytest.mark.parametrize("status", [404, 405])
def test_not_found_from_a_guessed_endpoint_says_it_is_a_guess(status: int) -> None:
    kinds = [INFERRED[0], DOCUMENTED[0], *(op for op in INFERRED if op.batch_max_items)][:3]
    for op in kinds:
        err = _call(op, status)
        assert isinstance(err, APIStatusError) and err.status_code == status and err.request_id == "req_1"
        assert isinstance(err, NotFoundError) == (status == 404)
        message = _flat(str(err))
        assert ("the endpoint itself is a guess" in message) == bool(op.inferred)
        assert "Not found" in message  # the server's own words are kept beside the hint
        if op.inferred:
            assert f"{op.method} /v1{op.path.split('{')[0]}" in message and f"{NOT_IN_DOCS} {op.inferred}" in message
