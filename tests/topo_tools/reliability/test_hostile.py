"""The HOSTILE ANSWERS section of `make reliability` passes and prints its counts (it runs in-process: cheap)."""

from __future__ import annotations

import gzip

import pytest

from topo_tools.reliability import hostile


def test_every_probe_ends_as_documented_and_the_counts_are_printed(capsys: pytest.CaptureFixture[str]) -> None:
    assert hostile.hostile_report()
    out = capsys.readouterr().out
    total = len(hostile.PROBES)
    assert "HOSTILE ANSWERS" in out and "FAIL" not in out
    assert f"library sync {total}/{total}, async {total}/{total}, CLI {total}/{total}: PASS" in out


def test_the_bomb_is_a_valid_gzip_of_zeros() -> None:
    assert gzip.decompress(hostile.gzip_bomb(3)) == bytes(3 * 2**20)


def test_a_probe_that_escapes_as_a_foreign_exception_is_counted_as_a_failure() -> None:
    probe = hostile.Probe("x", lambda r: (_ for _ in ()).throw(KeyError("boom")), "me", hostile.exc.TopoError, "")
    assert not hostile._library_ok(probe, hostile._sync(probe))
    assert not hostile._cli_ok(probe)
