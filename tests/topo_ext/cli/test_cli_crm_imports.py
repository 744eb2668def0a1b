"""`topo exclusions import` of real-shaped CRM exports (fixtures in tests/topo_ext/cli/fixtures): header aliases, column
options, encoding and delimiter sniffing, and the summary per reason."""

from __future__ import annotations

import json
from pathlib import Path

from tests.topo_ext.cli.conftest import FakeTopo

FIXTURES = Path(__file__).parent / "fixtures"


def test_hubspot_export_with_email_address_header_and_bom(run, fake: FakeTopo) -> None:
    path = str(FIXTURES / "hubspot_contacts_export.csv")
    result = run("exclusions", "import", path, "--reason", "unsubscribed")
    assert result.code == 0, result.err
    assert fake.excluded == {
        "ana.lima@example.com": {"email": "ana.lima@example.com", "reason": "UNSUBSCRIBED"},
        "bo@example.org": {"email": "bo@example.org", "linkedin_url": "https://www.linkedin.com/in/bo-berg",
                           "reason": "BOUNCED"},
        "https://www.linkedin.com/in/chloe-durand": {"linkedin_url": "https://www.linkedin.com/in/chloe-durand",
                                                     "reason": "UNSUBSCRIBED"},  # no reason in the row: --reason
        "dan.ng@example.net": {"email": "dan.ng@example.net", "reason": "CONTACT_REFUSED"},
    }
    assert result.out.splitlines() == [
        f"created 4, already present 0, failed 0 (4 row(s) from {path})",
        "  BOUNCED: created 1, already present 0, failed 0",
        "  CONTACT_REFUSED: created 1, already present 0, failed 0",
        "  UNSUBSCRIBED: created 2, already present 0, failed 0",
    ]
    assert "ignoring column(s) not used for --kind contact: Record ID, First Name, Last Name, Company Name, " \
           "Create Date" in result.err
    assert "read " not in result.err  # UTF-8 with a BOM and commas: the defaults, nothing to say


def test_salesforce_data_loader_export_uppercase_quoted_crlf(run, fake: FakeTopo) -> None:
    path = str(FIXTURES / "salesforce_contacts_export.csv")
    result = run("exclusions", "import", path, "--json")
    assert result.code == 0, result.err
    assert fake.excluded == {
        "erik.sorensen@example.dk": {"email": "erik.sorensen@example.dk", "reason": "UNSUBSCRIBED"},
        "fatima@example.ma": {"email": "fatima@example.ma", "linkedin_url": "https://www.linkedin.com/in/fzahra",
                              "reason": "WRONG_PERSON"},
        "gus@example.com": {"email": "gus@example.com", "reason": "UNSUBSCRIBED"},
    }
    summary = json.loads(result.out)
    assert summary["by_reason"] == {
        "UNSUBSCRIBED": {"rows": 2, "created": 2, "already_present": 0, "failed": 0},
        "WRONG_PERSON": {"rows": 1, "created": 1, "already_present": 0, "failed": 0},
    }
    assert "FIRSTNAME, LASTNAME" in result.err and "HASOPTEDOUTOFEMAIL" in result.err

    again = run("exclusions", "import", path, "--json")  # re-running: everything is already present
    assert json.loads(again.out)["by_reason"]["UNSUBSCRIBED"] == {"rows": 2, "created": 0, "already_present": 2,
                                                                  "failed": 0}


def test_semicolon_latin1_export_with_named_columns(run, fake: FakeTopo) -> None:
    path = str(FIXTURES / "semicolon_latin1_export.csv")
    assert "Jürgen".encode("latin-1") in (FIXTURES / "semicolon_latin1_export.csv").read_bytes()  # really Latin-1
    unnamed = run("exclusions", "import", path)
    assert unnamed.code == 2 and "no reason column" in unnamed.err and "--reason-column" in unnamed.err
    result = run("exclusions", "import", path, "--reason-column", "grund", "--until-column", "BIS",
                 "--message-column", "Notiz")
    assert result.code == 0, result.err
    assert f"read {path} as Windows-1252 (Latin-1), semicolon-separated" in result.err
    assert fake.excluded == {
        "jurgen.muller@example.de": {"email": "jurgen.muller@example.de", "reason": "UNSUBSCRIBED",
                                     "message": "Abgemeldet über das Formular"},
        "francoise@example.fr": {"email": "francoise@example.fr", "reason": "BAD_TIMING",
                                 "message": "Rappeler en janvier", "until": "2027-01-01T00:00:00+01:00"},
        "nuno@example.pt": {"email": "nuno@example.pt", "reason": "OUT_OF_OFFICE", "message": "Férias",
                            "until": "2026-08-31T00:00:00+01:00"},
    }
    assert result.out.splitlines()[1:] == [
        "  BAD_TIMING: created 1, already present 0, failed 0",
        "  OUT_OF_OFFICE: created 1, already present 0, failed 0",
        "  UNSUBSCRIBED: created 1, already present 0, failed 0",
    ]


def test_utf16_tab_separated_and_a_forced_delimiter(run, fake: FakeTopo, tmp_path: Path) -> None:
    path = tmp_path / "unicode_text.txt"  # Excel's "Unicode Text": UTF-16 with a BOM, tab-separated
    path.write_text("Email\tReason\nzoe@example.com\tMeeting\n", encoding="utf-16")
    result = run("exclusions", "import", str(path))
    assert result.code == 0, result.err
    assert "as UTF-16, tab-separated" in result.err
    assert fake.excluded == {"zoe@example.com": {"email": "zoe@example.com", "reason": "MEETING"}}
    # A header with commas in a name would fool the sniffer; --delimiter settles it.
    odd = tmp_path / "odd.csv"
    odd.write_text("email;reason;name, first, middle, last\nyan@example.com;other;Yan\n", encoding="utf-8")
    assert run("exclusions", "import", str(odd), "--dry-run").code == 2  # read as commas: no email column
    forced = run("exclusions", "import", str(odd), "--delimiter", ";", "--dry-run")
    assert forced.code == 0, forced.err
    assert forced.out.splitlines() == [f"1 valid row(s) in {odd}; nothing sent (--dry-run)", "  OTHER: 1 row(s)"]


def test_a_bom_on_bytes_that_are_not_utf8_is_a_usage_error(run, fake: FakeTopo, tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    path.write_bytes(b"\xef\xbb\xbfemail,reason\njos\xe9@example.com,other\n")
    result = run("exclusions", "import", str(path))
    assert result.code == 2 and "starts with a UTF-8 byte-order mark but is not UTF-8" in result.err
    assert fake.requests == []
