"""`client.account_lists`: generated from the spec by generator/resources.py; do not edit."""

from collections.abc import Iterable, Mapping
from datetime import datetime
from functools import cached_property
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
    async_batch,
    async_list_to_raw,
    async_to_raw,
    operation,
    sync_batch,
    to_raw,
)
from topo_ext._spec import OperationSpec, ParameterSpec

from ..api.account_lists import (
    create_account_entries,
    create_account_lists,
    get_account_entry,
    get_account_list,
    list_account_entries,
    list_account_lists,
    update_account_list,
)
from ..models import AccountEntryCreate, AccountListCreate, AccountListSortBy, AccountListUpdate, SortOrder
from ..responses import (
    AccountEntry,
    AccountEntryBatchResult,
    AccountEntryPage,
    AccountList,
    AccountListBatchResult,
    AccountListPage,
)
from ._values import AccountListSortByValue, SortOrderValue

_CREATE_ACCOUNT_LISTS = Operation(
    "create_account_lists",
    create_account_lists.build_request,
    AccountListBatchResult,
    OperationSpec(
        operation_id="create_account_lists",
        method="POST",
        path="/account-lists",
        resource="account_lists",
        python_method="create",
        scopes=("account_lists:write",),
        params={},
        body_schema={
            "type": "object",
            "properties": {
                "items": {
                    "type": "array",
                    "minItems": 1,
                    "maxItems": 100,
                    "items": {"type": "object", "properties": {"name": {"type": "string"}}, "required": ["name"]},
                }
            },
            "required": ["items"],
        },
        batch_max_items=100,
        batch_all_or_nothing=True,
        success_status=200,
        success_schema="AccountListBatchResult",
        paginated=False,
        max_page_size=None,
        inferred=None,
    ),
)
_GET_ACCOUNT_LIST = Operation(
    "get_account_list",
    get_account_list.build_request,
    AccountList,
    OperationSpec(
        operation_id="get_account_list",
        method="GET",
        path="/account-lists/{account_list_id}",
        resource="account_lists",
        python_method="get",
        scopes=("account_lists:read",),
        params={
            "account_list_id": ParameterSpec("account_list_id", "path", True, {"type": "string", "format": "uuid"})
        },
        body_schema=None,
        batch_max_items=None,
        batch_all_or_nothing=False,
        success_status=200,
        success_schema="AccountList",
        paginated=False,
        max_page_size=None,
        inferred=None,
    ),
)
_LIST_ACCOUNT_LISTS = Operation(
    "list_account_lists",
    list_account_lists.build_request,
    AccountListPage,
    OperationSpec(
        operation_id="list_account_lists",
        method="GET",
        path="/account-lists",
        resource="account_lists",
        python_method="list",
        scopes=("account_lists:read",),
        params={
            "page": ParameterSpec("page", "query", False, {"type": "integer", "minimum": 1}),
            "size": ParameterSpec("size", "query", False, {"type": "integer", "minimum": 1, "maximum": 100}),
            "sort_by": ParameterSpec(
                "sort_by", "query", False, {"type": "string", "enum": ["created_at", "updated_at", "name"]}
            ),
            "sort_order": ParameterSpec("sort_order", "query", False, {"type": "string", "enum": ["asc", "desc"]}),
            "name": ParameterSpec("name", "query", False, {"type": "string"}),
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
        success_schema="AccountListPage",
        paginated=True,
        max_page_size=100,
        inferred=None,
    ),
)
_UPDATE_ACCOUNT_LIST = Operation(
    "update_account_list",
    update_account_list.build_request,
    AccountList,
    OperationSpec(
        operation_id="update_account_list",
        method="PATCH",
        path="/account-lists/{account_list_id}",
        resource="account_lists",
        python_method="update",
        scopes=("account_lists:write",),
        params={
            "account_list_id": ParameterSpec("account_list_id", "path", True, {"type": "string", "format": "uuid"})
        },
        body_schema={"type": "object", "properties": {"name": {"type": "string"}}},
        batch_max_items=None,
        batch_all_or_nothing=False,
        success_status=200,
        success_schema="AccountList",
        paginated=False,
        max_page_size=None,
        inferred=None,
    ),
)
_CREATE_ACCOUNT_ENTRIES = Operation(
    "create_account_entries",
    create_account_entries.build_request,
    AccountEntryBatchResult,
    OperationSpec(
        operation_id="create_account_entries",
        method="POST",
        path="/account-entries",
        resource="account_lists.entries",
        python_method="create",
        scopes=("account_lists:write",),
        params={},
        body_schema={
            "type": "object",
            "properties": {
                "items": {
                    "type": "array",
                    "minItems": 1,
                    "maxItems": 100,
                    "items": {
                        "type": "object",
                        "properties": {
                            "account_list_id": {"type": "string", "format": "uuid"},
                            "name": {"type": "string"},
                            "domain": {"type": "string"},
                        },
                        "required": ["account_list_id", "domain"],
                    },
                }
            },
            "required": ["items"],
        },
        batch_max_items=100,
        batch_all_or_nothing=False,
        success_status=200,
        success_schema="AccountEntryBatchResult",
        paginated=False,
        max_page_size=None,
        inferred="No stored page documents it; the overview says lists are populated through the API and the account-lists page is cut off before its entry sections. Path, account_lists:write scope, batch body and response are inferred from POST /v1/contact-entries.",
    ),
)
_GET_ACCOUNT_ENTRY = Operation(
    "get_account_entry",
    get_account_entry.build_request,
    AccountEntry,
    OperationSpec(
        operation_id="get_account_entry",
        method="GET",
        path="/account-entries/{account_entry_id}",
        resource="account_lists.entries",
        python_method="get",
        scopes=("account_lists:read",),
        params={
            "account_entry_id": ParameterSpec("account_entry_id", "path", True, {"type": "string", "format": "uuid"})
        },
        body_schema=None,
        batch_max_items=None,
        batch_all_or_nothing=False,
        success_status=200,
        success_schema="AccountEntry",
        paginated=False,
        max_page_size=None,
        inferred=None,
    ),
)
_LIST_ACCOUNT_ENTRIES = Operation(
    "list_account_entries",
    list_account_entries.build_request,
    AccountEntryPage,
    OperationSpec(
        operation_id="list_account_entries",
        method="GET",
        path="/account-entries",
        resource="account_lists.entries",
        python_method="list",
        scopes=("account_lists:read",),
        params={
            "page": ParameterSpec("page", "query", False, {"type": "integer", "minimum": 1}),
            "size": ParameterSpec("size", "query", False, {"type": "integer", "minimum": 1, "maximum": 100}),
            "account_list_id": ParameterSpec("account_list_id", "query", False, {"type": "string", "format": "uuid"}),
        },
        body_schema=None,
        batch_max_items=None,
        batch_all_or_nothing=False,
        success_status=200,
        success_schema="AccountEntryPage",
        paginated=True,
        max_page_size=100,
        inferred=None,
    ),
)


class Entries(SyncAPIResource):
    """`client.account_lists.entries`."""

    @operation(_CREATE_ACCOUNT_ENTRIES)
    def create(
        self,
        items: Iterable[AccountEntryCreate | Mapping[str, Any]],
        *,
        chunk_size: int | None = None,
        allow_partial: bool = False,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> AccountEntryBatchResult:
        """Create account entries. Not in Topo's docs: No stored page documents it; the overview says lists are
        populated through the API and the account-lists page is cut off before its entry sections. Path,
        account_lists:write scope, batch body and response are inferred from POST /v1/contact-entries.

        Adds up to 100 companies (name and domain) to existing account lists in one request; results come back
        in request order.

        Accepts any iterable of items and sends them in chunks of at most 100; a failing chunk raises BatchError
        naming its index range.

        Scopes: account_lists:write. Errors: 400, 401, 403, 409, 422, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return sync_batch(
            self._client,
            _CREATE_ACCOUNT_ENTRIES,
            items,
            chunk_size,
            allow_partial,
            {"extra_headers": extra_headers, "extra_query": extra_query, "extra_body": extra_body, "timeout": timeout},
        )

    @operation(_GET_ACCOUNT_ENTRY)
    def get(
        self,
        account_entry_id: str | UUID,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> AccountEntry:
        """Get an account entry.

        Returns one company entry of an account list by its id. The page states no scope; account_lists:read is
        assumed, as the account-lists page puts its entry reads under that scope.

        Args:
            account_entry_id: The account entry's id.

        Scopes: account_lists:read. Errors: 400, 401, 403, 404, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return self._client._call(
            _GET_ACCOUNT_ENTRY,
            (),
            {
                "account_entry_id": account_entry_id,
                "extra_headers": extra_headers,
                "extra_query": extra_query,
                "extra_body": extra_body,
                "timeout": timeout,
            },
        )

    @operation(_LIST_ACCOUNT_ENTRIES)
    def list(
        self,
        *,
        page: int = 1,
        size: int = 100,
        account_list_id: str | UUID | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> SyncPage[AccountEntry]:
        """List account entries.

        Pages through the company entries of account lists, optionally only those of one account list.

        Args:
            page: Page number, 1-indexed.
            size: Items per page; at most 100.
            account_list_id: Only entries of this account list.

        Returns the first page; iterating it walks every item across pages (`size` defaults to the documented
        maximum: fewer round trips).

        Scopes: account_lists:read. Errors: 400, 401, 403, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return sync_list(
            self._client,
            _LIST_ACCOUNT_ENTRIES,
            {
                "page": page,
                "size": size,
                "account_list_id": account_list_id,
                "extra_headers": extra_headers,
                "extra_query": extra_query,
                "extra_body": extra_body,
                "timeout": timeout,
            },
        )


class AccountLists(SyncAPIResource):
    """`client.account_lists`."""

    @operation(_CREATE_ACCOUNT_LISTS)
    def create(
        self,
        items: Iterable[AccountListCreate | Mapping[str, Any]],
        *,
        chunk_size: int | None = None,
        allow_partial: bool = False,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> AccountListBatchResult:
        """Create account lists.

        Creates up to 100 account lists in one request; results come back in request order.

        All-or-nothing (Topo's docs): one request creates every item or none. Accepts any iterable of at most
        100 items, sent as one request; more raises InvalidRequestError before anything is sent.
        allow_partial=True sends chunks instead: if a later chunk fails, BatchError says how many items the
        earlier chunks committed (they stay).

        Scopes: account_lists:write. Errors: 400, 401, 403, 409, 422, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return sync_batch(
            self._client,
            _CREATE_ACCOUNT_LISTS,
            items,
            chunk_size,
            allow_partial,
            {"extra_headers": extra_headers, "extra_query": extra_query, "extra_body": extra_body, "timeout": timeout},
        )

    @operation(_GET_ACCOUNT_LIST)
    def get(
        self,
        account_list_id: str | UUID,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> AccountList:
        """Get an account list.

        Returns one account list of the workspace by its id.

        Args:
            account_list_id: The account list's id.

        Scopes: account_lists:read. Errors: 400, 401, 403, 404, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return self._client._call(
            _GET_ACCOUNT_LIST,
            (),
            {
                "account_list_id": account_list_id,
                "extra_headers": extra_headers,
                "extra_query": extra_query,
                "extra_body": extra_body,
                "timeout": timeout,
            },
        )

    @operation(_LIST_ACCOUNT_LISTS)
    def list(
        self,
        *,
        page: int = 1,
        size: int = 100,
        sort_by: AccountListSortBy | AccountListSortByValue | NotGiven = NOT_GIVEN,
        sort_order: SortOrder | SortOrderValue | NotGiven = NOT_GIVEN,
        name: str | NotGiven = NOT_GIVEN,
        created_at_after: datetime | NotGiven = NOT_GIVEN,
        created_at_before: datetime | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> SyncPage[AccountList]:
        """List account lists.

        Pages through the workspace's account lists, optionally filtered by exact name and creation time.

        Args:
            page: Page number, 1-indexed.
            size: Items per page; at most 100.
            sort_by: Field to sort by. Without it the endpoint's own (undocumented) default order applies.
            sort_order: Sort direction.
            name: Only lists whose name is exactly this value.
            created_at_after: Only records created strictly after this instant (exclusive).
            created_at_before: Only records created strictly before this instant (exclusive).

        Returns the first page; iterating it walks every item across pages (`size` defaults to the documented
        maximum: fewer round trips).

        Scopes: account_lists:read. Errors: 400, 401, 403, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return sync_list(
            self._client,
            _LIST_ACCOUNT_LISTS,
            {
                "page": page,
                "size": size,
                "sort_by": sort_by,
                "sort_order": sort_order,
                "name": name,
                "created_at_after": created_at_after,
                "created_at_before": created_at_before,
                "extra_headers": extra_headers,
                "extra_query": extra_query,
                "extra_body": extra_body,
                "timeout": timeout,
            },
        )

    @overload
    def update(
        self,
        account_list_id: str | UUID,
        *,
        name: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> AccountList: ...
    @overload
    def update(
        self,
        account_list_id: str | UUID,
        *,
        body: AccountListUpdate | Mapping[str, Any],
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> AccountList: ...
    @operation(_UPDATE_ACCOUNT_LIST)
    def update(
        self,
        account_list_id: str | UUID,
        *,
        name: str | NotGiven = NOT_GIVEN,
        body: AccountListUpdate | Mapping[str, Any] | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> AccountList:
        """Update an account list.

        Renames an account list; fields left out of the body are unchanged.

        Args:
            account_list_id: The account list's id.
            name: New name for the list.

        Scopes: account_lists:write. Errors: 400, 401, 403, 404, 409, 422, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return self._client._call(
            _UPDATE_ACCOUNT_LIST,
            (),
            {
                "account_list_id": account_list_id,
                "name": name,
                "body": body,
                "extra_headers": extra_headers,
                "extra_query": extra_query,
                "extra_body": extra_body,
                "timeout": timeout,
            },
        )

    @cached_property
    def entries(self) -> Entries:
        return Entries(self._client)


class EntriesWithRawResponse:
    """`client.with_raw_response.account_lists.entries`: the methods of `Entries`, returning `APIResponse`."""

    def __init__(self, resource: Entries) -> None:
        self._resource = resource
        self.create = to_raw(resource.create)
        self.get = to_raw(resource.get)
        self.list = to_raw(resource.list)


class AccountListsWithRawResponse:
    """`client.with_raw_response.account_lists`: the methods of `AccountLists`, returning `APIResponse`."""

    def __init__(self, resource: AccountLists) -> None:
        self._resource = resource
        self.create = to_raw(resource.create)
        self.get = to_raw(resource.get)
        self.list = to_raw(resource.list)
        self.update = to_raw(resource.update)

    @cached_property
    def entries(self) -> EntriesWithRawResponse:
        return EntriesWithRawResponse(self._resource.entries)


class AsyncEntries(AsyncAPIResource):
    """`client.account_lists.entries` (AsyncTopo)."""

    @operation(_CREATE_ACCOUNT_ENTRIES)
    async def create(
        self,
        items: Iterable[AccountEntryCreate | Mapping[str, Any]],
        *,
        chunk_size: int | None = None,
        allow_partial: bool = False,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> AccountEntryBatchResult:
        """Create account entries. Not in Topo's docs: No stored page documents it; the overview says lists are
        populated through the API and the account-lists page is cut off before its entry sections. Path,
        account_lists:write scope, batch body and response are inferred from POST /v1/contact-entries.

        Adds up to 100 companies (name and domain) to existing account lists in one request; results come back
        in request order.

        Accepts any iterable of items and sends them in chunks of at most 100; a failing chunk raises BatchError
        naming its index range.

        Scopes: account_lists:write. Errors: 400, 401, 403, 409, 422, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return await async_batch(
            self._client,
            _CREATE_ACCOUNT_ENTRIES,
            items,
            chunk_size,
            allow_partial,
            {"extra_headers": extra_headers, "extra_query": extra_query, "extra_body": extra_body, "timeout": timeout},
        )

    @operation(_GET_ACCOUNT_ENTRY)
    async def get(
        self,
        account_entry_id: str | UUID,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> AccountEntry:
        """Get an account entry.

        Returns one company entry of an account list by its id. The page states no scope; account_lists:read is
        assumed, as the account-lists page puts its entry reads under that scope.

        Args:
            account_entry_id: The account entry's id.

        Scopes: account_lists:read. Errors: 400, 401, 403, 404, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return await self._client._call(
            _GET_ACCOUNT_ENTRY,
            (),
            {
                "account_entry_id": account_entry_id,
                "extra_headers": extra_headers,
                "extra_query": extra_query,
                "extra_body": extra_body,
                "timeout": timeout,
            },
        )

    @operation(_LIST_ACCOUNT_ENTRIES)
    def list(
        self,
        *,
        page: int = 1,
        size: int = 100,
        account_list_id: str | UUID | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> AsyncPaginator[AccountEntry]:
        """List account entries.

        Pages through the company entries of account lists, optionally only those of one account list.

        Args:
            page: Page number, 1-indexed.
            size: Items per page; at most 100.
            account_list_id: Only entries of this account list.

        Returns the first page; iterating it walks every item across pages (`size` defaults to the documented
        maximum: fewer round trips). `async for` it to walk every item, or `await` it for the first page.

        Scopes: account_lists:read. Errors: 400, 401, 403, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return async_list(
            self._client,
            _LIST_ACCOUNT_ENTRIES,
            {
                "page": page,
                "size": size,
                "account_list_id": account_list_id,
                "extra_headers": extra_headers,
                "extra_query": extra_query,
                "extra_body": extra_body,
                "timeout": timeout,
            },
        )


class AsyncAccountLists(AsyncAPIResource):
    """`client.account_lists` (AsyncTopo)."""

    @operation(_CREATE_ACCOUNT_LISTS)
    async def create(
        self,
        items: Iterable[AccountListCreate | Mapping[str, Any]],
        *,
        chunk_size: int | None = None,
        allow_partial: bool = False,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> AccountListBatchResult:
        """Create account lists.

        Creates up to 100 account lists in one request; results come back in request order.

        All-or-nothing (Topo's docs): one request creates every item or none. Accepts any iterable of at most
        100 items, sent as one request; more raises InvalidRequestError before anything is sent.
        allow_partial=True sends chunks instead: if a later chunk fails, BatchError says how many items the
        earlier chunks committed (they stay).

        Scopes: account_lists:write. Errors: 400, 401, 403, 409, 422, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return await async_batch(
            self._client,
            _CREATE_ACCOUNT_LISTS,
            items,
            chunk_size,
            allow_partial,
            {"extra_headers": extra_headers, "extra_query": extra_query, "extra_body": extra_body, "timeout": timeout},
        )

    @operation(_GET_ACCOUNT_LIST)
    async def get(
        self,
        account_list_id: str | UUID,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> AccountList:
        """Get an account list.

        Returns one account list of the workspace by its id.

        Args:
            account_list_id: The account list's id.

        Scopes: account_lists:read. Errors: 400, 401, 403, 404, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return await self._client._call(
            _GET_ACCOUNT_LIST,
            (),
            {
                "account_list_id": account_list_id,
                "extra_headers": extra_headers,
                "extra_query": extra_query,
                "extra_body": extra_body,
                "timeout": timeout,
            },
        )

    @operation(_LIST_ACCOUNT_LISTS)
    def list(
        self,
        *,
        page: int = 1,
        size: int = 100,
        sort_by: AccountListSortBy | AccountListSortByValue | NotGiven = NOT_GIVEN,
        sort_order: SortOrder | SortOrderValue | NotGiven = NOT_GIVEN,
        name: str | NotGiven = NOT_GIVEN,
        created_at_after: datetime | NotGiven = NOT_GIVEN,
        created_at_before: datetime | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> AsyncPaginator[AccountList]:
        """List account lists.

        Pages through the workspace's account lists, optionally filtered by exact name and creation time.

        Args:
            page: Page number, 1-indexed.
            size: Items per page; at most 100.
            sort_by: Field to sort by. Without it the endpoint's own (undocumented) default order applies.
            sort_order: Sort direction.
            name: Only lists whose name is exactly this value.
            created_at_after: Only records created strictly after this instant (exclusive).
            created_at_before: Only records created strictly before this instant (exclusive).

        Returns the first page; iterating it walks every item across pages (`size` defaults to the documented
        maximum: fewer round trips). `async for` it to walk every item, or `await` it for the first page.

        Scopes: account_lists:read. Errors: 400, 401, 403, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return async_list(
            self._client,
            _LIST_ACCOUNT_LISTS,
            {
                "page": page,
                "size": size,
                "sort_by": sort_by,
                "sort_order": sort_order,
                "name": name,
                "created_at_after": created_at_after,
                "created_at_before": created_at_before,
                "extra_headers": extra_headers,
                "extra_query": extra_query,
                "extra_body": extra_body,
                "timeout": timeout,
            },
        )

    @overload
    async def update(
        self,
        account_list_id: str | UUID,
        *,
        name: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> AccountList: ...
    @overload
    async def update(
        self,
        account_list_id: str | UUID,
        *,
        body: AccountListUpdate | Mapping[str, Any],
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> AccountList: ...
    @operation(_UPDATE_ACCOUNT_LIST)
    async def update(
        self,
        account_list_id: str | UUID,
        *,
        name: str | NotGiven = NOT_GIVEN,
        body: AccountListUpdate | Mapping[str, Any] | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> AccountList:
        """Update an account list.

        Renames an account list; fields left out of the body are unchanged.

        Args:
            account_list_id: The account list's id.
            name: New name for the list.

        Scopes: account_lists:write. Errors: 400, 401, 403, 404, 409, 422, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return await self._client._call(
            _UPDATE_ACCOUNT_LIST,
            (),
            {
                "account_list_id": account_list_id,
                "name": name,
                "body": body,
                "extra_headers": extra_headers,
                "extra_query": extra_query,
                "extra_body": extra_body,
                "timeout": timeout,
            },
        )

    @cached_property
    def entries(self) -> AsyncEntries:
        return AsyncEntries(self._client)


class AsyncEntriesWithRawResponse:
    """`client.with_raw_response.account_lists.entries`: the methods of `AsyncEntries`, returning `APIResponse`."""

    def __init__(self, resource: AsyncEntries) -> None:
        self._resource = resource
        self.create = async_to_raw(resource.create)
        self.get = async_to_raw(resource.get)
        self.list = async_list_to_raw(resource.list)


class AsyncAccountListsWithRawResponse:
    """`client.with_raw_response.account_lists`: the methods of `AsyncAccountLists`, returning `APIResponse`."""

    def __init__(self, resource: AsyncAccountLists) -> None:
        self._resource = resource
        self.create = async_to_raw(resource.create)
        self.get = async_to_raw(resource.get)
        self.list = async_list_to_raw(resource.list)
        self.update = async_to_raw(resource.update)

    @cached_property
    def entries(self) -> AsyncEntriesWithRawResponse:
        return AsyncEntriesWithRawResponse(self._resource.entries)
