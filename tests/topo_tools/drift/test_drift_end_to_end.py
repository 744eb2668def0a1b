"""The API grows a field, an enum value and an event type: regeneration types them, the old client keeps them and
reports them, and `python -m topo_tools.drift` finds exactly them and proposes a spec patch that describes them.

Both regenerations (the changed spec, and the original spec with the proposed patch applied) run in the background
while the rest of the test goes on.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from tests.conftest import TEST_KEY
from tests.specdata import UUID_A, WHEN, instance, schema
from tests.unknowns import absent
from topo_ext import Topo
from topo_ext.events import UnknownEvent
from topo_tools import drift

ROOT = Path(__file__).resolve().parents[3]
BUNDLER = ROOT / "generator" / "bundle.py"  # the tool bundles a spec directory with the bundler it is given
# What the API grows: names the spec does not have (derived, so they stay new however the spec grows).
NEW_FIELD, NEW_REASON, NEW_EVENT = absent("unlisted_field"), absent("UNLISTED_REASON"), absent("unlisted.event")
NEW_EVENT_CLASS = absent("UnlistedEvent")
KEYS = {f"Contact.{NEW_FIELD}", f'ExclusionReason="{NEW_REASON}"', f'ActivityPayload.type="{NEW_EVENT}"'}
INSPECT = """
import json, sys, typing
from topo_client.responses import Contact, ExclusionReason
from topo_client import events
field = sys.argv[3]
contact = Contact.from_dict({"id": sys.argv[1], field: "teal"})
tagged = [c for c in vars(events).values() if getattr(getattr(c, "__struct_config__", None), "tag", None) == sys.argv[2]]
bounced, = tagged
print(json.dumps({
    "hint": str(typing.get_type_hints(Contact)[field]),
    "value": getattr(contact, field), "extra": contact.extra,
    "reason_known": not ExclusionReason(sys.argv[5]).is_unknown,
    "event_class": bounced.__name__,
    "event_fields": sorted(bounced.__struct_fields__),
}))
"""


def _edit(path: Path, change: Any) -> None:
    doc = yaml.safe_load(path.read_text())
    change(doc["components"]["schemas"])
    path.write_text(yaml.safe_dump(doc, sort_keys=False))


def new_api_spec(spec: Path) -> None:
    """What the API team would write: one optional field, one enum value, one event type."""
    shutil.copytree(ROOT / "spec", spec)
    _edit(spec / "resources" / "contacts.yaml", lambda s: s["Contact"]["properties"].update(
        **{NEW_FIELD: {"type": ["string", "null"], "description": "A new field."}}))
    _edit(spec / "resources" / "exclusions.yaml", lambda s: s["ExclusionReason"]["enum"].append(NEW_REASON))

    def add_event(s: dict[str, Any]) -> None:
        s[NEW_EVENT_CLASS] = {"description": "A new event.", "allOf": [
            {"$ref": "#/components/schemas/EventBase"},
            {"type": "object", "required": ["type"], "properties": {
                "type": {"type": "string", "const": NEW_EVENT}, "bounce_reason": {"type": ["string", "null"]}}}]}
        s["ActivityPayload"]["oneOf"].append({"$ref": f"#/components/schemas/{NEW_EVENT_CLASS}"})
        s["ActivityPayload"]["discriminator"]["mapping"][NEW_EVENT] = f"#/components/schemas/{NEW_EVENT_CLASS}"
        s["EventType"]["enum"].append(NEW_EVENT)

    _edit(spec / "resources" / "activities.yaml", add_event)


def regenerate(spec: Path, out: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, str(ROOT / "generator" / "generate.py"), "--spec-dir", str(spec),
                             "--target", str(out / "topo_client")], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True)


def inspect_generated(gen: subprocess.Popen[str], out: Path, cwd: Path) -> dict[str, Any]:
    log, _ = gen.communicate(timeout=180)
    assert gen.returncode == 0, log
    env = {**os.environ, "PYTHONPATH": str(out)}
    found = subprocess.run([sys.executable, "-c", INSPECT, UUID_A, NEW_EVENT, NEW_FIELD, "-", NEW_REASON], env=env, cwd=cwd, capture_output=True, text=True,
                           check=True)
    result: dict[str, Any] = json.loads(found.stdout)
    return result


def new_api_responses() -> tuple[Topo, list[dict[str, Any]]]:
    """The installed (unregenerated) client, talking to the new API; every response is captured."""
    bounced = {"type": NEW_EVENT, "organizationId": UUID_A, "personId": UUID_A, "bounce_reason": "mailbox full"}
    sent = {"type": "message.sent", "organization_id": UUID_A, "person_id": UUID_A, "channel": "EMAIL"}
    bodies = {
        f"/v1/contacts/{UUID_A}": {**instance(schema("Contact")), NEW_FIELD: "teal"},
        f"/v1/contact-exclusions/{UUID_A}": {**instance(schema("ContactExclusion")), "reason": NEW_REASON},
        "/v1/activities": {"items": [{"id": UUID_A, "created_at": WHEN, "payload": bounced},
                                     {"id": UUID_A, "created_at": WHEN, "payload": sent}],
                           "total_count": 2, "total_pages": 1, "has_more": False},
    }
    captures: list[dict[str, Any]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        body = bodies[request.url.path]
        captures.append({"method": request.method, "path": str(request.url), "status": 200, "body": body})
        return httpx.Response(200, json=body)

    http = httpx.Client(transport=httpx.MockTransport(handler))
    return Topo(api_key=TEST_KEY, base_url="https://api.topo.io/v1", http_client=http, log_drift=False), captures


def run_drift(*argv: str) -> tuple[int, set[str]]:
    done = subprocess.run([sys.executable, "-m", "topo_tools.drift", *argv, "--json", "--bundler", str(BUNDLER)], capture_output=True, text=True,
                          cwd=ROOT)
    assert done.returncode in (0, 1), done.stderr
    return done.returncode, {f["key"] for f in json.loads(done.stdout)["findings"]}


@pytest.mark.slow
def test_new_field_enum_value_and_event_type_end_to_end(tmp_path: Path) -> None:
    new_api_spec(tmp_path / "new_spec")
    first = regenerate(tmp_path / "new_spec", tmp_path / "new_out")

    # The unregenerated client decodes the new responses, keeps all three unknowns and lists them.
    client, captured = new_api_responses()
    contact = client.contacts.get(UUID_A)
    exclusion = client.contact_exclusions.get(UUID_A)
    page = client.activities.list()
    assert contact.extra == {NEW_FIELD: "teal"}
    assert exclusion.reason == NEW_REASON and exclusion.reason.is_unknown
    event = page.items[0].payload
    assert isinstance(event, UnknownEvent) and event.type == NEW_EVENT
    assert event.data["bounce_reason"] == "mailbox full"
    assert client.drift.keys() == KEYS

    # The drift tool finds exactly those three, in captures and in the saved runtime report.
    captures = tmp_path / "captures" / "new-api.jsonl"
    captures.parent.mkdir()
    captures.write_text("".join(json.dumps(c) + "\n" for c in captured))
    report = tmp_path / "drift-report.json"
    report.write_text(client.drift.to_json())
    assert run_drift(str(captures)) == (1, KEYS)
    assert run_drift(str(report)) == (1, KEYS)

    # Its patch, applied to a copy of the original spec, describes them: no drift left.
    patch = tmp_path / "drift-patch.yaml"
    assert drift.main([str(captures), "--patch", str(patch)]) == 1
    patched = tmp_path / "patched_spec"
    shutil.copytree(ROOT / "spec", patched)
    assert drift.main(["--apply", str(patch), "--spec-dir", str(patched)]) == 0
    second = regenerate(patched, tmp_path / "patched_out")
    assert run_drift(str(captures), "--spec", str(patched)) == (0, set())
    assert run_drift(str(report), "--spec", str(patched)) == (0, set())

    # Regeneration turns the new field into a typed attribute (both from the hand edit and from the patch).
    hand, patched_found = (inspect_generated(gen, out, tmp_path)
                           for gen, out in ((first, tmp_path / "new_out"), (second, tmp_path / "patched_out")))
    for found in (hand, patched_found):
        assert "str" in found["hint"] and "None" in found["hint"]
        assert (found["value"], found["extra"]) == ("teal", {})
        assert found["reason_known"] and "bounce_reason" in found["event_fields"]  # one class tagged NEW_EVENT
    assert hand["event_class"] == NEW_EVENT_CLASS
