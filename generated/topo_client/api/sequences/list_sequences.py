import datetime
from collections.abc import Mapping
from typing import Any

import httpx

from ...models.sequence_sort_by import SequenceSortBy
from ...models.sequence_status import SequenceStatus
from ...models.sort_order import SortOrder
from ...types import UNSET, Unset


def _get_kwargs(
    *,
    page: int | Unset = 1,
    size: int | Unset = 10,
    sort_by: SequenceSortBy | Unset = UNSET,
    sort_order: SortOrder | Unset = UNSET,
    status: SequenceStatus | Unset = UNSET,
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

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

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
        "url": "/sequences",
        "params": params,
    }

    return _kwargs


def build_request(
    *,
    page: int | Unset = 1,
    size: int | Unset = 10,
    sort_by: SequenceSortBy | str | Unset = UNSET,
    sort_order: SortOrder | str | Unset = UNSET,
    status: SequenceStatus | str | Unset = UNSET,
    created_at_after: datetime.datetime | Unset = UNSET,
    created_at_before: datetime.datetime | Unset = UNSET,
    extra_headers: Mapping[str, str] | None = None,
    extra_query: Mapping[str, Any] | None = None,
    extra_body: Mapping[str, Any] | None = None,
    timeout: float | httpx.Timeout | None = None,
) -> dict[str, Any]:
    """List sequences. Not in Topo's docs: The narrative has a "List sequences" section (scope, status
    filter) but the stored copy is cut off before its path and remaining parameters, and no reference
    page exists; GET /sequences follows the API's path convention.

    Pages through the workspace's sequence runs, optionally narrowed to one execution state.

    Args:
        page
        size
        sort_by: Sort fields of list_sequences.
        sort_order: Sort direction. The client also accepts `ASC`/`DESC` and sends the lowercase value.
        status: Execution state of a sequence run. ACTIVE: steps run on schedule. WAITING_FOR_LEAD:
            paused, resumes on its own later (e.g. at the `paused_until` set by pause).
            WAITING_FOR_USER: blocked until a user completes or skips a manual task. SUCCEEDED: every
            step succeeded (finished). FAILED: ended by an internal error or an unrecoverable delivery
            failure. STOPPED_EARLY: ended through the stop endpoint. COMPLETED: ran out of steps
            (finished, like SUCCEEDED). FOUND: intermediate state while the lead is processed, before
            the run is active. REFUSED: the contact was rejected at enrollment and the run never
            started. SUCCEEDED, FAILED, STOPPED_EARLY, COMPLETED and REFUSED are terminal. New values
            may be added within /v1.
        created_at_after
        created_at_before

    Per request: extra_headers, extra_query and extra_body are sent as given (values newer than this spec),
    timeout in seconds.
    """

    if isinstance(sort_by, str) and not isinstance(sort_by, SequenceSortBy):
        sort_by = SequenceSortBy(sort_by)
    if isinstance(sort_order, str) and not isinstance(sort_order, SortOrder):
        sort_order = SortOrder(sort_order)
    if isinstance(status, str) and not isinstance(status, SequenceStatus):
        status = SequenceStatus(status)

    request = _get_kwargs(
        page=page,
        size=size,
        sort_by=sort_by,
        sort_order=sort_order,
        status=status,
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
