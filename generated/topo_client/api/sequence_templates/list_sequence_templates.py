import datetime
from collections.abc import Mapping
from typing import Any

import httpx

from ...models.sequence_template_sort_by import SequenceTemplateSortBy
from ...models.sequence_template_status import SequenceTemplateStatus
from ...models.sort_order import SortOrder
from ...types import UNSET, Unset


def _get_kwargs(
    *,
    page: int | Unset = 1,
    size: int | Unset = 10,
    sort_by: SequenceTemplateSortBy | Unset = UNSET,
    sort_order: SortOrder | Unset = UNSET,
    name: str | Unset = UNSET,
    status: SequenceTemplateStatus | Unset = UNSET,
    created_at_before: datetime.datetime | Unset = UNSET,
    created_at_after: datetime.datetime | Unset = UNSET,
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

    params["name"] = name

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    json_created_at_before: str | Unset = UNSET
    if not isinstance(created_at_before, Unset):
        json_created_at_before = created_at_before.isoformat()
    params["created_at_before"] = json_created_at_before

    json_created_at_after: str | Unset = UNSET
    if not isinstance(created_at_after, Unset):
        json_created_at_after = created_at_after.isoformat()
    params["created_at_after"] = json_created_at_after

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/sequence-templates",
        "params": params,
    }

    return _kwargs


def build_request(
    *,
    page: int | Unset = 1,
    size: int | Unset = 10,
    sort_by: SequenceTemplateSortBy | str | Unset = UNSET,
    sort_order: SortOrder | str | Unset = UNSET,
    name: str | Unset = UNSET,
    status: SequenceTemplateStatus | str | Unset = UNSET,
    created_at_before: datetime.datetime | Unset = UNSET,
    created_at_after: datetime.datetime | Unset = UNSET,
    extra_headers: Mapping[str, str] | None = None,
    extra_query: Mapping[str, Any] | None = None,
    extra_body: Mapping[str, Any] | None = None,
    timeout: float | httpx.Timeout | None = None,
) -> dict[str, Any]:
    """List sequence templates

    Pages through the workspace's sequence templates, with name, status and creation-time filters.

    Args:
        page
        size
        sort_by: Sort fields of list_sequence_templates.
        sort_order: Sort direction. The client also accepts `ASC`/`DESC` and sends the lowercase value.
        name
        status: Lifecycle state of a sequence template. PENDING_SETUP: still being configured, takes no
            leads. ACTIVE: live, accepts new enrollments. INACTIVE: deactivated; existing runs
            continue, no new leads. FINISHING: winding down; existing runs continue, no new
            enrollments. ARCHIVED: no longer in use. New values may be added within /v1.
        created_at_before
        created_at_after

    Per request: extra_headers, extra_query and extra_body are sent as given (values newer than this spec),
    timeout in seconds.
    """

    if isinstance(sort_by, str) and not isinstance(sort_by, SequenceTemplateSortBy):
        sort_by = SequenceTemplateSortBy(sort_by)
    if isinstance(sort_order, str) and not isinstance(sort_order, SortOrder):
        sort_order = SortOrder(sort_order)

    if isinstance(status, str) and not isinstance(status, SequenceTemplateStatus):
        status = SequenceTemplateStatus(status)

    request = _get_kwargs(
        page=page,
        size=size,
        sort_by=sort_by,
        sort_order=sort_order,
        name=name,
        status=status,
        created_at_before=created_at_before,
        created_at_after=created_at_after,
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
