"""The typed surface as a user's type checker sees it (mypy --strict, and pyright in strict mode): keyword arguments
come from the generator, the spec's values as plain strings and mappings are accepted where the API takes enums
and JSON bodies, mistakes (a value the spec does not list among them) are caught statically."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from mypy import api

from topo_ext._spec import document, operations, resolve

GOOD = '''
from datetime import UTC, datetime
from topo_ext import APIResponse, AsyncPage, AsyncTopo, SyncPage, Topo
import httpx
from topo_ext.models import (Contact, ContactExclusion, ContactListBatchResult, ContactPage, ExclusionReason,
                             Me, Sequence)

def use(client: Topo) -> None:
    page: SyncPage[Contact] = client.contacts.list(email="a@b.co", sort_order="desc")
    client.activities.list(sort_order="asc", channel="EMAIL")
    for contact in page:
        reveal_type(contact)
    client.contact_exclusions.create(email="a@b.co", reason="UNSUBSCRIBED", timeout=2.5)
    client.contact_exclusions.create(email="a@b.co", reason=ExclusionReason.UNSUBSCRIBED,
                                     extra_headers={"X-Trace": "1"}, extra_body={"new_field": 1})
    client.contact_exclusions.update("018f1a2b-3c4d-7e8f-9a0b-1c2d3e4f5a6b", until=None)
    paused: Sequence = client.sequences.pause("018f1a2b-3c4d-7e8f-9a0b-1c2d3e4f5a6b",
                                              paused_until=datetime.now(UTC))
    client.with_options(api_key="topo_k", base_url="https://x.test/v1", timeout=3, max_retries=0,
                        default_headers={"X-A": "b"}, default_query={"q": 1}, rate_limit=5).me()
    client.tasks.list(types=["CALL", "EMAIL_REPLY"], status="PENDING")
    client.contact_lists.create([{"name": "Q1"}], timeout=10, extra_query={"dry_run": "true"})
    raw = client.with_raw_response.contacts.get("018f1a2b-3c4d-7e8f-9a0b-1c2d3e4f5a6b", timeout=2)
    reveal_type(raw)
    fetched: Contact = raw.parse()
    lists: APIResponse[ContactListBatchResult] = client.with_raw_response.contact_lists.create([{"name": "Q1"}])
    me: APIResponse[Me] = client.with_raw_response.me()
    made: APIResponse[ContactExclusion] = client.with_raw_response.contact_exclusions.create(
        email="a@b.co", reason="UNSUBSCRIBED")  # a method with two forms (keywords, body=) keeps both when raw
    also: APIResponse[ContactExclusion] = client.with_raw_response.contact_exclusions.create(
        body={"email": "a@b.co", "reason": "UNSUBSCRIBED"})
    pages: APIResponse[SyncPage[Contact]] = client.with_raw_response.with_options(timeout=3).contacts.list()
    for activity in client.activities.stream(since=datetime.now(UTC)):
        reveal_type(activity.payload)
    custom: ContactPage = client.get("/contacts", cast_to=ContactPage, query={"size": 10})
    request_ids: list[str | None] = [custom._request_id, page._request_id, client.me()._request_id]
    sent: frozenset[str] = custom.fields_set
    wire: str = custom.to_json()
    gone: httpx.Response = client.delete("/x", cast_to=httpx.Response)

def lower_email(client: Topo) -> str:
    contact = client.contacts.get("018f1a2b-3c4d-7e8f-9a0b-1c2d3e4f5a6b")
    if contact.email is None:  # one check: optional response fields are `T | None`, never `Unset`
        return ""
    return contact.email.lower()

def same_person(contact: Contact, client: Topo) -> bool:
    activity = client.activities.get("018f1a2b-3c4d-7e8f-9a0b-1c2d3e4f5a6b")
    if activity.payload is None:
        return False
    reveal_type(activity.payload.person_id)
    return contact.id == activity.payload.person_id

async def use_async(client: AsyncTopo) -> None:
    contact: Contact = await client.contacts.get("018f1a2b-3c4d-7e8f-9a0b-1c2d3e4f5a6b")
    async for c in client.contacts.list():
        reveal_type(c)
    raw_page: APIResponse[AsyncPage[Contact]] = await client.with_raw_response.contacts.list()
    first: AsyncPage[Contact] = raw_page.parse()
    await client.contacts.get("018f1a2b-3c4d-7e8f-9a0b-1c2d3e4f5a6b", timeout=1, extra_query={"expand": "x"})
    await client.webhooks.create(name="n", url="https://e.x/h", event_types=["task.created"])
    data: dict[str, object] = await client.post("/x", body={"a": 1}, cast_to=dict)
'''


def _spec_values() -> str:
    """Every value the spec lists for the `reason` of contact_exclusions.create, each passed as a plain string."""
    op = operations()["create_contact_exclusion"]
    reason = resolve(resolve(op.body_schema or {})["properties"]["reason"])
    assert reason["enum"] and document()
    calls = [f'    client.contact_exclusions.create(email="a@b.co", reason="{value}")' for value in reason["enum"]]
    return "\n\ndef every_reason(client: Topo) -> None:\n" + "\n".join(calls) + "\n"


GOOD += _spec_values()

BAD = '''
from topo_ext import Topo

def use(client: Topo) -> None:
    client.contacts.list(emial="a@b.co")
    client.contacts.list(size="100")
    client.sequences.pause("id")
    client.contacts.get("id", timeout="soon")
    client.with_raw_response.contacts.get("id").parse().no_such_field
    client.contact_exclusions.create(email="a@b.co", reason="NOPE")
'''


def _mypy(tmp_path: Path, source: str) -> tuple[str, int]:
    path = tmp_path / "user_code.py"
    path.write_text(source)
    out, err, status = api.run(["--strict", "--no-incremental", "--cache-dir", str(tmp_path / ".mypy"),
                                "--follow-imports", "silent", str(path)])
    return out + err, status


def test_typed_user_code_checks_and_sees_precise_types(tmp_path: Path) -> None:
    out, status = _mypy(tmp_path, GOOD)
    assert status == 0 and "error:" not in out, out
    assert 'Revealed type is "topo_client.responses.Contact"' in out
    assert 'Revealed type is "topo_ext._response.APIResponse[topo_client.responses.Contact]"' in out
    assert "MessageSentEvent" in out and "MessageRepliedEvent" in out  # the event union, one class per type
    assert "UnknownEvent" in out  # what a type checker sees can arrive includes event types added later
    assert 'Revealed type is "str | None"' in out  # person_id: the same type as contact.id


def test_mistakes_are_caught_statically(tmp_path: Path) -> None:
    out, status = _mypy(tmp_path, BAD)
    assert status == 1
    assert 'Unexpected keyword argument "emial"' in out
    assert 'Argument "size"' in out
    assert 'Argument "timeout"' in out
    assert '"Contact" has no attribute "no_such_field"' in out
    assert 'No overload variant of "pause"' in out  # paused_until (required) is missing
    assert 'No overload variant of "create" of "ContactExclusions"' in out  # reason="NOPE": not a value the spec lists



# Strict, except two rules about the snippet's own style: it binds values only to state their types, and reads
# `_request_id` (public by the Stainless convention, underscore and all).
PYRIGHT_CONFIG = {"typeCheckingMode": "strict", "pythonVersion": "3.11", "reportUnusedVariable": False,
                  "reportPrivateUsage": False}


def _pyright(tmp_path: Path, source: str) -> dict[str, object]:
    exe = shutil.which("pyright", path=str(Path(sys.executable).parent))
    if exe is None:
        pytest.skip("pyright is not installed (make install installs it from requirements/dev.txt)")
    (tmp_path / "pyrightconfig.json").write_text(json.dumps(PYRIGHT_CONFIG))
    (tmp_path / "user_code.py").write_text(source)
    done = subprocess.run([exe, "--outputjson", "--pythonpath", sys.executable, "user_code.py"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=300)
    try:
        report: dict[str, object] = json.loads(done.stdout)
    except json.JSONDecodeError:  # no report at all: pyright could not start (its node package needs npm once)
        pytest.skip(f"pyright could not run here: {(done.stderr or done.stdout).strip()[:300]}")
    return report


def _errors(report: dict[str, object]) -> list[str]:
    diagnostics = report["generalDiagnostics"]
    assert isinstance(diagnostics, list)
    return [f"{d['range']['start']['line'] + 1}: {d['message']}" for d in diagnostics if d["severity"] == "error"]


def test_pyright_strict_accepts_the_typed_user_code(tmp_path: Path) -> None:
    report = _pyright(tmp_path, GOOD.replace("cast_to=dict)", "cast_to=dict)  # pyright: ignore[reportUnknownVariableType]"))
    assert _errors(report) == []


def test_pyright_strict_catches_the_mistakes(tmp_path: Path) -> None:
    errors = _errors(_pyright(tmp_path, BAD))
    lines = BAD.splitlines()
    caught = {int(e.split(":")[0]) for e in errors}
    mistakes = {n for n, line in enumerate(lines, 1) if line.startswith("    client.")}
    assert mistakes <= caught, [lines[n - 1] for n in mistakes - caught]
    assert any("NOPE" in e and "reason" in e for e in errors), errors
