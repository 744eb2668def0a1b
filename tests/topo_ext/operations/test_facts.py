"""The facts each generated operation carries (`OperationSpec(...)` literals beside the methods, written by
generator/facts.py) are the bundled spec's, and a call uses them: nothing on the request path reads `openapi.json`."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.specdata import client_operations, method_for
from topo_ext import Topo
from topo_ext._spec import OperationSpec, document

sys.path.append(str(Path(__file__).parents[3] / "generator"))  # the generator's reading of a schema, to compare
from facts import checkable  # type: ignore[import-not-found]

OPS = client_operations()
SCHEMAS = ("params", "body_schema", "success_body")  # compared below, as the argument checks read them


@pytest.mark.parametrize("op", OPS, ids=lambda o: o.operation_id)
def test_the_generated_facts_are_the_spec_facts(client: Topo, op: OperationSpec) -> None:
    facts = method_for(client, op).operation.spec  # type: ignore[attr-defined]
    for field in dataclasses.fields(OperationSpec):
        if field.name not in SCHEMAS:
            assert getattr(facts, field.name) == getattr(op, field.name), field.name
    assert facts.success_body is None  # the runtime never needs it (the CLI reads the spec)
    assert {n: (p.location, p.required) for n, p in facts.params.items()} == {
        n: (p.location, p.required) for n, p in op.params.items()}
    for name, param in op.params.items():
        assert facts.params[name].schema == checkable(document(), param.schema), name
    expected = checkable(document(), op.body_schema) if op.body_schema is not None else None
    assert facts.body_schema == expected


PROBE = textwrap.dedent('''
    import builtins, importlib.resources, io, json, sys
    import httpx
    opened = []
    real_open, real_files = builtins.open, importlib.resources.files
    def spy_open(file, *args, **kwargs):
        opened.append(str(file))
        return real_open(file, *args, **kwargs)
    builtins.open = io.open = spy_open
    def spy_files(anchor, *args, **kwargs):
        opened.append(f"files({anchor})")
        return real_files(anchor, *args, **kwargs)
    importlib.resources.files = spy_files
    from topo_ext import AsyncTopo, Topo
    from topo_ext import _spec
    ID = "018f1a2b-3c4d-7e8f-9a0b-1c2d3e4f5a6b"
    def answer(request):
        if request.url.path.endswith("/contacts"):
            return httpx.Response(200, json={"items": [{"id": ID}], "total_count": 1, "total_pages": 1,
                                              "has_more": False})
        if request.url.path.endswith("/contact-lists"):
            return httpx.Response(201, json={"items": [], "summary": {}})
        return httpx.Response(201 if request.method == "POST" else 200, json={"id": ID})
    client = Topo(api_key="topo_test_key_1234567", base_url="https://api.topo.test/v1",
                  http_client=httpx.Client(transport=httpx.MockTransport(answer)))
    client.contacts.get(ID)
    list(client.contacts.list(email="a@b.co", sort_order="desc"))
    client.contact_exclusions.create(email="a@b.co", reason="UNSUBSCRIBED")
    client.contact_lists.create([{"name": "Q1"}])
    client.with_raw_response.contacts.get(ID)
    client.me()
    try:
        client.contacts.list(size=500)
    except ValueError:
        pass
    print(json.dumps({"opened": [o for o in opened if "openapi" in o or "files(" in o],
                      "document_loaded": _spec.document.cache_info().currsize,
                      "operations_loaded": _spec.operations.cache_info().currsize}))
''')


def test_nothing_on_the_request_path_reads_the_bundled_spec() -> None:
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    report = done.stdout.strip().splitlines()[-1]
    assert report == '{"opened": [], "document_loaded": 0, "operations_loaded": 0}'
