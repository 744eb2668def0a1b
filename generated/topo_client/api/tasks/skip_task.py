from collections.abc import Mapping
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx


def _get_kwargs(
    task_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/tasks/{task_id}/skip".format(
            task_id=quote(str(task_id), safe=""),
        ),
    }

    return _kwargs


def build_request(
    task_id: UUID | str,
    *,
    extra_headers: Mapping[str, str] | None = None,
    extra_query: Mapping[str, Any] | None = None,
    extra_body: Mapping[str, Any] | None = None,
    timeout: float | httpx.Timeout | None = None,
) -> dict[str, Any]:
    """Skip a task. Not in Topo's docs: The narrative names skip as a tasks:write mutation but its page was
    not found; POST /tasks/{task_id}/skip without a body, answering the Task, mirrors the documented
    reopen endpoint.

    Marks a task as skipped without carrying it out. No request body.

    Args:
        task_id

    Per request: extra_headers, extra_query and extra_body are sent as given (values newer than this spec),
    timeout in seconds.
    """

    request = _get_kwargs(
        task_id=task_id,
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
