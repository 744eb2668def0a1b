"""Tasks: list, messages, skip, reopen, reassign."""

from __future__ import annotations

from typing import Any

from .._state import Record, State
from ._core import ApiError, Call, created_between, emit, found, handles, page, touch, where

TASK_ACTIONABLE = frozenset({"PENDING", "IN_PROGRESS"})

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
