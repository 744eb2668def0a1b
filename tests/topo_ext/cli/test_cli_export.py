"""`topo activities export`: formats, filters, resumability (limit, API failure, write failure), progress, follow."""

from __future__ import annotations

import csv
import errno
import io
import json
from datetime import timedelta
from pathlib import Path

import pytest

from tests.topo_ext.cli.conftest import T0, TTY, FakeTopo, activity, error
from topo_ext.cli import _activities

ALL_IDS = [f"act_{n:03d}" for n in range(25)]
SINCE = ("--since", "2025-01-01T00:00:00Z")


def ids_of_jsonl(text: str) -> list[str]:
    return [json.loads(line)["id"] for line in text.splitlines()]


def test_jsonl_exports_every_activity_oldest_first_keeping_unknown_data(run) -> None:
    result = run("activities", "export", *SINCE)
    assert result.code == 0, result.err
    rows = [json.loads(line) for line in result.lines]
    assert [r["id"] for r in rows] == ALL_IDS
    assert list(rows[0]) == ["id", "created_at", "payload"]
    assert rows[0]["created_at"] == "2025-03-01T12:00:00Z"
    assert rows[0]["payload"]["type"] == "message.sent" and rows[0]["payload"]["message_id"] == "msg_0"
    # Unknown nested field, unknown event type and unknown payload field are all kept.
    assert rows[4]["payload"]["metadata"] == {"reply_category": "INTERESTED", "sentiment": "warm"}
    assert rows[7]["payload"] == {"type": "meeting.rescheduled", "person_id": "0190a000-0000-7000-8000-0000000000aa",
                                  "calendar_event_id": "cal_9", "new_time": "2025-03-09T10:00:00Z"}
    assert rows[9]["payload"]["shiny_new_field"] == {"a": 1}
    assert "topo: warning: Topo sent something this client does not know" in result.err


def test_csv_columns_and_data_column(run) -> None:
    result = run("activities", "export", *SINCE, "--format", "csv")
    assert result.code == 0, result.err
    rows = list(csv.DictReader(io.StringIO(result.out)))
    assert list(rows[0]) == ["id", "created_at", "type", "person_id", "sequence_id", "channel", "resource_type", "data"]
    assert [r["id"] for r in rows] == ALL_IDS
    first = rows[0]
    assert (first["type"], first["channel"], first["resource_type"]) == ("message.sent", "EMAIL", "MESSAGE")
    assert json.loads(first["data"])["message_id"] == "msg_0"
    assert json.loads(rows[4]["data"])["metadata"]["sentiment"] == "warm"
    assert rows[7]["type"] == "meeting.rescheduled" and json.loads(rows[7]["data"])["new_time"].startswith("2025")


def test_filters_and_since_are_sent(run, fake: FakeTopo) -> None:
    result = run("activities", "export", "--since", "2025-03-01T12:00:03+00:00", "--event-type", "replied",
                 "--channel", "email", "--person-id", "0190A000-0000-7000-8000-0000000000AA")
    assert result.code == 0, result.err
    params = fake.requests[0].url.params
    assert params["event_type"] == "REPLIED" and params["channel"] == "EMAIL"
    assert params["person_id"] == "0190a000-0000-7000-8000-0000000000aa"
    assert params["created_at_after"].startswith("2025-03-01T12:00:03")
    assert params["sort_order"] == "asc"


def test_output_file_without_cursor_is_overwritten(run, tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("old line\n")
    result = run("activities", "export", *SINCE, "--output", str(target))
    assert result.code == 0 and result.out == ""
    assert ids_of_jsonl(target.read_text()) == ALL_IDS


@pytest.mark.parametrize("page_cap", [100, 4])
@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_resume_with_limit_gives_every_id_exactly_once(run, fake: FakeTopo, tmp_path: Path, fmt: str,
                                                       page_cap: int) -> None:
    fake.page_cap = page_cap
    out, cursor = tmp_path / f"export.{fmt}", tmp_path / "cursor.json"
    argv = ("activities", "export", *SINCE, "--format", fmt, "--output", str(out), "--cursor-file", str(cursor))
    first = run(*argv, "--limit", "10")
    assert first.code == 0, first.err
    assert cursor.exists()
    # Limits of 4 end inside groups of activities sharing one created_at.
    for _ in range(3):
        assert run(*argv, "--limit", "4").code == 0
    assert run(*argv).code == 0
    text = out.read_text()
    ids = ids_of_jsonl(text) if fmt == "jsonl" else [r["id"] for r in csv.DictReader(io.StringIO(text))]
    assert ids == ALL_IDS
    if fmt == "csv":
        assert text.count("id,created_at,type") == 1  # one header, even after resuming
    assert run(*argv).code == 0 and out.read_text() == text  # nothing new: nothing appended


def test_resume_after_an_api_failure(run, fake: FakeTopo, tmp_path: Path) -> None:
    out, cursor = tmp_path / "export.jsonl", tmp_path / "cursor.json"
    argv = ("activities", "export", *SINCE, "--output", str(out), "--cursor-file", str(cursor), "--max-retries", "0")
    calls = 0

    def flaky(request):
        nonlocal calls
        calls += 1
        return error(500, "InternalIssue", "down") if calls == 2 else fake(request)

    fake.page_cap = 10  # several pages, so the failure comes after some rows were written
    failed = run(*argv, handler=flaky)
    assert failed.code == 1 and "500 InternalIssue: down" in failed.err
    assert 0 < len(ids_of_jsonl(out.read_text())) < 25
    assert run(*argv).code == 0
    assert ids_of_jsonl(out.read_text()) == ALL_IDS


class FullDisk(io.StringIO):
    def __init__(self, fail_at: int) -> None:
        super().__init__()
        self.fail_at = fail_at
        self.writes = 0

    def write(self, text: str) -> int:
        self.writes += 1
        if self.writes == self.fail_at:
            raise OSError(errno.ENOSPC, "No space left on device")
        return super().write(text)


def test_a_failed_write_is_not_recorded_in_the_cursor(fake: FakeTopo, tmp_path: Path, monkeypatch) -> None:
    import httpx

    from tests.conftest import BASE_URL, TEST_KEY
    from topo_ext.cli import main

    monkeypatch.setenv("TOPO_API_KEY", TEST_KEY)
    monkeypatch.setenv("TOPO_BASE_URL", BASE_URL)
    cursor = tmp_path / "cursor.json"
    argv = ["activities", "export", *SINCE, "--cursor-file", str(cursor)]
    broken, err = FullDisk(fail_at=6), io.StringIO()
    with httpx.Client(transport=httpx.MockTransport(fake)) as http:
        code = main(argv, http_client=http, stdout=broken, stderr=err)
    assert code == 2 and "No space left on device" in err.getvalue()
    written = ids_of_jsonl(broken.getvalue())
    assert written == ALL_IDS[:5]
    rest = io.StringIO()
    with httpx.Client(transport=httpx.MockTransport(fake)) as http:
        assert main(argv, http_client=http, stdout=rest, stderr=io.StringIO()) == 0
    assert written + ids_of_jsonl(rest.getvalue()) == ALL_IDS  # activity 6 was not lost


def test_resume_ignores_since_with_a_warning(run, tmp_path: Path) -> None:
    cursor = tmp_path / "cursor.json"
    run("activities", "export", "--cursor-file", str(cursor), "--limit", "3")
    result = run("activities", "export", *SINCE, "--cursor-file", str(cursor), "--limit", "2")
    assert ids_of_jsonl(result.out) == ALL_IDS[3:5]
    assert "--since is ignored" in result.err


def test_a_corrupt_cursor_file_is_bad_input(run, tmp_path: Path, fake: FakeTopo) -> None:
    cursor = tmp_path / "cursor.json"
    cursor.write_text("[1, 2")
    result = run("activities", "export", "--cursor-file", str(cursor))
    assert result.code == 2 and f"--cursor-file {cursor}: not JSON" in result.err
    assert fake.requests == []


def test_unwritable_output_is_bad_input(run, tmp_path: Path) -> None:
    result = run("activities", "export", "--output", str(tmp_path / "missing" / "out.jsonl"))
    assert result.code == 2 and result.err.startswith("topo: error: --output ")


def test_progress_bar_only_on_a_terminal(run, fake: FakeTopo) -> None:
    quiet = run("activities", "export", *SINCE)
    assert quiet.err.count("\r") == 0
    assert all(r.url.params.get("size") != "1" for r in fake.requests)  # no extra count request
    tty = TTY()
    result = run("activities", "export", *SINCE, stderr=tty)
    assert result.code == 0
    assert "\ractivities: [" in result.err and "25/25 (100%)" in result.err and result.err.endswith("\n")
    assert any(r.url.params.get("size") == "1" for r in fake.requests)  # the total came from one cheap call
    assert ids_of_jsonl(result.out) == ALL_IDS  # the bar never reaches stdout


def test_follow_polls_until_the_limit(run, fake: FakeTopo, monkeypatch) -> None:
    polls: list[float] = []

    def sleep(seconds: float) -> None:
        polls.append(seconds)
        fake.activities.append(activity(100 + len(polls), T0 + timedelta(minutes=len(polls))))

    monkeypatch.setattr("topo_ext.streaming.time.sleep", sleep)
    result = run("activities", "export", *SINCE, "--follow", "--interval", "0.5", "--limit", "27")
    assert result.code == 0, result.err
    ids = ids_of_jsonl(result.out)
    assert ids == [*ALL_IDS, "act_101", "act_102"]
    assert polls == [0.5, 0.5]


def test_interrupted_export_resumes_exactly_once(run, fake: FakeTopo, tmp_path: Path) -> None:
    out, cursor = tmp_path / "export.jsonl", tmp_path / "cursor.json"
    argv = ("activities", "export", *SINCE, "--output", str(out), "--cursor-file", str(cursor))
    fake.page_cap = 10
    calls = 0

    def interrupt_second_page(request):
        nonlocal calls
        calls += 1
        if calls == 2:
            raise KeyboardInterrupt
        return fake(request)

    stopped = run(*argv, handler=interrupt_second_page)
    assert stopped.code == 130 and stopped.err.endswith("topo: error: interrupted\n")
    assert ids_of_jsonl(out.read_text()) == ALL_IDS[:10]
    assert run(*argv).code == 0
    assert ids_of_jsonl(out.read_text()) == ALL_IDS


def test_a_closed_pipe_ends_quietly(fake: FakeTopo, monkeypatch) -> None:
    import httpx

    from tests.conftest import BASE_URL, TEST_KEY
    from topo_ext.cli import main

    class ClosedPipe(io.StringIO):
        def write(self, text: str) -> int:
            raise BrokenPipeError(errno.EPIPE, "Broken pipe")

    monkeypatch.setenv("TOPO_API_KEY", TEST_KEY)
    monkeypatch.setenv("TOPO_BASE_URL", BASE_URL)
    err = io.StringIO()
    with httpx.Client(transport=httpx.MockTransport(fake)) as http:
        assert main(["activities", "export"], http_client=http, stdout=ClosedPipe(), stderr=err) == 0
    assert "error" not in err.getvalue()


# --- exactly once to a file: committed length, cut back on resume ------------------------------------------


def file_argv(out: Path, cursor: Path, fmt: str = "jsonl") -> tuple[str, ...]:
    return ("activities", "export", *SINCE, "--format", fmt, "-o", str(out), "--cursor-file", str(cursor))


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_resume_cuts_off_what_a_killed_run_wrote_after_its_last_commit(run, tmp_path: Path, fmt: str) -> None:
    out, cursor = tmp_path / f"export.{fmt}", tmp_path / "cursor.json"
    assert run(*file_argv(out, cursor, fmt), "--limit", "9").code == 0
    committed = out.read_bytes()
    assert json.loads(cursor.read_text())["output"] == {"bytes": len(committed), "format": fmt}
    # What a run killed between writing and committing leaves behind: rows the cursor does not cover, the last
    # one cut in half.
    uncommitted = committed.splitlines(keepends=True)[-2:]
    out.write_bytes(committed + b"".join(uncommitted) + uncommitted[0][:7])
    result = run(*file_argv(out, cursor, fmt))
    assert result.code == 0, result.err
    assert f"dropping {sum(map(len, uncommitted)) + 7} bytes" in result.err
    text = out.read_text()
    ids = ids_of_jsonl(text) if fmt == "jsonl" else [r["id"] for r in csv.DictReader(io.StringIO(text))]
    assert ids == ALL_IDS
    assert out.read_bytes().startswith(committed)


def test_a_first_run_appends_to_an_existing_file_and_commits_its_length_first(run, tmp_path: Path,
                                                                             fake: FakeTopo) -> None:
    out, cursor = tmp_path / "export.jsonl", tmp_path / "cursor.json"
    out.write_text('{"id": "from-before"}\n')
    fake.override["/activities"] = lambda request: error(500, "InternalIssue", "down")
    failed = run(*file_argv(out, cursor), "--max-retries", "0")
    assert failed.code == 1
    assert json.loads(cursor.read_text())["output"]["bytes"] == len('{"id": "from-before"}\n')
    del fake.override["/activities"]
    out.write_text(out.read_text() + '{"id": "half a ro')  # as if that run had died mid-row
    assert run(*file_argv(out, cursor)).code == 0
    assert ids_of_jsonl(out.read_text()) == ["from-before", *ALL_IDS]


def test_a_file_shorter_than_its_committed_length_is_refused(run, tmp_path: Path) -> None:
    out, cursor = tmp_path / "export.jsonl", tmp_path / "cursor.json"
    assert run(*file_argv(out, cursor), "--limit", "5").code == 0
    shortened = out.read_text()[:-10]
    out.write_text(shortened)
    result = run(*file_argv(out, cursor))
    assert result.code == 2 and "--output" in result.err and "were committed" in result.err
    assert out.read_text() == shortened  # left alone


def test_resuming_in_another_format_is_refused(run, tmp_path: Path) -> None:
    out, cursor = tmp_path / "export.out", tmp_path / "cursor.json"
    assert run(*file_argv(out, cursor, "csv"), "--limit", "5").code == 0
    result = run(*file_argv(out, cursor, "jsonl"))
    assert result.code == 2 and "--format csv" in result.err


def test_a_cursor_saved_by_a_stdout_export_appends_with_a_warning(run, tmp_path: Path) -> None:
    out, cursor = tmp_path / "export.jsonl", tmp_path / "cursor.json"
    first = run("activities", "export", *SINCE, "--cursor-file", str(cursor), "--limit", "4")
    out.write_text(first.out)
    result = run(*file_argv(out, cursor))
    assert result.code == 0 and "without cutting it back" in result.err
    assert ids_of_jsonl(out.read_text()) == ALL_IDS


def test_stderr_says_what_was_written(run, tmp_path: Path) -> None:
    out = tmp_path / "export.jsonl"
    result = run("activities", "export", *SINCE, "-o", str(out), "--limit", "7")
    assert result.err.endswith(f"\ntopo: wrote 7 activities to {out}\n")
    assert run("activities", "export", *SINCE).err.endswith("topo: wrote 25 activities to standard output\n")


def test_help_says_where_exactly_once_holds(run, capsys: pytest.CaptureFixture[str]) -> None:
    result = run("activities", "export", "--help")
    text = " ".join((result.out + capsys.readouterr().out).split())  # (sub-command help goes to sys.stdout)
    assert "exactly once" in text
    assert "Standard output cannot be cut back" in text and "use --output for exactly once" in text


def test_a_row_that_fails_is_not_committed(run, tmp_path: Path, monkeypatch) -> None:
    out, cursor = tmp_path / "export.jsonl", tmp_path / "cursor.json"
    real, calls = _activities.activity_row, 0

    def fails_at_the_eighth(activity):
        nonlocal calls
        calls += 1
        if calls == 8:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(activity)

    monkeypatch.setattr(_activities, "activity_row", fails_at_the_eighth)
    failed = run(*file_argv(out, cursor))
    assert failed.code == 2 and "No space left on device" in failed.err
    committed = json.loads(cursor.read_text())["output"]["bytes"]
    lines = out.read_bytes().splitlines(keepends=True)
    assert committed in {len(b"".join(lines[:n])) for n in range(8)}  # a row boundary before the failed row
    monkeypatch.setattr(_activities, "activity_row", real)
    assert run(*file_argv(out, cursor)).code == 0
    assert ids_of_jsonl(out.read_text()) == ALL_IDS


def ids_in(text: str, fmt: str) -> list[str]:
    return ids_of_jsonl(text) if fmt == "jsonl" else [r["id"] for r in csv.DictReader(io.StringIO(text))]


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_resume_cuts_leftovers_longer_than_what_it_then_writes(run, tmp_path: Path, fmt: str) -> None:
    # The resumed run writes less than the killed run left behind: only cutting FILE back removes the rest.
    out, cursor = tmp_path / f"export.{fmt}", tmp_path / "cursor.json"
    assert run(*file_argv(out, cursor, fmt), "--limit", "9").code == 0
    committed = out.read_bytes()
    out.write_bytes(committed + committed * 2 + b'{"id": "act_0')  # far longer than the 2 rows that follow
    assert run(*file_argv(out, cursor, fmt), "--limit", "2").code == 0
    assert ids_in(out.read_text(), fmt) == ALL_IDS[:11]
    assert json.loads(cursor.read_text())["output"]["bytes"] == out.stat().st_size


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_the_committed_length_counts_bytes_of_non_ascii_rows(run, fake: FakeTopo, tmp_path: Path, fmt: str) -> None:
    for item in fake.activities:  # a value with characters of two UTF-8 bytes in every row
        if "message_id" in item["payload"]:
            item["payload"]["message_id"] = f"Chloé Dupré {item['id']}"
    out, cursor = tmp_path / f"export.{fmt}", tmp_path / "cursor.json"
    assert run(*file_argv(out, cursor, fmt), "--limit", "9").code == 0
    assert json.loads(cursor.read_text())["output"]["bytes"] == len(out.read_bytes())
    result = run(*file_argv(out, cursor, fmt))
    assert result.code == 0, result.err
    text = out.read_bytes().decode("utf-8")  # no row cut inside a character, nor in half
    assert ids_in(text, fmt) == ALL_IDS and text.count("Chloé Dupré") == sum(
        "message_id" in a["payload"] for a in fake.activities)


def test_rows_are_committed_in_batches_of_commit_rows(run, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(_activities, "COMMIT_ROWS", 3)
    monkeypatch.setattr(_activities, "COMMIT_SECONDS", 3600.0)
    saved: list[int] = []
    replace = _activities._replace_atomically

    def spy(path: Path, text: str) -> None:
        saved.append(json.loads(text)["output"]["bytes"])
        replace(path, text)

    monkeypatch.setattr(_activities, "_replace_atomically", spy)
    out, cursor = tmp_path / "export.jsonl", tmp_path / "cursor.json"
    assert run(*file_argv(out, cursor)).code == 0
    ends = [0]
    for line in out.read_bytes().splitlines(keepends=True):
        ends.append(ends[-1] + len(line))
    assert saved == [0, *ends[3::3], ends[-1]]  # the start, every third row, then the end


@pytest.mark.parametrize("option", ["--event-type", "--resource-type", "--channel", "--person-id", "--sequence-id",
                                    "--until", "--since"])
def test_a_bad_filter_value_is_a_usage_error_and_nothing_is_sent(run, fake: FakeTopo, option: str) -> None:
    bogus = "_".join(sorted(a["payload"]["type"] for a in fake.activities))  # no type, channel, UUID or instant
    result = run("activities", "export", option, bogus)
    assert result.code == 2 and option in result.err and fake.requests == []
