"""`client.sequence_templates`: generated from the spec by generator/resources.py; do not edit."""

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

from ..api.sequence_templates import get_sequence_template, list_sequence_templates
from ..models import SequenceTemplateSortBy, SequenceTemplateStatus, SortOrder
from ..responses import SequenceTemplate, SequenceTemplatePage
from ._values import SequenceTemplateSortByValue, SequenceTemplateStatusValue, SortOrderValue

_GET_SEQUENCE_TEMPLATE = Operation(
    "get_sequence_template",
    get_sequence_template.build_request,
    SequenceTemplate,
    OperationSpec(
        operation_id="get_sequence_template",
        method="GET",
        path="/sequence-templates/{sequence_template_id}",
        resource="sequence_templates",
        python_method="get",
        scopes=("sequences:read",),
        params={
            "sequence_template_id": ParameterSpec(
                "sequence_template_id", "path", True, {"type": "string", "format": "uuid"}
            )
        },
        body_schema=None,
        batch_max_items=None,
        batch_all_or_nothing=False,
        success_status=200,
        success_schema="SequenceTemplate",
        paginated=False,
        max_page_size=None,
        inferred=None,
    ),
)
_LIST_SEQUENCE_TEMPLATES = Operation(
    "list_sequence_templates",
    list_sequence_templates.build_request,
    SequenceTemplatePage,
    OperationSpec(
        operation_id="list_sequence_templates",
        method="GET",
        path="/sequence-templates",
        resource="sequence_templates",
        python_method="list",
        scopes=("sequences:read",),
        params={
            "page": ParameterSpec("page", "query", False, {"type": "integer", "minimum": 1}),
            "size": ParameterSpec("size", "query", False, {"type": "integer", "minimum": 1, "maximum": 100}),
            "sort_by": ParameterSpec(
                "sort_by", "query", False, {"type": "string", "enum": ["created_at", "updated_at", "name"]}
            ),
            "sort_order": ParameterSpec("sort_order", "query", False, {"type": "string", "enum": ["asc", "desc"]}),
            "name": ParameterSpec("name", "query", False, {"type": "string"}),
            "status": ParameterSpec(
                "status",
                "query",
                False,
                {"type": "string", "enum": ["PENDING_SETUP", "ACTIVE", "INACTIVE", "FINISHING", "ARCHIVED"]},
            ),
            "created_at_before": ParameterSpec(
                "created_at_before", "query", False, {"type": "string", "format": "date-time"}
            ),
            "created_at_after": ParameterSpec(
                "created_at_after", "query", False, {"type": "string", "format": "date-time"}
            ),
        },
        body_schema=None,
        batch_max_items=None,
        batch_all_or_nothing=False,
        success_status=200,
        success_schema="SequenceTemplatePage",
        paginated=True,
        max_page_size=100,
        inferred=None,
    ),
)


class SequenceTemplates(SyncAPIResource):
    """`client.sequence_templates`."""

    @operation(_GET_SEQUENCE_TEMPLATE)
    def get(
        self,
        sequence_template_id: str | UUID,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> SequenceTemplate:
        """Get a sequence template.

        Returns one sequence template by id.

        Args:
            sequence_template_id: The sequence template's id.

        Scopes: sequences:read. Errors: 400, 401, 403, 404, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return self._client._call(
            _GET_SEQUENCE_TEMPLATE,
            (),
            {
                "sequence_template_id": sequence_template_id,
                "extra_headers": extra_headers,
                "extra_query": extra_query,
                "extra_body": extra_body,
                "timeout": timeout,
            },
        )

    @operation(_LIST_SEQUENCE_TEMPLATES)
    def list(
        self,
        *,
        page: int = 1,
        size: int = 100,
        sort_by: SequenceTemplateSortBy | SequenceTemplateSortByValue | NotGiven = NOT_GIVEN,
        sort_order: SortOrder | SortOrderValue | NotGiven = NOT_GIVEN,
        name: str | NotGiven = NOT_GIVEN,
        status: SequenceTemplateStatus | SequenceTemplateStatusValue | NotGiven = NOT_GIVEN,
        created_at_before: datetime | NotGiven = NOT_GIVEN,
        created_at_after: datetime | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> SyncPage[SequenceTemplate]:
        """List sequence templates.

        Pages through the workspace's sequence templates, with name, status and creation-time filters.

        Args:
            page: Page number, 1-indexed.
            size: Items per page; at most 100.
            sort_by: Field to sort by.
            sort_order: Sort direction; ascending unless the endpoint says otherwise.
            name: Only the template whose name equals this value exactly.
            status: Only templates in this lifecycle state (one value).
            created_at_before: Only records created strictly before this instant (exclusive).
            created_at_after: Only records created strictly after this instant (exclusive).

        Returns the first page; iterating it walks every item across pages (`size` defaults to the documented
        maximum: fewer round trips).

        Scopes: sequences:read. Errors: 400, 401, 403, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return sync_list(
            self._client,
            _LIST_SEQUENCE_TEMPLATES,
            {
                "page": page,
                "size": size,
                "sort_by": sort_by,
                "sort_order": sort_order,
                "name": name,
                "status": status,
                "created_at_before": created_at_before,
                "created_at_after": created_at_after,
                "extra_headers": extra_headers,
                "extra_query": extra_query,
                "extra_body": extra_body,
                "timeout": timeout,
            },
        )


class SequenceTemplatesWithRawResponse:
    """`client.with_raw_response.sequence_templates`: the methods of `SequenceTemplates`, returning `APIResponse`."""

    def __init__(self, resource: SequenceTemplates) -> None:
        self._resource = resource
        self.get = to_raw(resource.get)
        self.list = to_raw(resource.list)


class AsyncSequenceTemplates(AsyncAPIResource):
    """`client.sequence_templates` (AsyncTopo)."""

    @operation(_GET_SEQUENCE_TEMPLATE)
    async def get(
        self,
        sequence_template_id: str | UUID,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> SequenceTemplate:
        """Get a sequence template.

        Returns one sequence template by id.

        Args:
            sequence_template_id: The sequence template's id.

        Scopes: sequences:read. Errors: 400, 401, 403, 404, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return await self._client._call(
            _GET_SEQUENCE_TEMPLATE,
            (),
            {
                "sequence_template_id": sequence_template_id,
                "extra_headers": extra_headers,
                "extra_query": extra_query,
                "extra_body": extra_body,
                "timeout": timeout,
            },
        )

    @operation(_LIST_SEQUENCE_TEMPLATES)
    def list(
        self,
        *,
        page: int = 1,
        size: int = 100,
        sort_by: SequenceTemplateSortBy | SequenceTemplateSortByValue | NotGiven = NOT_GIVEN,
        sort_order: SortOrder | SortOrderValue | NotGiven = NOT_GIVEN,
        name: str | NotGiven = NOT_GIVEN,
        status: SequenceTemplateStatus | SequenceTemplateStatusValue | NotGiven = NOT_GIVEN,
        created_at_before: datetime | NotGiven = NOT_GIVEN,
        created_at_after: datetime | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> AsyncPaginator[SequenceTemplate]:
        """List sequence templates.

        Pages through the workspace's sequence templates, with name, status and creation-time filters.

        Args:
            page: Page number, 1-indexed.
            size: Items per page; at most 100.
            sort_by: Field to sort by.
            sort_order: Sort direction; ascending unless the endpoint says otherwise.
            name: Only the template whose name equals this value exactly.
            status: Only templates in this lifecycle state (one value).
            created_at_before: Only records created strictly before this instant (exclusive).
            created_at_after: Only records created strictly after this instant (exclusive).

        Returns the first page; iterating it walks every item across pages (`size` defaults to the documented
        maximum: fewer round trips). `async for` it to walk every item, or `await` it for the first page.

        Scopes: sequences:read. Errors: 400, 401, 403, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return async_list(
            self._client,
            _LIST_SEQUENCE_TEMPLATES,
            {
                "page": page,
                "size": size,
                "sort_by": sort_by,
                "sort_order": sort_order,
                "name": name,
                "status": status,
                "created_at_before": created_at_before,
                "created_at_after": created_at_after,
                "extra_headers": extra_headers,
                "extra_query": extra_query,
                "extra_body": extra_body,
                "timeout": timeout,
            },
        )


class AsyncSequenceTemplatesWithRawResponse:
    """`client.with_raw_response.sequence_templates`: the methods of `AsyncSequenceTemplates`, returning `APIResponse`."""

    def __init__(self, resource: AsyncSequenceTemplates) -> None:
        self._resource = resource
        self.get = async_to_raw(resource.get)
        self.list = async_list_to_raw(resource.list)
