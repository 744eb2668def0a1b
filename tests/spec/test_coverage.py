"""The spec covers every endpoint the fact sheets (../shared/topo-docs/*.md) name, and models nothing else
unless it says it is an inference.

The lists below are transcribed by hand from the sheets, with the section each pair comes from; they include the
endpoints the sheets mark INFERRED or "evidenced but path lost" that the spec models. Paths are written as the
sheets write them (`/v1/...`); path-parameter names are not on the wire and are compared as `{}`.
"""

from __future__ import annotations

import re

import pytest

from tests.spec.spec_doc import Operation, api_operations, document, operations

FACT_SHEET_ENDPOINTS: list[tuple[str, str]] = [
    # platform.md §4 "GET /v1/me"
    ("GET", "/v1/me"),
    # contacts.md §4.1 List contacts
    ("GET", "/v1/contacts"),
    # contacts.md §4.2 Get a contact
    ("GET", "/v1/contacts/{contact_id}"),
    # contacts.md §4.3 Get contact variables (path cut off; the sheet's INFERRED path)
    ("GET", "/v1/contacts/{contact_id}/variables"),
    # contacts.md §4.4 Update contact variables (method/path not shown; the sheet's INFERRED PATCH)
    ("PATCH", "/v1/contacts/{contact_id}/variables"),
    # contacts.md §4.5 Delete contact variables (path unknown; the sheet's INFERRED path)
    ("DELETE", "/v1/contacts/{contact_id}/variables"),
    # exclusions.md §5 E1 List contact exclusions
    ("GET", "/v1/contact-exclusions"),
    # exclusions.md §5 E2 Create contact exclusion
    ("POST", "/v1/contact-exclusions"),
    # exclusions.md §5 E3 Get contact exclusion
    ("GET", "/v1/contact-exclusions/{exclusion_id}"),
    # exclusions.md §5 E4 Update contact exclusion (INFERRED: no page found)
    ("PATCH", "/v1/contact-exclusions/{exclusion_id}"),
    # exclusions.md §5 E5 Delete contact exclusion (INFERRED: no page found)
    ("DELETE", "/v1/contact-exclusions/{exclusion_id}"),
    # exclusions.md §5 E6 List account exclusions (INFERRED: no page found)
    ("GET", "/v1/account-exclusions"),
    # exclusions.md §5 E7 Create account exclusion
    ("POST", "/v1/account-exclusions"),
    # exclusions.md §5 E8 Get account exclusion (INFERRED: no page found)
    ("GET", "/v1/account-exclusions/{exclusion_id}"),
    # exclusions.md §5 E9 Update account exclusion (method documented, path INFERRED)
    ("PATCH", "/v1/account-exclusions/{exclusion_id}"),
    # exclusions.md §5 E10 Delete account exclusion (INFERRED: no page found)
    ("DELETE", "/v1/account-exclusions/{exclusion_id}"),
    # sequences.md §5.1 List sequences (path INFERRED)
    ("GET", "/v1/sequences"),
    # sequences.md §5.2 Get a sequence (existence INFERRED)
    ("GET", "/v1/sequences/{sequence_id}"),
    # sequences.md §5.3 Update a sequence (named in the narrative; PATCH and path INFERRED)
    ("PATCH", "/v1/sequences/{sequence_id}"),
    # sequences.md §5.4 Pause Sequence (path INFERRED from resume)
    ("POST", "/v1/sequences/{sequence_id}/pause"),
    # sequences.md §5.5 Resume Sequence
    ("POST", "/v1/sequences/{sequence_id}/resume"),
    # sequences.md §5.6 Stop Sequence (path INFERRED from resume)
    ("POST", "/v1/sequences/{sequence_id}/stop"),
    # sequences.md §5.7 List Sequence Templates
    ("GET", "/v1/sequence-templates"),
    # sequences.md §5.8 Get Sequence Template
    ("GET", "/v1/sequence-templates/{sequence_template_id}"),
    # activities.md §5.1 List Activities
    ("GET", "/v1/activities"),
    # activities.md §5.2 get one activity (the narrative names the parameter `id`)
    ("GET", "/v1/activities/{id}"),
    # lists.md §5 #1 / §5.1 List contact lists
    ("GET", "/v1/contact-lists"),
    # lists.md §5 #2 / §5.2 Create contact lists
    ("POST", "/v1/contact-lists"),
    # lists.md §5 #3 / §5.3 Get a contact list
    ("GET", "/v1/contact-lists/{contact_list_id}"),
    # lists.md §5 #4 / §5.4 Update a contact list
    ("PATCH", "/v1/contact-lists/{contact_list_id}"),
    # lists.md §5 #5 / §5.5 Create contact entries
    ("POST", "/v1/contact-entries"),
    # lists.md §5 #6 / §5.6 List account lists
    ("GET", "/v1/account-lists"),
    # lists.md §5 #7 / §5.7 Create account lists
    ("POST", "/v1/account-lists"),
    # lists.md §5 #8 / §5.8 Get an account list
    ("GET", "/v1/account-lists/{account_list_id}"),
    # lists.md §5 #9 / §5.9 Update an account list
    ("PATCH", "/v1/account-lists/{account_list_id}"),
    # lists.md §5 #10 / §5.10 List entries in an account list
    ("GET", "/v1/account-entries"),
    # lists.md §5 #11 / §5.11 Get an account entry
    ("GET", "/v1/account-entries/{account_entry_id}"),
    # lists.md §5 "likely by symmetry (INFERRED, unverified)"
    ("GET", "/v1/contact-entries"),
    ("GET", "/v1/contact-entries/{contact_entry_id}"),
    ("POST", "/v1/account-entries"),
    # webhooks.md §5.1 List Webhook Subscriptions
    ("GET", "/v1/webhooks"),
    # webhooks.md §5.2 Test Webhook Subscription
    ("POST", "/v1/webhooks/{subscription_id}/test"),
    # webhooks.md §5.3 Create Webhook Subscription (narrative only; path INFERRED)
    ("POST", "/v1/webhooks"),
    # webhooks.md §5.4 Get Webhook Subscription (not found; INFERRED "if it exists")
    ("GET", "/v1/webhooks/{subscription_id}"),
    # webhooks.md §5.5 Update Webhook Subscription (narrative only; path INFERRED)
    ("PATCH", "/v1/webhooks/{subscription_id}"),
    # webhooks.md §5.6 Delete Webhook Subscription (narrative only; path INFERRED)
    ("DELETE", "/v1/webhooks/{subscription_id}"),
    # tasks.md §5.1 List Tasks
    ("GET", "/v1/tasks"),
    # tasks.md §5.2 List Task Messages
    ("GET", "/v1/tasks/{task_id}/messages"),
    # tasks.md §5.3 Reopen Task
    ("POST", "/v1/tasks/{task_id}/reopen"),
    # tasks.md §5.4 Reassign Task
    ("PATCH", "/v1/tasks/{task_id}/assignee"),
    # tasks.md §5.5 Skip (named as a mutation; the sheet's unverified analogy with reopen)
    ("POST", "/v1/tasks/{task_id}/skip"),
]

# activities.md §4.1 `payload.type` (16 values; webhooks.md §4.2 says webhooks deliver the same union). The spec's
# `webhooks:` section has one delivery per event type.
FACT_SHEET_EVENT_TYPES = [
    "message.sent",
    "message.opened",
    "message.link_clicked",
    "message.replied",
    "invitation.sent",
    "invitation.accepted",
    "hot_lead.created",
    "meeting.created",
    "sequence.created",
    "sequence.paused",
    "sequence.resumed",
    "sequence.stopped",
    "sequence.completed",
    "task.created",
    "task.completed",
    "task.skipped",
]


def _key(method: str, path: str) -> tuple[str, str]:
    return method.upper(), re.sub(r"\{[^}]+\}", "{}", path.removeprefix("/v1"))


SPEC_ENDPOINTS = {_key(o.method, o.path): o for o in api_operations()}
DOCUMENTED = {_key(m, p) for m, p in FACT_SHEET_ENDPOINTS}


def test_fact_sheet_list_has_no_duplicates() -> None:
    assert len(DOCUMENTED) == len(FACT_SHEET_ENDPOINTS)


@pytest.mark.parametrize(("method", "path"), FACT_SHEET_ENDPOINTS, ids=[f"{m} {p}" for m, p in FACT_SHEET_ENDPOINTS])
def test_fact_sheet_endpoint_is_in_the_spec(method: str, path: str) -> None:
    assert path.startswith("/v1/")
    assert _key(method, path) in SPEC_ENDPOINTS, f"{method} {path} (as {path.removeprefix('/v1')}) is not in spec/"


@pytest.mark.parametrize("operation", api_operations(), ids=lambda o: o.id)
def test_spec_operation_is_documented_or_marked_inferred(operation: Operation) -> None:
    if _key(operation.method, operation.path) not in DOCUMENTED:
        assert operation.op.get("x-topo-source") == "inferred", (
            f"{operation.method} {operation.path} is in no fact sheet; mark it `x-topo-source: inferred` with a reason"
        )


def test_spec_paths_have_no_v1_prefix() -> None:
    assert [p for p in document()["paths"] if p.startswith("/v1")] == []


def _observed_event_types() -> set[str]:
    """Event types added from live traffic by `make drift --patch` (x-topo-source: observed), not from the docs."""
    return {path for path, item in document().get("webhooks", {}).items()
            if item.get("post", {}).get("x-topo-source") == "observed"}


def test_webhook_deliveries_are_exactly_the_documented_event_types() -> None:
    delivered = sorted(o.path for o in operations() if o.section == "webhooks" and o.path not in _observed_event_types())
    assert delivered == sorted(FACT_SHEET_EVENT_TYPES)


def test_event_type_enum_matches_the_fact_sheet() -> None:
    observed = _observed_event_types()
    enum = [v for v in document()["components"]["schemas"]["EventType"]["enum"] if v not in observed]
    assert enum == FACT_SHEET_EVENT_TYPES
