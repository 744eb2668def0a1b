"""Manual tasks."""

from __future__ import annotations

from topo_client.api.tasks import list_task_messages, list_tasks, reassign_task, reopen_task, skip_task

from .._resource import AsyncAPIResource, M, SyncAPIResource, async_list, async_op, endpoint, sync_list, sync_op

_list = endpoint(list_tasks.build_request, list_tasks.parse_success)
_list_messages = endpoint(list_task_messages.build_request, list_task_messages.parse_success)
_skip = endpoint(skip_task.build_request, skip_task.parse_success)
_reopen = endpoint(reopen_task.build_request, reopen_task.parse_success)
_reassign = endpoint(reassign_task.build_request, reassign_task.parse_success)


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
