"""`client.tasks`: generated from the spec by generator/resources.py; do not edit."""

import builtins
from collections import abc
from collections.abc import Mapping
from datetime import datetime
from typing import Any, overload
from uuid import UUID

import httpx

from topo_ext._operations import Operation
from topo_ext._pagination import AsyncPaginator, SyncPage, async_list, sync_list
from topo_ext._resource import (
    NOT_GIVEN,
    AsyncAPIResource,
    NotGiven,
    SyncAPIResource,
    async_list_to_raw,
    async_to_raw,
    operation,
    to_raw,
)
from topo_ext._spec import OperationSpec, ParameterSpec

from ..api.tasks import list_task_messages, list_tasks, reassign_task, reopen_task, skip_task
from ..models import SortOrder, TaskPriority, TaskReassignRequest, TaskReassignScope, TaskSortBy, TaskStatus, TaskType
from ..responses import Task, TaskMessage, TaskPage
from ._values import (
    SortOrderValue,
    TaskPriorityValue,
    TaskReassignScopeValue,
    TaskSortByValue,
    TaskStatusValue,
    TaskTypeValue,
)

_LIST_TASKS = Operation(
    "list_tasks",
    list_tasks.build_request,
    TaskPage,
    OperationSpec(
        operation_id="list_tasks",
        method="GET",
        path="/tasks",
        resource="tasks",
        python_method="list",
        scopes=("tasks:read",),
        params={
            "page": ParameterSpec("page", "query", False, {"type": "integer", "minimum": 1}),
            "size": ParameterSpec("size", "query", False, {"type": "integer", "minimum": 1, "maximum": 100}),
            "sort_by": ParameterSpec(
                "sort_by", "query", False, {"type": "string", "enum": ["created_at", "updated_at"]}
            ),
            "sort_order": ParameterSpec("sort_order", "query", False, {"type": "string", "enum": ["asc", "desc"]}),
            "sequence_id": ParameterSpec("sequence_id", "query", False, {"type": "string", "format": "uuid"}),
            "sequence_template_ids": ParameterSpec(
                "sequence_template_ids",
                "query",
                False,
                {"type": "array", "items": {"type": "string", "format": "uuid"}},
            ),
            "types": ParameterSpec(
                "types",
                "query",
                False,
                {
                    "type": "array",
                    "items": {"type": "string", "enum": ["EMAIL_REPLY", "LINKEDIN_REPLY", "NEW_LEAD_REVIEW", "CALL"]},
                },
            ),
            "status": ParameterSpec(
                "status", "query", False, {"type": "string", "enum": ["PENDING", "IN_PROGRESS", "COMPLETED", "SKIPPED"]}
            ),
            "priorities": ParameterSpec(
                "priorities",
                "query",
                False,
                {"type": "array", "items": {"type": "string", "enum": ["HOT", "TODAY", "EXTRA"]}},
            ),
            "assignee_user_id": ParameterSpec("assignee_user_id", "query", False, {"type": "string", "format": "uuid"}),
            "created_at_after": ParameterSpec(
                "created_at_after", "query", False, {"type": "string", "format": "date-time"}
            ),
            "created_at_before": ParameterSpec(
                "created_at_before", "query", False, {"type": "string", "format": "date-time"}
            ),
        },
        body_schema=None,
        batch_max_items=None,
        batch_all_or_nothing=False,
        success_status=200,
        success_schema="TaskPage",
        paginated=True,
        max_page_size=100,
        inferred=None,
    ),
)
_LIST_TASK_MESSAGES = Operation(
    "list_task_messages",
    list_task_messages.build_request,
    builtins.list[TaskMessage],
    OperationSpec(
        operation_id="list_task_messages",
        method="GET",
        path="/tasks/{task_id}/messages",
        resource="tasks",
        python_method="list_messages",
        scopes=("tasks:read",),
        params={"task_id": ParameterSpec("task_id", "path", True, {"type": "string", "format": "uuid"})},
        body_schema=None,
        batch_max_items=None,
        batch_all_or_nothing=False,
        success_status=200,
        success_schema=None,
        paginated=False,
        max_page_size=None,
        inferred=None,
    ),
)
_REASSIGN_TASK = Operation(
    "reassign_task",
    reassign_task.build_request,
    Task,
    OperationSpec(
        operation_id="reassign_task",
        method="PATCH",
        path="/tasks/{task_id}/assignee",
        resource="tasks",
        python_method="reassign",
        scopes=("tasks:write",),
        params={"task_id": ParameterSpec("task_id", "path", True, {"type": "string", "format": "uuid"})},
        body_schema={
            "type": "object",
            "properties": {
                "assignee_user_id": {"type": "string", "format": "uuid"},
                "scope": {"type": "string", "enum": ["TASK", "SEQUENCE"]},
            },
            "required": ["assignee_user_id"],
        },
        batch_max_items=None,
        batch_all_or_nothing=False,
        success_status=200,
        success_schema="Task",
        paginated=False,
        max_page_size=None,
        inferred=None,
    ),
)
_REOPEN_TASK = Operation(
    "reopen_task",
    reopen_task.build_request,
    Task,
    OperationSpec(
        operation_id="reopen_task",
        method="POST",
        path="/tasks/{task_id}/reopen",
        resource="tasks",
        python_method="reopen",
        scopes=("tasks:write",),
        params={"task_id": ParameterSpec("task_id", "path", True, {"type": "string", "format": "uuid"})},
        body_schema=None,
        batch_max_items=None,
        batch_all_or_nothing=False,
        success_status=200,
        success_schema="Task",
        paginated=False,
        max_page_size=None,
        inferred=None,
    ),
)
_SKIP_TASK = Operation(
    "skip_task",
    skip_task.build_request,
    Task,
    OperationSpec(
        operation_id="skip_task",
        method="POST",
        path="/tasks/{task_id}/skip",
        resource="tasks",
        python_method="skip",
        scopes=("tasks:write",),
        params={"task_id": ParameterSpec("task_id", "path", True, {"type": "string", "format": "uuid"})},
        body_schema=None,
        batch_max_items=None,
        batch_all_or_nothing=False,
        success_status=200,
        success_schema="Task",
        paginated=False,
        max_page_size=None,
        inferred="The narrative names skip as a tasks:write mutation but its page was not found; POST /tasks/{task_id}/skip without a body, answering the Task, mirrors the documented reopen endpoint.",
    ),
)


class Tasks(SyncAPIResource):
    """`client.tasks`."""

    @operation(_LIST_TASKS)
    def list(
        self,
        *,
        page: int = 1,
        size: int = 100,
        sort_by: TaskSortBy | TaskSortByValue | NotGiven = NOT_GIVEN,
        sort_order: SortOrder | SortOrderValue | NotGiven = NOT_GIVEN,
        sequence_id: str | UUID | NotGiven = NOT_GIVEN,
        sequence_template_ids: abc.Sequence[str | UUID] | NotGiven = NOT_GIVEN,
        types: abc.Sequence[TaskType | TaskTypeValue] | NotGiven = NOT_GIVEN,
        status: TaskStatus | TaskStatusValue | NotGiven = NOT_GIVEN,
        priorities: abc.Sequence[TaskPriority | TaskPriorityValue] | NotGiven = NOT_GIVEN,
        assignee_user_id: str | UUID | NotGiven = NOT_GIVEN,
        created_at_after: datetime | NotGiven = NOT_GIVEN,
        created_at_before: datetime | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> SyncPage[Task]:
        """List tasks.

        Pages through the workspace's tasks, filtered by sequence run, template, type, status, priority,
        assignee or creation time.

        Args:
            page: Page number, 1-indexed.
            size: Items per page; at most 100.
            sort_by: Field to sort by; the server's default order applies when omitted.
            sort_order: Sort direction; ascending unless the endpoint says otherwise.
            sequence_id: Only tasks of this sequence run.
            sequence_template_ids: Only tasks of runs based on any of these templates (repeat the parameter).
            types: Only tasks of any of these types (repeat the parameter).
            status: Only tasks in this status (one value).
            priorities: Only tasks in any of these priority buckets (repeat the parameter).
            assignee_user_id: Only tasks assigned to this user.
            created_at_after: Only tasks created strictly after this instant (exclusive).
            created_at_before: Only tasks created strictly before this instant (exclusive).

        Returns the first page; iterating it walks every item across pages (`size` defaults to the documented
        maximum: fewer round trips).

        Scopes: tasks:read. Errors: 400, 401, 403, 429, 500 (APIStatusError subclasses, topo_ext._exceptions).
        Per request: extra_headers, extra_query and extra_body are sent as given (values newer than this spec),
        timeout in seconds.
        """
        return sync_list(
            self._client,
            _LIST_TASKS,
            {
                "page": page,
                "size": size,
                "sort_by": sort_by,
                "sort_order": sort_order,
                "sequence_id": sequence_id,
                "sequence_template_ids": sequence_template_ids,
                "types": types,
                "status": status,
                "priorities": priorities,
                "assignee_user_id": assignee_user_id,
                "created_at_after": created_at_after,
                "created_at_before": created_at_before,
                "extra_headers": extra_headers,
                "extra_query": extra_query,
                "extra_body": extra_body,
                "timeout": timeout,
            },
        )

    @operation(_LIST_TASK_MESSAGES)
    def list_messages(
        self,
        task_id: str | UUID,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> builtins.list[TaskMessage]:
        """List a task's messages.

        Returns the email and LinkedIn messages of the contact thread behind a task, as a plain array (not
        paginated).

        Args:
            task_id: The task's id.

        Scopes: tasks:read. Errors: 400, 401, 403, 404, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return self._client._call(
            _LIST_TASK_MESSAGES,
            (),
            {
                "task_id": task_id,
                "extra_headers": extra_headers,
                "extra_query": extra_query,
                "extra_body": extra_body,
                "timeout": timeout,
            },
        )

    @overload
    def reassign(
        self,
        task_id: str | UUID,
        *,
        assignee_user_id: str | UUID,
        scope: TaskReassignScope | TaskReassignScopeValue | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> Task: ...
    @overload
    def reassign(
        self,
        task_id: str | UUID,
        *,
        body: TaskReassignRequest | Mapping[str, Any],
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> Task: ...
    @operation(_REASSIGN_TASK)
    def reassign(
        self,
        task_id: str | UUID,
        *,
        assignee_user_id: str | UUID | NotGiven = NOT_GIVEN,
        scope: TaskReassignScope | TaskReassignScopeValue | NotGiven = NOT_GIVEN,
        body: TaskReassignRequest | Mapping[str, Any] | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> Task:
        """Reassign a task.

        Moves a task, or every actionable task of the same sequence run, to another user.

        Args:
            task_id: The task's id.
            assignee_user_id: The user who should get the task(s).
            scope: TASK reassigns only the task in the path; SEQUENCE reassigns every actionable task of the
                same sequence run.

        Scopes: tasks:write. Errors: 400, 401, 403, 404, 409, 422, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return self._client._call(
            _REASSIGN_TASK,
            (),
            {
                "task_id": task_id,
                "assignee_user_id": assignee_user_id,
                "scope": scope,
                "body": body,
                "extra_headers": extra_headers,
                "extra_query": extra_query,
                "extra_body": extra_body,
                "timeout": timeout,
            },
        )

    @operation(_REOPEN_TASK)
    def reopen(
        self,
        task_id: str | UUID,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> Task:
        """Reopen a task.

        Reopens a completed or skipped task so that it can be acted on again. No request body.

        Args:
            task_id: The task's id.

        Scopes: tasks:write. Errors: 400, 401, 403, 404, 409, 422, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return self._client._call(
            _REOPEN_TASK,
            (),
            {
                "task_id": task_id,
                "extra_headers": extra_headers,
                "extra_query": extra_query,
                "extra_body": extra_body,
                "timeout": timeout,
            },
        )

    @operation(_SKIP_TASK)
    def skip(
        self,
        task_id: str | UUID,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> Task:
        """Skip a task. Not in Topo's docs: The narrative names skip as a tasks:write mutation but its page was not
        found; POST /tasks/{task_id}/skip without a body, answering the Task, mirrors the documented reopen
        endpoint.

        Marks a task as skipped without carrying it out. No request body.

        Args:
            task_id: The task's id.

        Scopes: tasks:write. Errors: 400, 401, 403, 404, 409, 422, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return self._client._call(
            _SKIP_TASK,
            (),
            {
                "task_id": task_id,
                "extra_headers": extra_headers,
                "extra_query": extra_query,
                "extra_body": extra_body,
                "timeout": timeout,
            },
        )


class TasksWithRawResponse:
    """`client.with_raw_response.tasks`: the methods of `Tasks`, returning `APIResponse`."""

    def __init__(self, resource: Tasks) -> None:
        self._resource = resource
        self.list = to_raw(resource.list)
        self.list_messages = to_raw(resource.list_messages)
        self.reassign = to_raw(resource.reassign)
        self.reopen = to_raw(resource.reopen)
        self.skip = to_raw(resource.skip)


class AsyncTasks(AsyncAPIResource):
    """`client.tasks` (AsyncTopo)."""

    @operation(_LIST_TASKS)
    def list(
        self,
        *,
        page: int = 1,
        size: int = 100,
        sort_by: TaskSortBy | TaskSortByValue | NotGiven = NOT_GIVEN,
        sort_order: SortOrder | SortOrderValue | NotGiven = NOT_GIVEN,
        sequence_id: str | UUID | NotGiven = NOT_GIVEN,
        sequence_template_ids: abc.Sequence[str | UUID] | NotGiven = NOT_GIVEN,
        types: abc.Sequence[TaskType | TaskTypeValue] | NotGiven = NOT_GIVEN,
        status: TaskStatus | TaskStatusValue | NotGiven = NOT_GIVEN,
        priorities: abc.Sequence[TaskPriority | TaskPriorityValue] | NotGiven = NOT_GIVEN,
        assignee_user_id: str | UUID | NotGiven = NOT_GIVEN,
        created_at_after: datetime | NotGiven = NOT_GIVEN,
        created_at_before: datetime | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> AsyncPaginator[Task]:
        """List tasks.

        Pages through the workspace's tasks, filtered by sequence run, template, type, status, priority,
        assignee or creation time.

        Args:
            page: Page number, 1-indexed.
            size: Items per page; at most 100.
            sort_by: Field to sort by; the server's default order applies when omitted.
            sort_order: Sort direction; ascending unless the endpoint says otherwise.
            sequence_id: Only tasks of this sequence run.
            sequence_template_ids: Only tasks of runs based on any of these templates (repeat the parameter).
            types: Only tasks of any of these types (repeat the parameter).
            status: Only tasks in this status (one value).
            priorities: Only tasks in any of these priority buckets (repeat the parameter).
            assignee_user_id: Only tasks assigned to this user.
            created_at_after: Only tasks created strictly after this instant (exclusive).
            created_at_before: Only tasks created strictly before this instant (exclusive).

        Returns the first page; iterating it walks every item across pages (`size` defaults to the documented
        maximum: fewer round trips). `async for` it to walk every item, or `await` it for the first page.

        Scopes: tasks:read. Errors: 400, 401, 403, 429, 500 (APIStatusError subclasses, topo_ext._exceptions).
        Per request: extra_headers, extra_query and extra_body are sent as given (values newer than this spec),
        timeout in seconds.
        """
        return async_list(
            self._client,
            _LIST_TASKS,
            {
                "page": page,
                "size": size,
                "sort_by": sort_by,
                "sort_order": sort_order,
                "sequence_id": sequence_id,
                "sequence_template_ids": sequence_template_ids,
                "types": types,
                "status": status,
                "priorities": priorities,
                "assignee_user_id": assignee_user_id,
                "created_at_after": created_at_after,
                "created_at_before": created_at_before,
                "extra_headers": extra_headers,
                "extra_query": extra_query,
                "extra_body": extra_body,
                "timeout": timeout,
            },
        )

    @operation(_LIST_TASK_MESSAGES)
    async def list_messages(
        self,
        task_id: str | UUID,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> builtins.list[TaskMessage]:
        """List a task's messages.

        Returns the email and LinkedIn messages of the contact thread behind a task, as a plain array (not
        paginated).

        Args:
            task_id: The task's id.

        Scopes: tasks:read. Errors: 400, 401, 403, 404, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return await self._client._call(
            _LIST_TASK_MESSAGES,
            (),
            {
                "task_id": task_id,
                "extra_headers": extra_headers,
                "extra_query": extra_query,
                "extra_body": extra_body,
                "timeout": timeout,
            },
        )

    @overload
    async def reassign(
        self,
        task_id: str | UUID,
        *,
        assignee_user_id: str | UUID,
        scope: TaskReassignScope | TaskReassignScopeValue | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> Task: ...
    @overload
    async def reassign(
        self,
        task_id: str | UUID,
        *,
        body: TaskReassignRequest | Mapping[str, Any],
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> Task: ...
    @operation(_REASSIGN_TASK)
    async def reassign(
        self,
        task_id: str | UUID,
        *,
        assignee_user_id: str | UUID | NotGiven = NOT_GIVEN,
        scope: TaskReassignScope | TaskReassignScopeValue | NotGiven = NOT_GIVEN,
        body: TaskReassignRequest | Mapping[str, Any] | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> Task:
        """Reassign a task.

        Moves a task, or every actionable task of the same sequence run, to another user.

        Args:
            task_id: The task's id.
            assignee_user_id: The user who should get the task(s).
            scope: TASK reassigns only the task in the path; SEQUENCE reassigns every actionable task of the
                same sequence run.

        Scopes: tasks:write. Errors: 400, 401, 403, 404, 409, 422, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return await self._client._call(
            _REASSIGN_TASK,
            (),
            {
                "task_id": task_id,
                "assignee_user_id": assignee_user_id,
                "scope": scope,
                "body": body,
                "extra_headers": extra_headers,
                "extra_query": extra_query,
                "extra_body": extra_body,
                "timeout": timeout,
            },
        )

    @operation(_REOPEN_TASK)
    async def reopen(
        self,
        task_id: str | UUID,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> Task:
        """Reopen a task.

        Reopens a completed or skipped task so that it can be acted on again. No request body.

        Args:
            task_id: The task's id.

        Scopes: tasks:write. Errors: 400, 401, 403, 404, 409, 422, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return await self._client._call(
            _REOPEN_TASK,
            (),
            {
                "task_id": task_id,
                "extra_headers": extra_headers,
                "extra_query": extra_query,
                "extra_body": extra_body,
                "timeout": timeout,
            },
        )

    @operation(_SKIP_TASK)
    async def skip(
        self,
        task_id: str | UUID,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> Task:
        """Skip a task. Not in Topo's docs: The narrative names skip as a tasks:write mutation but its page was not
        found; POST /tasks/{task_id}/skip without a body, answering the Task, mirrors the documented reopen
        endpoint.

        Marks a task as skipped without carrying it out. No request body.

        Args:
            task_id: The task's id.

        Scopes: tasks:write. Errors: 400, 401, 403, 404, 409, 422, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return await self._client._call(
            _SKIP_TASK,
            (),
            {
                "task_id": task_id,
                "extra_headers": extra_headers,
                "extra_query": extra_query,
                "extra_body": extra_body,
                "timeout": timeout,
            },
        )


class AsyncTasksWithRawResponse:
    """`client.with_raw_response.tasks`: the methods of `AsyncTasks`, returning `APIResponse`."""

    def __init__(self, resource: AsyncTasks) -> None:
        self._resource = resource
        self.list = async_list_to_raw(resource.list)
        self.list_messages = async_to_raw(resource.list_messages)
        self.reassign = async_to_raw(resource.reassign)
        self.reopen = async_to_raw(resource.reopen)
        self.skip = async_to_raw(resource.skip)
