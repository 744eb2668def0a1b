"""An event type the spec gains (by hand or from a `make drift` patch) is importable from `topo_ext.events` after
`make generate`, with no hand edit (#31): a temp copy of spec/ gets one more member of the `ActivityPayload` union,
the package is generated from it, and a fresh interpreter imports the new class from `topo_ext.events` and decodes
an event of that type into it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[3]
ACTIVITIES = Path("resources") / "activities.yaml"

PROBE = r'''
import json, sys
import topo_ext.events as events
from topo_ext.events import parse_event

cls = getattr(events, sys.argv[1])
event = parse_event({"type": sys.argv[2], "person_id": "p1"})
print(json.dumps({"exported": sys.argv[1] in events.__all__, "decoded": type(event) is cls,
                  "registered": events.EVENT_TYPES.get(sys.argv[2]) is cls, "person_id": event.person_id}))
'''


def _new_event(payload: dict[str, Any], schemas: dict[str, Any]) -> tuple[str, str]:
    """An event type and a class name the spec does not have (derived from it, so never a real one)."""
    known = set(payload["discriminator"]["mapping"])
    n = 0
    while f"probe{n}.happened" in known or f"Probe{n}HappenedEvent" in schemas:
        n += 1
    return f"probe{n}.happened", f"Probe{n}HappenedEvent"


def test_a_new_event_type_is_importable_from_topo_ext_events(tmp_path: Path) -> None:
    spec = tmp_path / "spec"
    shutil.copytree(ROOT / "spec", spec)
    fragment = yaml.safe_load((spec / ACTIVITIES).read_text())
    schemas = fragment["components"]["schemas"]
    payload = schemas["ActivityPayload"]
    event_type, name = _new_event(payload, schemas)
    base = next(part for part in schemas[payload["oneOf"][0]["$ref"].rsplit("/", 1)[1]]["allOf"] if "$ref" in part)
    schemas[name] = {"description": f"`{event_type}`: a test event.", "x-topo-source": "inferred",
                     "x-topo-reason": "A test event type.",
                     "allOf": [base, {"type": "object", "required": ["type"],
                                      "properties": {"type": {"type": "string", "const": event_type}}}]}
    payload["oneOf"].append({"$ref": f"#/components/schemas/{name}"})
    payload["discriminator"]["mapping"][event_type] = f"#/components/schemas/{name}"
    (spec / ACTIVITIES).write_text(yaml.safe_dump(fragment, sort_keys=False))
    subprocess.run([sys.executable, str(ROOT / "generator" / "generate.py"), "--spec-dir", str(spec), "--target",
                    str(tmp_path / "topo_client")], check=True, capture_output=True, text=True)

    env = {**os.environ, "PYTHONPATH": str(tmp_path)}  # the generated package shadows the installed one
    done = subprocess.run([sys.executable, "-c", PROBE, name, event_type], capture_output=True, text=True, env=env,
                          cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"exported": True, "decoded": True, "registered": True, "person_id": "p1"}
