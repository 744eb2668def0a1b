"""`topo me`, `topo contacts list`, global options, usage errors, API errors and exit codes, secrets."""

from __future__ import annotations

import csv
import io
import json

import httpx
import pytest

from tests.conftest import TEST_KEY
from tests.topo_ext.cli.conftest import ORG, FakeTopo, Result, error
from tests.unknowns import EXTRA_FIELD, EXTRA_VALUE
from topo_ext.cli import main


def test_me_prints_name_prefix_workspace_and_scopes(run) -> None:
    result: Result = run("me")
    assert result.code == 0, result.err
    assert result.lines == [
        "name:         CI export key",
        "key_prefix:   topo_ab12",
        f"workspace_id: {ORG}",
        "scopes:       activities:read, contacts:read",
    ]
    assert result.err == ""


def test_me_json_before_or_after_the_command(run) -> None:
    for argv in (("--json", "me"), ("me", "--json")):
        result = run(*argv)
        assert result.code == 0
        data = json.loads(result.out)
        assert data["organization_id"] == ORG and data["scopes"] == ["activities:read", "contacts:read"]


def test_contacts_list_table_walks_every_page(run, fake: FakeTopo) -> None:
    result = run("contacts", "list")
    assert result.code == 0, result.err
    assert result.lines[0].split() == ["ID", "EMAIL", "NAME", "COMPANY", "TITLE"]
    assert len(result.lines) == 1 + 7
    assert "person6@example.com" in result.lines[-1] and "First6 Last6" in result.lines[-1]


def test_contacts_list_limit_and_email_filter(run, fake: FakeTopo) -> None:
    result = run("contacts", "list", "--limit", "3", "--format", "jsonl")
    assert [json.loads(line)["email"] for line in result.lines] == [f"person{i}@example.com" for i in range(3)]
    assert fake.requests[-1].url.params["size"] == "3"  # no bigger page than needed
    result = run("contacts", "list", "--email", "person4@example.com", "--json")
    assert [json.loads(line)["first_name"] for line in result.lines] == ["First4"]
    assert fake.requests[-1].url.params["email"] == "person4@example.com"


def test_contacts_csv_keeps_unknown_fields(run) -> None:
    result = run("contacts", "list", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.out)))
    assert len(rows) == 7
    assert rows[0]["email"] == "person0@example.com" and rows[0]["job_title"] == ""
    assert json.loads(rows[0]["extra"]) == {EXTRA_FIELD: EXTRA_VALUE}
    assert rows[1]["extra"] == "" and rows[1]["job_title"] == "CTO"


@pytest.mark.parametrize(("argv", "fragment"), [
    (("contacts", "list", "--limit", "0"), "argument --limit: 0 must be at least 1"),
    (("contacts", "list", "--format", "xml"), "argument --format: invalid choice: 'xml'"),
    (("contacts", "list", "--format", "csv", "--json"), "--json conflicts with --format csv"),
    (("contacts",), "required: ACTION"),
    (("nope",), "invalid choice: 'nope'"),
    (("me", "--timeout", "-1"), "argument --timeout: -1 must be more than 0"),
    (("--base-url", "ftp://x", "me"), "base_url: 'ftp://x' is not an http(s) URL"),
    (("activities", "export", "--since", "2025-03-01T00:00:00"), "has no timezone"),
    (("activities", "export", "--event-type", "BOUNCED"), "'BOUNCED' is not a known event type; choose from"),
    (("activities", "export", "--person-id", "42"), "argument --person-id: '42' is not a UUID"),
])
def test_bad_arguments_exit_2_with_one_error_line(run, fake: FakeTopo, argv, fragment) -> None:
    result = run(*argv)
    assert result.code == 2
    assert result.out == ""
    assert result.err.count("\n") == 1 and result.err.startswith("topo: error: ")
    assert fragment in result.err
    assert fake.requests == []


def test_help_goes_to_stdout_and_documents_exit_codes(run) -> None:
    result = run("--help")
    assert result.code == 0
    assert "exit codes:" in result.out and "130  interrupted" in result.out and result.err == ""


def test_403_names_the_missing_scope_and_exits_3(run, fake: FakeTopo) -> None:
    fake.override["/contacts"] = lambda r: error(403, "UnauthorizedIssue", "Forbidden",
                                                 {"required_scope": "contacts:read"})
    result = run("contacts", "list")
    assert result.code == 3
    assert result.err.startswith("topo: error: 403 UnauthorizedIssue: Forbidden")
    assert "missing scope contacts:read" in result.err and "[request_id=req_403]" in result.err
    assert result.err.count("\n") == 1


def test_403_without_detail_names_the_scope_from_the_spec(run, fake: FakeTopo) -> None:
    fake.override["/activities"] = lambda r: error(403, "UnauthorizedIssue", "Forbidden")
    result = run("activities", "export")
    assert result.code == 3
    assert "this operation needs scope activities:read" in result.err


def test_401_exits_3(run, fake: FakeTopo) -> None:
    fake.override["/me"] = lambda r: error(401, "UnauthorizedIssue", "Invalid API key")
    result = run("me")
    assert result.code == 3
    assert result.err.startswith("topo: error: 401 UnauthorizedIssue: Invalid API key [request_id=req_401]")


def test_500_exits_1_naming_status_type_and_request_id(run, fake: FakeTopo, no_sleep) -> None:
    fake.override["/me"] = lambda r: error(500, "InternalIssue", "boom")
    result = run("me", "--max-retries", "1")
    assert result.code == 1
    assert result.err == "topo: error: 500 InternalIssue: boom [request_id=req_500] (after 2 attempts)\n"
    assert len(fake.requests) == 2


def test_connection_error_exits_4(run, no_sleep) -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    result = run("me", "--max-retries", "0", handler=refuse)
    assert result.code == 4
    assert result.err.startswith("topo: error: Connection error: GET /v1/me")


def test_timeout_exits_4(run, no_sleep) -> None:
    def slow(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("timed out", request=request)

    result = run("me", "--max-retries", "0", handler=slow)
    assert result.code == 4 and "timed out" in result.err


def test_no_api_key_exits_3_before_any_request(run, fake: FakeTopo, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TOPO_API_KEY")
    result = run("me")
    assert result.code == 3 and "no API key" in result.err and fake.requests == []


def test_interrupt_exits_130(run) -> None:
    def interrupt(request: httpx.Request) -> httpx.Response:
        raise KeyboardInterrupt

    result = run("me", handler=interrupt)
    assert result.code == 130 and result.err == "topo: error: interrupted\n"


def test_verbose_logs_requests_on_stderr(run) -> None:
    result = run("-v", "me")
    assert result.code == 0
    assert "topo: debug: GET https://api.topo.test/v1/me -> 200" in result.err


@pytest.mark.parametrize("argv", [
    ("-v", "me"),
    ("-v", "--api-key", TEST_KEY, "me"),
    ("-v", "contacts", "list", "--format", "csv"),
    ("-v", "activities", "export", "--since", "2025-01-01T00:00:00Z"),
])
@pytest.mark.parametrize("status", [200, 401, 403, 500])
def test_the_api_key_never_appears_in_output(argv, status, monkeypatch: pytest.MonkeyPatch, no_sleep) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        # A hostile server echoing the key back in its error message must not get it printed either.
        if status == 200:
            return FakeTopo()(request)
        return error(status, "UnauthorizedIssue" if status < 500 else "InternalIssue",
                     f"bad key {request.headers['authorization']}", {"required_scope": "x"})

    monkeypatch.setenv("TOPO_API_KEY", TEST_KEY)
    monkeypatch.setenv("TOPO_BASE_URL", "https://api.topo.test/v1")
    out, err = io.StringIO(), io.StringIO()
    with httpx.Client(transport=httpx.MockTransport(handler)) as http:
        code = main(list(argv), http_client=http, stdout=out, stderr=err)
    assert code == (0 if status == 200 else 3 if status < 500 else 1)
    assert err.getvalue(), "expected -v or error output to check"
    assert TEST_KEY not in out.getvalue() and TEST_KEY not in err.getvalue()
    if status != 200:
        assert "[redacted]" in err.getvalue()


def test_secrets_in_misplaced_options_are_not_echoed_by_usage_errors(run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TOPO_API_KEY")
    # argparse lists unrecognized arguments verbatim: `me` has no --secret, so its value would be echoed.
    result = run("me", "--secret", "whsec_visible_if_echoed")
    assert result.code == 2 and "unrecognized arguments: --secret [redacted]" in result.err
    assert "whsec_visible_if_echoed" not in result.err
    result = run("me", f"--api-key={TEST_KEY}", "--bogus")
    assert result.code == 2 and TEST_KEY not in result.err


def test_help_lists_every_command_group(run) -> None:
    result = run("--help")
    listed = {line.split()[0] for line in result.out.splitlines() if line.startswith("    ") and line.split()}
    assert {"me", "contacts", "activities", "exclusions", "webhooks", "api"} <= listed
    webhooks = run("webhooks", "--help")
    assert all(action in webhooks.out for action in ("create", "list", "test", "update", "delete", "listen"))
    create = run("webhooks", "create", "--help")  # nested help goes to the same stream
    assert create.code == 0 and "--event-type TYPE" in create.out


def test_interval_without_follow_is_a_usage_error(run, fake: FakeTopo) -> None:
    for argv in (("--interval", "2"), ("--interval=2",)):
        result = run("activities", "export", *argv)
        assert result.code == 2 and fake.requests == []
        assert result.err == ("topo: error: --interval only applies with --follow "
                              "(see 'topo activities export --help')\n")
    followed = run("activities", "export", "--follow", "--interval", "0.01", "--limit", "3")
    assert followed.code == 0, followed.err
    assert len(followed.lines) == 3


def test_the_401_hint_names_where_the_key_came_from(run, fake: FakeTopo) -> None:
    fake.override["/me"] = lambda r: error(401, "UnauthorizedIssue", "Invalid API key")
    from_env = run("me")
    assert from_env.code == 3 and from_env.err.rstrip().endswith("(check TOPO_API_KEY)")
    given = run("me", "--api-key", TEST_KEY)
    assert given.code == 3 and given.err.rstrip().endswith("(check --api-key)")
    assert "TOPO_API_KEY" not in given.err and TEST_KEY not in given.err
