"""`make evolve`: the walk runs its steps in order, drafts the CHANGELOG entry once, and stops at the first failing
step saying what to do next. `make` itself is a stand-in here (the real walk runs in CI: `.ci/run`)."""

from __future__ import annotations

import json
import shutil
import sys
from datetime import date
from pathlib import Path

import pytest

from tests.specdata import instance, schema
from tests.unknowns import absent
from topo_tools import evolve

ROOT = Path(__file__).resolve().parents[2]
FIELD, REASON = absent("unlisted_field"), absent("UNLISTED_REASON")
KEYS = [f"Contact.{FIELD}", f'ExclusionReason="{REASON}"']
CHANGELOG = "# Changelog\n\n## [Unreleased]\n\n### Added\n\n- something earlier\n\n## [0.1.0]\n\n- old\n"
FAKE_MAKE = "import sys, pathlib\npathlib.Path(sys.argv[1]).open('a').write(sys.argv[3] + '\\n')\n" \
            "sys.exit(1 if sys.argv[3] == sys.argv[2] else 0)\n"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "spec", tmp_path / "spec")
    (tmp_path / "CHANGELOG.md").write_text(CHANGELOG)
    records = [{"operation": "get_contact", "body": {**instance(schema("Contact")), FIELD: "x"}},
               {"operation": "get_contact_exclusion", "body": {**instance(schema("ContactExclusion")), "reason": REASON}}]
    (tmp_path / "captures.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    (tmp_path / "make.py").write_text(FAKE_MAKE)
    return tmp_path


def walk(repo: Path, fail: str = "") -> int:
    make = f"{sys.executable} {repo / 'make.py'} {repo / 'made.txt'} {fail or '-'}"
    return evolve.main([str(repo / "captures.jsonl"), "--spec-dir", str(repo / "spec"), "--bundler",
                        str(ROOT / "generator" / "bundle.py"), "--changelog", str(repo / "CHANGELOG.md"),
                        "--patch", str(repo / "drift-patch.yaml"), "--make", make])


def test_the_whole_walk_patches_the_spec_and_drafts_the_changelog_once(repo: Path,
                                                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert walk(repo) == 0
    assert evolve.patch_entries(repo / "drift-patch.yaml") == KEYS
    assert FIELD in (repo / "spec" / "resources" / "contacts.yaml").read_text()
    assert (repo / "made.txt").read_text().split() == ["generate", "api-diff", "test"]
    text = (repo / "CHANGELOG.md").read_text()
    unreleased, released = text.split("## [0.1.0]")
    assert all(f"`{key}`" in unreleased for key in KEYS) and "- something earlier" in unreleased
    assert released == CHANGELOG.split("## [0.1.0]")[1]
    out = capsys.readouterr().out
    assert "evolve [7/7] test" in out and "evolve: done" in out
    assert evolve.draft_changelog(repo / "CHANGELOG.md", KEYS, "c", date.today()) == 0  # already drafted
    assert walk(repo) == 0 and "nothing to do" in capsys.readouterr().out  # the spec describes it now


@pytest.mark.parametrize(("fail", "number", "hint"), [
    ("generate", 3, "the generator failed"),
    ("api-diff", 5, "api-diff-accepted.yaml"),
    ("test", 7, "tests/unknowns.py"),
])
def test_it_stops_at_the_first_failing_step_saying_what_next(repo: Path, capsys: pytest.CaptureFixture[str],
                                                             fail: str, number: int, hint: str) -> None:
    assert walk(repo, fail) == 1
    err = capsys.readouterr().err
    assert f"step {number} ({fail}) failed: `" in err and hint in err
    assert f"{repo / 'make.py'} {repo / 'made.txt'} {fail} {fail}` exited with 1" in err  # the command that failed
    assert (repo / "made.txt").read_text().split()[-1] == fail  # nothing ran after it
    assert (f"`Contact.{FIELD}`" in (repo / "CHANGELOG.md").read_text()) == (number > 6)


def test_bad_input_stops_at_the_patch_step(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "captures.jsonl").write_text("{not json\n")
    assert walk(repo) == 1
    assert "step 1 (patch) failed" in capsys.readouterr().err
    assert not (repo / "made.txt").exists()


def test_a_missing_input_names_the_step_and_the_command(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = repo / "no-such-captures.jsonl"
    assert evolve.main([str(missing), "--spec-dir", str(repo / "spec"), "--bundler", str(ROOT / "generator" /
                        "bundle.py"), "--changelog", str(repo / "CHANGELOG.md"), "--make", "false"]) == 1
    failure = capsys.readouterr().err.strip().splitlines()[-1]
    assert failure.startswith("evolve: step 1 (patch) failed: `") and "step ''" not in failure
    assert "-m topo_tools.drift" in failure and str(missing) in failure and "exited with 2" in failure
