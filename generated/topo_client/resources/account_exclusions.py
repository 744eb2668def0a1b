"""`client.account_exclusions`: generated from the spec by generator/resources.py; do not edit."""

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

from ..api.account_exclusions import (
    create_account_exclusion,
    delete_account_exclusion,
    get_account_exclusion,
    list_account_exclusions,
    update_account_exclusion,
)
from ..models import AccountExclusionCreate, AccountExclusionSortBy, AccountExclusionUpdate, ExclusionReason, SortOrder
from ..responses import AccountExclusion, AccountExclusionPage
from ._values import AccountExclusionSortByValue, ExclusionReasonValue, SortOrderValue

_CREATE_ACCOUNT_EXCLUSION = Operation(
    "create_account_exclusion",
    create_account_exclusion.build_request,
    AccountExclusion,
    OperationSpec(
        operation_id="create_account_exclusion",
        method="POST",
        path="/account-exclusions",
        resource="account_exclusions",
        python_method="create",
        scopes=("exclusions:write",),
        params={},
        body_schema={
            "type": "object",
            "properties": {
                "domain": {"type": "string"},
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
            "required": ["domain", "reason"],
        },
        batch_max_items=None,
        batch_all_or_nothing=False,
        success_status=201,
        success_schema="AccountExclusion",
        paginated=False,
        max_page_size=None,
        inferred=None,
    ),
)
_DELETE_ACCOUNT_EXCLUSION = Operation(
    "delete_account_exclusion",
    delete_account_exclusion.build_request,
    None,
    OperationSpec(
        operation_id="delete_account_exclusion",
        method="DELETE",
        path="/account-exclusions/{exclusion_id}",
        resource="account_exclusions",
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
        inferred="No page for this endpoint is stored; the narrative says exclusions have delete endpoints. Path mirrors the contact-exclusion get; the success status is unknown, so 204 No Content is our choice.",
    ),
)
_GET_ACCOUNT_EXCLUSION = Operation(
    "get_account_exclusion",
    get_account_exclusion.build_request,
    AccountExclusion,
    OperationSpec(
        operation_id="get_account_exclusion",
        method="GET",
        path="/account-exclusions/{exclusion_id}",
        resource="account_exclusions",
        python_method="get",
        scopes=("exclusions:read",),
        params={"exclusion_id": ParameterSpec("exclusion_id", "path", True, {"type": "string", "format": "uuid"})},
        body_schema=None,
        batch_max_items=None,
        batch_all_or_nothing=False,
        success_status=200,
        success_schema="AccountExclusion",
        paginated=False,
        max_page_size=None,
        inferred="No page for this endpoint is stored; the narrative names read endpoints for both exclusion resources, and path and response mirror the documented contact-exclusion get.",
    ),
)
_LIST_ACCOUNT_EXCLUSIONS = Operation(
    "list_account_exclusions",
    list_account_exclusions.build_request,
    AccountExclusionPage,
    OperationSpec(
        operation_id="list_account_exclusions",
        method="GET",
        path="/account-exclusions",
        resource="account_exclusions",
        python_method="list",
        scopes=("exclusions:read",),
        params={
            "page": ParameterSpec("page", "query", False, {"type": "integer", "minimum": 1}),
            "size": ParameterSpec("size", "query", False, {"type": "integer", "minimum": 1, "maximum": 100}),
            "sort_by": ParameterSpec(
                "sort_by", "query", False, {"type": "string", "enum": ["created_at", "updated_at", "domain", "reason"]}
            ),
            "sort_order": ParameterSpec("sort_order", "query", False, {"type": "string", "enum": ["asc", "desc"]}),
            "domain": ParameterSpec("domain", "query", False, {"type": "string"}),
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
        success_schema="AccountExclusionPage",
        paginated=True,
        max_page_size=100,
        inferred="No page for this endpoint is stored; the narrative says exclusions can be listed, and the parameters mirror the documented contact-exclusion list with domain in place of email and LinkedIn URL.",
    ),
)
_UPDATE_ACCOUNT_EXCLUSION = Operation(
    "update_account_exclusion",
    update_account_exclusion.build_request,
    AccountExclusion,
    OperationSpec(
        operation_id="update_account_exclusion",
        method="PATCH",
        path="/account-exclusions/{exclusion_id}",
        resource="account_exclusions",
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
        success_schema="AccountExclusion",
        paginated=False,
        max_page_size=None,
        inferred="The reference page (https://docs.topo.io/api-reference/accounts/update-account-exclusion) documents a PATCH with its scope, body and response, but its path and path-parameter name are not rendered; both mirror the contact-exclusion get.",
    ),
)


class AccountExclusions(SyncAPIResource):
    """`client.account_exclusions`."""

    @overload
    def create(
        self,
        *,
        domain: str,
        reason: ExclusionReason | ExclusionReasonValue,
        message: str | None | NotGiven = NOT_GIVEN,
        until: datetime | str | None | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> AccountExclusion: ...
    @overload
    def create(
        self,
        *,
        body: AccountExclusionCreate | Mapping[str, Any],
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> AccountExclusion: ...
    @operation(_CREATE_ACCOUNT_EXCLUSION)
    def create(
        self,
        *,
        domain: str | NotGiven = NOT_GIVEN,
        reason: ExclusionReason | ExclusionReasonValue | NotGiven = NOT_GIVEN,
        message: str | None | NotGiven = NOT_GIVEN,
        until: datetime | str | None | NotGiven = NOT_GIVEN,
        body: AccountExclusionCreate | Mapping[str, Any] | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> AccountExclusion:
        """Create an account exclusion.

        Excludes a whole company by its domain, with a reason and an optional expiry. One object per call.

        Args:
            domain: Company domain to exclude, such as example.com.
            reason: Why a contact or an account is excluded; both resources accept every value. BAD_TIMING: not
                a good time, revisit later. BOUNCED: the email hard-bounced. COMPETITOR: the account is a direct
                competitor. CONTACT_REFUSED: the person asked not to be contacted. INTERESTED: interest was
                shown through another channel. MEETING: a conversation is already under way. OTHER: none of the
                others. OUT_OF_OFFICE: temporarily unavailable. UNKNOWN: no reason recorded. UNSUBSCRIBED: the
                person or account opted out. WRONG_PERSON: not the right person at the company.
                EXCLUDE_FROM_SEARCH: keep out of Topo's prospecting search. EXCLUDE_FROM_CRM: a suppression
                imported from a CRM. REFERRAL: arrived through a referral channel and is handled separately.
                LEFT_COMPANY: the person has left the company.
            message: Free-form note for operators.
            until: When the exclusion should lift; leave it out for a permanent exclusion.

        Scopes: exclusions:write. Errors: 400, 401, 403, 409, 422, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return self._client._call(
            _CREATE_ACCOUNT_EXCLUSION,
            (),
            {
                "domain": domain,
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

    @operation(_DELETE_ACCOUNT_EXCLUSION)
    def delete(
        self,
        exclusion_id: str | UUID,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """Delete an account exclusion. Not in Topo's docs: No page for this endpoint is stored; the narrative says
        exclusions have delete endpoints. Path mirrors the contact-exclusion get; the success status is unknown,
        so 204 No Content is our choice.

        Removes an account exclusion.

        Args:
            exclusion_id: The exclusion's id.

        Scopes: exclusions:write. Errors: 400, 401, 403, 404, 422, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return self._client._call(
            _DELETE_ACCOUNT_EXCLUSION,
            (),
            {
                "exclusion_id": exclusion_id,
                "extra_headers": extra_headers,
                "extra_query": extra_query,
                "extra_body": extra_body,
                "timeout": timeout,
            },
        )

    @operation(_GET_ACCOUNT_EXCLUSION)
    def get(
        self,
        exclusion_id: str | UUID,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> AccountExclusion:
        """Get an account exclusion. Not in Topo's docs: No page for this endpoint is stored; the narrative names
        read endpoints for both exclusion resources, and path and response mirror the documented
        contact-exclusion get.

        Returns one account exclusion by its id.

        Args:
            exclusion_id: The exclusion's id.

        Scopes: exclusions:read. Errors: 400, 401, 403, 404, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return self._client._call(
            _GET_ACCOUNT_EXCLUSION,
            (),
            {
                "exclusion_id": exclusion_id,
                "extra_headers": extra_headers,
                "extra_query": extra_query,
                "extra_body": extra_body,
                "timeout": timeout,
            },
        )

    @operation(_LIST_ACCOUNT_EXCLUSIONS)
    def list(
        self,
        *,
        page: int = 1,
        size: int = 100,
        sort_by: AccountExclusionSortBy | AccountExclusionSortByValue | NotGiven = NOT_GIVEN,
        sort_order: SortOrder | SortOrderValue | NotGiven = NOT_GIVEN,
        domain: str | NotGiven = NOT_GIVEN,
        reason: ExclusionReason | ExclusionReasonValue | NotGiven = NOT_GIVEN,
        created_at_before: datetime | NotGiven = NOT_GIVEN,
        created_at_after: datetime | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> SyncPage[AccountExclusion]:
        """List account exclusions. Not in Topo's docs: No page for this endpoint is stored; the narrative says
        exclusions can be listed, and the parameters mirror the documented contact-exclusion list with domain in
        place of email and LinkedIn URL.

        Pages through the workspace's account exclusions, optionally filtered by domain, reason or creation
        time.

        Args:
            page: Page number, 1-indexed.
            size: Items per page; at most 100.
            sort_by: Field to sort by.
            sort_order: Sort direction; ascending unless the endpoint says otherwise.
            domain: Only exclusions of this domain (exact match).
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
            _LIST_ACCOUNT_EXCLUSIONS,
            {
                "page": page,
                "size": size,
                "sort_by": sort_by,
                "sort_order": sort_order,
                "domain": domain,
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
    ) -> AccountExclusion: ...
    @overload
    def update(
        self,
        exclusion_id: str | UUID,
        *,
        body: AccountExclusionUpdate | Mapping[str, Any],
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> AccountExclusion: ...
    @operation(_UPDATE_ACCOUNT_EXCLUSION)
    def update(
        self,
        exclusion_id: str | UUID,
        *,
        reason: ExclusionReason | ExclusionReasonValue | NotGiven = NOT_GIVEN,
        message: str | None | NotGiven = NOT_GIVEN,
        until: datetime | str | None | NotGiven = NOT_GIVEN,
        body: AccountExclusionUpdate | Mapping[str, Any] | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> AccountExclusion:
        """Update an account exclusion. Not in Topo's docs: The reference page
        (https://docs.topo.io/api-reference/accounts/update-account-exclusion) documents a PATCH with its scope,
        body and response, but its path and path-parameter name are not rendered; both mirror the
        contact-exclusion get.

        Changes the reason, note or expiry of an account exclusion; the domain cannot be changed.

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
            _UPDATE_ACCOUNT_EXCLUSION,
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


class AccountExclusionsWithRawResponse:
    """`client.with_raw_response.account_exclusions`: the methods of `AccountExclusions`, returning `APIResponse`."""

    def __init__(self, resource: AccountExclusions) -> None:
        self._resource = resource
        self.create = to_raw(resource.create)
        self.delete = to_raw(resource.delete)
        self.get = to_raw(resource.get)
        self.list = to_raw(resource.list)
        self.update = to_raw(resource.update)


class AsyncAccountExclusions(AsyncAPIResource):
    """`client.account_exclusions` (AsyncTopo)."""

    @overload
    async def create(
        self,
        *,
        domain: str,
        reason: ExclusionReason | ExclusionReasonValue,
        message: str | None | NotGiven = NOT_GIVEN,
        until: datetime | str | None | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> AccountExclusion: ...
    @overload
    async def create(
        self,
        *,
        body: AccountExclusionCreate | Mapping[str, Any],
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> AccountExclusion: ...
    @operation(_CREATE_ACCOUNT_EXCLUSION)
    async def create(
        self,
        *,
        domain: str | NotGiven = NOT_GIVEN,
        reason: ExclusionReason | ExclusionReasonValue | NotGiven = NOT_GIVEN,
        message: str | None | NotGiven = NOT_GIVEN,
        until: datetime | str | None | NotGiven = NOT_GIVEN,
        body: AccountExclusionCreate | Mapping[str, Any] | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> AccountExclusion:
        """Create an account exclusion.

        Excludes a whole company by its domain, with a reason and an optional expiry. One object per call.

        Args:
            domain: Company domain to exclude, such as example.com.
            reason: Why a contact or an account is excluded; both resources accept every value. BAD_TIMING: not
                a good time, revisit later. BOUNCED: the email hard-bounced. COMPETITOR: the account is a direct
                competitor. CONTACT_REFUSED: the person asked not to be contacted. INTERESTED: interest was
                shown through another channel. MEETING: a conversation is already under way. OTHER: none of the
                others. OUT_OF_OFFICE: temporarily unavailable. UNKNOWN: no reason recorded. UNSUBSCRIBED: the
                person or account opted out. WRONG_PERSON: not the right person at the company.
                EXCLUDE_FROM_SEARCH: keep out of Topo's prospecting search. EXCLUDE_FROM_CRM: a suppression
                imported from a CRM. REFERRAL: arrived through a referral channel and is handled separately.
                LEFT_COMPANY: the person has left the company.
            message: Free-form note for operators.
            until: When the exclusion should lift; leave it out for a permanent exclusion.

        Scopes: exclusions:write. Errors: 400, 401, 403, 409, 422, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return await self._client._call(
            _CREATE_ACCOUNT_EXCLUSION,
            (),
            {
                "domain": domain,
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

    @operation(_DELETE_ACCOUNT_EXCLUSION)
    async def delete(
        self,
        exclusion_id: str | UUID,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """Delete an account exclusion. Not in Topo's docs: No page for this endpoint is stored; the narrative says
        exclusions have delete endpoints. Path mirrors the contact-exclusion get; the success status is unknown,
        so 204 No Content is our choice.

        Removes an account exclusion.

        Args:
            exclusion_id: The exclusion's id.

        Scopes: exclusions:write. Errors: 400, 401, 403, 404, 422, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return await self._client._call(
            _DELETE_ACCOUNT_EXCLUSION,
            (),
            {
                "exclusion_id": exclusion_id,
                "extra_headers": extra_headers,
                "extra_query": extra_query,
                "extra_body": extra_body,
                "timeout": timeout,
            },
        )

    @operation(_GET_ACCOUNT_EXCLUSION)
    async def get(
        self,
        exclusion_id: str | UUID,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> AccountExclusion:
        """Get an account exclusion. Not in Topo's docs: No page for this endpoint is stored; the narrative names
        read endpoints for both exclusion resources, and path and response mirror the documented
        contact-exclusion get.

        Returns one account exclusion by its id.

        Args:
            exclusion_id: The exclusion's id.

        Scopes: exclusions:read. Errors: 400, 401, 403, 404, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return await self._client._call(
            _GET_ACCOUNT_EXCLUSION,
            (),
            {
                "exclusion_id": exclusion_id,
                "extra_headers": extra_headers,
                "extra_query": extra_query,
                "extra_body": extra_body,
                "timeout": timeout,
            },
        )

    @operation(_LIST_ACCOUNT_EXCLUSIONS)
    def list(
        self,
        *,
        page: int = 1,
        size: int = 100,
        sort_by: AccountExclusionSortBy | AccountExclusionSortByValue | NotGiven = NOT_GIVEN,
        sort_order: SortOrder | SortOrderValue | NotGiven = NOT_GIVEN,
        domain: str | NotGiven = NOT_GIVEN,
        reason: ExclusionReason | ExclusionReasonValue | NotGiven = NOT_GIVEN,
        created_at_before: datetime | NotGiven = NOT_GIVEN,
        created_at_after: datetime | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> AsyncPaginator[AccountExclusion]:
        """List account exclusions. Not in Topo's docs: No page for this endpoint is stored; the narrative says
        exclusions can be listed, and the parameters mirror the documented contact-exclusion list with domain in
        place of email and LinkedIn URL.

        Pages through the workspace's account exclusions, optionally filtered by domain, reason or creation
        time.

        Args:
            page: Page number, 1-indexed.
            size: Items per page; at most 100.
            sort_by: Field to sort by.
            sort_order: Sort direction; ascending unless the endpoint says otherwise.
            domain: Only exclusions of this domain (exact match).
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
            _LIST_ACCOUNT_EXCLUSIONS,
            {
                "page": page,
                "size": size,
                "sort_by": sort_by,
                "sort_order": sort_order,
                "domain": domain,
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
    ) -> AccountExclusion: ...
    @overload
    async def update(
        self,
        exclusion_id: str | UUID,
        *,
        body: AccountExclusionUpdate | Mapping[str, Any],
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> AccountExclusion: ...
    @operation(_UPDATE_ACCOUNT_EXCLUSION)
    async def update(
        self,
        exclusion_id: str | UUID,
        *,
        reason: ExclusionReason | ExclusionReasonValue | NotGiven = NOT_GIVEN,
        message: str | None | NotGiven = NOT_GIVEN,
        until: datetime | str | None | NotGiven = NOT_GIVEN,
        body: AccountExclusionUpdate | Mapping[str, Any] | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> AccountExclusion:
        """Update an account exclusion. Not in Topo's docs: The reference page
        (https://docs.topo.io/api-reference/accounts/update-account-exclusion) documents a PATCH with its scope,
        body and response, but its path and path-parameter name are not rendered; both mirror the
        contact-exclusion get.

        Changes the reason, note or expiry of an account exclusion; the domain cannot be changed.

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
            _UPDATE_ACCOUNT_EXCLUSION,
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


class AsyncAccountExclusionsWithRawResponse:
    """`client.with_raw_response.account_exclusions`: the methods of `AsyncAccountExclusions`, returning `APIResponse`."""

    def __init__(self, resource: AsyncAccountExclusions) -> None:
        self._resource = resource
        self.create = async_to_raw(resource.create)
        self.delete = async_to_raw(resource.delete)
        self.get = async_to_raw(resource.get)
        self.list = async_list_to_raw(resource.list)
        self.update = async_to_raw(resource.update)
