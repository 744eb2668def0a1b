"""`client.contact_exclusions`: generated from the spec by generator/resources.py; do not edit."""

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

from ..api.contact_exclusions import (
    create_contact_exclusion,
    delete_contact_exclusion,
    get_contact_exclusion,
    list_contact_exclusions,
    update_contact_exclusion,
)
from ..models import ContactExclusionCreate, ContactExclusionSortBy, ContactExclusionUpdate, ExclusionReason, SortOrder
from ..responses import ContactExclusion, ContactExclusionPage
from ._values import ContactExclusionSortByValue, ExclusionReasonValue, SortOrderValue

_CREATE_CONTACT_EXCLUSION = Operation(
    "create_contact_exclusion",
    create_contact_exclusion.build_request,
    ContactExclusion,
    OperationSpec(
        operation_id="create_contact_exclusion",
        method="POST",
        path="/contact-exclusions",
        resource="contact_exclusions",
        python_method="create",
        scopes=("exclusions:write",),
        params={},
        body_schema={
            "type": "object",
            "properties": {
                "reason": {
                    "type": "string",
                    "enum": [
                        "BAD_TIMING",
                        "BOUNCED",
                        "COMPETITOR",
                        "CONTACT_REFUSED",
                        "INTERESTED",
                        "MEETING",
                        "OTHER",
                        "OUT_OF_OFFICE",
                        "UNKNOWN",
                        "UNSUBSCRIBED",
                        "WRONG_PERSON",
                        "EXCLUDE_FROM_SEARCH",
                        "EXCLUDE_FROM_CRM",
                        "REFERRAL",
                        "LEFT_COMPANY",
                    ],
                },
                "email": {"type": ["string", "null"]},
                "linkedin_url": {"type": ["string", "null"]},
                "message": {"type": ["string", "null"]},
                "until": {"type": ["string", "null"], "format": "date-time"},
            },
            "required": ["reason"],
        },
        batch_max_items=None,
        batch_all_or_nothing=False,
        success_status=201,
        success_schema="ContactExclusion",
        paginated=False,
        max_page_size=None,
        inferred=None,
    ),
)
_DELETE_CONTACT_EXCLUSION = Operation(
    "delete_contact_exclusion",
    delete_contact_exclusion.build_request,
    None,
    OperationSpec(
        operation_id="delete_contact_exclusion",
        method="DELETE",
        path="/contact-exclusions/{exclusion_id}",
        resource="contact_exclusions",
        python_method="delete",
        scopes=("exclusions:write",),
        params={"exclusion_id": ParameterSpec("exclusion_id", "path", True, {"type": "string", "format": "uuid"})},
        body_schema=None,
        batch_max_items=None,
        batch_all_or_nothing=False,
        success_status=204,
        success_schema=None,
        paginated=False,
        max_page_size=None,
        inferred="No page for this endpoint is stored; the narrative says exclusions have delete endpoints. Path mirrors the documented get; the success status is unknown, so 204 No Content is our choice.",
    ),
)
_GET_CONTACT_EXCLUSION = Operation(
    "get_contact_exclusion",
    get_contact_exclusion.build_request,
    ContactExclusion,
    OperationSpec(
        operation_id="get_contact_exclusion",
        method="GET",
        path="/contact-exclusions/{exclusion_id}",
        resource="contact_exclusions",
        python_method="get",
        scopes=("exclusions:read",),
        params={"exclusion_id": ParameterSpec("exclusion_id", "path", True, {"type": "string", "format": "uuid"})},
        body_schema=None,
        batch_max_items=None,
        batch_all_or_nothing=False,
        success_status=200,
        success_schema="ContactExclusion",
        paginated=False,
        max_page_size=None,
        inferred=None,
    ),
)
_LIST_CONTACT_EXCLUSIONS = Operation(
    "list_contact_exclusions",
    list_contact_exclusions.build_request,
    ContactExclusionPage,
    OperationSpec(
        operation_id="list_contact_exclusions",
        method="GET",
        path="/contact-exclusions",
        resource="contact_exclusions",
        python_method="list",
        scopes=("exclusions:read",),
        params={
            "page": ParameterSpec("page", "query", False, {"type": "integer", "minimum": 1}),
            "size": ParameterSpec("size", "query", False, {"type": "integer", "minimum": 1, "maximum": 100}),
            "sort_by": ParameterSpec(
                "sort_by", "query", False, {"type": "string", "enum": ["created_at", "updated_at", "email", "reason"]}
            ),
            "sort_order": ParameterSpec("sort_order", "query", False, {"type": "string", "enum": ["asc", "desc"]}),
            "email": ParameterSpec("email", "query", False, {"type": "string"}),
            "linkedin_url": ParameterSpec("linkedin_url", "query", False, {"type": "string"}),
            "reason": ParameterSpec(
                "reason",
                "query",
                False,
                {
                    "type": "string",
                    "enum": [
                        "BAD_TIMING",
                        "BOUNCED",
                        "COMPETITOR",
                        "CONTACT_REFUSED",
                        "INTERESTED",
                        "MEETING",
                        "OTHER",
                        "OUT_OF_OFFICE",
                        "UNKNOWN",
                        "UNSUBSCRIBED",
                        "WRONG_PERSON",
                        "EXCLUDE_FROM_SEARCH",
                        "EXCLUDE_FROM_CRM",
                        "REFERRAL",
                        "LEFT_COMPANY",
                    ],
                },
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
        success_schema="ContactExclusionPage",
        paginated=True,
        max_page_size=100,
        inferred=None,
    ),
)
_UPDATE_CONTACT_EXCLUSION = Operation(
    "update_contact_exclusion",
    update_contact_exclusion.build_request,
    ContactExclusion,
    OperationSpec(
        operation_id="update_contact_exclusion",
        method="PATCH",
        path="/contact-exclusions/{exclusion_id}",
        resource="contact_exclusions",
        python_method="update",
        scopes=("exclusions:write",),
        params={"exclusion_id": ParameterSpec("exclusion_id", "path", True, {"type": "string", "format": "uuid"})},
        body_schema={
            "type": "object",
            "properties": {
                "reason": {
                    "type": "string",
                    "enum": [
                        "BAD_TIMING",
                        "BOUNCED",
                        "COMPETITOR",
                        "CONTACT_REFUSED",
                        "INTERESTED",
                        "MEETING",
                        "OTHER",
                        "OUT_OF_OFFICE",
                        "UNKNOWN",
                        "UNSUBSCRIBED",
                        "WRONG_PERSON",
                        "EXCLUDE_FROM_SEARCH",
                        "EXCLUDE_FROM_CRM",
                        "REFERRAL",
                        "LEFT_COMPANY",
                    ],
                },
                "message": {"type": ["string", "null"]},
                "until": {"type": ["string", "null"], "format": "date-time"},
            },
        },
        batch_max_items=None,
        batch_all_or_nothing=False,
        success_status=200,
        success_schema="ContactExclusion",
        paginated=False,
        max_page_size=None,
        inferred="No page for this endpoint is stored; the narrative says exclusions have update endpoints, and method, path and body mirror the documented account-exclusion update and the contact-exclusion get.",
    ),
)


class ContactExclusions(SyncAPIResource):
    """`client.contact_exclusions`."""

    @overload
    def create(
        self,
        *,
        reason: ExclusionReason | ExclusionReasonValue,
        email: str | None | NotGiven = NOT_GIVEN,
        linkedin_url: str | None | NotGiven = NOT_GIVEN,
        message: str | None | NotGiven = NOT_GIVEN,
        until: datetime | str | None | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> ContactExclusion: ...
    @overload
    def create(
        self,
        *,
        body: ContactExclusionCreate | Mapping[str, Any],
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> ContactExclusion: ...
    @operation(_CREATE_CONTACT_EXCLUSION)
    def create(
        self,
        *,
        reason: ExclusionReason | ExclusionReasonValue | NotGiven = NOT_GIVEN,
        email: str | None | NotGiven = NOT_GIVEN,
        linkedin_url: str | None | NotGiven = NOT_GIVEN,
        message: str | None | NotGiven = NOT_GIVEN,
        until: datetime | str | None | NotGiven = NOT_GIVEN,
        body: ContactExclusionCreate | Mapping[str, Any] | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> ContactExclusion:
        """Create a contact exclusion.

        Excludes one person, identified by email and/or LinkedIn URL, with a reason and an optional expiry. One
        object per call; a CRM's unsubscribe webhook can point here.

        Args:
            reason: Why a contact or an account is excluded; both resources accept every value. BAD_TIMING: not
                a good time, revisit later. BOUNCED: the email hard-bounced. COMPETITOR: the account is a direct
                competitor. CONTACT_REFUSED: the person asked not to be contacted. INTERESTED: interest was
                shown through another channel. MEETING: a conversation is already under way. OTHER: none of the
                others. OUT_OF_OFFICE: temporarily unavailable. UNKNOWN: no reason recorded. UNSUBSCRIBED: the
                person or account opted out. WRONG_PERSON: not the right person at the company.
                EXCLUDE_FROM_SEARCH: keep out of Topo's prospecting search. EXCLUDE_FROM_CRM: a suppression
                imported from a CRM. REFERRAL: arrived through a referral channel and is handled separately.
                LEFT_COMPANY: the person has left the company.
            email: Email address to exclude (this or linkedin_url is required).
            linkedin_url: LinkedIn profile URL to exclude (this or email is required).
            message: Free-form note for operators.
            until: When the exclusion should lift; leave it out for a permanent exclusion.

        Scopes: exclusions:write. Errors: 400, 401, 403, 409, 422, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return self._client._call(
            _CREATE_CONTACT_EXCLUSION,
            (),
            {
                "reason": reason,
                "email": email,
                "linkedin_url": linkedin_url,
                "message": message,
                "until": until,
                "body": body,
                "extra_headers": extra_headers,
                "extra_query": extra_query,
                "extra_body": extra_body,
                "timeout": timeout,
            },
        )

    @operation(_DELETE_CONTACT_EXCLUSION)
    def delete(
        self,
        exclusion_id: str | UUID,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """Delete a contact exclusion. Not in Topo's docs: No page for this endpoint is stored; the narrative says
        exclusions have delete endpoints. Path mirrors the documented get; the success status is unknown, so 204
        No Content is our choice.

        Removes a contact exclusion.

        Args:
            exclusion_id: The exclusion's id.

        Scopes: exclusions:write. Errors: 400, 401, 403, 404, 422, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return self._client._call(
            _DELETE_CONTACT_EXCLUSION,
            (),
            {
                "exclusion_id": exclusion_id,
                "extra_headers": extra_headers,
                "extra_query": extra_query,
                "extra_body": extra_body,
                "timeout": timeout,
            },
        )

    @operation(_GET_CONTACT_EXCLUSION)
    def get(
        self,
        exclusion_id: str | UUID,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> ContactExclusion:
        """Get a contact exclusion.

        Returns one contact exclusion by its id.

        Args:
            exclusion_id: The exclusion's id.

        Scopes: exclusions:read. Errors: 400, 401, 403, 404, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return self._client._call(
            _GET_CONTACT_EXCLUSION,
            (),
            {
                "exclusion_id": exclusion_id,
                "extra_headers": extra_headers,
                "extra_query": extra_query,
                "extra_body": extra_body,
                "timeout": timeout,
            },
        )

    @operation(_LIST_CONTACT_EXCLUSIONS)
    def list(
        self,
        *,
        page: int = 1,
        size: int = 100,
        sort_by: ContactExclusionSortBy | ContactExclusionSortByValue | NotGiven = NOT_GIVEN,
        sort_order: SortOrder | SortOrderValue | NotGiven = NOT_GIVEN,
        email: str | NotGiven = NOT_GIVEN,
        linkedin_url: str | NotGiven = NOT_GIVEN,
        reason: ExclusionReason | ExclusionReasonValue | NotGiven = NOT_GIVEN,
        created_at_before: datetime | NotGiven = NOT_GIVEN,
        created_at_after: datetime | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> SyncPage[ContactExclusion]:
        """List contact exclusions.

        Pages through the workspace's contact exclusions, optionally filtered by email, LinkedIn URL, reason or
        creation time.

        Args:
            page: Page number, 1-indexed.
            size: Items per page; at most 100.
            sort_by: Field to sort by.
            sort_order: Sort direction; ascending unless the endpoint says otherwise.
            email: Only exclusions of this email address (exact match).
            linkedin_url: Only exclusions of this LinkedIn URL (exact match).
            reason: Only exclusions with this reason (one value).
            created_at_before: Only records created strictly before this instant (exclusive).
            created_at_after: Only records created strictly after this instant (exclusive).

        Returns the first page; iterating it walks every item across pages (`size` defaults to the documented
        maximum: fewer round trips).

        Scopes: exclusions:read. Errors: 400, 401, 403, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return sync_list(
            self._client,
            _LIST_CONTACT_EXCLUSIONS,
            {
                "page": page,
                "size": size,
                "sort_by": sort_by,
                "sort_order": sort_order,
                "email": email,
                "linkedin_url": linkedin_url,
                "reason": reason,
                "created_at_before": created_at_before,
                "created_at_after": created_at_after,
                "extra_headers": extra_headers,
                "extra_query": extra_query,
                "extra_body": extra_body,
                "timeout": timeout,
            },
        )

    @overload
    def update(
        self,
        exclusion_id: str | UUID,
        *,
        reason: ExclusionReason | ExclusionReasonValue | NotGiven = NOT_GIVEN,
        message: str | None | NotGiven = NOT_GIVEN,
        until: datetime | str | None | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> ContactExclusion: ...
    @overload
    def update(
        self,
        exclusion_id: str | UUID,
        *,
        body: ContactExclusionUpdate | Mapping[str, Any],
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> ContactExclusion: ...
    @operation(_UPDATE_CONTACT_EXCLUSION)
    def update(
        self,
        exclusion_id: str | UUID,
        *,
        reason: ExclusionReason | ExclusionReasonValue | NotGiven = NOT_GIVEN,
        message: str | None | NotGiven = NOT_GIVEN,
        until: datetime | str | None | NotGiven = NOT_GIVEN,
        body: ContactExclusionUpdate | Mapping[str, Any] | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> ContactExclusion:
        """Update a contact exclusion. Not in Topo's docs: No page for this endpoint is stored; the narrative says
        exclusions have update endpoints, and method, path and body mirror the documented account-exclusion
        update and the contact-exclusion get.

        Changes the reason, note or expiry of a contact exclusion; fields left out stay as they are.

        Args:
            exclusion_id: The exclusion's id.
            reason: Why a contact or an account is excluded; both resources accept every value. BAD_TIMING: not
                a good time, revisit later. BOUNCED: the email hard-bounced. COMPETITOR: the account is a direct
                competitor. CONTACT_REFUSED: the person asked not to be contacted. INTERESTED: interest was
                shown through another channel. MEETING: a conversation is already under way. OTHER: none of the
                others. OUT_OF_OFFICE: temporarily unavailable. UNKNOWN: no reason recorded. UNSUBSCRIBED: the
                person or account opted out. WRONG_PERSON: not the right person at the company.
                EXCLUDE_FROM_SEARCH: keep out of Topo's prospecting search. EXCLUDE_FROM_CRM: a suppression
                imported from a CRM. REFERRAL: arrived through a referral channel and is handled separately.
                LEFT_COMPANY: the person has left the company.
            message: New operator note.
            until: New expiry; null makes the exclusion permanent.

        Scopes: exclusions:write. Errors: 400, 401, 403, 404, 409, 422, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return self._client._call(
            _UPDATE_CONTACT_EXCLUSION,
            (),
            {
                "exclusion_id": exclusion_id,
                "reason": reason,
                "message": message,
                "until": until,
                "body": body,
                "extra_headers": extra_headers,
                "extra_query": extra_query,
                "extra_body": extra_body,
                "timeout": timeout,
            },
        )


class ContactExclusionsWithRawResponse:
    """`client.with_raw_response.contact_exclusions`: the methods of `ContactExclusions`, returning `APIResponse`."""

    def __init__(self, resource: ContactExclusions) -> None:
        self._resource = resource
        self.create = to_raw(resource.create)
        self.delete = to_raw(resource.delete)
        self.get = to_raw(resource.get)
        self.list = to_raw(resource.list)
        self.update = to_raw(resource.update)


class AsyncContactExclusions(AsyncAPIResource):
    """`client.contact_exclusions` (AsyncTopo)."""

    @overload
    async def create(
        self,
        *,
        reason: ExclusionReason | ExclusionReasonValue,
        email: str | None | NotGiven = NOT_GIVEN,
        linkedin_url: str | None | NotGiven = NOT_GIVEN,
        message: str | None | NotGiven = NOT_GIVEN,
        until: datetime | str | None | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> ContactExclusion: ...
    @overload
    async def create(
        self,
        *,
        body: ContactExclusionCreate | Mapping[str, Any],
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> ContactExclusion: ...
    @operation(_CREATE_CONTACT_EXCLUSION)
    async def create(
        self,
        *,
        reason: ExclusionReason | ExclusionReasonValue | NotGiven = NOT_GIVEN,
        email: str | None | NotGiven = NOT_GIVEN,
        linkedin_url: str | None | NotGiven = NOT_GIVEN,
        message: str | None | NotGiven = NOT_GIVEN,
        until: datetime | str | None | NotGiven = NOT_GIVEN,
        body: ContactExclusionCreate | Mapping[str, Any] | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> ContactExclusion:
        """Create a contact exclusion.

        Excludes one person, identified by email and/or LinkedIn URL, with a reason and an optional expiry. One
        object per call; a CRM's unsubscribe webhook can point here.

        Args:
            reason: Why a contact or an account is excluded; both resources accept every value. BAD_TIMING: not
                a good time, revisit later. BOUNCED: the email hard-bounced. COMPETITOR: the account is a direct
                competitor. CONTACT_REFUSED: the person asked not to be contacted. INTERESTED: interest was
                shown through another channel. MEETING: a conversation is already under way. OTHER: none of the
                others. OUT_OF_OFFICE: temporarily unavailable. UNKNOWN: no reason recorded. UNSUBSCRIBED: the
                person or account opted out. WRONG_PERSON: not the right person at the company.
                EXCLUDE_FROM_SEARCH: keep out of Topo's prospecting search. EXCLUDE_FROM_CRM: a suppression
                imported from a CRM. REFERRAL: arrived through a referral channel and is handled separately.
                LEFT_COMPANY: the person has left the company.
            email: Email address to exclude (this or linkedin_url is required).
            linkedin_url: LinkedIn profile URL to exclude (this or email is required).
            message: Free-form note for operators.
            until: When the exclusion should lift; leave it out for a permanent exclusion.

        Scopes: exclusions:write. Errors: 400, 401, 403, 409, 422, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return await self._client._call(
            _CREATE_CONTACT_EXCLUSION,
            (),
            {
                "reason": reason,
                "email": email,
                "linkedin_url": linkedin_url,
                "message": message,
                "until": until,
                "body": body,
                "extra_headers": extra_headers,
                "extra_query": extra_query,
                "extra_body": extra_body,
                "timeout": timeout,
            },
        )

    @operation(_DELETE_CONTACT_EXCLUSION)
    async def delete(
        self,
        exclusion_id: str | UUID,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """Delete a contact exclusion. Not in Topo's docs: No page for this endpoint is stored; the narrative says
        exclusions have delete endpoints. Path mirrors the documented get; the success status is unknown, so 204
        No Content is our choice.

        Removes a contact exclusion.

        Args:
            exclusion_id: The exclusion's id.

        Scopes: exclusions:write. Errors: 400, 401, 403, 404, 422, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return await self._client._call(
            _DELETE_CONTACT_EXCLUSION,
            (),
            {
                "exclusion_id": exclusion_id,
                "extra_headers": extra_headers,
                "extra_query": extra_query,
                "extra_body": extra_body,
                "timeout": timeout,
            },
        )

    @operation(_GET_CONTACT_EXCLUSION)
    async def get(
        self,
        exclusion_id: str | UUID,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> ContactExclusion:
        """Get a contact exclusion.

        Returns one contact exclusion by its id.

        Args:
            exclusion_id: The exclusion's id.

        Scopes: exclusions:read. Errors: 400, 401, 403, 404, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return await self._client._call(
            _GET_CONTACT_EXCLUSION,
            (),
            {
                "exclusion_id": exclusion_id,
                "extra_headers": extra_headers,
                "extra_query": extra_query,
                "extra_body": extra_body,
                "timeout": timeout,
            },
        )

    @operation(_LIST_CONTACT_EXCLUSIONS)
    def list(
        self,
        *,
        page: int = 1,
        size: int = 100,
        sort_by: ContactExclusionSortBy | ContactExclusionSortByValue | NotGiven = NOT_GIVEN,
        sort_order: SortOrder | SortOrderValue | NotGiven = NOT_GIVEN,
        email: str | NotGiven = NOT_GIVEN,
        linkedin_url: str | NotGiven = NOT_GIVEN,
        reason: ExclusionReason | ExclusionReasonValue | NotGiven = NOT_GIVEN,
        created_at_before: datetime | NotGiven = NOT_GIVEN,
        created_at_after: datetime | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> AsyncPaginator[ContactExclusion]:
        """List contact exclusions.

        Pages through the workspace's contact exclusions, optionally filtered by email, LinkedIn URL, reason or
        creation time.

        Args:
            page: Page number, 1-indexed.
            size: Items per page; at most 100.
            sort_by: Field to sort by.
            sort_order: Sort direction; ascending unless the endpoint says otherwise.
            email: Only exclusions of this email address (exact match).
            linkedin_url: Only exclusions of this LinkedIn URL (exact match).
            reason: Only exclusions with this reason (one value).
            created_at_before: Only records created strictly before this instant (exclusive).
            created_at_after: Only records created strictly after this instant (exclusive).

        Returns the first page; iterating it walks every item across pages (`size` defaults to the documented
        maximum: fewer round trips). `async for` it to walk every item, or `await` it for the first page.

        Scopes: exclusions:read. Errors: 400, 401, 403, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return async_list(
            self._client,
            _LIST_CONTACT_EXCLUSIONS,
            {
                "page": page,
                "size": size,
                "sort_by": sort_by,
                "sort_order": sort_order,
                "email": email,
                "linkedin_url": linkedin_url,
                "reason": reason,
                "created_at_before": created_at_before,
                "created_at_after": created_at_after,
                "extra_headers": extra_headers,
                "extra_query": extra_query,
                "extra_body": extra_body,
                "timeout": timeout,
            },
        )

    @overload
    async def update(
        self,
        exclusion_id: str | UUID,
        *,
        reason: ExclusionReason | ExclusionReasonValue | NotGiven = NOT_GIVEN,
        message: str | None | NotGiven = NOT_GIVEN,
        until: datetime | str | None | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> ContactExclusion: ...
    @overload
    async def update(
        self,
        exclusion_id: str | UUID,
        *,
        body: ContactExclusionUpdate | Mapping[str, Any],
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> ContactExclusion: ...
    @operation(_UPDATE_CONTACT_EXCLUSION)
    async def update(
        self,
        exclusion_id: str | UUID,
        *,
        reason: ExclusionReason | ExclusionReasonValue | NotGiven = NOT_GIVEN,
        message: str | None | NotGiven = NOT_GIVEN,
        until: datetime | str | None | NotGiven = NOT_GIVEN,
        body: ContactExclusionUpdate | Mapping[str, Any] | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> ContactExclusion:
        """Update a contact exclusion. Not in Topo's docs: No page for this endpoint is stored; the narrative says
        exclusions have update endpoints, and method, path and body mirror the documented account-exclusion
        update and the contact-exclusion get.

        Changes the reason, note or expiry of a contact exclusion; fields left out stay as they are.

        Args:
            exclusion_id: The exclusion's id.
            reason: Why a contact or an account is excluded; both resources accept every value. BAD_TIMING: not
                a good time, revisit later. BOUNCED: the email hard-bounced. COMPETITOR: the account is a direct
                competitor. CONTACT_REFUSED: the person asked not to be contacted. INTERESTED: interest was
                shown through another channel. MEETING: a conversation is already under way. OTHER: none of the
                others. OUT_OF_OFFICE: temporarily unavailable. UNKNOWN: no reason recorded. UNSUBSCRIBED: the
                person or account opted out. WRONG_PERSON: not the right person at the company.
                EXCLUDE_FROM_SEARCH: keep out of Topo's prospecting search. EXCLUDE_FROM_CRM: a suppression
                imported from a CRM. REFERRAL: arrived through a referral channel and is handled separately.
                LEFT_COMPANY: the person has left the company.
            message: New operator note.
            until: New expiry; null makes the exclusion permanent.

        Scopes: exclusions:write. Errors: 400, 401, 403, 404, 409, 422, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return await self._client._call(
            _UPDATE_CONTACT_EXCLUSION,
            (),
            {
                "exclusion_id": exclusion_id,
                "reason": reason,
                "message": message,
                "until": until,
                "body": body,
                "extra_headers": extra_headers,
                "extra_query": extra_query,
                "extra_body": extra_body,
                "timeout": timeout,
            },
        )


class AsyncContactExclusionsWithRawResponse:
    """`client.with_raw_response.contact_exclusions`: the methods of `AsyncContactExclusions`, returning `APIResponse`."""

    def __init__(self, resource: AsyncContactExclusions) -> None:
        self._resource = resource
        self.create = async_to_raw(resource.create)
        self.delete = async_to_raw(resource.delete)
        self.get = async_to_raw(resource.get)
        self.list = async_list_to_raw(resource.list)
        self.update = async_to_raw(resource.update)
