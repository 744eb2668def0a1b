"""The reliability run's own logic: resume arithmetic, accounting, and exports that resume without loss."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from topo_ext import Topo
from topo_tools.reliability.exactly_once import readme_example
from topo_tools.reliability.run import (
    Export,
    export_list,
    export_stream,
    lost_and_duplicated,
    main,
    resume_point,
    retry_attempts,
    storm_limit,
)
from topo_tools.sandbox import FaultConfig, Sandbox


def test_resume_point() -> None:
    assert resume_point(0, 100) == (1, 0)
    assert resume_point(200, 100) == (3, 0)
    assert resume_point(250, 100) == (3, 50)


def test_accounting() -> None:
    assert lost_and_duplicated({"a", "b", "c"}, ["a", "b", "b", "a"]) == (1, 2)
    assert storm_limit(100, 40) == 190
    assert retry_attempts("500", "GET", 2) == 3
    assert retry_attempts("429", "POST", 2) == 3
    assert retry_attempts("reset", "POST", 2) == 1


@pytest.fixture(scope="module")
def flaky() -> Iterator[Sandbox]:
    with Sandbox(seed=2, activities=1000) as sb:
        yield sb


@pytest.mark.parametrize("exporter", [export_stream, export_list])
def test_exports_resume_without_loss_or_repeats(flaky: Sandbox, exporter: Callable[[Topo], Export]) -> None:
    # No retries (so no backoff sleeps): every fault forces a resume. "slow" is left out to keep the test fast.
    flaky.faults = FaultConfig(rate=0.5, seed=5, kinds=("429", "500", "502", "503", "reset", "truncated", "html"))
    try:
        with Topo(api_key=flaky.api_key, base_url=flaky.base_url, max_retries=0, log_drift=False) as client:
            result = exporter(client)
    finally:
        flaky.faults = None
    assert result.resumes.total() > 0
    assert lost_and_duplicated(set(flaky.state.activities), result.ids) == (0, 0)


def test_the_exactly_once_section_runs_the_readme_it_is_given(tmp_path: Path) -> None:
    readme = Path(__file__).resolve().parents[3] / "README.md"
    code = readme_example(readme)
    assert "DBAPICursorStore(db)" in code and "stream.commit()" in code  # the transactional example, as written
    other = tmp_path / "README.md"
    other.write_text("# no example here\n")
    with pytest.raises(AssertionError, match=str(other)):
        readme_example(other)
    with pytest.raises(SystemExit):  # argparse: --readme is required, never found beside the module
        main(["--activities", "10"])


def test_the_run_writes_its_duration_into_the_readme(tmp_path: Path) -> None:
    from topo_tools.reliability.run import LATEST, record_latest

    readme = Path(__file__).resolve().parents[3] / "README.md"
    assert LATEST.search(readme.read_text()), "README: the make reliability duration is not between the markers"
    copy = tmp_path / "README.md"
    copy.write_text("takes <!-- reliability-latest -->~90 s<!-- /reliability-latest -->, then more\n")
    record_latest(copy, 330.0, passed=True)
    text = copy.read_text()
    assert "~90 s" not in text and ": 5.5 min on " in text and "PASS<!-- /reliability-latest -->, then more" in text
