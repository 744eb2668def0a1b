"""The regeneration pipeline: deterministic, minimal diffs, stale or hand-edited output detected, installable."""

from __future__ import annotations

import ast
import filecmp
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GENERATE = [sys.executable, str(ROOT / "generator" / "generate.py")]
COMMITTED = ROOT / "generated" / "topo_client"


def _generate(spec_dir: Path, target: Path) -> None:
    subprocess.run([*GENERATE, "--spec-dir", str(spec_dir), "--target", str(target)], check=True,
                   capture_output=True, text=True)


def _files(root: Path) -> set[Path]:
    """The generator's files under `root`: not the bytecode Python writes beside them (git ignores it too)."""
    return {p.relative_to(root) for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts}


def _differing(a: Path, b: Path) -> set[str]:
    files_a, files_b = _files(a), _files(b)
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


@pytest.fixture(scope="module")
def wheels(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Both distributions built offline the way a release would be: topo-client (the root) and topo-tools (tools/)."""
    out = tmp_path_factory.mktemp("wheels")
    for project in (ROOT, ROOT / "tools"):
        subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                        "-w", str(out), str(project)], check=True, capture_output=True)
    (runtime,) = out.glob("topo_client-*.whl")
    (tools,) = out.glob("topo_tools-*.whl")
    return {"runtime": runtime, "tools": tools}


def _sources(package: Path) -> set[str]:
    """The package's modules as wheel paths (`topo_ext/_client.py`), from the source tree."""
    return {f"{package.name}/{p.relative_to(package).as_posix()}" for p in package.rglob("*.py")}


def _dist_file(wheel: Path, name: str) -> str:
    archive = zipfile.ZipFile(wheel)
    return archive.read(next(n for n in archive.namelist() if n.endswith(".dist-info/" + name))).decode()


def _python(site: Path, code: str) -> str:
    """Run `code` with `site` first on the path (the source checkout's editable installs come after it)."""
    return subprocess.run([sys.executable, "-c", code], cwd=site.parent, env={"PYTHONPATH": str(site)},
                          capture_output=True, text=True, check=True).stdout


# What the tools distribution holds, and what the runtime one must not: the developer tooling of issue 17.
TOOLS = {"sandbox": "topo_tools/sandbox/__main__.py", "testing": "topo_tools/testing/plugin.py",
         "drift": "topo_tools/drift/cli.py", "demo": "topo_tools/demo.py", "api_diff": "topo_tools/api_diff.py",
         "contract": "topo_tools/contract.py", "reliability": "topo_tools/reliability/__main__.py"}


def test_the_runtime_wheel_holds_only_what_services_import(wheels: dict[str, Path]) -> None:
    names = set(zipfile.ZipFile(wheels["runtime"]).namelist())
    modules = {n for n in names if n.endswith(".py")}
    assert modules == _sources(ROOT / "topo_ext") | _sources(ROOT / "generated" / "topo_client")
    for needed in ("topo_ext/py.typed", "topo_client/py.typed", "topo_client/openapi.json"):
        assert needed in names
    assert {n.split("/", 1)[0] for n in names if ".dist-info/" not in n} == {"topo_ext", "topo_client"}
    parts = {part.removesuffix(".py") for n in modules for part in n.split("/")}
    assert parts.isdisjoint(TOOLS), parts & set(TOOLS)  # no sandbox/, testing/, drift/, demo.py, ... in the runtime
    archive = zipfile.ZipFile(wheels["runtime"])
    imported = {alias.name.split(".")[0] for n in modules for node in ast.walk(ast.parse(archive.read(n)))
                if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module.split(".")[0] for n in modules for node in ast.walk(ast.parse(archive.read(n)))
                 if isinstance(node, ast.ImportFrom) and node.module and not node.level}
    assert "topo_tools" not in imported and {"topo_client", "httpx"} <= imported  # tools -> runtime, never back
    metadata = _dist_file(wheels["runtime"], "METADATA")
    assert "Provides-Extra: sandbox" not in metadata and "Provides-Extra: testing" not in metadata
    assert "pytest11" not in _dist_file(wheels["runtime"], "entry_points.txt")


def test_the_tools_wheel_holds_the_tooling_and_the_pytest_plugin(wheels: dict[str, Path]) -> None:
    names = set(zipfile.ZipFile(wheels["tools"]).namelist())
    modules = {n for n in names if n.endswith(".py")}
    assert modules == _sources(ROOT / "tools" / "topo_tools")
    assert set(TOOLS.values()) <= modules
    entry_points = _dist_file(wheels["tools"], "entry_points.txt")
    assert "[pytest11]\ntopo = topo_tools.testing.plugin" in entry_points
    metadata = _dist_file(wheels["tools"], "METADATA")
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    assert f"Requires-Dist: topo-client=={version}" in metadata  # the tools read the runtime's private modules
    assert "Provides-Extra: testing" in metadata and "Provides-Extra: sandbox" in metadata


def test_both_wheels_install_and_import_outside_the_source_tree(tmp_path: Path, wheels: dict[str, Path]) -> None:
    site = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(site),
                    str(wheels["runtime"])], check=True, capture_output=True)
    probe = ("import importlib.util, topo_ext, topo_client; from topo_ext import Topo; "
             "print(topo_ext.__file__); print(topo_client.__file__); print(len(topo_ext._spec.operations())); "
             "print(importlib.util.find_spec('topo_ext.sandbox'), importlib.util.find_spec('topo_ext.testing'))")
    ext_file, client_file, count, *missing = _python(site, probe).split()
    assert ext_file.startswith(str(site)) and client_file.startswith(str(site)) and int(count) > 40
    assert missing == ["None", "None"]  # the runtime alone has no sandbox or testing kit
    assert "topo = topo_ext.cli:main" in _dist_file(wheels["runtime"], "entry_points.txt")
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(site),
                    str(wheels["tools"])], check=True, capture_output=True)
    probe = ("import importlib.metadata as m, topo_tools.sandbox, topo_tools.testing.plugin; "
             "print(topo_tools.sandbox.__file__); "
             "print([e.value for e in m.distribution('topo-tools').entry_points if e.group == 'pytest11'])")
    sandbox_file, plugins = _python(site, probe).split(maxsplit=1)
    assert sandbox_file.startswith(str(site)) and plugins.strip() == "['topo_tools.testing.plugin']"
