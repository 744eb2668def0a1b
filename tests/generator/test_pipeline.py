"""The regeneration pipeline: deterministic, minimal diffs, stale or hand-edited output detected, installable."""

from __future__ import annotations

import filecmp
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GENERATE = [sys.executable, str(ROOT / "generator" / "generate.py")]
COMMITTED = ROOT / "generated" / "topo_client"


def _generate(spec_dir: Path, target: Path) -> None:
    subprocess.run([*GENERATE, "--spec-dir", str(spec_dir), "--target", str(target)], check=True,
                   capture_output=True, text=True)


def _differing(a: Path, b: Path) -> set[str]:
    files_a = {p.relative_to(a) for p in a.rglob("*") if p.is_file()}
    files_b = {p.relative_to(b) for p in b.rglob("*") if p.is_file()}
    changed = {str(p) for p in files_a ^ files_b}
    changed |= {str(p) for p in files_a & files_b if not filecmp.cmp(a / p, b / p, shallow=False)}
    return changed


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("fresh") / "topo_client"
    _generate(ROOT / "spec", target)
    return target


def test_the_committed_output_is_what_the_spec_generates(fresh: Path) -> None:
    assert _differing(fresh, COMMITTED) == set()  # also: byte-identical to an earlier run (determinism)


def test_editing_one_field_changes_exactly_the_affected_files(tmp_path: Path, fresh: Path) -> None:
    spec = tmp_path / "spec"
    shutil.copytree(ROOT / "spec", spec)
    contacts = spec / "resources" / "contacts.yaml"
    text = contacts.read_text()
    marker = "        company_domain:\n"
    assert marker in text
    contacts.write_text(text.replace(marker, "        seniority:\n          type: [string, 'null']\n"
                                             "          description: Seniority level.\n" + marker, 1))
    target = tmp_path / "out" / "topo_client"
    _generate(spec, target)
    assert _differing(target, fresh) == {"responses.py", "openapi.json"}  # Contact is a response-only model
    assert "    seniority: str | None = None\n" in (target / "responses.py").read_text()


def test_check_generated_names_a_hand_edited_file(tmp_path: Path, fresh: Path) -> None:
    target = tmp_path / "topo_client"
    shutil.copytree(fresh, target)
    edited = target / "responses.py"
    edited.write_text(edited.read_text().replace("class Contact(TopoStruct):", "class Contact(TopoStruct):  # hand edit", 1))
    (target / "models" / "extra.py").write_text("# not from the generator\n")
    done = subprocess.run([*GENERATE, "--check", "--target", str(target)], capture_output=True, text=True)
    assert done.returncode == 1
    assert "stale or hand-edited: generated/topo_client/responses.py" in done.stderr
    assert "# hand edit" in done.stderr  # the diff shows the change
    assert "not produced by the generator: generated/topo_client/models/extra.py" in done.stderr


def test_the_wheel_installs_and_imports_outside_the_source_tree(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    "-w", str(wheels), str(ROOT)], check=True, capture_output=True)
    (wheel,) = wheels.glob("topo_client-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("topo_ext/__init__.py", "topo_ext/py.typed", "topo_client/py.typed", "topo_client/openapi.json",
                   "topo_client/events.py", "topo_ext/sandbox/__init__.py"):
        assert needed in names
    assert not any(n.startswith(("tests/", "generated/", "spec/")) for n in names)
    # Runtime only: the developer tooling (drift, demo) lives in topo_tools/, which the wheel leaves out.
    tools = [p.relative_to(ROOT).as_posix() for p in (ROOT / "topo_tools").rglob("*.py")]
    assert "topo_tools/drift/cli.py" in tools and "topo_tools/demo.py" in tools
    assert {n.split("/", 1)[0] for n in names if not n.split("/", 1)[0].endswith(".dist-info")} == {
        "topo_ext", "topo_client"}
    stems = {Path(t).stem for t in tools} - {"__init__", "__main__", "spec", "cli"}  # names the runtime uses too
    assert not [n for n in names if n.startswith("topo_ext/") and Path(n).stem in stems | {"drift", "demo"}]
    site = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(site), str(wheel)],
                   check=True, capture_output=True)
    probe = ("import topo_ext, topo_client; from topo_ext import Topo; "
             "print(topo_ext.__file__); print(topo_client.__file__); print(len(topo_ext._spec.operations()))")
    done = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, env={"PYTHONPATH": str(site)},
                          capture_output=True, text=True, check=True)
    ext_file, client_file, count = done.stdout.split()
    assert ext_file.startswith(str(site)) and client_file.startswith(str(site)) and int(count) > 40
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "topo = topo_ext.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()
