"""`topo activities export` at its edges: --part and --until against the library's own partition, the progress
total, CSV columns and the data column, --format and --csv-formulas, the default poll interval, and the cursor file's
commits (batches by rows and by time, resumed runs, folders and temp files, filesystems that cannot fsync a folder)."""

from __future__ import annotations

import csv
import errno
import inspect
import io
import json
import os
import stat
import tempfile
import types
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import BASE_URL, TEST_KEY
from tests.topo_ext.cli.conftest import T0, TTY, FakeTopo, activity, iso
from tests.topo_ext.cli.test_cli_export import ALL_IDS, SINCE, file_argv, ids_in, ids_of_jsonl
from tests.unknowns import EXTRA_FIELD, EXTRA_VALUE
from topo_ext import FileCursorStore, Topo
from topo_ext._partition import check as check_partition
from topo_ext.cli import _activities
from topo_ext.cli._activities import part_spec
from topo_ext.cli._output import formula_safe
from topo_ext.resources.activities import Activities

UNTIL = iso(T0 + timedelta(hours=1))  # after every activity of the fake


def library(fake: FakeTopo) -> Topo:
    return Topo(api_key=TEST_KEY, base_url=BASE_URL, log_drift=False,
                http_client=httpx.Client(transport=httpx.MockTransport(fake)))


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


# --- --part and --until ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("filters", [(), ("--event-type", "replied")])
def test_each_part_is_the_library_s_part_and_together_every_activity_once(run, fake: FakeTopo, tmp_path: Path,
                                                                          filters: tuple[str, ...]) -> None:
    for item in fake.activities[:12]:  # the filtered activities all sit early: their parts differ from the unfiltered
        item["payload"]["type"] = "message.replied"
    since, until = T0 - timedelta(days=1), T0 + timedelta(hours=1)
    late = [activity(100 + n, until + timedelta(minutes=n), type="message.replied") for n in range(5)]
    fake.activities += late  # at and after --until: in no part
    api_filters = {"event_type": filters[1].upper()} if filters else {}
    parts = library(fake).activities.partition(since=since, until=until, parts=3, **api_filters)
    exported: list[str] = []
    for i, part in enumerate(parts, 1):
        out = tmp_path / f"part{i}.jsonl"
        result = run("activities", "export", "--since", iso(since), "--until", iso(until), "--part", f"{i}/3",
                     *filters, "-o", str(out), "--cursor-file", str(tmp_path / f"part{i}.cursor"))
        assert result.code == 0, result.err
        expected = [a.id for a in library(fake).activities.list(**part.filters(), **api_filters)]
        assert ids_of_jsonl(out.read_text()) == expected
        exported += expected
    everything = [a.id for a in library(fake).activities.list(created_at_before=until, **api_filters)]
    assert sorted(exported) == sorted(everything) and len(exported) == len(set(exported))
    assert not {a["id"] for a in late} & set(exported)


def test_until_alone_stops_before_it(run, fake: FakeTopo) -> None:
    until = T0 + timedelta(seconds=3)  # exclusive: activities created at exactly this instant are not exported
    result = run("activities", "export", *SINCE, "--until", iso(until))
    assert result.code == 0, result.err
    expected = [a["id"] for a in fake.activities if a["created_at"] < iso(until)]
    assert ids_of_jsonl(result.out) == expected and 0 < len(expected) < len(fake.activities)


@pytest.mark.parametrize("n", [1, 2, 999, 1000, 1001])
def test_part_accepts_the_part_counts_the_library_accepts(n: int) -> None:
    try:
        check_partition(T0, T0 + timedelta(seconds=1), n)
        library_accepts = True
    except ValueError:
        library_accepts = False
    for text in (f"1/{n}", f"{n}/{n}"):  # the first and the last part
        try:
            cli_accepts = part_spec(text) == (int(text.split("/")[0]), n)
        except Exception:  # argparse.ArgumentTypeError
            cli_accepts = False
        assert cli_accepts == library_accepts, text


# --- the progress total ----------------------------------------------------------------------------------------


def test_the_progress_total_is_the_limit_when_fewer_are_wanted(run) -> None:
    result = run("activities", "export", *SINCE, "--limit", "7", stderr=TTY())
    assert result.code == 0 and "7/7 (100%)" in result.err


def test_the_progress_total_of_a_resumed_export_counts_after_its_cursor(run, fake: FakeTopo, tmp_path: Path) -> None:
    cursor = tmp_path / "cursor.json"
    assert run("activities", "export", *SINCE, "--cursor-file", str(cursor), "--limit", "10").code == 0
    resumed = FileCursorStore(cursor).load()
    assert resumed is not None and resumed.created_at is not None
    fake.requests.clear()
    assert run("activities", "export", "--cursor-file", str(cursor), stderr=TTY()).code == 0
    (count,) = [r for r in fake.requests if r.url.params.get("size") == "1"]
    assert datetime.fromisoformat(count.url.params["created_at_after"]) == resumed.created_at


# --- formats and columns ---------------------------------------------------------------------------------------


def test_a_format_outside_the_choices_is_a_usage_error(run, fake: FakeTopo) -> None:
    result = run("activities", "export", "--format", "xml")
    assert result.code == 2 and "--format" in result.err and fake.requests == []


def test_csv_formulas_writes_formula_like_cells_verbatim(run, fake: FakeTopo) -> None:
    formula = "@SUM(A1:A9)"
    assert formula_safe(formula) != formula  # a cell the CSV export escapes by default
    fake.activities[0]["id"] = formula
    escaped = csv_rows(run("activities", "export", *SINCE, "--format", "csv").out)
    verbatim = csv_rows(run("activities", "export", *SINCE, "--format", "csv", "--csv-formulas").out)
    assert formula_safe(formula) in [r["id"] for r in escaped] and formula not in [r["id"] for r in escaped]
    assert formula in [r["id"] for r in verbatim]


def test_csv_created_at_and_data_columns(run, fake: FakeTopo) -> None:
    fake.activities[0][EXTRA_FIELD] = EXTRA_VALUE  # a field the API added to the activity itself
    del fake.activities[1]["payload"]  # an activity without a payload
    as_json = {row["id"]: row for row in map(json.loads, run("activities", "export", *SINCE).lines)}
    rows = {row["id"]: row for row in csv_rows(run("activities", "export", *SINCE, "--format", "csv").out)}
    assert list(rows) == list(as_json) == ALL_IDS
    assert all(rows[i]["created_at"] == as_json[i]["created_at"] for i in ALL_IDS)
    assert as_json[ALL_IDS[0]][EXTRA_FIELD] == EXTRA_VALUE
    assert json.loads(rows[ALL_IDS[0]]["data"])["activity_extra"] == {EXTRA_FIELD: EXTRA_VALUE}
    assert all("activity_extra" not in json.loads(rows[i]["data"]) for i in ALL_IDS[2:])
    assert rows[ALL_IDS[1]]["data"] == "" and rows[ALL_IDS[1]]["type"] == ""


def test_follow_polls_at_the_library_s_default_interval(run, fake: FakeTopo, monkeypatch) -> None:
    default = inspect.signature(Activities.stream).parameters["interval"].default
    polls: list[float] = []

    def sleep(seconds: float) -> None:
        polls.append(seconds)
        fake.activities.append({**fake.activities[0], "id": f"act_new_{len(polls)}",
                                "created_at": iso(T0 + timedelta(minutes=len(polls)))})

    monkeypatch.setattr("topo_ext.streaming.time.sleep", sleep)
    assert run("activities", "export", *SINCE, "--follow", "--limit", "27").code == 0
    assert polls == [default, default]


# --- commits of a file export ----------------------------------------------------------------------------------


def spy_commits(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    saved: list[int] = []
    replace = _activities._replace_atomically

    def spy(path: Path, text: str) -> None:
        saved.append(json.loads(text)["output"]["bytes"])
        replace(path, text)

    monkeypatch.setattr(_activities, "_replace_atomically", spy)
    return saved


def row_ends(path: Path) -> list[int]:
    ends = [0]
    for line in path.read_bytes().splitlines(keepends=True):
        ends.append(ends[-1] + len(line))
    return ends


def test_a_resumed_run_commits_every_commit_rows_rows_of_its_own(run, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(_activities, "COMMIT_ROWS", 3)
    monkeypatch.setattr(_activities, "COMMIT_SECONDS", 3600.0)
    out, cursor = tmp_path / "export.jsonl", tmp_path / "cursor.json"
    assert run(*file_argv(out, cursor), "--limit", "4").code == 0
    saved = spy_commits(monkeypatch)
    assert run(*file_argv(out, cursor)).code == 0
    ends = row_ends(out)
    assert saved == [*ends[4 + 3::3], ends[-1]]  # every third row after the 4 of the first run, then the end


def test_rows_are_committed_once_commit_seconds_have_passed(run, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(_activities, "COMMIT_ROWS", 10**9)
    now = [0.0]
    monkeypatch.setattr(_activities, "time", types.SimpleNamespace(monotonic=lambda: now[0]))
    render = _activities.activity_row

    def slow_row(activity: Any) -> dict[str, Any]:
        now[0] += _activities.COMMIT_SECONDS  # each row takes exactly COMMIT_SECONDS
        return render(activity)

    monkeypatch.setattr(_activities, "activity_row", slow_row)
    saved = spy_commits(monkeypatch)
    out, cursor = tmp_path / "export.jsonl", tmp_path / "cursor.json"
    assert run(*file_argv(out, cursor)).code == 0
    ends = row_ends(out)
    assert saved == [0, *ends[1:], ends[-1]]  # the start, after every row, then the end


def test_a_csv_export_that_finds_nothing_commits_its_header(run, tmp_path: Path) -> None:
    out, cursor = tmp_path / "export.csv", tmp_path / "cursor.json"
    argv = ("activities", "export", "--since", UNTIL, "--format", "csv", "-o", str(out), "--cursor-file", str(cursor))
    assert run(*argv).code == 0
    header = out.read_bytes()
    assert header and json.loads(cursor.read_text())["output"]["bytes"] == len(header)
    again = run(*argv)
    assert again.code == 0 and "dropping" not in again.err and out.read_bytes() == header


def test_a_stdout_cursor_resumes_into_a_new_file(run, tmp_path: Path) -> None:
    out, cursor = tmp_path / "export.jsonl", tmp_path / "cursor.json"
    first = run("activities", "export", *SINCE, "--cursor-file", str(cursor), "--limit", "4")
    assert not out.exists()
    result = run(*file_argv(out, cursor))
    assert result.code == 0, result.err
    assert ids_of_jsonl(first.out) + ids_of_jsonl(out.read_text()) == ALL_IDS


def test_the_cursor_file_may_go_into_folders_not_made_yet(run, tmp_path: Path) -> None:
    out, cursor = tmp_path / "export.jsonl", tmp_path / "state" / "exports" / "cursor.json"
    assert run(*file_argv(out, cursor), "--limit", "5").code == 0
    assert run(*file_argv(out, cursor)).code == 0
    assert ids_in(out.read_text(), "jsonl") == ALL_IDS


def test_the_cursor_file_is_replaced_from_beside_it_not_from_the_temp_dir(run, tmp_path: Path, monkeypatch) -> None:
    # os.replace is atomic only within one filesystem: the temporary file must not go to the system temp dir.
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "no-such-temp-dir"))
    out, cursor = tmp_path / "export.jsonl", tmp_path / "cursor.json"
    result = run(*file_argv(out, cursor), "--limit", "5")
    assert result.code == 0, result.err
    assert json.loads(cursor.read_text())["output"]["bytes"] == out.stat().st_size


def test_a_replace_that_fails_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "cursor.json"
    target.mkdir()
    (target / "keep").write_text("")  # a folder in the way: os.replace fails
    with pytest.raises(OSError):  # whichever OSError the platform gives
        _activities._replace_atomically(target, "{}")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cursor.json"]


def test_a_filesystem_that_cannot_fsync_a_folder_still_gets_the_cursor(tmp_path: Path, monkeypatch) -> None:
    real = os.fsync

    def fsync(fd: int) -> None:
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "Invalid argument")
        real(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    _activities._replace_atomically(tmp_path / "cursor.json", '{"a": 1}')
    assert json.loads((tmp_path / "cursor.json").read_text()) == {"a": 1}
