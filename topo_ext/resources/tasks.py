"""Manual tasks."""

from __future__ import annotations

from topo_client.api.tasks import list_task_messages, list_tasks, reassign_task, reopen_task, skip_task
from topo_client.responses import Task, TaskMessage, TaskPage

from .._resource import AsyncAPIResource, M, SyncAPIResource, async_list, async_op, endpoint, sync_list, sync_op

_list = endpoint(list_tasks.build_request, TaskPage)
_list_messages = endpoint(list_task_messages.build_request, list[TaskMessage])
_skip = endpoint(skip_task.build_request, Task)
_reopen = endpoint(reopen_task.build_request, Task)
_reassign = endpoint(reassign_task.build_request, Task)


class Tasks(SyncAPIResource[M]):
    list = sync_list(_list)
    list_messages = sync_op(_list_messages)
    skip = sync_op(_skip)
    reopen = sync_op(_reopen)
    reassign = sync_op(_reassign)


class AsyncTasks(AsyncAPIResource[M]):
    list = async_list(_list)
    list_messages = async_op(_list_messages)
    skip = async_op(_skip)
    reopen = async_op(_reopen)
    reassign = async_op(_reassign)
