import datetime
from collections.abc import Mapping
from typing import Any
from uuid import UUID

import httpx

from ...models.sort_order import SortOrder
from ...models.task_priority import TaskPriority
from ...models.task_sort_by import TaskSortBy
from ...models.task_status import TaskStatus
from ...models.task_type import TaskType
from ...types import UNSET, Unset


def _get_kwargs(
    *,
    page: int | Unset = 1,
    size: int | Unset = 10,
    sort_by: TaskSortBy | Unset = UNSET,
    sort_order: SortOrder | Unset = UNSET,
    sequence_id: UUID | Unset = UNSET,
    sequence_template_ids: list[UUID] | Unset = UNSET,
    types: list[TaskType] | Unset = UNSET,
    status: TaskStatus | Unset = UNSET,
    priorities: list[TaskPriority] | Unset = UNSET,
    assignee_user_id: UUID | Unset = UNSET,
    created_at_after: datetime.datetime | Unset = UNSET,
    created_at_before: datetime.datetime | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page"] = page

    params["size"] = size

    json_sort_by: str | Unset = UNSET
    if not isinstance(sort_by, Unset):
        json_sort_by = sort_by.value

    params["sort_by"] = json_sort_by

    json_sort_order: str | Unset = UNSET
    if not isinstance(sort_order, Unset):
        json_sort_order = sort_order.value

    params["sort_order"] = json_sort_order

    json_sequence_id: str | Unset = UNSET
    if not isinstance(sequence_id, Unset):
        json_sequence_id = str(sequence_id)
    params["sequence_id"] = json_sequence_id

    json_sequence_template_ids: list[str] | Unset = UNSET
    if not isinstance(sequence_template_ids, Unset):
        json_sequence_template_ids = []
        for sequence_template_ids_item_data in sequence_template_ids:
            sequence_template_ids_item = str(sequence_template_ids_item_data)
            json_sequence_template_ids.append(sequence_template_ids_item)

    params["sequence_template_ids"] = json_sequence_template_ids

    json_types: list[str] | Unset = UNSET
    if not isinstance(types, Unset):
        json_types = []
        for types_item_data in types:
            types_item = types_item_data.value
            json_types.append(types_item)

    params["types"] = json_types

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    json_priorities: list[str] | Unset = UNSET
    if not isinstance(priorities, Unset):
        json_priorities = []
        for priorities_item_data in priorities:
            priorities_item = priorities_item_data.value
            json_priorities.append(priorities_item)

    params["priorities"] = json_priorities

    json_assignee_user_id: str | Unset = UNSET
    if not isinstance(assignee_user_id, Unset):
        json_assignee_user_id = str(assignee_user_id)
    params["assignee_user_id"] = json_assignee_user_id

    json_created_at_after: str | Unset = UNSET
    if not isinstance(created_at_after, Unset):
        json_created_at_after = created_at_after.isoformat()
    params["created_at_after"] = json_created_at_after

    json_created_at_before: str | Unset = UNSET
    if not isinstance(created_at_before, Unset):
        json_created_at_before = created_at_before.isoformat()
    params["created_at_before"] = json_created_at_before

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/tasks",
        "params": params,
    }

    return _kwargs


def build_request(
    *,
    page: int | Unset = 1,
    size: int | Unset = 10,
    sort_by: TaskSortBy | str | Unset = UNSET,
    sort_order: SortOrder | str | Unset = UNSET,
    sequence_id: UUID | str | Unset = UNSET,
    sequence_template_ids: list[UUID | str] | Unset = UNSET,
    types: list[TaskType | str] | Unset = UNSET,
    status: TaskStatus | str | Unset = UNSET,
    priorities: list[TaskPriority | str] | Unset = UNSET,
    assignee_user_id: UUID | str | Unset = UNSET,
    created_at_after: datetime.datetime | Unset = UNSET,
    created_at_before: datetime.datetime | Unset = UNSET,
    extra_headers: Mapping[str, str] | None = None,
    extra_query: Mapping[str, Any] | None = None,
    extra_body: Mapping[str, Any] | None = None,
    timeout: float | httpx.Timeout | None = None,
) -> dict[str, Any]:
    """List tasks

    Pages through the workspace's tasks, filtered by sequence run, template, type, status, priority,
    assignee or creation time.

    Args:
        page
        size
        sort_by: Sort fields of list_tasks.
        sort_order: Sort direction. The client also accepts `ASC`/`DESC` and sends the lowercase value.
        sequence_id
        sequence_template_ids
        types
        status: Lifecycle state of a task. PENDING: open, waiting for someone. IN_PROGRESS: an assignee
            has opened it and is working on it. COMPLETED: done. SKIPPED: deliberately not done. New
            values may be added within /v1.
        priorities
        assignee_user_id
        created_at_after
        created_at_before

    Per request: extra_headers, extra_query and extra_body are sent as given (values newer than this spec),
    timeout in seconds.
    """

    if isinstance(sort_by, str) and not isinstance(sort_by, TaskSortBy):
        sort_by = TaskSortBy(sort_by)
    if isinstance(sort_order, str) and not isinstance(sort_order, SortOrder):
        sort_order = SortOrder(sort_order)

    if isinstance(types, list):
        types = [TaskType(v) if isinstance(v, str) else v for v in types]
    if isinstance(status, str) and not isinstance(status, TaskStatus):
        status = TaskStatus(status)
    if isinstance(priorities, list):
        priorities = [TaskPriority(v) if isinstance(v, str) else v for v in priorities]

    request = _get_kwargs(
        page=page,
        size=size,
        sort_by=sort_by,
        sort_order=sort_order,
        sequence_id=sequence_id,
        sequence_template_ids=sequence_template_ids,
        types=types,
        status=status,
        priorities=priorities,
        assignee_user_id=assignee_user_id,
        created_at_after=created_at_after,
        created_at_before=created_at_before,
    )
    # Extras are sent as given: the way to use values newer than this spec.
    if extra_headers:
        request["headers"] = {**request.get("headers", {}), **extra_headers}
    if extra_query:
        request["params"] = {**request.get("params", {}), **extra_query}
    if extra_body:
        if not isinstance(request.get("json", {}), dict):
            raise TypeError("extra_body: this operation's body is not a JSON object")
        request["json"] = {**request.get("json", {}), **extra_body}
    if timeout is not None:
        request["timeout"] = timeout
    return request
