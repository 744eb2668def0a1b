"""Every operation of the spec, called over real HTTP with valid arguments; every success body validated."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from topo_ext._spec import operations
from topo_tools.sandbox import Sandbox

Request = tuple[dict[str, str], dict[str, Any], Any]  # path params, query params, JSON body (None: no body)
Arrange = Callable[[Sandbox, httpx.Client], Request]


def pick(table: dict[str, dict[str, Any]], **match: Any) -> dict[str, Any]:
    return next(r for r in table.values() if all(r.get(k) == v for k, v in match.items()))


def active_template(sb: Sandbox) -> str:
    return str(pick(sb.state.sequence_templates, status="ACTIVE")["id"])


def run_in(sb: Sandbox, status: str) -> str:
    """A sequence run in `status` (one is moved there if none is)."""
    with sb.state.lock:
        run = next((r for r in sb.state.sequences.values() if r["status"] == status), None)
        if run is None:
            run = pick(sb.state.sequences, status="ACTIVE")
            run["status"] = status
        return str(run["id"])


def task_in(sb: Sandbox, status: str) -> str:
    with sb.state.lock:
        task = next(iter(sb.state.tasks.values()))
        task = next((t for t in sb.state.tasks.values() if t["status"] == status), task)
        task["status"] = status
        return str(task["id"])


def free_contact(sb: Sandbox, template_id: str) -> str:
    """A contact with no unfinished run of `template_id` (so enrolling it is allowed)."""
    busy = {r["contact_id"] for r in sb.state.sequences.values()
            if r["sequence_template_id"] == template_id and r["status"] not in {"SUCCEEDED", "FAILED", "STOPPED_EARLY",
                                                                                 "COMPLETED", "REFUSED"}}
    return next(c for c in sb.state.contacts if c not in busy)


def created(api: httpx.Client, path: str, body: dict[str, Any]) -> str:
    response = api.post(path, json=body)
    assert response.status_code in (200, 201), response.text
    data = response.json()
    return str(data["items"][0]["resource"]["id"] if "summary" in data else data["id"])


def unique(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


REQUESTS: dict[str, Arrange] = {
    "get_me": lambda sb, api: ({}, {}, None),
    # contacts
    "list_contacts": lambda sb, api: ({}, {"size": 5, "sort_by": "email", "sort_order": "DESC"}, None),
    "get_contact": lambda sb, api: ({"contact_id": next(iter(sb.state.contacts))}, {}, None),
    "get_contact_variables": lambda sb, api: ({"contact_id": next(iter(sb.state.contact_variables))}, {}, None),
    "update_contact_variables": lambda sb, api: (
        {"contact_id": next(iter(sb.state.contacts))}, {},
        {"contact_variables": {"tier": "gold", "nps": None}, "company_variables": {"industry": "SaaS"}}),
    "delete_contact_variables": lambda sb, api: (
        {"contact_id": next(iter(sb.state.contacts))}, {"contact_keys": ["tier", "nps"], "company_keys": ["x"]}, None),
    # exclusions
    "list_contact_exclusions": lambda sb, api: ({}, {"reason": "UNSUBSCRIBED", "sort_by": "reason"}, None),
    "create_contact_exclusion": lambda sb, api: (
        {}, {}, {"reason": "UNSUBSCRIBED", "email": unique("a") + "@example.org", "message": "asked",
                 "until": "2030-01-01T00:00:00Z"}),
    "get_contact_exclusion": lambda sb, api: ({"exclusion_id": next(iter(sb.state.contact_exclusions))}, {}, None),
    "update_contact_exclusion": lambda sb, api: (
        {"exclusion_id": next(iter(sb.state.contact_exclusions))}, {}, {"reason": "BAD_TIMING", "until": None}),
    "delete_contact_exclusion": lambda sb, api: (
        {"exclusion_id": created(api, "/contact-exclusions", {"reason": "OTHER", "linkedin_url": unique("li")})},
        {}, None),
    "list_account_exclusions": lambda sb, api: ({}, {"sort_by": "domain", "sort_order": "asc"}, None),
    "create_account_exclusion": lambda sb, api: ({}, {}, {"domain": unique("d") + ".com", "reason": "COMPETITOR"}),
    "get_account_exclusion": lambda sb, api: ({"exclusion_id": next(iter(sb.state.account_exclusions))}, {}, None),
    "update_account_exclusion": lambda sb, api: (
        {"exclusion_id": next(iter(sb.state.account_exclusions))}, {}, {"message": "reviewed"}),
    "delete_account_exclusion": lambda sb, api: (
        {"exclusion_id": created(api, "/account-exclusions", {"domain": unique("x") + ".io", "reason": "OTHER"})},
        {}, None),
    # lists and entries
    "list_contact_lists": lambda sb, api: ({}, {"sort_by": "name"}, None),
    "create_contact_lists": lambda sb, api: (
        {}, {}, {"items": [{"name": "Fresh"}, {"name": "Auto", "default_sequence_template_id": active_template(sb)}]}),
    "get_contact_list": lambda sb, api: ({"contact_list_id": next(iter(sb.state.contact_lists))}, {}, None),
    "update_contact_list": lambda sb, api: (
        {"contact_list_id": next(iter(sb.state.contact_lists))}, {}, {"name": "Renamed"}),
    "list_contact_entries": lambda sb, api: ({}, {"contact_list_id": next(iter(sb.state.contact_lists))}, None),
    "create_contact_entries": lambda sb, api: (
        {}, {}, {"items": [{"contact_list_id": next(iter(sb.state.contact_lists)), "email": "new@example.com",
                            "first_name": "New", "company_domain": "example.com"}]}),
    "get_contact_entry": lambda sb, api: ({"contact_entry_id": next(iter(sb.state.contact_entries))}, {}, None),
    "list_account_lists": lambda sb, api: ({}, {"created_at_after": "2024-01-01T00:00:00Z"}, None),
    "create_account_lists": lambda sb, api: ({}, {}, {"items": [{"name": "Tier 2"}]}),
    "get_account_list": lambda sb, api: ({"account_list_id": next(iter(sb.state.account_lists))}, {}, None),
    "update_account_list": lambda sb, api: ({"account_list_id": next(iter(sb.state.account_lists))}, {},
                                            {"name": "Tier 1 (renamed)"}),
    "list_account_entries": lambda sb, api: ({}, {"account_list_id": next(iter(sb.state.account_lists))}, None),
    "create_account_entries": lambda sb, api: (
        {}, {}, {"items": [{"account_list_id": next(iter(sb.state.account_lists)), "domain": "Example.ORG",
                            "name": "Example"}]}),
    "get_account_entry": lambda sb, api: ({"account_entry_id": next(iter(sb.state.account_entries))}, {}, None),
    # activities
    "list_activities": lambda sb, api: ({}, {"event_type": "SENT", "sort_order": "ASC", "size": 100}, None),
    "get_activity": lambda sb, api: ({"activity_id": next(iter(sb.state.activities))}, {}, None),
    # sequences and templates
    "list_sequence_templates": lambda sb, api: ({}, {"status": "ACTIVE", "sort_by": "name"}, None),
    "get_sequence_template": lambda sb, api: ({"sequence_template_id": active_template(sb)}, {}, None),
    "list_sequences": lambda sb, api: ({}, {"status": "ACTIVE", "sort_by": "updated_at", "size": 100}, None),
    "create_sequence": lambda sb, api: (
        {}, {}, {"contact_id": free_contact(sb, active_template(sb)), "sequence_template_id": active_template(sb),
                 "variables": {"first_name": "Amélie"}}),
    "get_sequence": lambda sb, api: ({"sequence_id": next(iter(sb.state.sequences))}, {}, None),
    "update_sequence": lambda sb, api: (
        {"sequence_id": next(iter(sb.state.sequences))}, {}, {"variables": {"first_name": "Amy", "company": None}}),
    "pause_sequence": lambda sb, api: ({"sequence_id": run_in(sb, "ACTIVE")}, {},
                                       {"paused_until": "2030-01-06T09:00:00Z"}),
    "resume_sequence": lambda sb, api: ({"sequence_id": run_in(sb, "WAITING_FOR_LEAD")}, {}, None),
    "stop_sequence": lambda sb, api: ({"sequence_id": run_in(sb, "ACTIVE")}, {}, {}),
    # tasks
    "list_tasks": lambda sb, api: ({}, {"types": ["CALL", "EMAIL_REPLY"], "priorities": ["HOT", "TODAY"],
                                        "sort_by": "created_at"}, None),
    "list_task_messages": lambda sb, api: ({"task_id": next(iter(sb.state.tasks))}, {}, None),
    "skip_task": lambda sb, api: ({"task_id": task_in(sb, "PENDING")}, {}, None),
    "reopen_task": lambda sb, api: ({"task_id": task_in(sb, "SKIPPED")}, {}, None),
    "reassign_task": lambda sb, api: ({"task_id": task_in(sb, "IN_PROGRESS")}, {},
                                      {"assignee_user_id": sb.state.user_ids[0], "scope": "SEQUENCE"}),
    # webhooks (the URL is a closed loopback port: the test delivery fails, which is still a 200 answer)
    "list_webhooks": lambda sb, api: ({}, {"size": 100}, None),
    "create_webhook": lambda sb, api: (
        {}, {}, {"name": "CRM sync", "url": "http://127.0.0.1:9/hooks", "event_types": ["message.replied"]}),
    "get_webhook": lambda sb, api: ({"subscription_id": _webhook(api)}, {}, None),
    "update_webhook": lambda sb, api: ({"subscription_id": _webhook(api)}, {}, {"status": "PAUSED"}),
    "delete_webhook": lambda sb, api: ({"subscription_id": _webhook(api)}, {}, None),
    "test_webhook": lambda sb, api: ({"subscription_id": _webhook(api)}, {}, None),
}


def _webhook(api: httpx.Client) -> str:
    return created(api, "/webhooks", {"name": "hook", "url": "http://127.0.0.1:9/h", "event_types": ["task.created"]})


def test_every_spec_operation_has_a_request() -> None:
    assert set(REQUESTS) == set(operations())


@pytest.mark.parametrize("operation_id", sorted(operations()))
def test_operation_answers_a_valid_success(operation_id: str, sb: Sandbox, api: httpx.Client, validate: Any,
                                           spec_response: Any) -> None:
    op = operations()[operation_id]
    path_params, query, body = REQUESTS[operation_id](sb, api)
    url = op.path.format(**path_params)
    response = api.request(op.method, url, params=query, json=body)

    assert response.status_code == op.success_status, response.text
    assert response.headers["x-request-id"].startswith("req_")
    schema = spec_response(op.path, op.method, op.success_status)
    if schema is None:
        assert response.content == b""
    else:
        assert response.headers["content-type"].startswith("application/json")
        validate(response.json(), schema)
