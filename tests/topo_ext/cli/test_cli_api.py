"""`topo api <resource>.<method>` against the local sandbox: every operation of the spec (the parametrisation
comes from the spec, so a new operation fails here until it has a case), bad flags, API errors, output modes."""

from __future__ import annotations

import dataclasses
import io
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator  # type: ignore[import-untyped]

from tests.topo_ext.cli.conftest import TTY, Result
from topo_ext import Topo
from topo_ext._spec import document, operations, resolve
from topo_ext.cli import build_parser, main
from topo_ext.cli._api import command_name
from topo_tools.sandbox import Sandbox

HOOK_URL = "http://127.0.0.1:9/hooks/topo"  # loopback, nobody listening: the sandbox delivers only there
LATER = "2031-01-01T00:00:00Z"
USER_ID = "018f1a2b-0000-7000-8000-00000000beef"
MISSING = "018f1a2b-0000-7000-8000-000000000404"


def first(page: Any) -> str:
    assert page.items, "the sandbox's seed data should have at least one"
    return str(page.items[0].id)


def contact(c: Topo) -> str:
    return first(c.contacts.list(size=1))


def active_sequence(c: Topo) -> str:
    return first(c.sequences.list(size=1, status="ACTIVE"))


def pending_task(c: Topo) -> str:
    return first(c.tasks.list(size=1, status="PENDING"))


def webhook(c: Topo) -> str:
    return str(c.webhooks.create(body={"name": "CRM sync", "url": HOOK_URL, "event_types": ["message.replied"]}).id)


def paused_sequence(c: Topo) -> str:
    sequence = active_sequence(c)
    c.sequences.pause(sequence, body={"paused_until": LATER})
    return sequence


def enrollable(c: Topo) -> list[str]:
    """A contact and an ACTIVE template it is not enrolled in yet (a second enrollment is a 409)."""
    template = first(c.sequence_templates.list(size=1, status="ACTIVE"))
    enrolled = {str(s.contact_id) for s in c.sequences.list() if str(s.sequence_template_id) == template}
    free = next(str(p.id) for p in c.contacts.list() if str(p.id) not in enrolled)
    return ["--contact-id", free, "--sequence-template-id", template]


def skipped_task(c: Topo) -> str:
    task = pending_task(c)
    c.tasks.skip(task)
    return task


#: The command-line arguments of one call per operation (after `topo api <command>`), found in the sandbox.
CASES: dict[str, Callable[[Topo], list[str]]] = {
    "get_me": lambda c: [],
    # contacts
    "list_contacts": lambda c: ["--size", "3", "--sort-by", "EMAIL", "--sort-order", "ASC"],
    "get_contact": lambda c: ["--contact-id", contact(c)],
    "get_contact_variables": lambda c: ["--contact-id", contact(c)],
    "update_contact_variables": lambda c: ["--contact-id", contact(c), "--contact-variables", '{"lead_score": "87"}',
                                           "--company-variables", '{"tier": "gold"}'],
    "delete_contact_variables": lambda c: ["--contact-id", contact(c), "--contact-keys", "lead_score",
                                           "--company-keys", "tier"],
    # exclusions
    "list_contact_exclusions": lambda c: ["--reason", "unsubscribed"],
    "create_contact_exclusion": lambda c: ["--email", "optout@example.com", "--reason", "unsubscribed",
                                           "--message", "CRM unsubscribe export"],
    "get_contact_exclusion": lambda c: ["--exclusion-id", first(c.contact_exclusions.list(size=1))],
    "update_contact_exclusion": lambda c: ["--exclusion-id", first(c.contact_exclusions.list(size=1)),
                                           "--until", LATER, "--message", "until 2031"],
    "delete_contact_exclusion": lambda c: ["--exclusion-id", first(c.contact_exclusions.list(size=1))],
    "list_account_exclusions": lambda c: ["--size", "5", "--reason", "COMPETITOR"],
    "create_account_exclusion": lambda c: ["--domain", "competitor.example", "--reason", "competitor"],
    "get_account_exclusion": lambda c: ["--exclusion-id", first(c.account_exclusions.list(size=1))],
    "update_account_exclusion": lambda c: ["--exclusion-id", first(c.account_exclusions.list(size=1)),
                                           "--message", "reviewed", "--until", "null"],
    "delete_account_exclusion": lambda c: ["--exclusion-id", first(c.account_exclusions.list(size=1))],
    # sequences
    "list_sequences": lambda c: ["--size", "10", "--status", "active"],
    "create_sequence": lambda c: [*enrollable(c), "--variables", '{"first_line": "Hi!"}'],
    "get_sequence": lambda c: ["--sequence-id", first(c.sequences.list(size=1))],
    "update_sequence": lambda c: ["--sequence-id", active_sequence(c), "--variables", '{"first_line": "Hello"}'],
    "pause_sequence": lambda c: ["--sequence-id", active_sequence(c), "--paused-until", LATER],
    "resume_sequence": lambda c: ["--sequence-id", paused_sequence(c)],
    "stop_sequence": lambda c: ["--sequence-id", active_sequence(c)],
    "list_sequence_templates": lambda c: ["--sort-by", "name"],
    "get_sequence_template": lambda c: ["--sequence-template-id", first(c.sequence_templates.list(size=1))],
    # activities
    "list_activities": lambda c: ["--size", "5", "--sort-order", "asc", "--event-type", "replied"],
    "get_activity": lambda c: ["--activity-id", first(c.activities.list(size=1))],
    # lists
    "list_contact_lists": lambda c: [],
    "create_contact_lists": lambda c: ["--body", '[{"name": "Q3 targets"}, {"name": "Q4 targets"}]'],
    "get_contact_list": lambda c: ["--contact-list-id", first(c.contact_lists.list(size=1))],
    "update_contact_list": lambda c: ["--contact-list-id", first(c.contact_lists.list(size=1)), "--name", "Renamed"],
    "list_contact_entries": lambda c: ["--contact-list-id", first(c.contact_lists.list(size=1))],
    "create_contact_entries": lambda c: ["--items", json.dumps([
        {"contact_list_id": first(c.contact_lists.list(size=1)), "email": f"lead{i}@example.com"} for i in range(3)])],
    "get_contact_entry": lambda c: ["--contact-entry-id", first(c.contact_lists.entries.list(size=1))],
    "list_account_lists": lambda c: [],
    "create_account_lists": lambda c: ["--items", '[{"name": "Enterprise accounts"}]'],
    "get_account_list": lambda c: ["--account-list-id", first(c.account_lists.list(size=1))],
    "update_account_list": lambda c: ["--account-list-id", first(c.account_lists.list(size=1)), "--name", "Renamed"],
    "list_account_entries": lambda c: ["--size", "5"],
    "create_account_entries": lambda c: ["--body", json.dumps({"items": [
        {"account_list_id": first(c.account_lists.list(size=1)), "domain": "acme.example"}]})],
    "get_account_entry": lambda c: ["--account-entry-id", first(c.account_lists.entries.list(size=1))],
    # webhooks
    "list_webhooks": lambda c: [webhook(c) and "--size", "5"],  # creates one first, so the page is not empty
    "create_webhook": lambda c: ["--name", "CRM sync", "--url", HOOK_URL, "--event-types", "message.replied",
                                 "--event-types", "task.created"],
    "get_webhook": lambda c: ["--subscription-id", webhook(c)],
    "update_webhook": lambda c: ["--subscription-id", webhook(c), "--status", "paused"],
    "delete_webhook": lambda c: ["--subscription-id", webhook(c)],
    "test_webhook": lambda c: ["--subscription-id", webhook(c)],
    # tasks
    "list_tasks": lambda c: ["--types", "call", "--types", "email_reply", "--status", "pending"],
    "list_task_messages": lambda c: ["--task-id", pending_task(c)],
    "skip_task": lambda c: ["--task-id", pending_task(c)],
    "reopen_task": lambda c: ["--task-id", skipped_task(c)],
    "reassign_task": lambda c: ["--task-id", pending_task(c), "--assignee-user-id", USER_ID],
}


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(seed=5, activities=60, contacts=12) as sb:
        yield sb


@pytest.fixture(scope="module")
def client(sandbox: Sandbox) -> Iterator[Topo]:
    with Topo(api_key=sandbox.api_key, base_url=sandbox.base_url, log_drift=False) as c:
        yield c


@pytest.fixture
def topo(sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    """topo(*argv, out=None): run the CLI in-process against the sandbox (key and URL from the environment)."""
    monkeypatch.setenv("TOPO_API_KEY", sandbox.api_key)
    monkeypatch.setenv("TOPO_BASE_URL", sandbox.base_url)

    def invoke(*argv: str, out: io.StringIO | None = None) -> Result:
        stdout, stderr = out if out is not None else io.StringIO(), io.StringIO()
        code = main(list(argv), stdout=stdout, stderr=stderr)
        return Result(code, stdout.getvalue(), stderr.getvalue())

    return invoke


def assert_valid(instance: Any, schema: dict[str, Any]) -> None:
    root = {**schema, "components": document()["components"]}
    validator = Draft202012Validator(root, format_checker=Draft202012Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message[:300]}" for e in errors[:5])


@pytest.mark.parametrize("op_id", sorted(operations()))
def test_every_operation_runs_against_the_sandbox(op_id: str, topo, client: Topo, sandbox: Sandbox) -> None:
    spec = operations()[op_id]
    assert op_id in CASES, f"{op_id} is in the spec but has no case in CASES: add the command-line arguments"
    argv = CASES[op_id](client)
    result = topo("api", command_name(spec), *argv)
    assert result.code == 0, result.err
    secret = "secret" in resolve(spec.success_body or {}).get("properties", {})
    assert result.err == ("topo: the response includes a secret that Topo shows only this once: store it now\n"
                          if secret else "")
    if spec.success_body is None:
        assert result.out == ""  # 204 No Content prints nothing
    else:
        assert result.out.count("\n") == 1, "piped output is one compact line"
        assert_valid(json.loads(result.out), spec.success_body)


def test_the_command_set_is_the_spec_operation_set() -> None:
    api = _subcommands(_subcommands(build_parser())["api"])
    expected = {command_name(s) for s in operations().values()} | set(operations())
    assert set(api) == expected
    assert len({command_name(s) for s in operations().values()}) == len(operations())  # no two share a name


def _subcommands(parser: Any) -> dict[str, Any]:
    action = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    return dict(action.choices)


def test_an_operation_added_to_the_spec_becomes_a_command(topo, monkeypatch: pytest.MonkeyPatch) -> None:
    base = operations()["get_contact"]
    added = dataclasses.replace(base, operation_id="get_contact_twin", python_method="get_twin")
    monkeypatch.setattr("topo_ext.cli._api.operations", lambda: {**operations(), added.operation_id: added})
    helped = topo("api", "contacts.get_twin", "--help")
    assert helped.code == 0 and "--contact-id UUID" in helped.out and "operationId get_contact_twin" in helped.out
    assert topo("api", "get_contact_twin", "--help").code == 0
    # Not generated yet: the command exists and says what to do.
    called = topo("api", "contacts.get_twin", "--contact-id", MISSING)
    assert called.code == 2 and "get_contact_twin: the spec has this operation but the generated package does not; " \
                                "run `make generate`" in called.err


def test_an_operation_no_resource_names_yet_is_called_through_the_generated_module(
        topo, client: Topo, monkeypatch: pytest.MonkeyPatch) -> None:
    from topo_client.resources.contacts import Contacts

    monkeypatch.delattr(Contacts, "get_variables")
    contact_id = contact(client)
    result = topo("api", "contacts.get_variables", "--contact-id", contact_id)
    assert result.code == 0, result.err
    assert_valid(json.loads(result.out), operations()["get_contact_variables"].success_body or {})


def test_help_shows_types_enums_bounds_and_defaults(topo) -> None:
    result = topo("api", "tasks.list", "--help")
    assert result.code == 0
    text = " ".join(result.out.split())  # argparse wraps the help lines
    params = operations()["list_tasks"].params
    size = params["size"].schema
    assert "--size N Items per page" in text
    assert f"(integer {size['minimum']}..{size['maximum']}; default: {size['default']})" in text
    statuses = resolve(params["status"].schema)["enum"]
    assert f"one of: {', '.join(statuses)} (case-" in text
    assert "repeat the flag for several" in text and "--jsonl" in text and "--raw" in text
    listing = topo("api", "--help")
    assert "contacts.list (list_contacts)" in listing.out and "me (get_me)" in listing.out


@pytest.mark.parametrize(("argv", "fragment"), [
    (("contacts.list", "--size", "500"), "argument --size: 500 is out of range; must be 1..100"),
    (("contacts.list", "--size", "ten"), "argument --size: 'ten' is not a whole number"),
    (("contacts.get", "--contact-id", "nope"), "argument --contact-id: 'nope' is not a UUID"),
    (("contacts.get",), "the following arguments are required: --contact-id"),
    (("tasks.list", "--status", "SLEEPING"), "argument --status: 'SLEEPING' is not one of PENDING"),
    (("activities.list", "--created-at-after", "2025-01-01T00:00:00"), "argument --created-at-after: "),
    (("contacts.list", "--bogus"), "unrecognized arguments: --bogus"),
    (("webhooks.create", "--body", "{nope"), "--body: not valid JSON"),
    (("webhooks.create", "--body", "@/nonexistent/body.json"), "--body @/nonexistent/body.json: No such file"),
    (("webhooks.create", "--body", "[1]"), "--body: expected a JSON object, got list"),
    (("webhooks.create", "--url", HOOK_URL), "missing required body field(s): name (--name), event_types "
                                             "(--event-types); give the flag(s) or put them in --body"),
    (("contact_lists.create",), "missing required body field(s): items (--items)"),
    (("sequences.create", "--body", '{"contact_id": "nope", "sequence_template_id": "' + MISSING + '"}'),
     "sequences.create: body: invalid SequenceCreate"),
    (("webhooks.create", "--name", "x" * 300), "argument --name: 300 characters; allowed: 1..255 characters"),
    (("contact_lists.create", "--items", "{}"), "argument --items: expected a JSON array, got dict"),
    (("contact_lists.create", "--items", "[]"), "body.items: at least one item is required"),
    (("contacts.list", "--jsonl", "--raw"), "--jsonl and --raw do not go together"),
    (("nope.list",), "argument OPERATION: invalid choice: 'nope.list'"),
])
def test_bad_flags_exit_2_naming_the_flag(topo, sandbox: Sandbox, argv, fragment) -> None:
    result = topo("api", *argv)
    assert result.code == 2, result.err
    assert fragment in result.err
    assert result.out == "" and result.err.startswith("topo: error: ") and result.err.count("\n") == 1


def test_api_errors_exit_1_with_the_request_id(topo) -> None:
    result = topo("api", "contacts.get", "--contact-id", MISSING)
    assert result.code == 1
    assert result.err.startswith("topo: error: 404 NotFoundIssue") and "[request_id=req_" in result.err
    conflict = topo("api", "contact_exclusions.create", "--email", "dup@example.com", "--reason", "other")
    assert conflict.code == 0, conflict.err
    again = topo("api", "contact_exclusions.create", "--email", "dup@example.com", "--reason", "other")
    assert again.code == 1 and "409" in again.err and "request_id=req_" in again.err


def test_auth_errors_exit_3_and_the_hint_names_where_the_key_came_from(topo, sandbox: Sandbox,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    given = topo("api", "me", "--api-key", "topo_wrong_key_given_on_the_command_line")
    assert given.code == 3 and "(check --api-key)" in given.err and "TOPO_API_KEY" not in given.err
    assert "topo_wrong_key_given_on_the_command_line" not in given.err
    monkeypatch.setenv("TOPO_API_KEY", "topo_wrong_key_from_the_environment")
    from_env = topo("api", "me")
    assert from_env.code == 3 and "(check TOPO_API_KEY)" in from_env.err
    reader = sandbox.state.make_key(["contacts:read"], name="read only")
    monkeypatch.setenv("TOPO_API_KEY", reader)
    denied = topo("api", "webhooks.list")
    assert denied.code == 3 and "webhooks:read" in denied.err and reader not in denied.err


def test_jsonl_walks_every_page(topo, client: Topo) -> None:
    total = client.contacts.list(size=1).total_count
    result = topo("api", "contacts.list", "--jsonl", "--size", "5")
    assert result.code == 0, result.err
    ids = [json.loads(line)["id"] for line in result.lines]
    assert total > 5 and len(ids) == len(set(ids)) == total
    first_page = json.loads(topo("api", "contacts.list", "--size", "5").out)
    assert len(first_page["items"]) == 5 and first_page["total_count"] == total and first_page["has_more"] is True


def test_raw_prints_status_headers_and_request_id(topo, client: Topo) -> None:
    contact_id = contact(client)
    result = topo("api", "contacts.get", "--contact-id", contact_id, "--raw")
    assert result.code == 0, result.err
    raw = json.loads(result.out)
    assert raw["status_code"] == 200
    assert raw["request_id"] == raw["headers"]["x-request-id"] and raw["request_id"].startswith("req_")
    assert raw["body"]["id"] == contact_id
    deleted = topo("api", "webhooks.delete", "--subscription-id", webhook(client), "--raw")
    assert json.loads(deleted.out)["status_code"] == operations()["delete_webhook"].success_status


def test_pretty_on_a_terminal_compact_when_piped(topo, client: Topo) -> None:
    argv = ("api", "contacts.get", "--contact-id", contact(client))
    pretty = topo(*argv, out=TTY())
    assert pretty.code == 0 and pretty.out.startswith("{\n  ") and pretty.out.count("\n") > 3
    piped = topo(*argv)
    assert json.loads(piped.out) == json.loads(pretty.out) and piped.out.count("\n") == 1 and ", " not in piped.out


def test_body_from_a_file_with_flags_winning(topo, tmp_path: Path) -> None:
    body = tmp_path / "exclusion.json"
    body.write_text(json.dumps({"email": "file@example.com", "reason": "OTHER", "message": "from a file"}))
    result = topo("api", "contact_exclusions.create", "--body", f"@{body}", "--reason", "bounced")
    assert result.code == 0, result.err
    created = json.loads(result.out)
    assert (created["email"], created["reason"], created["message"]) == ("file@example.com", "BOUNCED", "from a file")


def test_an_all_or_nothing_batch_over_the_limit_is_refused_unless_allow_partial(topo, sandbox: Sandbox, tmp_path: Path) -> None:
    limit = operations()["create_contact_lists"].batch_max_items
    assert limit is not None
    items = tmp_path / "lists.json"
    items.write_text(json.dumps([{"name": f"list {i}"} for i in range(limit + 20)]))
    before = len(sandbox.state.contact_lists)
    refused = topo("api", "contact_lists.create", "--body", f"@{items}")  # all-or-nothing: not split silently
    assert refused.code == 2 and "--allow-partial" in refused.err and "nothing was sent" in refused.err
    assert len(sandbox.state.contact_lists) == before
    result = topo("api", "contact_lists.create", "--body", f"@{items}", "--allow-partial")
    assert result.code == 0, result.err
    assert json.loads(result.out)["summary"]["succeeded"] == limit + 20
    assert len(sandbox.state.contact_lists) == before + limit + 20


def test_allow_partial_names_the_items_the_earlier_chunks_committed(topo, sandbox: Sandbox, tmp_path: Path) -> None:
    limit = operations()["create_contact_lists"].batch_max_items
    assert limit is not None
    items = tmp_path / "lists.json"
    bad = {"name": ""}  # the server refuses it (minLength), so the second request fails as a whole
    items.write_text(json.dumps([{"name": f"kept {i}"} for i in range(limit)] + [bad, {"name": "lost"}]))
    before = len(sandbox.state.contact_lists)
    result = topo("api", "contact_lists.create", "--body", f"@{items}", "--allow-partial")
    assert result.code == 1 and f"the first {limit} items were committed" in result.err
    assert len(sandbox.state.contact_lists) == before + limit
