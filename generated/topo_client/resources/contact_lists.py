"""`client.contact_lists`: generated from the spec by generator/resources.py; do not edit."""

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

from ..api.contact_lists import (
    create_contact_entries,
    create_contact_lists,
    get_contact_entry,
    get_contact_list,
    list_contact_entries,
    list_contact_lists,
    update_contact_list,
)
from ..models import ContactEntryCreate, ContactListCreate, ContactListSortBy, ContactListUpdate, SortOrder
from ..responses import (
    ContactEntry,
    ContactEntryBatchResult,
    ContactEntryPage,
    ContactList,
    ContactListBatchResult,
    ContactListPage,
)
from ._values import ContactListSortByValue, SortOrderValue

_CREATE_CONTACT_LISTS = Operation(
    "create_contact_lists",
    create_contact_lists.build_request,
    ContactListBatchResult,
    OperationSpec(
        operation_id="create_contact_lists",
        method="POST",
        path="/contact-lists",
        resource="contact_lists",
        python_method="create",
        scopes=("contact_lists:write",),
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
                            "name": {"type": ["string", "null"]},
                            "default_sequence_template_id": {"type": ["string", "null"], "format": "uuid"},
                        },
                    },
                }
            },
            "required": ["items"],
        },
        batch_max_items=100,
        batch_all_or_nothing=True,
        success_status=200,
        success_schema="ContactListBatchResult",
        paginated=False,
        max_page_size=None,
        inferred=None,
    ),
)
_GET_CONTACT_LIST = Operation(
    "get_contact_list",
    get_contact_list.build_request,
    ContactList,
    OperationSpec(
        operation_id="get_contact_list",
        method="GET",
        path="/contact-lists/{contact_list_id}",
        resource="contact_lists",
        python_method="get",
        scopes=("contact_lists:read",),
        params={
            "contact_list_id": ParameterSpec("contact_list_id", "path", True, {"type": "string", "format": "uuid"})
        },
        body_schema=None,
        batch_max_items=None,
        batch_all_or_nothing=False,
        success_status=200,
        success_schema="ContactList",
        paginated=False,
        max_page_size=None,
        inferred=None,
    ),
)
_LIST_CONTACT_LISTS = Operation(
    "list_contact_lists",
    list_contact_lists.build_request,
    ContactListPage,
    OperationSpec(
        operation_id="list_contact_lists",
        method="GET",
        path="/contact-lists",
        resource="contact_lists",
        python_method="list",
        scopes=("contact_lists:read",),
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
        success_schema="ContactListPage",
        paginated=True,
        max_page_size=100,
        inferred=None,
    ),
)
_UPDATE_CONTACT_LIST = Operation(
    "update_contact_list",
    update_contact_list.build_request,
    ContactList,
    OperationSpec(
        operation_id="update_contact_list",
        method="PATCH",
        path="/contact-lists/{contact_list_id}",
        resource="contact_lists",
        python_method="update",
        scopes=("contact_lists:write",),
        params={
            "contact_list_id": ParameterSpec("contact_list_id", "path", True, {"type": "string", "format": "uuid"})
        },
        body_schema={
            "type": "object",
            "properties": {
                "name": {"type": ["string", "null"]},
                "default_sequence_template_id": {"type": ["string", "null"], "format": "uuid"},
            },
        },
        batch_max_items=None,
        batch_all_or_nothing=False,
        success_status=200,
        success_schema="ContactList",
        paginated=False,
        max_page_size=None,
        inferred=None,
    ),
)
_CREATE_CONTACT_ENTRIES = Operation(
    "create_contact_entries",
    create_contact_entries.build_request,
    ContactEntryBatchResult,
    OperationSpec(
        operation_id="create_contact_entries",
        method="POST",
        path="/contact-entries",
        resource="contact_lists.entries",
        python_method="create",
        scopes=("contact_lists:write",),
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
                            "contact_list_id": {"type": "string", "format": "uuid"},
                            "first_name": {"type": "string"},
                            "last_name": {"type": "string"},
                            "email": {"type": "string"},
                            "linkedin_url": {"type": "string"},
                            "company_name": {"type": "string"},
                            "company_domain": {"type": "string"},
                            "job_title": {"type": "string"},
                            "phone": {"type": "string"},
                        },
                        "required": ["contact_list_id"],
                    },
                }
            },
            "required": ["items"],
        },
        batch_max_items=100,
        batch_all_or_nothing=False,
        success_status=200,
        success_schema="ContactEntryBatchResult",
        paginated=False,
        max_page_size=None,
        inferred=None,
    ),
)
_GET_CONTACT_ENTRY = Operation(
    "get_contact_entry",
    get_contact_entry.build_request,
    ContactEntry,
    OperationSpec(
        operation_id="get_contact_entry",
        method="GET",
        path="/contact-entries/{contact_entry_id}",
        resource="contact_lists.entries",
        python_method="get",
        scopes=("contact_lists:read",),
        params={
            "contact_entry_id": ParameterSpec("contact_entry_id", "path", True, {"type": "string", "format": "uuid"})
        },
        body_schema=None,
        batch_max_items=None,
        batch_all_or_nothing=False,
        success_status=200,
        success_schema="ContactEntry",
        paginated=False,
        max_page_size=None,
        inferred="No stored page documents it; inferred by symmetry with the documented GET /v1/account-entries/{account_entry_id} and the contact_lists:read scope, which covers reading list memberships.",
    ),
)
_LIST_CONTACT_ENTRIES = Operation(
    "list_contact_entries",
    list_contact_entries.build_request,
    ContactEntryPage,
    OperationSpec(
        operation_id="list_contact_entries",
        method="GET",
        path="/contact-entries",
        resource="contact_lists.entries",
        python_method="list",
        scopes=("contact_lists:read",),
        params={
            "page": ParameterSpec("page", "query", False, {"type": "integer", "minimum": 1}),
            "size": ParameterSpec("size", "query", False, {"type": "integer", "minimum": 1, "maximum": 100}),
            "contact_list_id": ParameterSpec("contact_list_id", "query", False, {"type": "string", "format": "uuid"}),
        },
        body_schema=None,
        batch_max_items=None,
        batch_all_or_nothing=False,
        success_status=200,
        success_schema="ContactEntryPage",
        paginated=True,
        max_page_size=100,
        inferred='No stored page documents it; the contact_lists:read scope covers "list definitions and memberships", the contact-lists page documents the entry object but is cut off before its entry sections, and the account-lists twin page has GET /v1/account-entries in the same place. Path, scope, filter and response are inferred by symmetry.',
    ),
)


class Entries(SyncAPIResource):
    """`client.contact_lists.entries`."""

    @operation(_CREATE_CONTACT_ENTRIES)
    def create(
        self,
        items: Iterable[ContactEntryCreate | Mapping[str, Any]],
        *,
        chunk_size: int | None = None,
        allow_partial: bool = False,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> ContactEntryBatchResult:
        """Create contact entries.

        Adds up to 100 entries to existing contact lists in one request; each item names its own list, and each
        needs an email or a LinkedIn URL. Results come back in request order.

        Accepts any iterable of items and sends them in chunks of at most 100; a failing chunk raises BatchError
        naming its index range.

        Scopes: contact_lists:write. Errors: 400, 401, 403, 409, 422, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return sync_batch(
            self._client,
            _CREATE_CONTACT_ENTRIES,
            items,
            chunk_size,
            allow_partial,
            {"extra_headers": extra_headers, "extra_query": extra_query, "extra_body": extra_body, "timeout": timeout},
        )

    @operation(_GET_CONTACT_ENTRY)
    def get(
        self,
        contact_entry_id: str | UUID,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> ContactEntry:
        """Get a contact entry. Not in Topo's docs: No stored page documents it; inferred by symmetry with the
        documented GET /v1/account-entries/{account_entry_id} and the contact_lists:read scope, which covers
        reading list memberships.

        Returns one contact-list entry by its id.

        Args:
            contact_entry_id: The contact entry's id.

        Scopes: contact_lists:read. Errors: 400, 401, 403, 404, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return self._client._call(
            _GET_CONTACT_ENTRY,
            (),
            {
                "contact_entry_id": contact_entry_id,
                "extra_headers": extra_headers,
                "extra_query": extra_query,
                "extra_body": extra_body,
                "timeout": timeout,
            },
        )

    @operation(_LIST_CONTACT_ENTRIES)
    def list(
        self,
        *,
        page: int = 1,
        size: int = 100,
        contact_list_id: str | UUID | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> SyncPage[ContactEntry]:
        """List contact entries. Not in Topo's docs: No stored page documents it; the contact_lists:read scope
        covers "list definitions and memberships", the contact-lists page documents the entry object but is cut
        off before its entry sections, and the account-lists twin page has GET /v1/account-entries in the same
        place. Path, scope, filter and response are inferred by symmetry.

        Pages through contact-list entries, optionally only those of one contact list.

        Args:
            page: Page number, 1-indexed.
            size: Items per page; at most 100.
            contact_list_id: Only entries of this contact list.

        Returns the first page; iterating it walks every item across pages (`size` defaults to the documented
        maximum: fewer round trips).

        Scopes: contact_lists:read. Errors: 400, 401, 403, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return sync_list(
            self._client,
            _LIST_CONTACT_ENTRIES,
            {
                "page": page,
                "size": size,
                "contact_list_id": contact_list_id,
                "extra_headers": extra_headers,
                "extra_query": extra_query,
                "extra_body": extra_body,
                "timeout": timeout,
            },
        )


class ContactLists(SyncAPIResource):
    """`client.contact_lists`."""

    @operation(_CREATE_CONTACT_LISTS)
    def create(
        self,
        items: Iterable[ContactListCreate | Mapping[str, Any]],
        *,
        chunk_size: int | None = None,
        allow_partial: bool = False,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> ContactListBatchResult:
        """Create contact lists.

        Creates up to 100 contact lists in one request; results come back in request order.

        All-or-nothing (Topo's docs): one request creates every item or none. Accepts any iterable of at most
        100 items, sent as one request; more raises InvalidRequestError before anything is sent.
        allow_partial=True sends chunks instead: if a later chunk fails, BatchError says how many items the
        earlier chunks committed (they stay).

        Scopes: contact_lists:write. Errors: 400, 401, 403, 409, 422, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return sync_batch(
            self._client,
            _CREATE_CONTACT_LISTS,
            items,
            chunk_size,
            allow_partial,
            {"extra_headers": extra_headers, "extra_query": extra_query, "extra_body": extra_body, "timeout": timeout},
        )

    @operation(_GET_CONTACT_LIST)
    def get(
        self,
        contact_list_id: str | UUID,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> ContactList:
        """Get a contact list.

        Returns one contact list of the workspace by its id.

        Args:
            contact_list_id: The contact list's id.

        Scopes: contact_lists:read. Errors: 400, 401, 403, 404, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return self._client._call(
            _GET_CONTACT_LIST,
            (),
            {
                "contact_list_id": contact_list_id,
                "extra_headers": extra_headers,
                "extra_query": extra_query,
                "extra_body": extra_body,
                "timeout": timeout,
            },
        )

    @operation(_LIST_CONTACT_LISTS)
    def list(
        self,
        *,
        page: int = 1,
        size: int = 100,
        sort_by: ContactListSortBy | ContactListSortByValue | NotGiven = NOT_GIVEN,
        sort_order: SortOrder | SortOrderValue | NotGiven = NOT_GIVEN,
        name: str | NotGiven = NOT_GIVEN,
        created_at_after: datetime | NotGiven = NOT_GIVEN,
        created_at_before: datetime | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> SyncPage[ContactList]:
        """List contact lists.

        Pages through the workspace's contact lists, optionally filtered by exact name and creation time.

        Args:
            page: Page number, 1-indexed.
            size: Items per page; at most 100.
            sort_by: Field to sort by. Without it the endpoint's own (undocumented) default order applies.
            sort_order: Sort direction.
            name: Only lists whose name is exactly this value.
            created_at_after: Only lists created strictly after this instant (exclusive).
            created_at_before: Only lists created strictly before this instant (exclusive).

        Returns the first page; iterating it walks every item across pages (`size` defaults to the documented
        maximum: fewer round trips).

        Scopes: contact_lists:read. Errors: 400, 401, 403, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return sync_list(
            self._client,
            _LIST_CONTACT_LISTS,
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
        contact_list_id: str | UUID,
        *,
        name: str | None | NotGiven = NOT_GIVEN,
        default_sequence_template_id: str | UUID | None | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> ContactList: ...
    @overload
    def update(
        self,
        contact_list_id: str | UUID,
        *,
        body: ContactListUpdate | Mapping[str, Any],
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> ContactList: ...
    @operation(_UPDATE_CONTACT_LIST)
    def update(
        self,
        contact_list_id: str | UUID,
        *,
        name: str | None | NotGiven = NOT_GIVEN,
        default_sequence_template_id: str | UUID | None | NotGiven = NOT_GIVEN,
        body: ContactListUpdate | Mapping[str, Any] | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> ContactList:
        """Update a contact list.

        Renames a contact list and/or sets or clears its default sequence template; fields left out are
        unchanged.

        Args:
            contact_list_id: The contact list's id.
            name: New name for the list.
            default_sequence_template_id: New default sequence template; null clears it.

        Scopes: contact_lists:write. Errors: 400, 401, 403, 404, 409, 422, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return self._client._call(
            _UPDATE_CONTACT_LIST,
            (),
            {
                "contact_list_id": contact_list_id,
                "name": name,
                "default_sequence_template_id": default_sequence_template_id,
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
    """`client.with_raw_response.contact_lists.entries`: the methods of `Entries`, returning `APIResponse`."""

    def __init__(self, resource: Entries) -> None:
        self._resource = resource
        self.create = to_raw(resource.create)
        self.get = to_raw(resource.get)
        self.list = to_raw(resource.list)


class ContactListsWithRawResponse:
    """`client.with_raw_response.contact_lists`: the methods of `ContactLists`, returning `APIResponse`."""

    def __init__(self, resource: ContactLists) -> None:
        self._resource = resource
        self.create = to_raw(resource.create)
        self.get = to_raw(resource.get)
        self.list = to_raw(resource.list)
        self.update = to_raw(resource.update)

    @cached_property
    def entries(self) -> EntriesWithRawResponse:
        return EntriesWithRawResponse(self._resource.entries)


class AsyncEntries(AsyncAPIResource):
    """`client.contact_lists.entries` (AsyncTopo)."""

    @operation(_CREATE_CONTACT_ENTRIES)
    async def create(
        self,
        items: Iterable[ContactEntryCreate | Mapping[str, Any]],
        *,
        chunk_size: int | None = None,
        allow_partial: bool = False,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> ContactEntryBatchResult:
        """Create contact entries.

        Adds up to 100 entries to existing contact lists in one request; each item names its own list, and each
        needs an email or a LinkedIn URL. Results come back in request order.

        Accepts any iterable of items and sends them in chunks of at most 100; a failing chunk raises BatchError
        naming its index range.

        Scopes: contact_lists:write. Errors: 400, 401, 403, 409, 422, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return await async_batch(
            self._client,
            _CREATE_CONTACT_ENTRIES,
            items,
            chunk_size,
            allow_partial,
            {"extra_headers": extra_headers, "extra_query": extra_query, "extra_body": extra_body, "timeout": timeout},
        )

    @operation(_GET_CONTACT_ENTRY)
    async def get(
        self,
        contact_entry_id: str | UUID,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> ContactEntry:
        """Get a contact entry. Not in Topo's docs: No stored page documents it; inferred by symmetry with the
        documented GET /v1/account-entries/{account_entry_id} and the contact_lists:read scope, which covers
        reading list memberships.

        Returns one contact-list entry by its id.

        Args:
            contact_entry_id: The contact entry's id.

        Scopes: contact_lists:read. Errors: 400, 401, 403, 404, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return await self._client._call(
            _GET_CONTACT_ENTRY,
            (),
            {
                "contact_entry_id": contact_entry_id,
                "extra_headers": extra_headers,
                "extra_query": extra_query,
                "extra_body": extra_body,
                "timeout": timeout,
            },
        )

    @operation(_LIST_CONTACT_ENTRIES)
    def list(
        self,
        *,
        page: int = 1,
        size: int = 100,
        contact_list_id: str | UUID | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> AsyncPaginator[ContactEntry]:
        """List contact entries. Not in Topo's docs: No stored page documents it; the contact_lists:read scope
        covers "list definitions and memberships", the contact-lists page documents the entry object but is cut
        off before its entry sections, and the account-lists twin page has GET /v1/account-entries in the same
        place. Path, scope, filter and response are inferred by symmetry.

        Pages through contact-list entries, optionally only those of one contact list.

        Args:
            page: Page number, 1-indexed.
            size: Items per page; at most 100.
            contact_list_id: Only entries of this contact list.

        Returns the first page; iterating it walks every item across pages (`size` defaults to the documented
        maximum: fewer round trips). `async for` it to walk every item, or `await` it for the first page.

        Scopes: contact_lists:read. Errors: 400, 401, 403, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return async_list(
            self._client,
            _LIST_CONTACT_ENTRIES,
            {
                "page": page,
                "size": size,
                "contact_list_id": contact_list_id,
                "extra_headers": extra_headers,
                "extra_query": extra_query,
                "extra_body": extra_body,
                "timeout": timeout,
            },
        )


class AsyncContactLists(AsyncAPIResource):
    """`client.contact_lists` (AsyncTopo)."""

    @operation(_CREATE_CONTACT_LISTS)
    async def create(
        self,
        items: Iterable[ContactListCreate | Mapping[str, Any]],
        *,
        chunk_size: int | None = None,
        allow_partial: bool = False,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> ContactListBatchResult:
        """Create contact lists.

        Creates up to 100 contact lists in one request; results come back in request order.

        All-or-nothing (Topo's docs): one request creates every item or none. Accepts any iterable of at most
        100 items, sent as one request; more raises InvalidRequestError before anything is sent.
        allow_partial=True sends chunks instead: if a later chunk fails, BatchError says how many items the
        earlier chunks committed (they stay).

        Scopes: contact_lists:write. Errors: 400, 401, 403, 409, 422, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return await async_batch(
            self._client,
            _CREATE_CONTACT_LISTS,
            items,
            chunk_size,
            allow_partial,
            {"extra_headers": extra_headers, "extra_query": extra_query, "extra_body": extra_body, "timeout": timeout},
        )

    @operation(_GET_CONTACT_LIST)
    async def get(
        self,
        contact_list_id: str | UUID,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> ContactList:
        """Get a contact list.

        Returns one contact list of the workspace by its id.

        Args:
            contact_list_id: The contact list's id.

        Scopes: contact_lists:read. Errors: 400, 401, 403, 404, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return await self._client._call(
            _GET_CONTACT_LIST,
            (),
            {
                "contact_list_id": contact_list_id,
                "extra_headers": extra_headers,
                "extra_query": extra_query,
                "extra_body": extra_body,
                "timeout": timeout,
            },
        )

    @operation(_LIST_CONTACT_LISTS)
    def list(
        self,
        *,
        page: int = 1,
        size: int = 100,
        sort_by: ContactListSortBy | ContactListSortByValue | NotGiven = NOT_GIVEN,
        sort_order: SortOrder | SortOrderValue | NotGiven = NOT_GIVEN,
        name: str | NotGiven = NOT_GIVEN,
        created_at_after: datetime | NotGiven = NOT_GIVEN,
        created_at_before: datetime | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> AsyncPaginator[ContactList]:
        """List contact lists.

        Pages through the workspace's contact lists, optionally filtered by exact name and creation time.

        Args:
            page: Page number, 1-indexed.
            size: Items per page; at most 100.
            sort_by: Field to sort by. Without it the endpoint's own (undocumented) default order applies.
            sort_order: Sort direction.
            name: Only lists whose name is exactly this value.
            created_at_after: Only lists created strictly after this instant (exclusive).
            created_at_before: Only lists created strictly before this instant (exclusive).

        Returns the first page; iterating it walks every item across pages (`size` defaults to the documented
        maximum: fewer round trips). `async for` it to walk every item, or `await` it for the first page.

        Scopes: contact_lists:read. Errors: 400, 401, 403, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return async_list(
            self._client,
            _LIST_CONTACT_LISTS,
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
        contact_list_id: str | UUID,
        *,
        name: str | None | NotGiven = NOT_GIVEN,
        default_sequence_template_id: str | UUID | None | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> ContactList: ...
    @overload
    async def update(
        self,
        contact_list_id: str | UUID,
        *,
        body: ContactListUpdate | Mapping[str, Any],
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> ContactList: ...
    @operation(_UPDATE_CONTACT_LIST)
    async def update(
        self,
        contact_list_id: str | UUID,
        *,
        name: str | None | NotGiven = NOT_GIVEN,
        default_sequence_template_id: str | UUID | None | NotGiven = NOT_GIVEN,
        body: ContactListUpdate | Mapping[str, Any] | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> ContactList:
        """Update a contact list.

        Renames a contact list and/or sets or clears its default sequence template; fields left out are
        unchanged.

        Args:
            contact_list_id: The contact list's id.
            name: New name for the list.
            default_sequence_template_id: New default sequence template; null clears it.

        Scopes: contact_lists:write. Errors: 400, 401, 403, 404, 409, 422, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return await self._client._call(
            _UPDATE_CONTACT_LIST,
            (),
            {
                "contact_list_id": contact_list_id,
                "name": name,
                "default_sequence_template_id": default_sequence_template_id,
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
    """`client.with_raw_response.contact_lists.entries`: the methods of `AsyncEntries`, returning `APIResponse`."""

    def __init__(self, resource: AsyncEntries) -> None:
        self._resource = resource
        self.create = async_to_raw(resource.create)
        self.get = async_to_raw(resource.get)
        self.list = async_list_to_raw(resource.list)


class AsyncContactListsWithRawResponse:
    """`client.with_raw_response.contact_lists`: the methods of `AsyncContactLists`, returning `APIResponse`."""

    def __init__(self, resource: AsyncContactLists) -> None:
        self._resource = resource
        self.create = async_to_raw(resource.create)
        self.get = async_to_raw(resource.get)
        self.list = async_list_to_raw(resource.list)
        self.update = async_to_raw(resource.update)

    @cached_property
    def entries(self) -> AsyncEntriesWithRawResponse:
        return AsyncEntriesWithRawResponse(self._resource.entries)
