"""`client.activities`: generated from the spec by generator/resources.py; do not edit."""

from collections.abc import Mapping
from datetime import datetime
from typing import Any
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

from ..api.activities import get_activity, list_activities
from ..models import (
    ActivityChannel,
    ActivityEventTypeFilter,
    ActivityResourceType,
    ActivitySortBy,
    SortOrder,
    SortOrderUppercase,
)
from ..responses import Activity, ActivityPage
from ._values import (
    ActivityChannelValue,
    ActivityEventTypeFilterValue,
    ActivityResourceTypeValue,
    ActivitySortByValue,
    ActivitySortOrderValue,
)

_GET_ACTIVITY = Operation(
    "get_activity",
    get_activity.build_request,
    Activity,
    OperationSpec(
        operation_id="get_activity",
        method="GET",
        path="/activities/{activity_id}",
        resource="activities",
        python_method="get",
        scopes=("activities:read",),
        params={"activity_id": ParameterSpec("activity_id", "path", True, {"type": "string", "format": "uuid"})},
        body_schema=None,
        batch_max_items=None,
        batch_all_or_nothing=False,
        success_status=200,
        success_schema="Activity",
        paginated=False,
        max_page_size=None,
        inferred=None,
    ),
)
_LIST_ACTIVITIES = Operation(
    "list_activities",
    list_activities.build_request,
    ActivityPage,
    OperationSpec(
        operation_id="list_activities",
        method="GET",
        path="/activities",
        resource="activities",
        python_method="list",
        scopes=("activities:read",),
        params={
            "page": ParameterSpec("page", "query", False, {"type": "integer", "minimum": 1}),
            "size": ParameterSpec("size", "query", False, {"type": "integer", "minimum": 1, "maximum": 100}),
            "sort_by": ParameterSpec("sort_by", "query", False, {"type": "string", "enum": ["created_at"]}),
            "sort_order": ParameterSpec(
                "sort_order",
                "query",
                False,
                {"anyOf": [{"type": "string", "enum": ["asc", "desc"]}, {"type": "string", "enum": ["ASC", "DESC"]}]},
            ),
            "person_id": ParameterSpec("person_id", "query", False, {"type": "string", "format": "uuid"}),
            "sequence_id": ParameterSpec("sequence_id", "query", False, {"type": "string", "format": "uuid"}),
            "sequence_template_id": ParameterSpec(
                "sequence_template_id", "query", False, {"type": "string", "format": "uuid"}
            ),
            "resource_type": ParameterSpec(
                "resource_type",
                "query",
                False,
                {
                    "type": "string",
                    "enum": ["MESSAGE", "INVITATION", "HOT_LEAD", "MEETING", "SEQUENCE_STEP", "SEQUENCE", "TASK"],
                },
            ),
            "channel": ParameterSpec(
                "channel", "query", False, {"type": "string", "enum": ["EMAIL", "LINKEDIN", "MANUAL"]}
            ),
            "event_type": ParameterSpec(
                "event_type",
                "query",
                False,
                {
                    "type": "string",
                    "enum": [
                        "SENT",
                        "REPLIED",
                        "OPENED",
                        "LINK_CLICKED",
                        "ACCEPTED",
                        "CREATED",
                        "PAUSED",
                        "RESUMED",
                        "STOPPED",
                        "COMPLETED",
                        "SKIPPED",
                    ],
                },
            ),
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
        success_schema="ActivityPage",
        paginated=True,
        max_page_size=100,
        inferred=None,
    ),
)


class Activities(SyncAPIResource):
    """`client.activities`."""

    @operation(_GET_ACTIVITY)
    def get(
        self,
        activity_id: str | UUID,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> Activity:
        """Get an activity.

        Returns one activity by id.

        Args:
            activity_id: The activity's id.

        Scopes: activities:read. Errors: 400, 401, 403, 404, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return self._client._call(
            _GET_ACTIVITY,
            (),
            {
                "activity_id": activity_id,
                "extra_headers": extra_headers,
                "extra_query": extra_query,
                "extra_body": extra_body,
                "timeout": timeout,
            },
        )

    @operation(_LIST_ACTIVITIES)
    def list(
        self,
        *,
        page: int = 1,
        size: int = 100,
        sort_by: ActivitySortBy | ActivitySortByValue | NotGiven = NOT_GIVEN,
        sort_order: SortOrder | SortOrderUppercase | ActivitySortOrderValue | NotGiven = NOT_GIVEN,
        person_id: str | UUID | NotGiven = NOT_GIVEN,
        sequence_id: str | UUID | NotGiven = NOT_GIVEN,
        sequence_template_id: str | UUID | NotGiven = NOT_GIVEN,
        resource_type: ActivityResourceType | ActivityResourceTypeValue | NotGiven = NOT_GIVEN,
        channel: ActivityChannel | ActivityChannelValue | NotGiven = NOT_GIVEN,
        event_type: ActivityEventTypeFilter | ActivityEventTypeFilterValue | NotGiven = NOT_GIVEN,
        created_at_after: datetime | NotGiven = NOT_GIVEN,
        created_at_before: datetime | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> SyncPage[Activity]:
        """List activities.

        Pages through the workspace's activities, newest first unless `sort_order` says otherwise.

        Args:
            page: Page number, 1-indexed.
            size: Items per page; at most 100.
            sort_by: Field to sort by; only created_at is supported.
            sort_order: Sort direction; activities default to newest first. The narrative page spells the values
                ASC/DESC.
            person_id: Only activities for this contact.
            sequence_id: Only activities of this sequence run (enrollment).
            sequence_template_id: Only activities of runs based on this template.
            resource_type: Only activities about this kind of resource (one value).
            channel: Only activities on this channel (one value).
            event_type: Only activities with this low-level event (one value, e.g. REPLIED).
            created_at_after: Only activities recorded strictly after this instant; the incremental-polling
                cursor.
            created_at_before: Only activities recorded strictly before this instant.

        Returns the first page; iterating it walks every item across pages (`size` defaults to the documented
        maximum: fewer round trips).

        Scopes: activities:read. Errors: 400, 401, 403, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return sync_list(
            self._client,
            _LIST_ACTIVITIES,
            {
                "page": page,
                "size": size,
                "sort_by": sort_by,
                "sort_order": sort_order,
                "person_id": person_id,
                "sequence_id": sequence_id,
                "sequence_template_id": sequence_template_id,
                "resource_type": resource_type,
                "channel": channel,
                "event_type": event_type,
                "created_at_after": created_at_after,
                "created_at_before": created_at_before,
                "extra_headers": extra_headers,
                "extra_query": extra_query,
                "extra_body": extra_body,
                "timeout": timeout,
            },
        )


class ActivitiesWithRawResponse:
    """`client.with_raw_response.activities`: the methods of `Activities`, returning `APIResponse`."""

    def __init__(self, resource: Activities) -> None:
        self._resource = resource
        self.get = to_raw(resource.get)
        self.list = to_raw(resource.list)


class AsyncActivities(AsyncAPIResource):
    """`client.activities` (AsyncTopo)."""

    @operation(_GET_ACTIVITY)
    async def get(
        self,
        activity_id: str | UUID,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> Activity:
        """Get an activity.

        Returns one activity by id.

        Args:
            activity_id: The activity's id.

        Scopes: activities:read. Errors: 400, 401, 403, 404, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return await self._client._call(
            _GET_ACTIVITY,
            (),
            {
                "activity_id": activity_id,
                "extra_headers": extra_headers,
                "extra_query": extra_query,
                "extra_body": extra_body,
                "timeout": timeout,
            },
        )

    @operation(_LIST_ACTIVITIES)
    def list(
        self,
        *,
        page: int = 1,
        size: int = 100,
        sort_by: ActivitySortBy | ActivitySortByValue | NotGiven = NOT_GIVEN,
        sort_order: SortOrder | SortOrderUppercase | ActivitySortOrderValue | NotGiven = NOT_GIVEN,
        person_id: str | UUID | NotGiven = NOT_GIVEN,
        sequence_id: str | UUID | NotGiven = NOT_GIVEN,
        sequence_template_id: str | UUID | NotGiven = NOT_GIVEN,
        resource_type: ActivityResourceType | ActivityResourceTypeValue | NotGiven = NOT_GIVEN,
        channel: ActivityChannel | ActivityChannelValue | NotGiven = NOT_GIVEN,
        event_type: ActivityEventTypeFilter | ActivityEventTypeFilterValue | NotGiven = NOT_GIVEN,
        created_at_after: datetime | NotGiven = NOT_GIVEN,
        created_at_before: datetime | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> AsyncPaginator[Activity]:
        """List activities.

        Pages through the workspace's activities, newest first unless `sort_order` says otherwise.

        Args:
            page: Page number, 1-indexed.
            size: Items per page; at most 100.
            sort_by: Field to sort by; only created_at is supported.
            sort_order: Sort direction; activities default to newest first. The narrative page spells the values
                ASC/DESC.
            person_id: Only activities for this contact.
            sequence_id: Only activities of this sequence run (enrollment).
            sequence_template_id: Only activities of runs based on this template.
            resource_type: Only activities about this kind of resource (one value).
            channel: Only activities on this channel (one value).
            event_type: Only activities with this low-level event (one value, e.g. REPLIED).
            created_at_after: Only activities recorded strictly after this instant; the incremental-polling
                cursor.
            created_at_before: Only activities recorded strictly before this instant.

        Returns the first page; iterating it walks every item across pages (`size` defaults to the documented
        maximum: fewer round trips). `async for` it to walk every item, or `await` it for the first page.

        Scopes: activities:read. Errors: 400, 401, 403, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return async_list(
            self._client,
            _LIST_ACTIVITIES,
            {
                "page": page,
                "size": size,
                "sort_by": sort_by,
                "sort_order": sort_order,
                "person_id": person_id,
                "sequence_id": sequence_id,
                "sequence_template_id": sequence_template_id,
                "resource_type": resource_type,
                "channel": channel,
                "event_type": event_type,
                "created_at_after": created_at_after,
                "created_at_before": created_at_before,
                "extra_headers": extra_headers,
                "extra_query": extra_query,
                "extra_body": extra_body,
                "timeout": timeout,
            },
        )


class AsyncActivitiesWithRawResponse:
    """`client.with_raw_response.activities`: the methods of `AsyncActivities`, returning `APIResponse`."""

    def __init__(self, resource: AsyncActivities) -> None:
        self._resource = resource
        self.get = async_to_raw(resource.get)
        self.list = async_list_to_raw(resource.list)
