import datetime
from collections.abc import Mapping
from typing import Any
from uuid import UUID

import httpx

from ...models.activity_channel import ActivityChannel
from ...models.activity_event_type_filter import ActivityEventTypeFilter
from ...models.activity_resource_type import ActivityResourceType
from ...models.activity_sort_by import ActivitySortBy
from ...models.sort_order import SortOrder
from ...models.sort_order_uppercase import SortOrderUppercase
from ...types import UNSET, Unset


def _get_kwargs(
    *,
    page: int | Unset = 1,
    size: int | Unset = 10,
    sort_by: ActivitySortBy | Unset = UNSET,
    sort_order: SortOrder | SortOrderUppercase | Unset = UNSET,
    person_id: UUID | Unset = UNSET,
    sequence_id: UUID | Unset = UNSET,
    sequence_template_id: UUID | Unset = UNSET,
    resource_type: ActivityResourceType | Unset = UNSET,
    channel: ActivityChannel | Unset = UNSET,
    event_type: ActivityEventTypeFilter | Unset = UNSET,
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

    json_sort_order: str | Unset
    if isinstance(sort_order, Unset):
        json_sort_order = UNSET
    elif isinstance(sort_order, SortOrder):
        json_sort_order = sort_order.value
    else:
        json_sort_order = sort_order.value

    params["sort_order"] = json_sort_order

    json_person_id: str | Unset = UNSET
    if not isinstance(person_id, Unset):
        json_person_id = str(person_id)
    params["person_id"] = json_person_id

    json_sequence_id: str | Unset = UNSET
    if not isinstance(sequence_id, Unset):
        json_sequence_id = str(sequence_id)
    params["sequence_id"] = json_sequence_id

    json_sequence_template_id: str | Unset = UNSET
    if not isinstance(sequence_template_id, Unset):
        json_sequence_template_id = str(sequence_template_id)
    params["sequence_template_id"] = json_sequence_template_id

    json_resource_type: str | Unset = UNSET
    if not isinstance(resource_type, Unset):
        json_resource_type = resource_type.value

    params["resource_type"] = json_resource_type

    json_channel: str | Unset = UNSET
    if not isinstance(channel, Unset):
        json_channel = channel.value

    params["channel"] = json_channel

    json_event_type: str | Unset = UNSET
    if not isinstance(event_type, Unset):
        json_event_type = event_type.value

    params["event_type"] = json_event_type

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
        "url": "/activities",
        "params": params,
    }

    return _kwargs


def build_request(
    *,
    page: int | Unset = 1,
    size: int | Unset = 10,
    sort_by: ActivitySortBy | str | Unset = UNSET,
    sort_order: SortOrder | SortOrderUppercase | str | Unset = UNSET,
    person_id: UUID | str | Unset = UNSET,
    sequence_id: UUID | str | Unset = UNSET,
    sequence_template_id: UUID | str | Unset = UNSET,
    resource_type: ActivityResourceType | str | Unset = UNSET,
    channel: ActivityChannel | str | Unset = UNSET,
    event_type: ActivityEventTypeFilter | str | Unset = UNSET,
    created_at_after: datetime.datetime | Unset = UNSET,
    created_at_before: datetime.datetime | Unset = UNSET,
    extra_headers: Mapping[str, str] | None = None,
    extra_query: Mapping[str, Any] | None = None,
    extra_body: Mapping[str, Any] | None = None,
    timeout: float | httpx.Timeout | None = None,
) -> dict[str, Any]:
    """List activities

    Pages through the workspace's activities, newest first unless `sort_order` says otherwise.

    Args:
        page
        size
        sort_by: Sort fields of list_activities.
        sort_order: The sort direction of list_activities, in either spelling the docs use.
        person_id
        sequence_id
        sequence_template_id
        resource_type: The kind of resource an activity is about (filter and payload field).
        channel: The outreach channel (filter and payload field).
        event_type: Low-level event filter of list_activities; one value matches several payload types (SENT
            matches message.sent and invitation.sent).
        created_at_after
        created_at_before

    Per request: extra_headers, extra_query and extra_body are sent as given (values newer than this spec),
    timeout in seconds.
    """

    if isinstance(sort_by, str) and not isinstance(sort_by, ActivitySortBy):
        sort_by = ActivitySortBy(sort_by)

    if isinstance(resource_type, str) and not isinstance(resource_type, ActivityResourceType):
        resource_type = ActivityResourceType(resource_type)
    if isinstance(channel, str) and not isinstance(channel, ActivityChannel):
        channel = ActivityChannel(channel)
    if isinstance(event_type, str) and not isinstance(event_type, ActivityEventTypeFilter):
        event_type = ActivityEventTypeFilter(event_type)

    request = _get_kwargs(
        page=page,
        size=size,
        sort_by=sort_by,
        sort_order=sort_order,
        person_id=person_id,
        sequence_id=sequence_id,
        sequence_template_id=sequence_template_id,
        resource_type=resource_type,
        channel=channel,
        event_type=event_type,
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
