"""`python -m topo_tools.drift`: inputs, what it reports, exit codes, --patch / --apply (on small inputs)."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.specdata import UUID_A, WHEN, instance, schema
from tests.unknowns import absent
from topo_ext._spec import operations
from topo_tools import drift

ROOT = Path(__file__).resolve().parents[3]
# What the API grows in these tests: names the spec does not have, whatever it holds by now.
FIELD, OTHER_FIELD = absent("unlisted_field"), absent("unlisted_other")
VALUE, EVENT = absent("UNLISTED_VALUE"), absent("unlisted.event")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, Any] | str, str]:
    code = drift.main(list(argv))
    out, err = capsys.readouterr()
    return code, (json.loads(out) if "--json" in argv and out.strip().startswith("{") else out), err


def keys(report: Any) -> set[str]:
    return {f["key"] for f in report["findings"]}


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    return path


def contact(**extra: Any) -> dict[str, Any]:
    return {**instance(schema("Contact")), **extra}


def activity(payload: dict[str, Any]) -> dict[str, Any]:
    return {"items": [{"id": UUID_A, "created_at": WHEN, "payload": payload}], "total_count": 1, "total_pages": 1,
            "has_more": False}


def test_every_documented_response_shape_is_clean(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    records = [{"operation": op.operation_id, "body": instance(op.success_body)}
               for op in operations().values() if op.success_body is not None]
    examples = [{"schema": name, "body": ex} for name, node in drift.load_spec(None).schemas.items()
                for ex in node.get("examples", [])]
    code, report, _ = run(capsys, str(write_jsonl(tmp_path / "ok.jsonl", records + examples)), "--json")
    assert (code, keys(report)) == (0, set())
    assert report["responses"] == len(records) + len(examples) > 60


def test_reports_each_kind_of_drift(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    payload = {"type": "message.sent", "organizationId": UUID_A, "personId": UUID_A, "channel": VALUE,
               "hotLeadId": None}
    records = [
        {"method": "GET", "path": f"https://api.topo.io/v1/contacts/{UUID_A}", "status": 200,
         "body": contact(**{FIELD: "teal"})},
        {"method": "GET", "path": "/v1/activities", "status": 200, "body": activity(payload)},
        {"method": "GET", "path": "/v1/activities", "status": 200,
         "body": json.dumps(activity({"type": EVENT, "organization_id": UUID_A}))},  # body as a string
        {"method": "GET", "path": f"/v1/contacts/{UUID_A}/notes", "status": 200, "body": {}},
        {"method": "GET", "path": "/v1/contacts", "status": 418, "body": {"teapot": True}},
        {"operation": "get_contact", "body": {"email": 7}},
    ]
    code, report, _ = run(capsys, str(write_jsonl(tmp_path / "c.jsonl", records)), "--json")
    assert code == 1
    assert keys(report) == {
        f"Contact.{FIELD}",
        f'ActivityChannel="{VALUE}"',
        f'ActivityPayload.type="{EVENT}"',
        "GET /contacts/{id}/notes",
        "GET /contacts -> 418",
        "Contact.id (required, missing)",
        "Contact.email (unexpected type)",
    }  # personId / hotLeadId: camelCase spellings of known event fields are not drift


def test_reads_cassettes_bare_bodies_and_drift_reports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cassette = {"version": 1, "interactions": [
        {"request": {"method": "GET", "uri": f"http://127.0.0.1:8010/v1/contacts/{UUID_A}", "body": None,
                     "headers": {}},
         "response": {"status": {"code": 200, "message": "OK"}, "headers": {"Content-Encoding": ["gzip"]},
                      "body": {"string": gzip.compress(json.dumps(contact(**{OTHER_FIELD: 44})).encode())}}},
        {"request": {"method": "DELETE", "uri": f"http://127.0.0.1:8010/v1/webhooks/{UUID_A}", "body": None,
                     "headers": {}},
         "response": {"status": {"code": 204, "message": "No Content"}, "headers": {}, "body": {"string": ""}}},
    ]}
    (tmp_path / "cassettes").mkdir()
    (tmp_path / "cassettes" / "get_contact.yaml").write_text(yaml.safe_dump(cassette))
    (tmp_path / "cassettes" / "README.txt").write_text("not an input")
    (tmp_path / "get_contact_exclusion.200.json").write_text(
        json.dumps({**instance(schema("ContactExclusion")), "reason": VALUE}))
    report = {"drift": [
        {"kind": "field", "schema": "Contact", "name": "email", "count": 3, "example": "x", "first_seen": WHEN},
        {"kind": "event_type", "schema": "ActivityPayload", "name": EVENT, "count": 1, "example": None,
         "first_seen": WHEN},
    ]}
    (tmp_path / "report.json").write_text(json.dumps(report))
    code, out, err = run(capsys, str(tmp_path / "cassettes"), str(tmp_path / "get_contact_exclusion.200.json"),
                         str(tmp_path / "report.json"), "--json")
    assert code == 1
    # Contact.email is documented by now, so that report entry is no longer drift.
    assert keys(out) == {f"Contact.{OTHER_FIELD}", f'ExclusionReason="{VALUE}"', f'ActivityPayload.type="{EVENT}"'}
    assert "ignored 1 file" in err  # nothing is skipped silently


@pytest.mark.parametrize(("setup", "message"), [
    (lambda p: None, "no such file"),
    (lambda p: (p / "x.jsonl").write_text("{not json\n"), "not valid JSON"),
    (lambda p: (p / "x.jsonl").write_text('{"path": "/v1/contacts", "body": {}}\n'), "needs both `method` and `path`"),
    (lambda p: (p / "x.jsonl").write_text('{"operation": "get_kitten", "body": {}}\n'), "no operation 'get_kitten'"),
    (lambda p: (p / "x.json").write_text("{}"), "must be named <operationId>"),
    (lambda p: (p / "x.yaml").write_text("a: 1\n"), "not a vcrpy cassette"),
])
def test_usage_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str], setup: Any, message: str) -> None:
    setup(tmp_path)
    target = next(iter(tmp_path.iterdir()), tmp_path / "missing")
    code, _, err = run(capsys, str(target))
    assert code == 2 and message in err


def test_no_input_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys)[0] == 2
    assert run(capsys, str(tmp_path))[0] == 2  # an empty directory: nothing was checked
    with pytest.raises(SystemExit) as exc:
        drift.main(["--bogus"])
    assert exc.value.code == 2


def test_values_are_never_printed_or_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    records = [{"operation": "get_contact", "body": contact(**{FIELD: "12 Private Lane", OTHER_FIELD: "4321"})}]
    patch = tmp_path / "patch.yaml"
    code, out, err = run(capsys, str(write_jsonl(tmp_path / "c.jsonl", records)), "--patch", str(patch))
    assert code == 1 and f"Contact.{FIELD}" in str(out)
    for text in (str(out), err, patch.read_text()):
        assert "Private Lane" not in text and "4321" not in text


def test_patch_types_and_apply_is_idempotent(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    score, tags, meta, flag = (absent(f"unlisted_{n}") for n in ("score", "tags", "meta", "flag"))
    records = [{"operation": "get_contact", "body": contact(**{score: 1, tags: ["a"], meta: {"k": 1}, flag: None})},
               {"operation": "get_contact", "body": contact(**{score: 2.5, tags: [], meta: None, flag: None})}]
    captures = write_jsonl(tmp_path / "c.jsonl", records)
    patch = tmp_path / "patch.yaml"
    assert run(capsys, str(captures), "--patch", str(patch))[0] == 1
    ops = {op["path"].rsplit("/", 1)[-1]: op for op in yaml.safe_load(patch.read_text())["operations"]}
    assert ops[score]["value"]["type"] == ["number", "null"]
    assert ops[tags]["value"]["type"] == ["array", "null"] and ops[tags]["value"]["items"] == {"type": "string"}
    assert ops[meta]["value"]["type"] == ["object", "null"]
    assert "type" not in ops[flag]["value"]  # only null seen: any type
    assert all(op["value"]["x-topo-source"] == "observed" and op["value"]["x-topo-first-seen"]
               for op in ops.values())

    spec_dir = tmp_path / "spec"
    shutil.copytree(ROOT / "spec", spec_dir)
    before = (spec_dir / "resources" / "contacts.yaml").read_text()
    assert run(capsys, "--apply", str(patch), "--spec-dir", str(spec_dir))[0] == 0
    after = (spec_dir / "resources" / "contacts.yaml").read_text()
    assert after.startswith(before[:2000])  # the rest of the file is kept
    assert set(before.splitlines()) <= set(after.splitlines())  # nothing removed or reformatted
    code, out, _ = run(capsys, "--apply", str(patch), "--spec-dir", str(spec_dir))
    assert code == 0 and "nothing to apply: all 4 operation(s) are already" in str(out)
    assert (spec_dir / "resources" / "contacts.yaml").read_text() == after
    bundler = str(ROOT / "generator" / "bundle.py")
    assert run(capsys, str(captures), "--spec", str(spec_dir), "--bundler", bundler)[0] == 0
    # Bundling a spec directory takes the bundler by path: nothing is looked up in a source checkout by accident.
    code, _, err = run(capsys, str(captures), "--spec", str(spec_dir))
    assert code == 2 and "--bundler" in err


def test_apply_rejects_conflicts_and_bad_patches(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec_dir = tmp_path / "spec"
    shutil.copytree(ROOT / "spec", spec_dir)
    bad = tmp_path / "bad.yaml"
    bad.write_text(yaml.safe_dump({"operations": [
        {"op": "add", "path": "/components/schemas/Contact/properties/email", "value": {"type": "integer"}}]}))
    code, _, err = run(capsys, "--apply", str(bad), "--spec-dir", str(spec_dir))
    assert code == 2 and "already exists with another value" in err
    bad.write_text(yaml.safe_dump({"operations": [{"op": "add", "path": "/components/schemas/Nope", "value": {}}]}))
    code, _, err = run(capsys, "--apply", str(bad), "--spec-dir", str(spec_dir))
    assert code == 2 and "no spec file defines" in err
    bad.write_text("just: text\n")
    assert run(capsys, "--apply", str(bad), "--spec-dir", str(spec_dir))[0] == 2
