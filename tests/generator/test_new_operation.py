"""Adding an operation to the spec adds `client.<resource>.<method>` on both clients with no hand edit (#17): a
temp copy of spec/ gets `contacts.frobnicate` (an existing resource), `widgets.list` (a new resource, paginated)
and `gizmos.parts.get` (nested in a new resource that has no operation of its own);
the generated package, first on the path of a fresh interpreter, serves both methods with the spec's parameters,
and they send the request the spec describes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SOURCE = "inferred"
FROBNICATE_PATH = "/contacts/{contact_id}/frobnicate"
FROBNICATE = {
    "operationId": "frobnicate_contact", "summary": "Frobnicate a contact", "tags": ["contacts"],
    "x-topo-scopes": ["contacts:write"], "x-topo-resource": "contacts", "x-topo-method": "frobnicate",
    "x-topo-source": SOURCE, "x-topo-reason": "A test operation.",
    "parameters": [{"name": "contact_id", "in": "path", "required": True, "schema": {"type": "string",
                                                                                    "format": "uuid"}}],
    "requestBody": {"required": True, "content": {"application/json": {"schema": {
        "type": "object", "required": ["level"], "additionalProperties": False,
        "properties": {"level": {"type": "integer", "minimum": 1}, "note": {"type": "string"}}}}}},
    "responses": {"200": {"description": "The contact.", "content": {"application/json": {
        "schema": {"$ref": "#/components/schemas/Contact"}}}}},
}
WIDGETS = {
    "tags": [{"name": "widgets", "description": "Test widgets."}],
    "paths": {"/widgets": {"get": {
        "operationId": "list_widgets", "summary": "List widgets", "tags": ["widgets"], "x-topo-scopes": [],
        "x-topo-resource": "widgets", "x-topo-method": "list", "x-topo-source": SOURCE,
        "x-topo-reason": "A test operation.",
        "parameters": [{"$ref": "#/components/parameters/Page"}, {"$ref": "#/components/parameters/Size"},
                       {"name": "color", "in": "query", "required": False, "schema": {"type": "string"}}],
        "responses": {"200": {"description": "A page of widgets.", "content": {"application/json": {
            "schema": {"$ref": "#/components/schemas/WidgetPage"}}}}},
    }}, "/gizmos/parts/{part_id}": {"get": {
        "operationId": "get_gizmo_part", "summary": "Get a gizmo part", "tags": ["widgets"], "x-topo-scopes": [],
        "x-topo-resource": "gizmos.parts", "x-topo-method": "get", "x-topo-source": SOURCE,
        "x-topo-reason": "A test operation.",
        "parameters": [{"name": "part_id", "in": "path", "required": True, "schema": {"type": "string"}}],
        "responses": {"200": {"description": "A part.", "content": {"application/json": {
            "schema": {"$ref": "#/components/schemas/Widget"}}}}},
    }}},
    "components": {"schemas": {
        "Widget": {"type": "object", "x-topo-source": SOURCE, "x-topo-reason": "A test schema.",
                   "properties": {"id": {"type": "string"}, "color": {"type": "string"}}},
        "WidgetPage": {"x-topo-source": SOURCE, "x-topo-reason": "A test schema.", "allOf": [
            {"$ref": "#/components/schemas/PageEnvelope"},
            {"type": "object", "properties": {"items": {"type": "array",
                                                        "items": {"$ref": "#/components/schemas/Widget"}}}}]},
    }},
}

PROBE = r'''
import asyncio, inspect, json, sys, typing
import httpx
from topo_ext import AsyncTopo, Topo

sent = []

def answer(request):
    sent.append({"method": request.method, "path": request.url.path, "query": dict(request.url.params),
                 "body": json.loads(request.content) if request.content else None})
    if "/gizmos/" in request.url.path:
        return httpx.Response(200, json={"id": request.url.path.rsplit("/", 1)[-1]})
    if request.url.path.endswith("/widgets"):
        return httpx.Response(200, json={"items": [{"id": "w1", "color": "red"}], "total_count": 1,
                                         "total_pages": 1, "has_more": False})
    return httpx.Response(200, json={"id": sys.argv[1]})

def describe(method):  # the keyword form (the first overload, if the method also takes body=)
    forms = typing.get_overloads(method.__func__)
    signature = inspect.signature(forms[0] if forms else method.__func__, eval_str=True)
    returns = typing.get_origin(signature.return_annotation) or signature.return_annotation
    return {"params": {name: p.default is inspect.Parameter.empty for name, p in signature.parameters.items()
                       if name != "self"},
            "returns": getattr(returns, "__name__", str(returns))}

options = dict(api_key="topo_test_key_1234567", base_url="https://api.topo.test/v1", log_drift=False)
client = Topo(http_client=httpx.Client(transport=httpx.MockTransport(answer)), **options)
aclient = AsyncTopo(http_client=httpx.AsyncClient(transport=httpx.MockTransport(answer)), **options)
report = {"sync": {"frobnicate": describe(client.contacts.frobnicate), "list": describe(client.widgets.list)},
          "async": {"frobnicate": describe(aclient.contacts.frobnicate), "list": describe(aclient.widgets.list)}}
report["sync"]["contact"] = client.contacts.frobnicate(sys.argv[1], level=2, note="n").id
report["sync"]["widgets"] = [w.id for w in client.widgets.list(color="red")]
report["sync"]["part"] = client.gizmos.parts.get("p1").id

async def main():
    report["async"]["contact"] = (await aclient.contacts.frobnicate(sys.argv[1], level=2, note="n")).id
    report["async"]["widgets"] = [w.id async for w in aclient.widgets.list(color="red")]
    report["async"]["part"] = (await aclient.gizmos.parts.get("p1")).id

asyncio.run(main())
report["sent"] = sent
print(json.dumps(report))
'''
CONTACT_ID = "018f1a2b-3c4d-7e8f-9a0b-1c2d3e4f5a6b"


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    tmp = tmp_path_factory.mktemp("new-operation")
    spec = tmp / "spec"
    shutil.copytree(ROOT / "spec", spec)
    contacts = spec / "resources" / "contacts.yaml"
    fragment = yaml.safe_load(contacts.read_text())
    fragment["paths"][FROBNICATE_PATH] = {"post": FROBNICATE}
    contacts.write_text(yaml.safe_dump(fragment, sort_keys=False))
    (spec / "resources" / "widgets.yaml").write_text(yaml.safe_dump(WIDGETS, sort_keys=False))
    subprocess.run([sys.executable, str(ROOT / "generator" / "generate.py"), "--spec-dir", str(spec), "--target",
                    str(tmp / "topo_client")], check=True, capture_output=True, text=True)
    env = {**os.environ, "PYTHONPATH": str(tmp)}  # the generated package shadows the installed one
    done = subprocess.run([sys.executable, "-c", PROBE, CONTACT_ID], capture_output=True, text=True, env=env,
                          cwd=tmp)
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(done.stdout)
    result["api.md"] = (tmp / "api.md").read_text()  # generated beside the package
    return result


OPTIONS = {"extra_headers", "extra_query", "extra_body", "timeout"}


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_a_method_added_to_an_existing_resource(report: dict[str, Any], mode: str) -> None:
    body = FROBNICATE["requestBody"]["content"]["application/json"]["schema"]  # type: ignore[index]
    expected = {p["name"]: p["required"] for p in FROBNICATE["parameters"]}  # type: ignore[union-attr]
    expected |= {name: name in body["required"] for name in body["properties"]}
    expected |= dict.fromkeys(OPTIONS, False)
    assert report[mode]["frobnicate"] == {"params": expected, "returns": "Contact"}
    assert report[mode]["contact"] == CONTACT_ID


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_a_new_resource_with_a_list(report: dict[str, Any], mode: str) -> None:
    params = report[mode]["list"]["params"]
    assert set(params) == {"page", "size", "color"} | OPTIONS and not any(params.values())
    assert report[mode]["list"]["returns"] in {"SyncPage", "AsyncPaginator"}
    assert report[mode]["widgets"] == ["w1"]  # walked through the page envelope


def test_the_requests_are_the_ones_the_spec_describes(report: dict[str, Any]) -> None:
    path = "/v1" + FROBNICATE_PATH.format(contact_id=CONTACT_ID)  # the spec's server path is /v1
    frobnicated = [s for s in report["sent"] if s["path"] == path]
    assert [s["method"] for s in frobnicated] == ["POST", "POST"]  # sync, then async
    assert all(s["body"] == {"level": 2, "note": "n"} for s in frobnicated)
    listed = [s for s in report["sent"] if s["path"] == "/v1" + next(iter(WIDGETS["paths"]))]  # type: ignore[arg-type]
    assert len(listed) == 2 and all(s["method"] == "GET" and s["query"]["color"] == "red" for s in listed)


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_a_resource_nested_in_a_new_resource_without_operations(report: dict[str, Any], mode: str) -> None:
    assert report[mode]["part"] == "p1"
    gizmo = [s for s in report["sent"] if s["path"] == "/v1" + "/gizmos/parts/{part_id}".format(part_id="p1")]
    assert [s["method"] for s in gizmo] == ["GET", "GET"]


def test_the_api_reference_lists_the_new_methods(report: dict[str, Any]) -> None:
    for call in ("client.contacts.frobnicate(", "client.widgets.list(", "client.gizmos.parts.get("):
        assert f"\n{call}" in report["api.md"]
    assert f"`POST {FROBNICATE_PATH}` · scopes: `contacts:write` · *inferred*" in report["api.md"]
