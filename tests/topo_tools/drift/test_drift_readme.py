"""The README's "When Topo changes" outputs are what the tools print: `make drift` on the recorded cassettes is
clean, on `examples/captures` it finds the keys the README's `client.drift.keys()` shows (the client names keys the
same way: test_drift_nested.py), as many as the README says.

The walk starts from the last commit (the README says to try it on a branch), so the captures are checked against
the spec of `HEAD`: after `make evolve` in a working tree (CI's temporary copy) the README still describes the walk
from the commit. Once a commit's spec describes everything in the captures, this fails: record new captures for the
walkthrough and let this test tell you the README lines to change.
"""

from __future__ import annotations

import ast
import io
import json
import re
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
SECTION = (ROOT / "README.md").read_text().split("## When Topo changes", 1)[1].split("\n## ", 1)[0]


def drift(*argv: str | Path) -> tuple[int, set[str]]:
    done = subprocess.run([sys.executable, "-m", "topo_tools.drift", *map(str, argv), "--json", "--bundler",
                           str(ROOT / "generator" / "bundle.py")], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode in (0, 1), done.stderr
    return done.returncode, {f["key"] for f in json.loads(done.stdout)["findings"]}


@pytest.fixture(scope="module")
def committed_spec(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """spec/ as the last commit has it."""
    out = tmp_path_factory.mktemp("head")
    archive = subprocess.run(["git", "archive", "--format=tar", "HEAD", "spec"], cwd=ROOT, capture_output=True)
    if archive.returncode != 0:
        pytest.skip(f"not a git checkout with a commit: {archive.stderr.decode().strip()}")
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(out, filter="data")
    return out / "spec"


def test_the_captures_hold_what_the_readme_shows(committed_spec: Path) -> None:
    code, keys = drift(ROOT / "examples" / "captures", "--spec", committed_spec)
    shown = re.search(r">>> client\.drift\.keys\(\)\n(.*?)\n>>>", SECTION, re.S)
    assert shown, "README: the client.drift.keys() example is missing"
    assert code == 1 and keys == ast.literal_eval(shown.group(1)), (
        f"README 'When Topo changes' should show client.drift.keys() == {sorted(keys)}")
    said = re.search(r"make drift DRIFT_INPUT=examples/captures +# finds (\d+)", SECTION)
    assert said and int(said.group(1)) == len(keys), f"README should say `# finds {len(keys)}`"


def test_the_recorded_cassettes_are_clean_as_the_readme_says() -> None:
    assert re.search(r"^make drift +# the recorded cassettes: clean, exit 0$", SECTION, re.M)
    assert drift(ROOT / "tests" / "cassettes") == (0, set())
