"""Sequence templates and sequences (enrollments): create, update, pause, resume, stop."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from .._schema import iso, parse_time
from .._state import Record, State
from ._core import ApiError, Call, created_between, emit, found, handles, page, touch, where

SEQUENCE_TERMINAL = frozenset({"SUCCEEDED", "FAILED", "STOPPED_EARLY", "COMPLETED", "REFUSED"})

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


def running(state: State, contact_id: str, template_id: str) -> Record | None:
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
    if (existing := running(state, body["contact_id"], template["id"])) is not None:
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
