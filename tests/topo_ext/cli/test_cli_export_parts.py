"""`topo activities export --part I/N`: N workers each export one part; together every activity exactly once."""

from __future__ import annotations

import io
import json
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from topo_ext import Topo
from topo_ext.cli import main
from topo_tools.sandbox import Sandbox

SINCE = "2000-01-01T00:00:00Z"


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(seed=11, activities=900) as sb:
        yield sb


@pytest.fixture
def topo(sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch) -> Callable[..., tuple[int, str]]:
    monkeypatch.setenv("TOPO_API_KEY", sandbox.api_key)
    monkeypatch.setenv("TOPO_BASE_URL", sandbox.base_url)

    def invoke(*argv: str) -> tuple[int, str]:
        err = io.StringIO()
        code = main(list(argv), stdout=io.StringIO(), stderr=err)
        return code, err.getvalue()

    return invoke


def test_four_parts_hold_every_activity_exactly_once(topo, sandbox: Sandbox, tmp_path: Path) -> None:
    until = (datetime.now(UTC) + timedelta(seconds=5)).isoformat()
    seen: Counter[str] = Counter()
    for i in range(1, 5):
        out = tmp_path / f"part{i}.jsonl"
        code, err = topo("activities", "export", "--since", SINCE, "--until", until, "--part", f"{i}/4",
                         "-o", str(out), "--cursor-file", str(tmp_path / f"part{i}.cursor"))
        assert code == 0, err
        assert f"part {i}/4" in err
        ids = [json.loads(line)["id"] for line in out.read_text().splitlines()]
        assert 900 / 4 * 0.8 <= len(ids) <= 900 / 4 * 1.2  # about equal parts
        seen.update(ids)
    everything = [str(a.id) for a in Topo(api_key=sandbox.api_key, base_url=sandbox.base_url).activities.list()]
    assert sorted(seen) == sorted(everything) and set(seen.values()) == {1}


@pytest.mark.parametrize(("argv", "fragment"), [
    (["--part", "2/4", "--until", "2030-01-01T00:00:00Z"], "--part only applies with --since"),
    (["--part", "2/4", "--since", SINCE], "--part only applies with --until"),
    (["--part", "5/4", "--since", SINCE, "--until", "2030-01-01T00:00:00Z"], "1 <= I <= N"),
    (["--part", "two", "--since", SINCE, "--until", "2030-01-01T00:00:00Z"], "expected I/N"),
    (["--part", "1/2", "--since", SINCE, "--until", "2030-01-01T00:00:00Z", "--follow"], "--follow"),
])
def test_bad_part_arguments_are_usage_errors(topo, argv: list[str], fragment: str) -> None:
    code, err = topo("activities", "export", *argv)
    assert code == 2 and fragment in err
