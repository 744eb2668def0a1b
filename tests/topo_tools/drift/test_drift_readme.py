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
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from topo_tools import api_diff
from topo_tools import drift as drift_tool

ROOT = Path(__file__).resolve().parents[3]
SECTION = (ROOT / "README.md").read_text().split("## When Topo changes", 1)[1].split("\n## ", 1)[0]


def drift(*argv: str | Path) -> tuple[int, set[str]]:
    done = subprocess.run([sys.executable, "-m", "topo_tools.drift", *map(str, argv), "--json", "--bundler",
                           str(ROOT / "generator" / "bundle.py")], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode in (0, 1), done.stderr
    return done.returncode, {f["key"] for f in json.loads(done.stdout)["findings"]}


@pytest.fixture(scope="module")
def committed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """spec/, generated/ and topo_ext/ as the last commit has them."""
    out = tmp_path_factory.mktemp("head")
    archive = subprocess.run(["git", "archive", "--format=tar", "HEAD", "spec", "generated", "topo_ext"], cwd=ROOT,
                             capture_output=True)
    if archive.returncode != 0:
        pytest.skip(f"not a git checkout with a commit: {archive.stderr.decode().strip()}")
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(out, filter="data")
    return out


@pytest.fixture(scope="module")
def committed_spec(committed: Path) -> Path:
    return committed / "spec"


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


@pytest.mark.slow
def test_api_diff_reports_what_the_readme_says(committed: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    """The walk on the committed tree (patch, apply, generate into a copy); api-diff names what the README names."""
    new = tmp_path / "new"
    shutil.copytree(committed / "spec", new / "spec")
    (new / "topo_ext").symlink_to(committed / "topo_ext")
    patch = tmp_path / "drift-patch.yaml"
    captures, bundler = str(ROOT / "examples" / "captures"), str(ROOT / "generator" / "bundle.py")
    assert drift_tool.main([captures, "--spec", str(committed / "spec"), "--bundler", bundler, "--patch", str(patch)]) == 1
    assert drift_tool.main(["--apply", str(patch), "--spec-dir", str(new / "spec")]) == 0
    subprocess.run([sys.executable, str(ROOT / "generator" / "generate.py"), "--spec-dir", str(new / "spec"),
                    "--target", str(new / "generated" / "topo_client")], check=True, capture_output=True, timeout=300)
    capsys.readouterr()
    code = api_diff.main(["--old-dir", str(committed), "--new-dir", str(new),
                          "--accepted", str(ROOT / "api-diff-accepted.yaml")])
    out = capsys.readouterr().out
    sentence = re.search(r"For the example above it reports (.*?), exit (\d)\.", SECTION, re.S)
    assert sentence, "README: the api-diff sentence for the example is missing"
    assert code == int(sentence.group(2)), out
    added = "\n".join(" ".join(line.split()) for line in out.splitlines()
                      if line.strip().startswith(("added", "changed")))
    named = [" ".join(name.split()) for name in re.findall(r"`([^`]+)`", sentence.group(1))]
    assert named and all(name in added for name in named), (named, out)
