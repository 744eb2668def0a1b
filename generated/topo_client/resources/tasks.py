"""`client.tasks`: generated from the spec by generator/resources.py; do not edit."""

from __future__ import annotations

from topo_ext._resource import AsyncAPIResource, M, SyncAPIResource, async_list, async_op, endpoint, sync_list, sync_op

from ..api.tasks import list_task_messages, list_tasks, reassign_task, reopen_task, skip_task
from ..responses import Task, TaskMessage, TaskPage

_list_tasks = endpoint(list_tasks.build_request, TaskPage)
_list_task_messages = endpoint(list_task_messages.build_request, list[TaskMessage])
_reassign_task = endpoint(reassign_task.build_request, Task)
_reopen_task = endpoint(reopen_task.build_request, Task)
_skip_task = endpoint(skip_task.build_request, Task)


class Tasks(SyncAPIResource[M]):
    """`client.tasks`."""

    list = sync_list(_list_tasks)
    list_messages = sync_op(_list_task_messages)
    reassign = sync_op(_reassign_task)
    reopen = sync_op(_reopen_task)
    skip = sync_op(_skip_task)


class AsyncTasks(AsyncAPIResource[M]):
    """`client.tasks` (AsyncTopo)."""

    list = async_list(_list_tasks)
    list_messages = async_op(_list_task_messages)
    reassign = async_op(_reassign_task)
    reopen = async_op(_reopen_task)
    skip = async_op(_skip_task)
