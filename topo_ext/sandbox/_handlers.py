"""One handler per spec operation. Arguments arrive already checked against the spec (see `_app.py`).

Sync handlers run under the state lock; an async handler (webhook test) takes the lock itself around state access.
A handler returns the JSON-ready body (None for 204) or raises `ApiError`.
"""

from __future__ import annotations

import math
import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import httpx
from starlette.concurrency import run_in_threadpool

from .._spec import OperationSpec
from ._faults import SERVER_ERROR_TYPE
from ._schema import Invalid, iso, parse_time
from ._seed import payload_for
from ._state import ApiKey, Delivery, Record, State
from ._webhooks import deliver, encode

__all__ = ["HANDLERS", "ApiError", "Call"]

VARIABLES_PER_SCOPE = 200
SEQUENCE_TERMINAL = frozenset({"SUCCEEDED", "FAILED", "STOPPED_EARLY", "COMPLETED", "REFUSED"})
TASK_ACTIONABLE = frozenset({"PENDING", "IN_PROGRESS"})


class ApiError(Exception):
    """An error answer: HTTP status, the API's error `type`, a message and optional structured `data`."""

    def __init__(self, status: int, error_type: str, message: str, data: Any = None) -> None:
        super().__init__(message)
        self.status = status
        self.type = error_type
        self.message = message
        self.data = data


@dataclass
class Call:
    """One checked request: path parameters, query parameters (with spec defaults) and body."""

    state: State
    op: OperationSpec
    key: ApiKey
    path: dict[str, Any]
    query: dict[str, Any]
    provided: set[str]  # query parameters the client actually sent
    body: Any = None
    request_id: str = ""
    _read: set[str] = field(default_factory=set)

    def q(self, name: str) -> Any:
        """A query parameter's value (None when absent); reading it marks it as implemented."""
        self._read.add(name)
        return self.query.get(name)

    def check_all_read(self) -> None:
        """Fail loudly when the spec grew a parameter the sandbox does not implement (never ignore a filter)."""
        unread = sorted(self.provided - self._read)
        if unread:
            raise ApiError(500, SERVER_ERROR_TYPE, f"the sandbox does not implement query parameter(s) "
                                                 f"{', '.join(unread)} of {self.op.operation_id}")


Handler = Callable[[Call], Any]
HANDLERS: dict[str, Handler] = {}


def handles(*operation_ids: str) -> Callable[[Handler], Handler]:
    def register(handler: Handler) -> Handler:
        for op_id in operation_ids:
            HANDLERS[op_id] = handler
        return handler

    return register


# shared helpers --------------------------------------------------------------------------------------------


def found(table: dict[str, Record], record_id: str, what: str) -> Record:
    record = table.get(record_id)
    if record is None:
        raise ApiError(404, "NotFoundIssue", f"{what} not found")
    return record


def page(call: Call, rows: Iterable[Record], *, sort_default: str = "created_at") -> Record:
    """Sort (sort_by / sort_order, ties by id) and cut one page out of `rows`, in the list envelope."""
    sort_by, order = call.q("sort_by"), call.q("sort_order")
    number, size = call.q("page"), call.q("size")
    key = sort_by or sort_default
    items = sorted(rows, key=lambda r: (r.get(key) is None, r.get(key) or "", r["id"]), reverse=order == "desc")
    total_pages = math.ceil(len(items) / size)
    chunk = items[(number - 1) * size: number * size]
    return {"items": chunk, "total_count": len(items), "total_pages": total_pages, "has_more": number < total_pages}


def where(rows: Iterable[Record], call: Call, **fields: str) -> list[Record]:
    """Keep rows whose `field` equals query parameter `param` (for each given param=field pair that was sent)."""
    out = list(rows)
    for param, name in fields.items():
        wanted = call.q(param)
        if wanted is not None:
            out = [r for r in out if r.get(name) == wanted]
    return out


def created_between(rows: Iterable[Record], call: Call, name: str = "created_at",
                    after: str = "created_at_after", before: str = "created_at_before") -> list[Record]:
    low, high = call.q(after), call.q(before) if before else None
    out = list(rows)
    if low is not None:
        out = [r for r in out if r.get(name) and parse_time(r[name]) > low]
    if high is not None:
        out = [r for r in out if r.get(name) and parse_time(r[name]) < high]
    return out


def normalize_linkedin(url: str | None) -> str | None:
    if not url:
        return None
    text = url.strip().lower().split("?")[0].rstrip("/")
    for prefix in ("https://", "http://", "www."):
        text = text.removeprefix(prefix)
    return text


def emit(state: State, event_type: str, run: Record | None, **fields: Any) -> None:
    """Record the activity an action causes (and so deliver it to webhook subscribers)."""
    ids = {"person_id": run["contact_id"], "sequence_id": run["id"],
           "sequence_template_id": run["sequence_template_id"]} if run else {}
    state.add_activity(event_type, **{**ids, **fields})


def touch(record: Record, state: State, **changes: Any) -> Record:
    record.update(changes, updated_at=state.now())
    return record


# me, contacts ----------------------------------------------------------------------------------------------


@handles("get_me")
def get_me(call: Call) -> Record:
    return call.key.as_me(call.state.organization_id)


@handles("list_contacts")
def list_contacts(call: Call) -> Record:
    rows = where(call.state.contacts.values(), call, contact_id="id")
    if (email := call.q("email")) is not None:
        rows = [r for r in rows if (r["email"] or "").lower() == email.lower()]
    if (linkedin := call.q("linkedin_url")) is not None:
        rows = [r for r in rows if normalize_linkedin(r["linkedin_url"]) == normalize_linkedin(linkedin)]
    rows = created_between(rows, call, "first_seen_at", "first_seen_after", "")
    rows = created_between(rows, call, "last_seen_at", "last_seen_after", "")
    return page(call, rows, sort_default="first_seen_at")


@handles("get_contact")
def get_contact(call: Call) -> Record:
    return found(call.state.contacts, call.path["contact_id"], "Contact")


def _variables(state: State, contact: Record) -> tuple[dict[str, Any], dict[str, Any]]:
    company = contact.get("company_domain") or f"contact:{contact['id']}"
    return state.contact_variables.setdefault(contact["id"], {}), state.company_variables.setdefault(company, {})


@handles("get_contact_variables")
def get_contact_variables(call: Call) -> Record:
    mine, company = _variables(call.state, found(call.state.contacts, call.path["contact_id"], "Contact"))
    return {"contact_variables": dict(mine), "company_variables": dict(company)}


@handles("update_contact_variables")
def update_contact_variables(call: Call) -> Record:
    contact = found(call.state.contacts, call.path["contact_id"], "Contact")
    mine, company = _variables(call.state, contact)
    for name, target in (("contact_variables", mine), ("company_variables", company)):
        new = call.body.get(name) or {}
        if len(set(target) | set(new)) > VARIABLES_PER_SCOPE:
            raise ApiError(422, "BusinessIssue", f"{name} would hold more than {VARIABLES_PER_SCOPE} variables; "
                                                 "delete some keys first", {"field": name})
    mine.update(call.body.get("contact_variables") or {})
    company.update(call.body.get("company_variables") or {})
    contact["last_seen_at"] = call.state.now()
    return {"contact_variables": dict(mine), "company_variables": dict(company)}


@handles("delete_contact_variables")
def delete_contact_variables(call: Call) -> None:
    mine, company = _variables(call.state, found(call.state.contacts, call.path["contact_id"], "Contact"))
    for key in call.q("contact_keys") or ():
        mine.pop(key, None)
    for key in call.q("company_keys") or ():
        company.pop(key, None)


# exclusions ------------------------------------------------------------------------------------------------


@handles("list_contact_exclusions")
def list_contact_exclusions(call: Call) -> Record:
    rows = where(call.state.contact_exclusions.values(), call, email="email", linkedin_url="linkedin_url",
                 reason="reason")
    return page(call, created_between(rows, call))


@handles("list_account_exclusions")
def list_account_exclusions(call: Call) -> Record:
    rows = where(call.state.account_exclusions.values(), call, domain="domain", reason="reason")
    return page(call, created_between(rows, call))


@handles("create_contact_exclusion")
def create_contact_exclusion(call: Call) -> Record:
    body, state = call.body, call.state
    email, linkedin = body.get("email") or None, body.get("linkedin_url") or None
    if email is None and linkedin is None:
        raise Invalid("email", "email or linkedin_url is required (at least one of them)")
    for other in state.contact_exclusions.values():
        if (email and (other["email"] or "").lower() == email.lower()) or (
                linkedin and normalize_linkedin(other["linkedin_url"]) == normalize_linkedin(linkedin)):
            raise ApiError(409, "CommitIssue", "An exclusion for this person already exists",
                           {"existing_id": other["id"]})
    now = state.now()
    record: Record = {"id": state.new_id(), "email": email, "linkedin_url": linkedin, "reason": body["reason"],
                      "message": body.get("message"), "until": _time(body.get("until")), "created_at": now,
                      "updated_at": now}
    state.contact_exclusions[record["id"]] = record
    return record


@handles("create_account_exclusion")
def create_account_exclusion(call: Call) -> Record:
    body, state = call.body, call.state
    domain = body["domain"].strip().lower()
    if not domain:
        raise Invalid("domain", "domain must not be empty")
    for other in state.account_exclusions.values():
        if (other["domain"] or "").lower() == domain:
            raise ApiError(409, "CommitIssue", f"An exclusion for {domain} already exists",
                           {"existing_id": other["id"]})
    now = state.now()
    record: Record = {"id": state.new_id(), "domain": domain, "reason": body["reason"],
                      "message": body.get("message"), "until": _time(body.get("until")), "created_at": now,
                      "updated_at": now}
    state.account_exclusions[record["id"]] = record
    return record


def _time(value: str | None) -> str | None:
    return iso(parse_time(value)) if value else None


def _exclusion_table(call: Call) -> tuple[dict[str, Record], str]:
    if "contact" in call.op.operation_id:
        return call.state.contact_exclusions, "Contact exclusion"
    return call.state.account_exclusions, "Account exclusion"


@handles("get_contact_exclusion", "get_account_exclusion")
def get_exclusion(call: Call) -> Record:
    table, what = _exclusion_table(call)
    return found(table, call.path["exclusion_id"], what)


@handles("update_contact_exclusion", "update_account_exclusion")
def update_exclusion(call: Call) -> Record:
    table, what = _exclusion_table(call)
    record = found(table, call.path["exclusion_id"], what)
    changes = {k: v for k, v in call.body.items() if k in ("reason", "message")}
    if "until" in call.body:
        changes["until"] = _time(call.body["until"])
    return touch(record, call.state, **changes)


@handles("delete_contact_exclusion", "delete_account_exclusion")
def delete_exclusion(call: Call) -> None:
    table, what = _exclusion_table(call)
    found(table, call.path["exclusion_id"], what)
    del table[call.path["exclusion_id"]]


# lists and entries -----------------------------------------------------------------------------------------


@handles("list_contact_lists")
def list_contact_lists(call: Call) -> Record:
    return page(call, created_between(where(call.state.contact_lists.values(), call, name="name"), call))


@handles("list_account_lists")
def list_account_lists(call: Call) -> Record:
    return page(call, created_between(where(call.state.account_lists.values(), call, name="name"), call))


@handles("get_contact_list")
def get_contact_list(call: Call) -> Record:
    return found(call.state.contact_lists, call.path["contact_list_id"], "Contact list")


@handles("get_account_list")
def get_account_list(call: Call) -> Record:
    return found(call.state.account_lists, call.path["account_list_id"], "Account list")


def _template_ref(state: State, template_id: str | None, field_name: str) -> None:
    if template_id is not None and template_id not in state.sequence_templates:
        raise Invalid(field_name, f"{field_name}: no sequence template {template_id} in this workspace")


def batch(state: State, items: list[Record], check_item: Callable[[int, Record], None],
          create: Callable[[Record, str], Record]) -> Record:
    """All-or-nothing batch create: check every item first (400 on the first bad one), then create them all."""
    for index, item in enumerate(items):
        check_item(index, item)
    now = state.now()
    results = [{"index": i, "status": "CREATED", "resource": create(item, now), "error": None}
               for i, item in enumerate(items)]
    return {"items": results, "summary": {"total": len(items), "succeeded": len(items), "failed": 0}}


@handles("create_contact_lists")
def create_contact_lists(call: Call) -> Record:
    state = call.state

    def check_item(i: int, item: Record) -> None:
        _template_ref(state, item.get("default_sequence_template_id"), f"items[{i}].default_sequence_template_id")

    def create(item: Record, now: str) -> Record:
        record: Record = {"id": state.new_id(), "name": item.get("name"),
                          "default_sequence_template_id": item.get("default_sequence_template_id"), "entries_count": 0,
                          "created_at": now, "updated_at": now}
        state.contact_lists[record["id"]] = record
        return record

    return batch(state, call.body["items"], check_item, create)


@handles("create_account_lists")
def create_account_lists(call: Call) -> Record:
    state = call.state

    def create(item: Record, now: str) -> Record:
        record: Record = {"id": state.new_id(), "name": item["name"], "entries_count": 0, "created_at": now,
                          "updated_at": now}
        state.account_lists[record["id"]] = record
        return record

    return batch(state, call.body["items"], lambda i, item: None, create)


@handles("update_contact_list")
def update_contact_list(call: Call) -> Record:
    record = found(call.state.contact_lists, call.path["contact_list_id"], "Contact list")
    if "default_sequence_template_id" in call.body:
        _template_ref(call.state, call.body["default_sequence_template_id"], "default_sequence_template_id")
    changes = {k: v for k, v in call.body.items() if k in ("name", "default_sequence_template_id")}
    return touch(record, call.state, **changes)


@handles("update_account_list")
def update_account_list(call: Call) -> Record:
    record = found(call.state.account_lists, call.path["account_list_id"], "Account list")
    return touch(record, call.state, **{k: v for k, v in call.body.items() if k == "name"})


@handles("list_contact_entries")
def list_contact_entries(call: Call) -> Record:
    return page(call, where(call.state.contact_entries.values(), call, contact_list_id="contact_list_id"))


@handles("list_account_entries")
def list_account_entries(call: Call) -> Record:
    return page(call, where(call.state.account_entries.values(), call, account_list_id="account_list_id"))


@handles("get_contact_entry")
def get_contact_entry(call: Call) -> Record:
    return found(call.state.contact_entries, call.path["contact_entry_id"], "Contact entry")


@handles("get_account_entry")
def get_account_entry(call: Call) -> Record:
    return found(call.state.account_entries, call.path["account_entry_id"], "Account entry")


def _resolve_contact(state: State, email: str | None, linkedin: str | None) -> Record | None:
    for contact in state.contacts.values():
        if email and (contact["email"] or "").lower() == email.lower():
            return contact
        if linkedin and normalize_linkedin(contact["linkedin_url"]) == normalize_linkedin(linkedin):
            return contact
    return None


@handles("create_contact_entries")
def create_contact_entries(call: Call) -> Record:
    state = call.state

    def check_item(i: int, item: Record) -> None:
        if item["contact_list_id"] not in state.contact_lists:
            raise Invalid(f"items[{i}].contact_list_id",
                          f"items[{i}].contact_list_id: no contact list {item['contact_list_id']} in this workspace")
        if not item.get("email") and not item.get("linkedin_url"):
            raise Invalid(f"items[{i}].email", f"items[{i}]: email or linkedin_url is required")

    def create(item: Record, now: str) -> Record:
        contact = _resolve_contact(state, item.get("email"), item.get("linkedin_url"))
        fields = ("first_name", "last_name", "email", "linkedin_url", "company_name", "company_domain", "job_title",
                  "phone")
        record: Record = {"id": state.new_id(), "contact_list_id": item["contact_list_id"],
                          "contact_id": contact["id"] if contact else None, **{f: item.get(f) for f in fields},
                          "description": None, "location": None, "created_at": now, "updated_at": now}
        state.contact_entries[record["id"]] = record
        parent = state.contact_lists[item["contact_list_id"]]
        touch(parent, state, entries_count=parent["entries_count"] + 1)
        template_id = parent.get("default_sequence_template_id")
        if contact is not None:
            contact["last_seen_at"] = now
            template = state.sequence_templates.get(template_id or "")
            if template is not None and template["status"] == "ACTIVE" and not _running(state, contact["id"],
                                                                                          template["id"]):
                enroll(state, contact["id"], template["id"], {}, source_list=parent["id"])
        return record

    return batch(state, call.body["items"], check_item, create)


@handles("create_account_entries")
def create_account_entries(call: Call) -> Record:
    state = call.state

    def check_item(i: int, item: Record) -> None:
        if item["account_list_id"] not in state.account_lists:
            raise Invalid(f"items[{i}].account_list_id",
                          f"items[{i}].account_list_id: no account list {item['account_list_id']} in this workspace")
        if not item["domain"].strip():
            raise Invalid(f"items[{i}].domain", f"items[{i}].domain must not be empty")

    def create(item: Record, now: str) -> Record:
        record: Record = {"id": state.new_id(), "account_list_id": item["account_list_id"],
                          "name": item.get("name") or item["domain"], "domain": item["domain"].strip().lower(),
                          "created_at": now, "updated_at": now}
        state.account_entries[record["id"]] = record
        parent = state.account_lists[item["account_list_id"]]
        touch(parent, state, entries_count=parent["entries_count"] + 1)
        return record

    return batch(state, call.body["items"], check_item, create)


# activities ------------------------------------------------------------------------------------------------


@handles("list_activities")
def list_activities(call: Call) -> Record:
    state = call.state
    window = state.activity_window(call.q("created_at_after"), call.q("created_at_before"))
    wanted = {n: v for n in ("person_id", "sequence_id", "sequence_template_id", "resource_type", "channel")
              if (v := call.q(n)) is not None}
    event = call.q("event_type")
    if wanted or event is not None:
        # SENT matches message.sent and invitation.sent: the filter is the upper-cased action of the type.
        window = [(t, i) for t, i in window
                  if all(state.activities[i]["payload"].get(n) == v for n, v in wanted.items())
                  and (event is None or str(state.activities[i]["payload"].get("type", "")).partition(".")[2].upper()
                       == event)]
    call.q("sort_by")  # created_at is the only sort field, and the order the window is already in
    if call.q("sort_order") == "desc":
        window.reverse()
    number, size = call.q("page"), call.q("size")
    total_pages = math.ceil(len(window) / size)
    return {"items": [state.activities[i] for _, i in window[(number - 1) * size: number * size]],
            "total_count": len(window), "total_pages": total_pages, "has_more": number < total_pages}


@handles("get_activity")
def get_activity(call: Call) -> Record:
    return found(call.state.activities, call.path["activity_id"], "Activity")


# sequences and templates -----------------------------------------------------------------------------------


@handles("list_sequence_templates")
def list_sequence_templates(call: Call) -> Record:
    rows = where(call.state.sequence_templates.values(), call, name="name", status="status")
    return page(call, created_between(rows, call))


@handles("get_sequence_template")
def get_sequence_template(call: Call) -> Record:
    return found(call.state.sequence_templates, call.path["sequence_template_id"], "Sequence template")


@handles("list_sequences")
def list_sequences(call: Call) -> Record:
    return page(call, created_between(where(call.state.sequences.values(), call, status="status"), call))


@handles("get_sequence")
def get_sequence(call: Call) -> Record:
    return found(call.state.sequences, call.path["sequence_id"], "Sequence")


def _running(state: State, contact_id: str, template_id: str) -> Record | None:
    for run in state.sequences.values():
        if (run["contact_id"], run["sequence_template_id"]) == (contact_id, template_id) \
                and run["status"] not in SEQUENCE_TERMINAL:
            return run
    return None


def enroll(state: State, contact_id: str, template_id: str, variables: dict[str, str],
           source_list: str | None = None) -> Record:
    now = state.now()
    run: Record = {"id": state.new_id(), "organization_id": state.organization_id, "contact_id": contact_id,
                   "sequence_template_id": template_id, "status": "ACTIVE", "variables": dict(variables),
                   "source_contact_list_id": source_list, "last_step_executed_at": None, "created_at": now,
                   "updated_at": now}
    state.sequences[run["id"]] = run
    emit(state, "sequence.created", run)
    return run


@handles("create_sequence")
def create_sequence(call: Call) -> Record:
    state, body = call.state, call.body
    found(state.contacts, body["contact_id"], "Contact")
    template = found(state.sequence_templates, body["sequence_template_id"], "Sequence template")
    if template["status"] != "ACTIVE":
        raise ApiError(422, "BusinessIssue", f"Sequence template is {template['status']}; only ACTIVE templates "
                                             "accept enrollments", {"status": template["status"]})
    if (existing := _running(state, body["contact_id"], template["id"])) is not None:
        raise ApiError(409, "CommitIssue", "The contact is already running in this sequence template",
                       {"existing_id": existing["id"]})
    return enroll(state, body["contact_id"], template["id"], body.get("variables") or {})


@handles("update_sequence")
def update_sequence(call: Call) -> Record:
    run = found(call.state.sequences, call.path["sequence_id"], "Sequence")
    if "variables" in call.body:
        merged = dict(run.get("variables") or {})
        for name, value in call.body["variables"].items():
            if value is None:
                merged.pop(name, None)
            else:
                merged[name] = value
        run["variables"] = merged
    return touch(run, call.state)


def _transition(call: Call, allowed: Iterable[str], action: str) -> Record:
    run = found(call.state.sequences, call.path["sequence_id"], "Sequence")
    if run["status"] not in allowed:
        raise ApiError(422, "BusinessIssue", f"Cannot {action} a sequence whose status is {run['status']}",
                       {"status": run["status"]})
    return run


@handles("pause_sequence")
def pause_sequence(call: Call) -> Record:
    run = _transition(call, ("ACTIVE", "WAITING_FOR_USER"), "pause")
    until: datetime = parse_time(call.body["paused_until"])
    touch(run, call.state, status="WAITING_FOR_LEAD")
    emit(call.state, "sequence.paused", run, metadata={"paused_until": iso(until), "last_step_executed": None})
    return run


@handles("resume_sequence")
def resume_sequence(call: Call) -> Record:
    run = _transition(call, ("WAITING_FOR_LEAD",), "resume")
    touch(run, call.state, status="ACTIVE")
    emit(call.state, "sequence.resumed", run)
    return run


@handles("stop_sequence")
def stop_sequence(call: Call) -> Record:
    run = _transition(call, {"ACTIVE", "WAITING_FOR_LEAD", "WAITING_FOR_USER", "FOUND"}, "stop")
    touch(run, call.state, status="STOPPED_EARLY")
    emit(call.state, "sequence.stopped", run, metadata={"stopped_reason": "STOPPED_VIA_API", "error_code": None})
    return run


# tasks -----------------------------------------------------------------------------------------------------


@handles("list_tasks")
def list_tasks(call: Call) -> Record:
    state = call.state
    rows = where(state.tasks.values(), call, sequence_id="sequence_id", status="status",
                 assignee_user_id="assignee_user_id")
    if templates := call.q("sequence_template_ids"):
        rows = [t for t in rows if state.sequences.get(t["sequence_id"], {}).get("sequence_template_id") in templates]
    if types := call.q("types"):
        rows = [t for t in rows if t["type"] in types]
    if priorities := call.q("priorities"):
        rows = [t for t in rows if t["priority"] in priorities]
    return page(call, created_between(rows, call))


@handles("list_task_messages")
def list_task_messages(call: Call) -> list[Record]:
    found(call.state.tasks, call.path["task_id"], "Task")
    return call.state.task_messages.get(call.path["task_id"], [])


def _task_event(state: State, task: Record, event_type: str, **fields: Any) -> None:
    emit(state, event_type, state.sequences.get(task["sequence_id"]), task_id=task["id"], **fields)


@handles("skip_task")
def skip_task(call: Call) -> Record:
    task = found(call.state.tasks, call.path["task_id"], "Task")
    if task["status"] not in TASK_ACTIONABLE:
        raise ApiError(422, "BusinessIssue", f"Cannot skip a task whose status is {task['status']}",
                       {"status": task["status"]})
    now = call.state.now()
    touch(task, call.state, status="SKIPPED", skipped_at=now)
    _task_event(call.state, task, "task.skipped")
    return task


@handles("reopen_task")
def reopen_task(call: Call) -> Record:
    task = found(call.state.tasks, call.path["task_id"], "Task")
    if task["status"] in TASK_ACTIONABLE:
        raise ApiError(422, "BusinessIssue", f"Cannot reopen a task whose status is {task['status']}",
                       {"status": task["status"]})
    touch(task, call.state, status="PENDING", reopened_at=call.state.now(), reopen_reason=None, skipped_at=None,
          completed_at=None, disposition=None)
    # No event type exists for a reopen; the task is actionable again, which subscribers see as task.created.
    _task_event(call.state, task, "task.created", metadata={"reopened": True})
    return task


@handles("reassign_task")
def reassign_task(call: Call) -> Record:
    task = found(call.state.tasks, call.path["task_id"], "Task")
    assignee = call.body["assignee_user_id"]
    if call.body.get("scope", "TASK") == "SEQUENCE":
        for other in call.state.tasks.values():
            if other["sequence_id"] == task["sequence_id"] and other["status"] in TASK_ACTIONABLE:
                touch(other, call.state, assignee_user_id=assignee)
        return task
    if task["status"] not in TASK_ACTIONABLE:
        raise ApiError(422, "BusinessIssue", f"Cannot reassign a task whose status is {task['status']}",
                       {"status": task["status"]})
    return touch(task, call.state, assignee_user_id=assignee)


# webhooks --------------------------------------------------------------------------------------------------


def _check_url(url: str, field_name: str = "url") -> None:
    if not url.lower().startswith(("https://", "http://")):
        raise Invalid(field_name, f"{field_name} must be an http(s) URL")


@handles("list_webhooks")
def list_webhooks(call: Call) -> Record:
    return page(call, call.state.webhooks.values())


@handles("create_webhook")
def create_webhook(call: Call) -> Record:
    state, body = call.state, call.body
    _check_url(body["url"])
    secret = "whsec_" + secrets.token_urlsafe(32)
    now = state.now()
    record: Record = {"id": state.new_id(), "name": body["name"], "url": body["url"],
                      "description": body.get("description"), "event_types": list(body["event_types"]),
                      "sequence_template_ids": body.get("sequence_template_ids"), "status": "ACTIVE",
                      "secret_prefix": secret[:10], "created_at": now, "updated_at": now}
    state.webhooks[record["id"]] = record
    state.webhook_secrets[record["id"]] = secret
    return {**record, "secret": secret}


@handles("get_webhook")
def get_webhook(call: Call) -> Record:
    return found(call.state.webhooks, call.path["subscription_id"], "Webhook subscription")


@handles("update_webhook")
def update_webhook(call: Call) -> Record:
    record = found(call.state.webhooks, call.path["subscription_id"], "Webhook subscription")
    if "url" in call.body:
        _check_url(call.body["url"])
    fields = ("name", "url", "description", "event_types", "sequence_template_ids", "status")
    return touch(record, call.state, **{k: v for k, v in call.body.items() if k in fields})


@handles("delete_webhook")
def delete_webhook(call: Call) -> None:
    found(call.state.webhooks, call.path["subscription_id"], "Webhook subscription")
    del call.state.webhooks[call.path["subscription_id"]]
    del call.state.webhook_secrets[call.path["subscription_id"]]


@handles("test_webhook")
async def test_webhook(call: Call) -> Record:
    state = call.state
    with state.lock:
        sub = dict(found(state.webhooks, call.path["subscription_id"], "Webhook subscription"))
        secret = state.webhook_secrets[sub["id"]]
        event_type = sub["event_types"][0] if sub["event_types"] else "message.sent"
        payload = payload_for(state, state.rng, event_type, datetime.fromisoformat(state.now()))
        if sub.get("sequence_template_ids"):
            payload["sequence_template_id"] = sub["sequence_template_ids"][0]

    def send() -> tuple[int | None, str | None]:
        with httpx.Client(trust_env=False) as client:
            return deliver(client, sub["url"], secret, encode(payload))

    status, error = await run_in_threadpool(send)
    state.record_delivery(Delivery(sub["id"], event_type, sub["url"], error is None, status, error, test=True))
    return {"delivered": error is None, "error": error}
