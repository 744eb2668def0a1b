"""The repository's shape, as the README "Layout" table promises it: hand-written modules stay small, tests mirror
the packages they test, and the table names every top-level folder. Only tracked files count (`git ls-files`): a
scratch folder, a drift patch or captures left in a checkout are not the repository's shape."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"
MAX_LINES = 400
#: The hand-written Python (generated/ is the generator's; tests and bench are not modules users import).
HAND_WRITTEN = ("topo_ext", "tools/topo_tools", "generator")
#: What each top-level test folder mirrors.
MIRRORS = {"topo_ext": ROOT / "topo_ext", "topo_tools": ROOT / "tools" / "topo_tools", "generator": ROOT / "generator",
           "spec": ROOT / "spec", "bench": ROOT / "bench"}
DATA_DIRS = {"fixtures", "cassettes", "__pycache__"}


def _tracked(*paths: str) -> list[Path]:
    out = subprocess.run(["git", "ls-files", "--cached", *paths], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout
    return [ROOT / line for line in out.splitlines() if (ROOT / line).exists()]


@pytest.mark.parametrize("package", HAND_WRITTEN)
def test_every_hand_written_module_has_at_most_400_lines(package: str) -> None:
    modules = [p for p in _tracked(package) if p.suffix == ".py"]
    assert modules, f"no modules found under {package}/"
    long = {str(p.relative_to(ROOT)): n for p in modules if (n := len(p.read_text().splitlines())) > MAX_LINES}
    assert not long, f"modules over {MAX_LINES} lines: {long}"


def _mirrors(test_dir: Path, package: Path) -> bool:
    """tests/<pkg>/<a>/<b> mirrors <pkg>/<a>/<b>: a sub-package, or a module `b.py` / `_b.py` in `<pkg>/<a>/`."""
    if package.is_dir():
        return True
    return any((package.parent / f"{prefix}{package.name}.py").is_file() for prefix in ("", "_"))


def test_tests_mirror_the_package_layout() -> None:
    files = [p.relative_to(TESTS) for p in _tracked("tests")]
    dirs = {parent for f in files for parent in f.parents if parent != Path(".")}
    top = {d.parts[0] for d in dirs if d.parts[0] not in DATA_DIRS}
    assert top <= set(MIRRORS), f"test folders that mirror no package: {sorted(top - set(MIRRORS))}"
    strays = []
    for test_dir in sorted(dirs):
        name, rel = test_dir.parts[0], Path(*test_dir.parts[1:])
        if name in DATA_DIRS or DATA_DIRS & set(rel.parts) or rel == Path("."):
            continue
        if not _mirrors(TESTS / test_dir, MIRRORS[name] / rel):
            strays.append(f"tests/{test_dir}")
    assert not strays, f"test folders with no module or package of that name: {strays}"
    loose = [f.name for f in files
             if len(f.parts) == 1 and f.name.startswith("test_") and f.name not in {Path(__file__).name, "test_imports.py"}]
    assert not loose, f"tests outside a mirrored folder: {loose}"


def _layout_rows() -> list[str]:
    text = (ROOT / "README.md").read_text()
    section = text.split("## Layout", 1)[1].split("\n## ", 1)[0]
    return [m.group(1) for m in re.finditer(r"^\| `([^`]+)` \|", section, re.M)]


def test_the_readme_layout_table_matches_the_tree() -> None:
    rows = _layout_rows()
    missing = [row for row in rows if not (ROOT / row).exists()]
    assert not missing, f"README Layout names paths that do not exist: {missing}"
    named = {row.strip("/").split("/")[0] for row in rows}
    folders = {p.relative_to(ROOT).parts[0] for p in _tracked(".") if len(p.relative_to(ROOT).parts) > 1}
    folders = {f for f in folders if not f.startswith(".")}
    assert folders <= named, f"top-level folders the README Layout does not describe: {sorted(folders - named)}"
