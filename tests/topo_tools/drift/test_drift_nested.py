"""Topo adds object-valued fields: `--patch` describes what is inside them (nested objects, arrays of objects,
formats), and `make drift` and the runtime drift record agree on the same bodies, before and after regeneration.

The key sets are compared through the public surfaces only (`python -m topo_tools.drift --json` and `client.drift`),
so the agreement test does not depend on how the client decodes.
"""

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

from tests.specdata import UUID_A, WHEN, instance, schema
from tests.unknowns import absent
from topo_ext._spec import document
from topo_tools import drift
from topo_tools.drift.keys import described_keys, key_index

ROOT = Path(__file__).resolve().parents[3]
BUNDLER = ROOT / "generator" / "bundle.py"  # the tool bundles a spec directory with the bundler it is given
UUID_B = "01954b2e-1111-7000-bbbb-222222222222"
BASE = "https://api.topo.io/v1"
# The fields the API grows here: names the spec does not have (derived, so they stay new as the spec grows).
OWNER, OWNER_ID, TOUCH = absent("unlisted_owner"), absent("unlisted_owner_id"), absent("unlisted_touch")
DUE, OUTCOME, FILES, TRACKING, SCORES = (absent(f"unlisted_{n}") for n in ("due_at", "outcome", "files", "tracking",
                                                                            "scores"))


def new_api_records() -> list[dict[str, Any]]:
    """Responses of an API that grew object-valued fields. OWNER (Contact) and OUTCOME.recorded_by (Task, two
    levels down) have the same keys, so they should become one component schema."""
    contacts = [
        {**instance(schema("Contact")), "id": UUID_A, OWNER_ID: UUID_A, OWNER: {"id": UUID_A, "name": "Ana"},
         TOUCH: WHEN},
        {**instance(schema("Contact")), "id": UUID_B, OWNER_ID: UUID_B, OWNER: {"id": UUID_B, "name": "Bo"},
         TOUCH: "yesterday"},  # one non-date string: no format for TOUCH
    ]
    task = {**instance(schema("Task")), DUE: "2026-11-21T09:00:00Z",
            OUTCOME: {"summary": "left voicemail", "recorded_by": {"id": UUID_B, "name": "Bo"}},
            FILES: [{"name": "call.mp3", "url": "https://files.topo.io/call.mp3", "uploaded_at": WHEN},
                    {"name": "notes.txt", "url": "https://files.topo.io/notes.txt", "uploaded_at": WHEN}]}
    sent = {"type": "message.sent", "organization_id": UUID_A, "person_id": UUID_A, "channel": "EMAIL",
            TRACKING: {"opened_at": WHEN, "clicks": 2}}
    page = {"total_count": 1, "total_pages": 1, "has_more": False}
    return [
        *({"method": "GET", "path": f"{BASE}/contacts/{c['id']}", "status": 200, "body": c} for c in contacts),
        {"method": "GET", "path": f"{BASE}/tasks", "status": 200, "body": {**page, "items": [task]}},
        {"method": "GET", "path": f"{BASE}/activities", "status": 200,
         "body": {**page, "items": [{"id": UUID_A, "created_at": WHEN, "payload": sent}]}},
    ]


# Runs the client against the captured bodies and prints what it recorded as drift, plus the Python type of each
# place asked for (`Task.<OUTCOME>.recorded_by.id`; `[]` takes the first item), in a fresh process: with the
# installed package, or with the regenerated one first on PYTHONPATH.
CLIENT_RUN = """
import json, sys
import httpx
from topo_ext import Topo

def run(captures, places):
    records = [json.loads(line) for line in open(captures)]
    bodies = {httpx.URL(r["path"]).path: r["body"] for r in records}
    http = httpx.Client(transport=httpx.MockTransport(lambda req: httpx.Response(200, json=bodies[req.url.path])))
    client = Topo(api_key="topo_test_key_run", base_url="https://api.topo.io/v1", http_client=http,
                  log_drift=False)
    client.drift.clear()
    seen = {"Contact": [client.contacts.get(p.rsplit("/", 1)[-1]) for p in bodies if "/contacts/" in p],
            "Task": list(client.tasks.list()), "Activity": list(client.activities.list())}
    types = {}
    for place in places:
        schema, *path = place.replace("[]", ".[]").split(".")
        node = seen[schema][0]
        for step in path:
            node = node[0] if step == "[]" else getattr(node, step)
        types[place] = type(node).__name__
    return {"drift": sorted(client.drift.keys()), "types": types}

if __name__ == "__main__":
    print(json.dumps(run(sys.argv[1], sys.argv[2:])))
"""


def run_client(captures: Path, tmp: Path, places: tuple[str, ...] = (), generated: Path | None = None) -> dict[str, Any]:
    """CLIENT_RUN in a fresh process: with the installed `topo_client`, or the one generated into `generated`."""
    script = tmp / "client_run.py"
    script.write_text(CLIENT_RUN)
    env = {**os.environ, **({"PYTHONPATH": str(generated)} if generated else {})}
    done = subprocess.run([sys.executable, str(script), str(captures), *places], env=env, cwd=tmp,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def write_captures(path: Path) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in new_api_records()))
    return path


def run_drift(*argv: str) -> tuple[int, set[str]]:
    done = subprocess.run([sys.executable, "-m", "topo_tools.drift", *argv, "--json", "--bundler", str(BUNDLER)], capture_output=True,
                          text=True, cwd=ROOT)
    assert done.returncode in (0, 1), done.stderr
    return done.returncode, {f["key"] for f in json.loads(done.stdout)["findings"]}


def make_patch(captures: Path, out: Path) -> dict[str, dict[str, Any]]:
    """Run `--patch`; return its operations by JSON pointer."""
    assert drift.main([str(captures), "--patch", str(out)]) == 1
    return {op["path"]: op for op in yaml.safe_load(out.read_text())["operations"]}


def prop(ops: dict[str, dict[str, Any]], schema_name: str, name: str) -> dict[str, Any]:
    """The value the patch adds for a new property (wherever in the schema's allOf it goes)."""
    found = [op["value"] for path, op in ops.items()
             if path.startswith(f"/components/schemas/{schema_name}/") and path.endswith(f"/properties/{name}")]
    assert len(found) == 1, (schema_name, name, sorted(ops))
    return found[0]


def types_of(node: dict[str, Any]) -> set[str]:
    kind = node.get("type", [])
    return {kind} if isinstance(kind, str) else set(kind)


def ref_of(node: dict[str, Any]) -> str:
    refs = [b["$ref"] for b in node.get("oneOf", []) if "$ref" in b]
    assert len(refs) == 1 and {"type": "null"} in node["oneOf"], node
    return refs[0].rsplit("/", 1)[-1]


# ---- the patch ---------------------------------------------------------------------------------------------------


def test_patch_describes_nested_objects_arrays_and_formats(tmp_path: Path) -> None:
    ops = make_patch(write_captures(tmp_path / "c.jsonl"), tmp_path / "p.yaml")

    # A recurring object (Contact.OWNER, Task.OUTCOME.recorded_by: same keys) is one named component.
    owner = ref_of(prop(ops, "Contact", OWNER))
    component = ops[f"/components/schemas/{owner}"]["value"]
    assert component["type"] == "object" and component["x-topo-source"] == "observed"
    assert set(component["properties"]) == {"id", "name"}
    assert component["properties"]["id"]["format"] == "uuid"
    assert "format" not in component["properties"]["name"]

    # Two levels: OUTCOME is an inline object whose recorded_by refers to the component.
    outcome = prop(ops, "Task", OUTCOME)
    assert types_of(outcome) == {"object", "null"} and set(outcome["properties"]) == {"summary", "recorded_by"}
    assert types_of(outcome["properties"]["summary"]) == {"string", "null"}
    assert ref_of(outcome["properties"]["recorded_by"]) == owner

    # An array of new objects: the item schema with its properties and formats.
    attachments = prop(ops, "Task", FILES)
    assert types_of(attachments) == {"array", "null"}
    item = attachments["items"]
    assert types_of(item) == {"object"} and set(item["properties"]) == {"name", "url", "uploaded_at"}
    assert (item["properties"]["url"]["format"], item["properties"]["uploaded_at"]["format"]) == ("uri", "date-time")

    # Formats when every value has the shape, said in the reason so a reviewer can drop them.
    due_at, owner_id = prop(ops, "Task", DUE), prop(ops, "Contact", OWNER_ID)
    assert (due_at["format"], owner_id["format"]) == ("date-time", "uuid")
    assert "`format: date-time` proposed" in due_at["x-topo-reason"] and "x-topo-first-seen" in due_at
    assert "`format: uuid` proposed" in owner_id["x-topo-reason"]
    assert "`format: date-time` proposed" in item["properties"]["uploaded_at"]["x-topo-reason"]

    # A new field of an event (under the event's own allOf part) is described the same way.
    tracking = prop(ops, "MessageSentEvent", TRACKING)
    assert tracking["properties"]["opened_at"]["format"] == "date-time"
    assert types_of(tracking["properties"]["clicks"]) == {"integer", "null"}


def test_mixed_shapes_propose_no_format(tmp_path: Path) -> None:
    ops = make_patch(write_captures(tmp_path / "c.jsonl"), tmp_path / "p.yaml")
    last_touch = prop(ops, "Contact", TOUCH)  # one RFC 3339 date-time and "yesterday"
    assert types_of(last_touch) == {"string", "null"}
    assert "format" not in last_touch and "format" not in last_touch["x-topo-reason"]


@pytest.mark.parametrize(("values", "expected"), [
    (["2026-11-20T10:00:00Z", "2026-11-20T10:00:00.5+02:00"], "date-time"),
    (["2026-11-20"], "date"),
    ([UUID_A, UUID_B.upper()], "uuid"),
    (["ana@example.com"], "email"),
    (["https://topo.io/x?y=1", "mailto://a"], "uri"),
    (["2026-11-20T10:00:00Z", "2026-11-20"], None),  # mixed shapes
    (["2026-13-45T99:00:00Z"], None),  # looks like one but is no date
    ([UUID_A, "not-a-uuid"], None),
    (["teal"], None),
    ([], None),
])
def test_format_proposals(values: list[str], expected: str | None) -> None:
    proposed = drift.propose_format(values)
    assert (proposed[0] if proposed else None) == expected


def test_patch_from_a_client_drift_report_describes_the_example(tmp_path: Path) -> None:
    report = tmp_path / "drift-report.json"
    example = {"summary": "left voicemail", "at": WHEN, "token": "<redacted>"}
    report.write_text(json.dumps({"drift": [{"kind": "field", "schema": "Task", "name": OUTCOME, "count": 3,
                                             "example": example, "first_seen": "2026-11-20T10:00:00Z"}]}))
    assert drift.main([str(report), "--patch", str(tmp_path / "p.yaml")]) == 1
    ops = yaml.safe_load((tmp_path / "p.yaml").read_text())["operations"]
    outcome = ops[0]["value"]
    assert outcome["properties"]["at"]["format"] == "date-time"
    assert outcome["properties"]["token"] == {}  # a redacted value says nothing about the type: any type


# ---- one notion of "described" -----------------------------------------------------------------------------------


def test_described_keys_follow_all_of_and_refs() -> None:
    doc = document()
    schemas = doc["components"]["schemas"]
    assert described_keys(doc, "Contact") == set(schemas["Contact"]["properties"])
    # An event: its base's properties (through $ref) plus its own.
    event = schemas["MessageSentEvent"]
    base = next(p["$ref"].rsplit("/", 1)[-1] for p in event["allOf"] if "$ref" in p)
    own = set().union(*(p.get("properties", {}) for p in event["allOf"] if "$ref" not in p))
    assert described_keys(doc, "MessageSentEvent") == set(schemas[base]["properties"]) | own
    # Open objects: additionalProperties set, or no properties listed at all.
    open_maps = [n for n, s in schemas.items() if isinstance(s.get("additionalProperties"), dict | bool)
                 and s["additionalProperties"] is not False]
    free_form = [n for n, s in schemas.items() if s.get("type") == "object" and "properties" not in s
                 and "allOf" not in s and "additionalProperties" not in s]
    assert open_maps or free_form
    assert all(described_keys(doc, n) is None for n in open_maps + free_form)


def test_key_index_names_inline_objects_as_drift_keys_do() -> None:
    ref = {"$ref": "#/components/schemas/Base"}
    own = {"type": "object", "properties": {
        "outcome": {"type": ["object", "null"], "properties": {
            "summary": {"type": "string"}, "by": {"type": "object", "properties": {"name": {"type": "string"}}}}},
        "files": {"type": "array", "items": {"type": "object", "properties": {"url": {"type": "string"}}}},
        "owner": {"oneOf": [ref, {"type": "null"}]},
        "labels": {"type": "object", "additionalProperties": {"type": "string"}},
        "meta": {"type": ["object", "null"]},
    }}
    doc = {"components": {"schemas": {
        "Base": {"type": "object", "properties": {"id": {"type": "string"}}, "additionalProperties": False},
        "Task": {"allOf": [ref, own]},
        "Status": {"type": "string", "enum": ["OPEN"]},
    }}}
    assert key_index(doc) == {
        "Base": {"id"}, "Task": {"id", *own["properties"]},  # allOf + $ref merged
        "Task.outcome": {"summary", "by"}, "Task.outcome.by": {"name"}, "Task.files[]": {"url"},
        "Task.labels": None, "Task.meta": None,  # open: a map, and an object listing no properties
    }
    real = document()
    assert key_index(real)["Contact"] == described_keys(real, "Contact")


def test_make_drift_and_the_client_agree_before_regeneration(tmp_path: Path) -> None:
    captures = write_captures(tmp_path / "c.jsonl")
    code, offline = run_drift(str(captures))
    runtime = set(run_client(captures, tmp_path)["drift"])  # the installed client
    assert code == 1 and offline == runtime
    assert {f"Contact.{OWNER}", f"Task.{OUTCOME}", f"Task.{FILES}", f"MessageSentEvent.{TRACKING}"} <= offline


# ---- end to end: patch -> apply -> generate -> both report nothing --------------------------------------------------


FORMAT_TYPES = {"date-time": "datetime", "date": "date", "uuid": "str", "email": "str", "uri": "str", None: "str"}


def apply_and_generate(patch: Path, tmp: Path) -> tuple[Path, Path]:
    """`--apply` the patch to a copy of spec/ and generate a package from it: (spec dir, package dir)."""
    spec, out = tmp / "spec", tmp / "out"
    shutil.copytree(ROOT / "spec", spec)
    assert drift.main(["--apply", str(patch), "--spec-dir", str(spec)]) == 0
    gen = subprocess.run([sys.executable, str(ROOT / "generator" / "generate.py"), "--spec-dir", str(spec),
                          "--target", str(out / "topo_client")], capture_output=True, text=True, timeout=300)
    assert gen.returncode == 0, gen.stdout + gen.stderr
    return spec, out


@pytest.mark.slow
def test_patched_and_regenerated_client_reports_nothing_and_types_the_new_fields(tmp_path: Path) -> None:
    captures = write_captures(tmp_path / "c.jsonl")
    patch = tmp_path / "drift-patch.yaml"
    ops = make_patch(captures, patch)
    spec, out = apply_and_generate(patch, tmp_path)
    before = {f: f.read_text() for f in spec.rglob("*.yaml")}
    assert drift.main(["--apply", str(patch), "--spec-dir", str(spec)]) == 0
    assert {f: f.read_text() for f in spec.rglob("*.yaml")} == before  # applying twice changes nothing

    # make drift on the same captures, against the patched spec: nothing.
    assert run_drift(str(captures), "--spec", str(spec)) == (0, set())

    # The client built from the regenerated package decodes the same bodies: nothing recorded either.
    owner = ref_of(prop(ops, "Contact", OWNER))
    id_format = ops[f"/components/schemas/{owner}"]["value"]["properties"]["id"].get("format")
    files = prop(ops, "Task", FILES)["items"]["properties"]
    expected = {
        f"Task.{DUE}": prop(ops, "Task", DUE).get("format"),
        f"Task.{OUTCOME}.summary": prop(ops, "Task", OUTCOME)["properties"]["summary"].get("format"),
        f"Task.{OUTCOME}.recorded_by.id": id_format,
        f"Task.{FILES}[].uploaded_at": files["uploaded_at"].get("format"),
        f"Task.{FILES}[].url": files["url"].get("format"),
        f"Contact.{OWNER_ID}": prop(ops, "Contact", OWNER_ID).get("format"),
        f"Contact.{OWNER}.id": id_format,
        f"Contact.{TOUCH}": prop(ops, "Contact", TOUCH).get("format"),
        f"Activity.payload.{TRACKING}.opened_at": prop(ops, "MessageSentEvent", TRACKING)["properties"]["opened_at"]
        .get("format"),
    }
    result = run_client(captures, tmp_path, tuple(expected), generated=out)
    assert result["drift"] == []
    assert result["types"] == {place: FORMAT_TYPES[fmt] for place, fmt in expected.items()}
    assert {"datetime", "str"} <= set(result["types"].values())  # the proposed formats did reach the client


# ---- a reviewer trims the patch: both report what is left undescribed ----------------------------------------------


# field -> nested key the reviewer deletes; "*" deletes every property (a free-form object: any key is described).
DROPPED = {OWNER: "name", OUTCOME: "summary", FILES: "*", TRACKING: "clicks"}


@pytest.fixture(scope="module")
def partially_described(tmp_path_factory: pytest.TempPathFactory) -> tuple[set[str], set[str], str]:
    """The patch with DROPPED deleted, applied and generated: (make drift keys, client keys, the recurring
    component's name)."""
    tmp = tmp_path_factory.mktemp("partial")
    captures = write_captures(tmp / "c.jsonl")
    patch = tmp / "drift-patch.yaml"
    ops = make_patch(captures, patch)
    owner = ref_of(prop(ops, "Contact", OWNER))
    for op in ops.values():
        value = op["value"]
        node = value.get("items", value)
        field_name = op["path"].rsplit("/", 1)[-1]
        dropped = DROPPED.get(OWNER if field_name == owner else field_name)
        if "properties" not in node:  # Contact.owner itself: a $ref to the component
            continue
        if dropped == "*":
            del node["properties"]
        elif dropped:
            del node["properties"][dropped]
    patch.write_text(yaml.safe_dump({"operations": list(ops.values())}, sort_keys=False))
    spec, out = apply_and_generate(patch, tmp)
    code, offline = run_drift(str(captures), "--spec", str(spec))
    assert code == 1
    return offline, set(run_client(captures, tmp, generated=out)["drift"]), owner


@pytest.mark.slow
def test_partially_described_objects_are_reported(partially_described: tuple[set[str], set[str], str]) -> None:
    offline, runtime, owner = partially_described
    assert offline == {f"{owner}.name", f"Task.{OUTCOME}.summary", f"MessageSentEvent.{TRACKING}.clicks"}
    assert f"{owner}.name" in runtime  # a named component: the same key in both


@pytest.mark.slow
def test_partially_described_objects_same_keys_in_both(partially_described: tuple[set[str], set[str], str]) -> None:
    """`make drift` and the client name the same unknown keys the same way: inline objects by their place in the
    spec (`Task.<OUTCOME>.summary`, not the generated class), free-form objects (no properties) not at all."""
    offline, runtime, _ = partially_described
    assert offline == runtime


def test_objects_keyed_by_ids_become_maps(tmp_path: Path) -> None:
    scores = {UUID_A: {"score": 3, "at": WHEN}, UUID_B: {"score": 5, "at": WHEN}}
    record = {"operation": "get_contact", "body": {**instance(schema("Contact")), SCORES: scores}}
    captures = tmp_path / "c.jsonl"
    captures.write_text(json.dumps(record) + "\n")
    ops = make_patch(captures, tmp_path / "p.yaml")
    value = prop(ops, "Contact", SCORES)
    assert "properties" not in value  # no property named after an id
    assert set(value["additionalProperties"]["properties"]) == {"score", "at"}
    assert value["additionalProperties"]["properties"]["at"]["format"] == "date-time"
    assert not [path for path in ops if path.startswith("/components/schemas/") and "/properties/" not in path]
