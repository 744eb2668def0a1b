"""`python -m topo_tools.drift` given a spec with a `$ref` it cannot follow, or a hostile `--apply` patch file: one
error line naming the `$ref` (or the file) and where it is, exit 2, no traceback."""

from __future__ import annotations

import copy
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from topo_ext._spec import document
from topo_tools import drift

ROOT = Path(__file__).resolve().parents[3]
OUTCOME = "/components/schemas/Task/properties/outcome"


def _record(tmp_path: Path) -> str:
    path = tmp_path / "me.json"
    path.write_text(json.dumps({"method": "GET", "path": "/v1/me", "body": {}}))
    return str(path)


def _with_ref(ref: str) -> dict[str, Any]:
    doc = copy.deepcopy(document())
    doc["components"]["schemas"]["Task"]["properties"]["outcome"] = {"$ref": ref}
    return doc


BAD_REFS = {  # Task.outcome's $ref -> what the error says about it
    "missing target": ("#/components/schemas/NoSuchSchema", "no such target"),
    "another file": ("other.yaml#/X", "not a local reference (#/...): the spec is one bundled document, other files "
                                      "are not supported"),
    "self loop": ("#" + OUTCOME, "$ref loop"),
}


@pytest.mark.parametrize("case", list(BAD_REFS), ids=list(BAD_REFS))
def test_a_bundled_spec_with_a_bad_ref_is_one_error_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                         case: str) -> None:
    ref, message = BAD_REFS[case]
    spec = tmp_path / "openapi.json"
    spec.write_text(json.dumps(_with_ref(ref)))
    code = drift.main([_record(tmp_path), "--spec", str(spec)])  # a traceback would fail the test here
    out, err = capsys.readouterr()
    assert code == 2, out
    assert err.strip() == f"drift: --spec {spec}: spec: $ref {ref!r} at {OUTCOME}: {message}" + (
        f" ({OUTCOME} -> {OUTCOME})" if case == "self loop" else ""), err


def test_a_spec_directory_with_a_missing_ref_is_one_error_line(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    spec_dir = tmp_path / "spec"
    shutil.copytree(ROOT / "spec", spec_dir)
    tasks = spec_dir / "resources" / "tasks.yaml"
    fragment = yaml.safe_load(tasks.read_text())
    fragment["components"]["schemas"]["Task"]["properties"]["outcome"] = {"$ref": "#/components/schemas/NoSuch"}
    fragment["components"]["schemas"]["LoopA"] = {"$ref": "#/components/schemas/LoopB"}
    fragment["components"]["schemas"]["LoopB"] = {"$ref": "#/components/schemas/LoopA"}
    tasks.write_text(yaml.safe_dump(fragment, sort_keys=False))
    code = drift.main([_record(tmp_path), "--spec", str(spec_dir), "--bundler", str(ROOT / "generator" / "bundle.py")])
    _, err = capsys.readouterr()
    assert code == 2
    assert len(err.strip().splitlines()) == 1, err
    assert err.startswith(f"drift: --spec {spec_dir}: spec: $ref '#/components/schemas/LoopB' at "
                          "/components/schemas/LoopA: $ref loop") and err.strip().endswith("(and 1 more bad $ref(s))")


def test_the_shipped_spec_has_no_bad_ref(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = tmp_path / "openapi.json"
    spec.write_text(json.dumps(document()))
    assert drift.main([_record(tmp_path), "--spec", str(spec)]) in (0, 1), capsys.readouterr().err


HOSTILE_PATCHES = {
    "non-UTF-8": (b"\xff\xfe", "not UTF-8 text"),
    "nested 5000 deep": (("topo-drift-patch: 1\noperations:\n- op: add\n  path: /x\n  value: "
                          + "[" * 5000 + "]" * 5000 + "\n").encode(),
                         # PyYAML either gives up (RecursionError: it recurses per level) or, with more stack to
                         # spare, builds it and the patch check refuses it: one line either way
                         "(YAML nested too deeply to read|nested deeper than 64 levels)"),
    "not YAML": (b"operations: [\n", "not valid YAML"),
    "a value that contains itself": (b"topo-drift-patch: 1\noperations:\n- op: add\n  path: /components/schemas/Task"
                                     b"/properties/x\n  value: &a [*a]\n", "nested deeper than 64 levels"),
    "a billion laughs": (b"a: &a [x, x, x, x, x, x, x, x, x, x]\n"
                         + b"".join(b"%c: &%c [" % (c + 1, c + 1) + b", ".join([b"*%c" % c] * 10) + b"]\n"
                                    for c in range(ord("a"), ord("a") + 8))
                         + b"operations: [{op: add, path: /components/schemas/Task/properties/x, value: *i}]\n",
                         "larger than 1000000 values"),
}


@pytest.mark.parametrize("case", list(HOSTILE_PATCHES), ids=list(HOSTILE_PATCHES))
def test_a_hostile_patch_file_is_one_error_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                case: str) -> None:
    content, message = HOSTILE_PATCHES[case]
    patch = tmp_path / "patch.yaml"
    patch.write_bytes(content)
    spec_dir = tmp_path / "spec"
    shutil.copytree(ROOT / "spec", spec_dir)
    code = drift.main(["--apply", str(patch), "--spec-dir", str(spec_dir)])  # a traceback would fail the test here
    out, err = capsys.readouterr()
    assert code == 2, out
    assert len(err.strip().splitlines()) == 1, err
    assert re.match(re.escape(f"drift: --apply {patch}: ") + message, err), err
