"""A spec `$ref` that cannot be followed: `generator/generate.py` says so up front, one line per `$ref` naming it and
where it sits, and exits nonzero without a traceback; `ref_problems` (the shared toolkit) is what it asks."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]

TASK = "/components/schemas/Task/properties"
CASES: dict[str, tuple[dict[str, Any], list[str]]] = {  # schemas added to tasks.yaml -> the lines expected
    "missing": ({"Task/outcome": {"$ref": "#/components/schemas/NoSuchSchema"}},
                [f"generate: spec: $ref '#/components/schemas/NoSuchSchema' at {TASK}/outcome: no such target"]),
    "two-schema loop": (
        {"LoopA": {"$ref": "#/components/schemas/LoopB"}, "LoopB": {"$ref": "#/components/schemas/LoopA"},
         "Task/loop": {"$ref": "#/components/schemas/LoopA"}},
        ["generate: spec: $ref '#/components/schemas/LoopB' at /components/schemas/LoopA: $ref loop "
         "(/components/schemas/LoopA -> /components/schemas/LoopB -> /components/schemas/LoopA)"]),
    "self loop": ({"Task/loop": {"$ref": f"#{TASK}/loop"}},
                  [f"generate: spec: $ref '#{TASK}/loop' at {TASK}/loop: $ref loop ({TASK}/loop -> {TASK}/loop)"]),
    "another file, and a missing one": (
        {"Task/outcome": {"$ref": "other.yaml#/X"}, "Task/loop": {"$ref": "#/components/schemas/Gone"}},
        [f"generate: spec: $ref '#/components/schemas/Gone' at {TASK}/loop: no such target",
         f"generate: spec: $ref 'other.yaml#/X' at {TASK}/outcome: not a local reference (#/...): the spec is one "
         "bundled document, other files are not supported"]),
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_generate_names_each_bad_ref_without_a_traceback(tmp_path: Path, case: str) -> None:
    added, expected = CASES[case]
    spec_dir = tmp_path / "spec"
    shutil.copytree(ROOT / "spec", spec_dir)
    tasks = spec_dir / "resources" / "tasks.yaml"
    fragment = yaml.safe_load(tasks.read_text())
    schemas = fragment["components"]["schemas"]
    for name, schema in added.items():
        if name.startswith("Task/"):
            schemas["Task"]["properties"][name.removeprefix("Task/")] = schema
        else:
            schemas[name] = schema
    tasks.write_text(yaml.safe_dump(fragment, sort_keys=False))
    result = subprocess.run([sys.executable, str(ROOT / "generator" / "generate.py"), "--spec-dir", str(spec_dir),
                             "--check"], capture_output=True, text=True, timeout=300)
    assert result.returncode != 0
    assert result.stderr.splitlines() == expected, result.stderr


def test_ref_problems_accepts_what_is_not_a_bad_ref(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(ROOT / "generator"))
    from static._schema import ref_problems  # the generator's own copy, as generate.py imports it

    doc = {"components": {"schemas": {
        "Tree": {"type": "object", "properties": {  # recursive, and with a property named `$ref`
            "children": {"type": "array", "items": {"$ref": "#/components/schemas/Tree"}}, "$ref": {"type": "string"}}},
        "Alias": {"$ref": "#/components/schemas/Tree"},
        "Sample": {"type": "object", "example": {"$ref": "not/a/ref"}, "x-note": {"$ref": 5}},
    }}}
    assert ref_problems(doc) == []
    doc["components"]["schemas"]["Alias"] = {"$ref": 5}
    assert ref_problems(doc) == ["spec: $ref 5 at /components/schemas/Alias: must be a string, not int"]
