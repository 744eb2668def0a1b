"""One scenario per operation: what the cassette for that operation records.

A scenario finds the ids it needs with list calls recorded in the same cassette, so replay needs nothing but the
cassette. The keys are operationIds; `test_cassettes.py` checks that every operation in the spec has one.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from topo_ext import Topo

Scenario = Callable[[Topo], Any]
HOOK_URL = "http://127.0.0.1:9/hooks/topo"  # a loopback URL nobody listens on: the sandbox only delivers there
LATER = datetime(2031, 1, 1, tzinfo=UTC)
USER_ID = "018f1a2b-0000-7000-8000-00000000beef"


def _first(page: Any) -> Any:
    assert page.items, "the sandbox's seed data should have at least one"
    return page.items[0]


def _contact(c: Topo) -> Any:
    return _first(c.contacts.list(size=1))


def _sequence(c: Topo, status: str = "ACTIVE") -> Any:
    return _first(c.sequences.list(size=1, status=status))


def _task(c: Topo, status: str = "PENDING") -> Any:
    return _first(c.tasks.list(size=1, status=status))


def _webhook(c: Topo) -> Any:
    return c.webhooks.create(body={"name": "CRM sync", "url": HOOK_URL, "event_types": ["message.replied"]})


SCENARIOS: dict[str, Scenario] = {
    "get_me": lambda c: c.me(),
    # contacts
    "list_contacts": lambda c: list(c.contacts.list(size=20, sort_by="email", sort_order="asc")),
    "get_contact": lambda c: c.contacts.get(_contact(c).id),
    "get_contact_variables": lambda c: c.contacts.get_variables(_contact(c).id),
    "update_contact_variables": lambda c: c.contacts.update_variables(
        _contact(c).id, body={"contact_variables": {"lead_score": 87}, "company_variables": {"tier": "gold"}}),
    "delete_contact_variables": lambda c: c.contacts.delete_variables(_contact(c).id, contact_keys=["lead_score"]),
    # exclusions
    "list_contact_exclusions": lambda c: c.contact_exclusions.list(reason="UNSUBSCRIBED"),
    "create_contact_exclusion": lambda c: c.contact_exclusions.create(
        body={"email": "optout@example.com", "reason": "UNSUBSCRIBED", "message": "CRM unsubscribe export"}),
    "get_contact_exclusion": lambda c: c.contact_exclusions.get(_first(c.contact_exclusions.list(size=1)).id),
    "update_contact_exclusion": lambda c: c.contact_exclusions.update(
        _first(c.contact_exclusions.list(size=1)).id, body={"until": LATER, "message": "until 2031"}),
    "delete_contact_exclusion": lambda c: c.contact_exclusions.delete(_first(c.contact_exclusions.list(size=1)).id),
    "list_account_exclusions": lambda c: c.account_exclusions.list(size=5),
    "create_account_exclusion": lambda c: c.account_exclusions.create(
        body={"domain": "competitor.example", "reason": "COMPETITOR"}),
    "get_account_exclusion": lambda c: c.account_exclusions.get(_first(c.account_exclusions.list(size=1)).id),
    "update_account_exclusion": lambda c: c.account_exclusions.update(
        _first(c.account_exclusions.list(size=1)).id, body={"message": "reviewed"}),
    "delete_account_exclusion": lambda c: c.account_exclusions.delete(_first(c.account_exclusions.list(size=1)).id),
    # sequences
    "list_sequences": lambda c: c.sequences.list(size=10),
    "create_sequence": lambda c: c.sequences.create(body={
        "contact_id": _contact(c).id, "sequence_template_id": _first(c.sequence_templates.list(size=1)).id}),
    "get_sequence": lambda c: c.sequences.get(_first(c.sequences.list(size=1)).id),
    "update_sequence": lambda c: c.sequences.update(_sequence(c).id, body={"variables": {"first_line": "Hi!"}}),
    "pause_sequence": lambda c: c.sequences.pause(_sequence(c).id, body={"paused_until": LATER}),
    "resume_sequence": lambda c: _resume(c),
    "stop_sequence": lambda c: c.sequences.stop(_sequence(c).id, body={}),
    "list_sequence_templates": lambda c: c.sequence_templates.list(sort_by="name"),
    "get_sequence_template": lambda c: c.sequence_templates.get(_first(c.sequence_templates.list(size=1)).id),
    # activities
    "list_activities": lambda c: c.activities.list(size=25, sort_order="ASC", event_type="REPLIED"),
    "get_activity": lambda c: c.activities.get(_first(c.activities.list(size=1)).id),
    # lists
    "list_contact_lists": lambda c: c.contact_lists.list(),
    "create_contact_lists": lambda c: c.contact_lists.create([{"name": "Q3 targets"}, {"name": "Q4 targets"}]),
    "get_contact_list": lambda c: c.contact_lists.get(_first(c.contact_lists.list(size=1)).id),
    "update_contact_list": lambda c: c.contact_lists.update(
        _first(c.contact_lists.list(size=1)).id, body={"name": "Renamed list"}),
    "list_contact_entries": lambda c: c.contact_lists.entries.list(
        contact_list_id=_first(c.contact_lists.list(size=1)).id),
    "create_contact_entries": lambda c: c.contact_lists.entries.create(
        {"contact_list_id": _first(c.contact_lists.list(size=1)).id, "email": f"lead{i}@example.com"}
        for i in range(3)),
    "get_contact_entry": lambda c: c.contact_lists.entries.get(_first(c.contact_lists.entries.list(size=1)).id),
    "list_account_lists": lambda c: c.account_lists.list(),
    "create_account_lists": lambda c: c.account_lists.create([{"name": "Enterprise accounts"}]),
    "get_account_list": lambda c: c.account_lists.get(_first(c.account_lists.list(size=1)).id),
    "update_account_list": lambda c: c.account_lists.update(
        _first(c.account_lists.list(size=1)).id, body={"name": "Renamed accounts"}),
    "list_account_entries": lambda c: c.account_lists.entries.list(size=5),
    "create_account_entries": lambda c: c.account_lists.entries.create(
        [{"account_list_id": _first(c.account_lists.list(size=1)).id, "domain": "acme.example"}]),
    "get_account_entry": lambda c: c.account_lists.entries.get(_first(c.account_lists.entries.list(size=1)).id),
    # webhooks
    "list_webhooks": lambda c: (_webhook(c), c.webhooks.list()),
    "create_webhook": _webhook,
    "get_webhook": lambda c: c.webhooks.get(_webhook(c).id),
    "update_webhook": lambda c: c.webhooks.update(_webhook(c).id, body={"status": "PAUSED"}),
    "delete_webhook": lambda c: c.webhooks.delete(_webhook(c).id),
    "test_webhook": lambda c: c.webhooks.test(_webhook(c).id),
    # tasks
    "list_tasks": lambda c: c.tasks.list(types=["CALL", "EMAIL_REPLY"], status="PENDING"),
    "list_task_messages": lambda c: c.tasks.list_messages(_task(c).id),
    "skip_task": lambda c: c.tasks.skip(_task(c).id),
    "reopen_task": lambda c: _reopen(c),
    "reassign_task": lambda c: c.tasks.reassign(_task(c).id, body={"assignee_user_id": USER_ID}),
}


def _resume(c: Topo) -> Any:
    sequence = _sequence(c)
    c.sequences.pause(sequence.id, body={"paused_until": LATER})  # fixed values: bodies are matched
    return c.sequences.resume(sequence.id)


def _reopen(c: Topo) -> Any:
    task = _task(c)
    c.tasks.skip(task.id)
    return c.tasks.reopen(task.id)
