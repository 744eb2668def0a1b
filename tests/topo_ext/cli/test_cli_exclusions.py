"""`topo exclusions import`: validate first, then one POST per row; 409 is "already present"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.specdata import schema
from tests.topo_ext.cli.conftest import FakeTopo, error
from tests.unknowns import absent


def write(tmp_path: Path, text: str, name: str = "unsubscribes.csv") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


CRM_EXPORT = (
    "\ufeffEmail,Reason,First Name,Unsubscribed At\n"  # a spreadsheet's BOM, mixed-case headers, extra columns
    "ana@example.com,unsubscribed,Ana,2025-02-01\n"
    "bo@example.com,Bounced,Bo,2025-02-02\n"
    ",,,\n"
    "cy@example.com,,Cy,2025-02-03\n"
)


def test_import_creates_one_exclusion_per_row(run, fake: FakeTopo, tmp_path: Path) -> None:
    path = write(tmp_path, CRM_EXPORT)
    result = run("exclusions", "import", path, "--reason", "other")
    assert result.code == 0, result.err
    assert result.out == (f"created 3, already present 0, failed 0 (3 row(s) from {path})\n"
                          "  BOUNCED: created 1, already present 0, failed 0\n"
                          "  OTHER: created 1, already present 0, failed 0\n"
                          "  UNSUBSCRIBED: created 1, already present 0, failed 0\n")
    assert fake.excluded == {
        "ana@example.com": {"reason": "UNSUBSCRIBED", "email": "ana@example.com"},
        "bo@example.com": {"reason": "BOUNCED", "email": "bo@example.com"},
        "cy@example.com": {"reason": "OTHER", "email": "cy@example.com"},
    }
    assert all(r.method == "POST" and r.url.path == "/v1/contact-exclusions" for r in fake.requests)
    assert "ignoring column(s) not used for --kind contact: First Name, Unsubscribed At" in result.err
    assert "skipped 1 blank row(s)" in result.err


def test_already_excluded_rows_count_as_present_and_rerunning_is_safe(run, fake: FakeTopo, tmp_path: Path) -> None:
    path = write(tmp_path, "email,reason,message,until\n"
                           "ana@example.com,UNSUBSCRIBED,from HubSpot,2026-01-01T00:00:00Z\n"
                           "bo@example.com,unsubscribed,,\n")
    assert run("exclusions", "import", path).code == 0
    assert fake.excluded["ana@example.com"] == {"reason": "UNSUBSCRIBED", "email": "ana@example.com",
                                               "message": "from HubSpot", "until": "2026-01-01T00:00:00+00:00"}
    again = run("exclusions", "import", path, "--json")
    assert again.code == 0
    summary = json.loads(again.out)
    assert (summary["created"], summary["already_present"], summary["failed"]) == (0, 2, 0)


def test_bad_rows_are_listed_by_line_and_nothing_is_sent(run, fake: FakeTopo, tmp_path: Path) -> None:
    unknown = absent("UNLISTED_REASON").lower().replace("_", " ")  # no reason of the spec, in any spelling
    path = write(tmp_path, "email,linkedin_url,reason,until\n"
                           "ok@example.com,,unsubscribed,\n"
                           "not-an-email,,unsubscribed,\n"
                           ",,unsubscribed,\n"
                           f"x@example.com,,{unknown},\n"
                           "y@example.com,linkedin.com/in/y,bounced,\n"
                           "z@example.com,,bounced,2026-01-01\n"
                           "w@example.com,,bounced,,surplus\n")
    result = run("exclusions", "import", path)
    assert result.code == 2
    assert result.out == ""
    assert fake.requests == []
    lines = result.err.splitlines()
    assert all(line.startswith("topo: error: ") for line in lines)
    reasons = ", ".join(sorted(schema("ExclusionReason")["enum"]))  # whatever the spec lists today
    assert lines[:-1] == [
        f"topo: error: {path} line 3: email 'not-an-email' is not an email address",
        f"topo: error: {path} line 4: needs an email or a linkedin_url",
        f"topo: error: {path} line 5: reason {unknown!r} is not one of {reasons} (case-insensitive)",
        f"topo: error: {path} line 6: linkedin_url 'linkedin.com/in/y' is not a URL (https://www.linkedin.com/in/...)",
        f"topo: error: {path} line 7: until '2026-01-01' has no timezone (e.g. 2026-01-01T00:00:00Z)",
        f"topo: error: {path} line 8: 5 fields but the header has 4",
    ]
    assert lines[-1] == f"topo: error: {path}: 6 bad row(s); nothing was sent"


@pytest.mark.parametrize(("text", "argv", "fragment"), [
    ("name,company\nAna,Acme\n", (), "no email or linkedin_url column for --kind contact (columns found: name, "
                                   "company; name it with --email-column or --linkedin-column)"),
    ("email\nana@example.com\n", (), "no reason column; pass --reason"),
    ("", (), "empty file; expected a header row"),
    ("email,Email,reason\n", (), "columns 'email' and 'Email' both look like the email column; choose one with "
                                 "--email-column"),
    ("E-mail,Email Address,reason\n", (), "columns 'E-mail' and 'Email Address' both look like the email column"),
    ("email,reason\n", ("--email-column", "Mail"), "--email-column 'Mail': no such column (columns found: email, "
                                                   "reason)"),
    ("domain,reason\n", ("--domain-column", "domain"), "--domain-column does not apply to --kind contact"),
    ("email,reason\n", ("--encoding", "klingon"), "--encoding klingon: unknown encoding"),
    ("email\n", ("--kind", "account", "--reason", "other"), "no domain column for --kind account"),
    ("email\n", ("--reason", "nope"), "argument --reason: 'nope' is not a known exclusion reason"),
])
def test_structural_problems_exit_2(run, fake: FakeTopo, tmp_path: Path, text, argv, fragment) -> None:
    result = run("exclusions", "import", write(tmp_path, text), *argv)
    assert result.code == 2 and fragment in result.err and fake.requests == []


def test_missing_files_and_forced_encodings(run, fake: FakeTopo, tmp_path: Path) -> None:
    missing = run("exclusions", "import", str(tmp_path / "nope.csv"), "--reason", "other")
    assert missing.code == 2 and "No such file or directory" in missing.err
    latin = tmp_path / "latin1.csv"
    latin.write_bytes("email,reason\njos\xe9@example.com,other\n".encode("latin-1"))
    forced = run("exclusions", "import", str(latin), "--encoding", "utf-8")
    assert forced.code == 2 and "not utf-8 text" in forced.err and fake.requests == []
    sniffed = run("exclusions", "import", str(latin))
    assert sniffed.code == 0, sniffed.err
    assert "as Windows-1252 (Latin-1), comma-separated" in sniffed.err
    assert list(fake.excluded) == ["jos\xe9@example.com"]


def test_accounts_by_domain(run, fake: FakeTopo, tmp_path: Path) -> None:
    path = write(tmp_path, "Domain,Reason\nAcme.com,competitor\nrival.io,COMPETITOR\n")
    result = run("exclusions", "import", path, "--kind", "account")
    assert result.code == 0, result.err
    assert fake.excluded == {"acme.com": {"domain": "acme.com", "reason": "COMPETITOR"},
                             "rival.io": {"domain": "rival.io", "reason": "COMPETITOR"}}
    assert {r.url.path for r in fake.requests} == {"/v1/account-exclusions"}
    bad = run("exclusions", "import", write(tmp_path, "domain\nhttps://acme.com\n", "b.csv"), "--kind", "account",
              "--reason", "other")
    assert bad.code == 2 and "is not a bare domain like acme.com" in bad.err


def test_dry_run_sends_nothing(run, fake: FakeTopo, tmp_path: Path) -> None:
    path = write(tmp_path, "email,reason\nana@example.com,unsubscribed\n")
    result = run("exclusions", "import", path, "--dry-run")
    assert result.code == 0 and "1 valid row(s)" in result.out and "nothing sent" in result.out
    assert fake.requests == []


def test_rows_the_api_rejects_are_counted_and_exit_1(run, fake: FakeTopo, tmp_path: Path) -> None:
    path = write(tmp_path, "email,reason\nana@example.com,unsubscribed\nme@blocked.example,unsubscribed\n"
                           "bo@example.com,unsubscribed\n")
    result = run("exclusions", "import", path, "--json")
    assert result.code == 1
    summary = json.loads(result.out)
    assert (summary["created"], summary["already_present"], summary["failed"]) == (2, 0, 1)
    assert summary["failures"] == [{"line": 3, "error": "422 BusinessIssue: this address cannot be excluded "
                                                        "[request_id=req_422]"}]
    assert f"topo: error: {path} line 3: 422 BusinessIssue" in result.err


def test_a_permission_error_stops_the_import_with_a_summary(run, fake: FakeTopo, tmp_path: Path) -> None:
    fake.override["/contact-exclusions"] = lambda r: error(403, "UnauthorizedIssue", "Forbidden",
                                                           {"required_scope": "exclusions:write"})
    path = write(tmp_path, "email,reason\nana@example.com,unsubscribed\nbo@example.com,unsubscribed\n")
    result = run("exclusions", "import", path)
    assert result.code == 3
    assert len(fake.requests) == 1  # no point sending the other rows
    assert result.out.startswith("created 0, already present 0, failed 0") and "stopped at line 2" in result.out
    assert "missing scope exclusions:write" in result.err and "re-running the import is safe" in result.err
