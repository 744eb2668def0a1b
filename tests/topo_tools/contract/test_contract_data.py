"""The contract run's own logic, offline: its query arguments are valid, and it reads Prism's verdicts right."""

from __future__ import annotations

import json
import random

import httpx
import pytest

from tests.specdata import MockAPI, arguments, client_operations, method_for
from topo_ext import Topo
from topo_ext._spec import OperationSpec
from topo_tools.contract import main, prism_output_only, query_arguments, unknown_query, violations


@pytest.mark.parametrize("op", [op for op in client_operations() if any(
    p.location == "query" for p in op.params.values())], ids=lambda op: op.operation_id)
def test_full_query_arguments_are_accepted_and_all_sent(client: Topo, api: MockAPI, op: OperationSpec) -> None:
    query = query_arguments(op, random.Random(3))
    args, kwargs = arguments(op)
    method_for(client, op)(*args, **kwargs, **query)
    request = api.requests[-1]
    assert unknown_query(request) == []
    assert set(query) <= set(request.url.params)


def test_unknown_query_names_parameters_outside_the_spec() -> None:
    request = httpx.Request("GET", "http://127.0.0.1/contacts?size=5&bogus=1&zz=2",
                            extensions={"operation_id": "list_contacts"})
    assert unknown_query(request) == ["bogus", "zz"]


def test_prism_violations_are_parsed_and_classified() -> None:
    found = [{"location": ["response", "body", "contact_variables"], "severity": "Error", "message": "too many"}]
    own = httpx.Response(500, headers={"sl-violations": json.dumps(found)})
    assert violations(own) == found
    assert prism_output_only(violations(own))
    ours = [*found, {"location": ["request", "query", "size"], "severity": "Error", "message": "<= 100"}]
    assert not prism_output_only(violations(httpx.Response(400, headers={"sl-violations": json.dumps(ours)})))
    assert violations(httpx.Response(200)) == []
    assert not prism_output_only([])


def test_the_run_takes_its_paths_as_arguments(tmp_path) -> None:
    # An installed topo-tools has no checkout beside it: Prism and the spec come from the command line only.
    spec = tmp_path / "openapi.json"
    spec.write_text("{}")
    with pytest.raises(SystemExit, match="Prism is not installed"):
        main(["--spec", str(spec), "--prism", str(tmp_path / "no-prism")])
    with pytest.raises(SystemExit, match="no spec at"):
        main(["--spec", str(tmp_path / "missing.json"), "--prism", __import__("sys").executable])
    with pytest.raises(SystemExit):  # argparse: both are required
        main([])
