"""`python -m topo_tools.sandbox`: every numeric flag is bounded and checked at parse time, and a bad value is one
usage error (exit 2) naming the flag as typed, before any data is seeded or a port opened."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from topo_tools.sandbox import Settings
from topo_tools.sandbox import __main__ as cli


class Started(AssertionError):
    pass


@pytest.fixture(autouse=True)
def no_sandbox(monkeypatch: pytest.MonkeyPatch) -> None:
    """A bad flag must never reach the sandbox: seeding 10**11 activities or serving with infinite latency hangs."""
    def refuse(*args: object, **kwargs: object) -> None:
        raise Started(f"the sandbox was started with {kwargs}")
    monkeypatch.setattr(cli, "Sandbox", refuse)


@pytest.mark.parametrize(("argv", "flag", "said"), [
    (["--latency-ms", "inf"], "--latency-ms", "inf"),
    (["--latency-ms", "nan"], "--latency-ms", "nan"),
    (["--latency-ms", "-1"], "--latency-ms", "-1"),
    (["--latency-ms", "300001"], "--latency-ms", "300001"),
    (["--faults", "1", "--fault-kinds", "slow", "--slow-seconds", "inf"], "--slow-seconds", "inf"),
    (["--faults", "1", "--slow-seconds", "-1"], "--slow-seconds", "-1"),
    (["--slow-seconds", "301"], "--slow-seconds", "301"),
    (["--exit-after", "nan"], "--exit-after", "nan"),
    (["--exit-after", "inf"], "--exit-after", "inf"),
    (["--exit-after", "0"], "--exit-after", "0"),
    (["--exit-after", "-5"], "--exit-after", "-5"),
    (["--seed-activities", "99999999999"], "--seed-activities", "99999999999"),
    (["--seed-activities", "-1"], "--seed-activities", "-1"),
    (["--faults", "2"], "--faults", "2"),
    (["--faults", "nan"], "--faults", "nan"),
    (["--faults", "-0.1"], "--faults", "-0.1"),
    (["--rate-limit", "0"], "--rate-limit", "0"),
    (["--rate-limit", "inf"], "--rate-limit", "inf"),
    (["--rate-limit", "nan"], "--rate-limit", "nan"),
    (["--port", "70000"], "--port", "70000"),
    (["--port", "-1"], "--port", "-1"),
    (["--faults", "1", "--fault-kinds", "bogus"], "--fault-kinds", "bogus"),
    (["--fault-kinds", ","], "--fault-kinds", "choose from"),
])
def test_a_bad_flag_value_is_one_usage_error_naming_the_flag(argv: list[str], flag: str, said: str,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        cli.main([*argv, "--port", "0"] if "--port" not in argv else argv)
    assert exit_.value.code == 2
    error = capsys.readouterr().err.strip().splitlines()[-1]
    assert f"{flag}: " in error and said in error, error
    # The library's internal parameter names (rate, latency, slow_seconds, activities) are not what was typed.
    assert not any(f"error: {word}" in error for word in ("rate:", "latency:", "slow_seconds", "activities", "kinds:"))


def test_the_bounds_are_in_the_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "at most 1000000" in text and "0 to 300000" in text and "0 to 300" in text


def test_values_at_the_bounds_are_accepted(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, object] = {}

    def record(**kwargs: object) -> None:
        seen.update(kwargs)
        raise Started("recorded")
    monkeypatch.setattr(cli, "Sandbox", record)
    with pytest.raises(Started):
        cli.main(["--port", "65535", "--seed-activities", "1000000", "--latency-ms", "300000", "--faults", "1",
                  "--fault-kinds", "slow,500", "--slow-seconds", "300", "--rate-limit", "1000000",
                  "--exit-after", "0.01"])
    faults = seen["faults"]
    assert seen["activities"] == 1_000_000 and seen["latency"] == 300.0 and seen["rate_limit"] == 1e6
    assert getattr(faults, "kinds", None) == ("slow", "500") and getattr(faults, "slow_seconds", None) == 300.0


@pytest.mark.parametrize(("make", "name"), [
    (lambda: cli.FaultConfig(slow_seconds=float("inf")), "slow_seconds"),
    (lambda: cli.FaultConfig(slow_seconds=float("nan")), "slow_seconds"),
    (lambda: cli.FaultConfig(retry_after=float("inf")), "retry_after"),
    (lambda: cli.FaultConfig(slow_seconds=-1), "slow_seconds"),
    (lambda: Settings(latency=float("inf")), "latency"),
    (lambda: Settings(latency=float("nan")), "latency"),
])
def test_the_library_refuses_waits_that_never_end(make: Callable[[], object], name: str) -> None:
    with pytest.raises(ValueError, match=f"^{name}: must be a finite number of seconds"):
        make()
