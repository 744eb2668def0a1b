"""Hostile answers and input through the `topo` CLI: a documented exit code and one `topo: error:` line naming
the problem; no traceback, no secret, nothing from the server that a terminal or spreadsheet would run (issue 29)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import httpx
import pytest

from tests.conftest import TEST_KEY
from tests.topo_ext.cli.conftest import FakeTopo

ELSEWHERE = "https://elsewhere.example/v1/me"


def _clean(result) -> None:  # type: ignore[no-untyped-def]
    assert "Traceback" not in result.err and TEST_KEY not in result.err + result.out


@pytest.mark.parametrize("argv", [("me",), ("api", "contacts.get", "--contact-id", "0190a000-0000-7000-8000-00000000000a"),
                                  ("contacts", "list"), ("api", "contacts.list", "--jsonl")])
@pytest.mark.parametrize("status", [301, 304, 307])
def test_a_redirect_is_an_error_with_a_non_zero_exit(run, argv: tuple[str, ...], status: int) -> None:
    result = run(*argv, handler=lambda r: httpx.Response(status, headers={"Location": ELSEWHERE}))
    assert result.code == 1 and result.out == ""
    assert f"unexpected status {status}" in result.err and ELSEWHERE in result.err
    _clean(result)


@pytest.mark.parametrize(("body", "says"), [(b"[" * 100_000 + b"]" * 100_000, "Limits.max_json_depth"),
                                            (json.dumps({"items": [{"id": "same"}], "has_more": True,
                                                         "total_pages": 10**18}).encode(), "repeats the items")])
def test_hostile_bodies_end_in_one_error_line(run, body: bytes, says: str) -> None:
    result = run("contacts", "list", handler=lambda r: httpx.Response(200, content=body))
    assert result.code == 1 and result.err.splitlines()[-1].startswith("topo: error:") and says in result.err
    _clean(result)


def test_table_output_shows_control_characters_as_escapes(run, fake: FakeTopo) -> None:
    fake.contacts[1]["company_name"] = "Acme\x1b]0;pwned\x07\r\nFAKE ROW\u202e"
    result = run("contacts", "list")
    assert result.code == 0
    assert not any(c in result.out for c in "\x1b\x07\r\u202e")
    assert len(result.out.splitlines()) == 1 + len(fake.contacts)  # no row forged by a line break
    assert "Acme\\x1b]0;pwned\\x07\\r\\nFAKE ROW\\u202e" in result.out


FORMULAS = ["=HYPERLINK(\"http://x\")", "+cmd|' /C calc'!A0", "-2+3+cmd|x", "@SUM(A1)", "\tfoo", "\r=1"]
NUMBERS = ["+49 30 1234567", "-12.5", "+1 (555) 123-4567"]


@pytest.mark.parametrize("verbatim", [False, True])
def test_csv_cells_a_spreadsheet_would_run_get_a_leading_quote(run, fake: FakeTopo, verbatim: bool) -> None:
    values = FORMULAS + NUMBERS
    for contact, value in zip(fake.contacts, values, strict=False):
        contact["company_name"] = value
    result = run("contacts", "list", "--format", "csv", *(["--csv-formulas"] if verbatim else []))
    assert result.code == 0
    rows = list(csv.DictReader(io.StringIO(result.out, newline="")))
    written = [row["company_name"] for row in rows[:len(values)]]
    expected = values if verbatim else ["'" + v for v in FORMULAS] + NUMBERS
    assert written == expected[:len(written)] and len(written) == min(len(values), len(fake.contacts))


def test_activities_csv_export_escapes_formulas(run, fake: FakeTopo) -> None:
    fake.activities[0]["id"] = "=1+1"
    result = run("activities", "export", "--format", "csv")
    assert result.code == 0 and "'=1+1" in result.out
    assert "'=1+1" not in run("activities", "export", "--format", "csv", "--csv-formulas").out


@pytest.mark.parametrize("argv", [("--apikey=" + TEST_KEY, "me"), ("--api_key", TEST_KEY, "me"),
                                  ("me", "--token=" + TEST_KEY), ("me", TEST_KEY)])
def test_a_mistyped_key_option_never_shows_the_key(run, argv: tuple[str, ...]) -> None:
    result = run(*argv)
    assert result.code == 2 and "[redacted]" in result.err
    _clean(result)


def _import(run, tmp_path: Path, content: bytes):  # type: ignore[no-untyped-def]
    path = tmp_path / "in.csv"
    path.write_bytes(content)
    return run("exclusions", "import", str(path), "--reason", "unsubscribed")


@pytest.mark.parametrize(("row", "says"), [(b'"x@y.co"z', "line 2: not valid CSV"),
                                           (b'a"b@c.co', "line 2: email"),
                                           (b"a\x00b@c.co", "line 2: the email cell holds a control character"),
                                           (b"a\x1b[2Jb@c.co", "line 2: the email cell holds a control character")])
def test_import_rejects_broken_cells_naming_the_line(run, fake: FakeTopo, tmp_path: Path, row: bytes,
                                                     says: str) -> None:
    result = _import(run, tmp_path, b"email\nok@example.com\n".replace(b"ok@example.com", row) + b"ok@example.com\n")
    assert result.code == 2 and says in result.err
    assert not fake.excluded  # nothing sent
    assert not any(c in result.err for c in "\x00\x1b")
    _clean(result)


def test_import_never_echoes_a_binary_header(run, tmp_path: Path) -> None:
    result = _import(run, tmp_path, b"\x1b[31mname\x00,other\nx,y\n")
    assert result.code == 2 and "no email or linkedin_url column" in result.err
    assert not any(c in result.err for c in "\x00\x1b") and "\\x1b[31mname" in result.err


def test_import_names_the_line_of_an_oversized_field(run, tmp_path: Path) -> None:
    limit = csv.field_size_limit()
    result = _import(run, tmp_path, b"email" + b"x" * (limit + 10) + b"\nok@example.com\n")
    assert result.code == 2 and "line 1: not valid CSV" in result.err and "field larger than field limit" in result.err
    _clean(result)


def test_credentials_in_the_base_url_are_refused_and_never_shown(run) -> None:
    result = run("--base-url", "https://user:hunter2pw@api.topo.test/v1", "-v", "me")
    assert result.code == 2 and "holds credentials" in result.err and "hunter2pw" not in result.err + result.out
    _clean(result)


def test_verbose_log_lines_show_control_characters_as_escapes(run, fake: FakeTopo) -> None:
    def answer(request: httpx.Request) -> httpx.Response:  # a forged line in the request id and in a drift key
        me = json.loads(fake(request).content)
        return httpx.Response(200, json={**me, "x\x1b[31m\ntopo: error: forged": 1},
                              headers={"x-request-id": "req_\x1b[2J\r\ntopo: info: forged"})

    result = run("-v", "me", handler=answer)
    assert result.code == 0 and "\x1b" not in result.err and "\r" not in result.err
    assert not any(line.startswith("topo: ") and "forged" in line.split(":", 2)[2][:8]
                   for line in result.err.splitlines())
    assert "request_id=req_\\x1b[2J\\r\\ntopo: info: forged" in result.err and "x\\x1b[31m\\ntopo" in result.err
    _clean(result)
