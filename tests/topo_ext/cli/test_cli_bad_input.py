"""Hostile input to the CLI (cursor files, --since/--until, --body, imported CSVs, webhook secrets) and server text
with control characters: each is one `topo: error: ...` line and exit 2, or escaped output, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from tests.topo_ext.cli.conftest import FakeTopo
from topo_ext.cli import _api, _csvfile

HOSTILE = "evil\x1b[31mRED\rX\u202eabc"
ESCAPED = "evil\\x1b[31mRED\\rX\\u202eabc"


def one_error(result, *fragments: str) -> None:
    assert result.code == 2, result.err
    errors = [line for line in result.err.splitlines() if line.startswith("topo: error: ")]
    assert len(errors) == 1 and "Traceback" not in result.err, result.err
    for fragment in fragments:
        assert fragment in errors[0], errors[0]


# --- 1. cursor files --------------------------------------------------------------------------------------------

GOOD = '"created_at": "2025-01-01T00:00:00+00:00", "seen": {}'
CURSORS = {
    "deep": "[" * 100_000 + "]" * 100_000,
    "naive": '{"created_at": "2025-06-01T00:00:00"}',
    "naive_seen": '{"created_at": "2025-06-01T00:00:00Z", "seen": {"a": "2025-06-01T00:00:00"}}',
    "negative_bytes": '{' + GOOD + ', "output": {"bytes": -5, "format": "jsonl"}}',
    "bool_bytes": '{' + GOOD + ', "output": {"bytes": true, "format": "jsonl"}}',
    "list_format": '{' + GOOD + ', "output": {"bytes": 0, "format": ["csv"]}}',
    "output_list": '{' + GOOD + ', "output": [1]}',
}


# An export to stdout does not use the "output" record: only the cursor itself is checked there.
CASES = [(name, True) for name in CURSORS] + [(name, False) for name in ("deep", "naive", "naive_seen")]


@pytest.mark.parametrize(("name", "to_file"), CASES)
def test_a_bad_cursor_file_is_one_error_naming_it(run, tmp_path: Path, name: str, to_file: bool) -> None:
    cursor = tmp_path / "cursor.json"
    cursor.write_text(CURSORS[name])
    output = tmp_path / "out.jsonl"
    output.write_text("")
    argv = ["activities", "export", "--limit", "1", "--cursor-file", str(cursor)]
    one_error(run(*argv, *(["-o", str(output)] if to_file else [])), f"--cursor-file {cursor}")
    if to_file:
        assert output.read_text() == ""  # nothing cut, nothing written


# --- 2. --since/--until -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("part", [(), ("--part", "1/2")])
@pytest.mark.parametrize("until", ["2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z"])
def test_until_not_after_since_is_a_usage_error(run, fake: FakeTopo, part: tuple[str, ...], until: str) -> None:
    result = run("activities", "export", "--since", "2026-01-01T00:00:00Z", "--until", until, *part)
    one_error(result, "--until", "--since")
    assert fake.requests == []


# --- 3. --body ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("content", "fragment"), [
    (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    (b"\xff\xfe", "not UTF-8"),
    (b'{"items": [{"name": NaN}]}', "NaN"),
    (b'{"items": [{"name": -Infinity}]}', "Infinity"),
    (b'{"items": [{"name": 1e999}]}', "out of range"),
])
def test_a_bad_body_file_is_one_error(run, fake: FakeTopo, tmp_path: Path, content: bytes, fragment: str) -> None:
    body = tmp_path / "body.json"
    body.write_bytes(content)
    one_error(run("api", "contact_lists.create", "--body", f"@{body}"), "--body", fragment)
    one_error(run("api", "contact_lists.create", "--body", content.decode("latin-1")), "--body")
    assert fake.requests == []


def test_a_body_larger_than_the_cap_is_refused_without_reading_it_all(run, fake: FakeTopo, tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_api.read_bounded, "__defaults__", (100,))
    body = tmp_path / "body.json"
    body.write_text(json.dumps({"items": [{"name": "x" * 200}]}))
    one_error(run("api", "contact_lists.create", "--body", f"@{body}"), "larger than 100 bytes")
    one_error(run("api", "contact_lists.create", "--body", "@/dev/zero"), "larger than 100 bytes")
    assert fake.requests == []


# --- 4. exclusions import -----------------------------------------------------------------------------------------


def test_an_oversized_csv_is_refused(run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_csvfile.read_bounded, "__defaults__", (1000,))
    one_error(run("exclusions", "import", "/dev/zero", "--dry-run"), "/dev/zero", "larger than 1,000 bytes")


def test_a_utf16_bom_with_lone_surrogates_is_one_error(run, tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(b"\xff\xfe\x00\xd8\x00\xd8")
    one_error(run("exclusions", "import", str(path), "--dry-run"), str(path), "UTF-16", "--encoding")


# --- 5. server text on stdout -------------------------------------------------------------------------------------


def subscription(**extra: object) -> dict[str, object]:
    return {"id": "0190a000-0000-7000-8000-0000000000dd", "name": HOSTILE, "url": f"https://example.com/{HOSTILE}", "status": "ACTIVE",
            "event_types": ["message.sent"], "created_at": "2025-01-01T00:00:00Z", **extra}


@pytest.mark.parametrize(("argv", "answer"), [
    (("webhooks", "create", "--url", "https://example.com/h", "--event-type", "message.sent"),
     lambda r: httpx.Response(201, json=subscription(secret="whsec_0123456789abcdef"))),
    (("webhooks", "update", "0190a000-0000-7000-8000-0000000000dd", "--name", "x"), lambda r: httpx.Response(200, json=subscription())),
])
def test_server_text_in_human_lines_is_escaped(run, fake: FakeTopo, argv, answer) -> None:
    fake.override["/webhooks"] = fake.override["/webhooks/0190a000-0000-7000-8000-0000000000dd"] = answer
    result = run(*argv)
    assert result.code == 0, result.err
    assert "\x1b" not in result.out and "\r" not in result.out and "\u202e" not in result.out
    assert ESCAPED in result.out


def test_me_escapes_server_text(run, fake: FakeTopo) -> None:
    fake.override["/me"] = lambda r: httpx.Response(200, json={
        "id": "0190a000-0000-7000-8000-0000000000cc", "name": HOSTILE, "key_prefix": "topo_ab12",
        "organization_id": "0190a000-0000-7000-8000-000000000001", "scopes": [], "created_at": "2025-01-01T00:00:00Z"})
    result = run("me")
    assert result.code == 0, result.err
    assert f"name:         {ESCAPED}\n" in result.out


# --- 6. webhook secret --------------------------------------------------------------------------------------------

SECRET = "whsec_cli_test_secret_7c1d"


@pytest.mark.parametrize("secret", [SECRET + "\n", SECRET + "\r", " " + SECRET, SECRET[:8] + "\x1b" + SECRET[8:]])
@pytest.mark.parametrize("via_env", [True, False])
def test_a_secret_with_whitespace_or_control_characters_is_refused(run, monkeypatch: pytest.MonkeyPatch,
                                                                   secret: str, via_env: bool) -> None:
    if via_env:
        monkeypatch.setenv("TOPO_WEBHOOK_SECRET", secret)
    argv = ["webhooks", "listen", "--port", "0", "--count", "1"] + ([] if via_env else ["--secret", secret])
    result = run(*argv)
    one_error(result, "TOPO_WEBHOOK_SECRET" if via_env else "--secret", "whitespace")
    assert SECRET not in result.err and "cli_test" not in result.err
