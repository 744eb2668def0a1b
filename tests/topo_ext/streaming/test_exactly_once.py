"""Exactly once across crashes: `topo activities export -o FILE --cursor-file C` and the README's transactional
SQLite example are killed with SIGKILL at least 20 times each (at random moments and at chosen points between
writing and committing), over a sandbox feed of 5,000 activities with shared timestamps and arrivals during the
runs, and resumed after each kill: the output holds every id exactly once. The runs live in
topo_tools/reliability/exactly_once.py (`make reliability` prints the same figures)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from topo_tools.reliability.exactly_once import README_POINTS, describe, export_series, readme_series
from topo_tools.sandbox import Sandbox

FEED = 5000
README = Path(__file__).resolve().parents[3] / "README.md"


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(seed=23, activities=FEED) as sb:
        times = [a["created_at"] for a in sb.state.activities.values()]
        assert len(times) - len(set(times)) > FEED // 20  # many activities share a created_at
        yield sb


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_cli_export_to_a_file_is_exactly_once_across_kills(sandbox: Sandbox, tmp_path: Path, fmt: str) -> None:
    before = len(sandbox.state.activities)
    outcome = export_series(sandbox, tmp_path, fmt, seed=23 if fmt == "jsonl" else 24)
    report = describe(outcome)
    assert outcome.problems == [], report
    assert outcome.kills.total() >= 20, report
    assert outcome.kills["hook:before-save"] >= 1 and outcome.kills["hook:after-save"] >= 1, report
    assert outcome.arrived > 0 and outcome.expected == before + outcome.arrived, report
    assert (outcome.missing, outcome.duplicated) == (0, 0), report
    assert set(outcome.ids) == set(sandbox.state.activities), report


def test_readme_sqlite_example_is_exactly_once_across_kills(sandbox: Sandbox, tmp_path: Path) -> None:
    before = len(sandbox.state.activities)
    outcome = readme_series(sandbox, tmp_path, README, seed=25)
    report = describe(outcome)
    assert outcome.problems == [], report
    assert outcome.kills.total() >= 20, report
    assert all(outcome.kills[f"hook:{point}"] >= 1 for point in README_POINTS), report
    assert outcome.arrived > 0 and outcome.expected == before + outcome.arrived, report
    assert (outcome.missing, outcome.duplicated) == (0, 0), report
    assert set(outcome.ids) == set(sandbox.state.activities), report
