"""`client.contacts`: generated from the spec by generator/resources.py; do not edit."""

from collections import abc
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

from ..api.contacts import (
    delete_contact_variables,
    get_contact,
    get_contact_variables,
    list_contacts,
    update_contact_variables,
)
from ..models import ContactSortBy, ContactVariableMap, ContactVariablesUpdate, SortOrder
from ..responses import Contact, ContactPage, ContactVariables
from ._values import ContactSortByValue, SortOrderValue

_DELETE_CONTACT_VARIABLES = Operation(
    "delete_contact_variables",
    delete_contact_variables.build_request,
    None,
    OperationSpec(
        operation_id="delete_contact_variables",
        method="DELETE",
        path="/contacts/{contact_id}/variables",
        resource="contacts",
        python_method="delete_variables",
        scopes=("contacts:write",),
        params={
            "contact_id": ParameterSpec("contact_id", "path", True, {"type": "string", "format": "uuid"}),
            "contact_keys": ParameterSpec(
                "contact_keys", "query", False, {"type": "array", "items": {"type": "string"}}
            ),
            "company_keys": ParameterSpec(
                "company_keys", "query", False, {"type": "array", "items": {"type": "string"}}
            ),
        },
        body_schema=None,
        batch_max_items=None,
        batch_all_or_nothing=False,
        success_status=204,
        success_schema=None,
        paginated=False,
        max_page_size=None,
        inferred="Only the existence of a DELETE endpoint and its contacts:write scope are documented (https://docs.topo.io/api-reference/contacts and .../update-contact-variables); the path, how keys are chosen (query parameters here) and the 204 answer are inferred.",
    ),
)
_GET_CONTACT = Operation(
    "get_contact",
    get_contact.build_request,
    Contact,
    OperationSpec(
        operation_id="get_contact",
        method="GET",
        path="/contacts/{contact_id}",
        resource="contacts",
        python_method="get",
        scopes=("contacts:read",),
        params={"contact_id": ParameterSpec("contact_id", "path", True, {"type": "string", "format": "uuid"})},
        body_schema=None,
        batch_max_items=None,
        batch_all_or_nothing=False,
        success_status=200,
        success_schema="Contact",
        paginated=False,
        max_page_size=None,
        inferred=None,
    ),
)
_GET_CONTACT_VARIABLES = Operation(
    "get_contact_variables",
    get_contact_variables.build_request,
    ContactVariables,
    OperationSpec(
        operation_id="get_contact_variables",
        method="GET",
        path="/contacts/{contact_id}/variables",
        resource="contacts",
        python_method="get_variables",
        scopes=("contacts:read",),
        params={"contact_id": ParameterSpec("contact_id", "path", True, {"type": "string", "format": "uuid"})},
        body_schema=None,
        batch_max_items=None,
        batch_all_or_nothing=False,
        success_status=200,
        success_schema="ContactVariables",
        paginated=False,
        max_page_size=None,
        inferred='The Contacts page (https://docs.topo.io/api-reference/contacts) shows the heading "Get contact variables" and "GET /v1" before it is cut off; the path, the scope (contacts:read, as for every read endpoint) and the response shape are inferred.',
    ),
)
_LIST_CONTACTS = Operation(
    "list_contacts",
    list_contacts.build_request,
    ContactPage,
    OperationSpec(
        operation_id="list_contacts",
        method="GET",
        path="/contacts",
        resource="contacts",
        python_method="list",
        scopes=("contacts:read",),
        params={
            "page": ParameterSpec("page", "query", False, {"type": "integer", "minimum": 1}),
            "size": ParameterSpec("size", "query", False, {"type": "integer", "minimum": 1, "maximum": 100}),
            "sort_by": ParameterSpec(
                "sort_by", "query", False, {"type": "string", "enum": ["first_seen_at", "last_seen_at", "email"]}
            ),
            "sort_order": ParameterSpec("sort_order", "query", False, {"type": "string", "enum": ["asc", "desc"]}),
            "email": ParameterSpec("email", "query", False, {"type": "string"}),
            "linkedin_url": ParameterSpec("linkedin_url", "query", False, {"type": "string"}),
            "contact_id": ParameterSpec("contact_id", "query", False, {"type": "string", "format": "uuid"}),
            "first_seen_after": ParameterSpec(
                "first_seen_after", "query", False, {"type": "string", "format": "date-time"}
            ),
            "last_seen_after": ParameterSpec(
                "last_seen_after", "query", False, {"type": "string", "format": "date-time"}
            ),
        },
        body_schema=None,
        batch_max_items=None,
        batch_all_or_nothing=False,
        success_status=200,
        success_schema="ContactPage",
        paginated=True,
        max_page_size=100,
        inferred=None,
    ),
)
_UPDATE_CONTACT_VARIABLES = Operation(
    "update_contact_variables",
    update_contact_variables.build_request,
    ContactVariables,
    OperationSpec(
        operation_id="update_contact_variables",
        method="PATCH",
        path="/contacts/{contact_id}/variables",
        resource="contacts",
        python_method="update_variables",
        scopes=("contacts:write",),
        params={"contact_id": ParameterSpec("contact_id", "path", True, {"type": "string", "format": "uuid"})},
        body_schema={
            "type": "object",
            "properties": {
                "contact_variables": {"type": "object", "additionalProperties": {}},
                "company_variables": {"type": "object", "additionalProperties": {}},
            },
        },
        batch_max_items=None,
        batch_all_or_nothing=False,
        success_status=200,
        success_schema="ContactVariables",
        paginated=False,
        max_page_size=None,
        inferred="The reference page (https://docs.topo.io/api-reference/contacts/update-contact-variables) gives the semantics, the 200-per-scope limit and the contacts:write scope, but its method/path header and body schema are not in any stored copy; PATCH matches the merge semantics and sibling update endpoints.",
    ),
)


class Contacts(SyncAPIResource):
    """`client.contacts`."""

    @operation(_DELETE_CONTACT_VARIABLES)
    def delete_variables(
        self,
        contact_id: str | UUID,
        *,
        contact_keys: abc.Sequence[str] | NotGiven = NOT_GIVEN,
        company_keys: abc.Sequence[str] | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """Delete contact variables. Not in Topo's docs: Only the existence of a DELETE endpoint and its
        contacts:write scope are documented (https://docs.topo.io/api-reference/contacts and
        .../update-contact-variables); the path, how keys are chosen (query parameters here) and the 204 answer
        are inferred.

        Removes variable keys from the contact and/or its company, freeing their slots toward the 200-per-scope
        limit.

        Args:
            contact_id: The contact's id.
            contact_keys: Keys to remove from the contact's own variables (repeat the parameter for several
                keys).
            company_keys: Keys to remove from the company's variables (repeat the parameter for several keys).

        Scopes: contacts:write. Errors: 400, 401, 403, 404, 422, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return self._client._call(
            _DELETE_CONTACT_VARIABLES,
            (),
            {
                "contact_id": contact_id,
                "contact_keys": contact_keys,
                "company_keys": company_keys,
                "extra_headers": extra_headers,
                "extra_query": extra_query,
                "extra_body": extra_body,
                "timeout": timeout,
            },
        )

    @operation(_GET_CONTACT)
    def get(
        self,
        contact_id: str | UUID,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> Contact:
        """Get a contact.

        Returns one contact of the workspace by its id.

        Args:
            contact_id: The contact's id.

        Scopes: contacts:read. Errors: 400, 401, 403, 404, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return self._client._call(
            _GET_CONTACT,
            (),
            {
                "contact_id": contact_id,
                "extra_headers": extra_headers,
                "extra_query": extra_query,
                "extra_body": extra_body,
                "timeout": timeout,
            },
        )

    @operation(_GET_CONTACT_VARIABLES)
    def get_variables(
        self,
        contact_id: str | UUID,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> ContactVariables:
        """Get contact variables. Not in Topo's docs: The Contacts page
        (https://docs.topo.io/api-reference/contacts) shows the heading "Get contact variables" and "GET /v1"
        before it is cut off; the path, the scope (contacts:read, as for every read endpoint) and the response
        shape are inferred.

        Returns the variables stored for a contact and for the contact's company.

        Args:
            contact_id: The contact's id.

        Scopes: contacts:read. Errors: 400, 401, 403, 404, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return self._client._call(
            _GET_CONTACT_VARIABLES,
            (),
            {
                "contact_id": contact_id,
                "extra_headers": extra_headers,
                "extra_query": extra_query,
                "extra_body": extra_body,
                "timeout": timeout,
            },
        )

    @operation(_LIST_CONTACTS)
    def list(
        self,
        *,
        page: int = 1,
        size: int = 100,
        sort_by: ContactSortBy | ContactSortByValue | NotGiven = NOT_GIVEN,
        sort_order: SortOrder | SortOrderValue | NotGiven = NOT_GIVEN,
        email: str | NotGiven = NOT_GIVEN,
        linkedin_url: str | NotGiven = NOT_GIVEN,
        contact_id: str | UUID | NotGiven = NOT_GIVEN,
        first_seen_after: datetime | NotGiven = NOT_GIVEN,
        last_seen_after: datetime | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> SyncPage[Contact]:
        """List contacts.

        Pages through the contacts that belong to the workspace, with optional exact-match and first/last-seen
        filters.

        Args:
            page: Page number, 1-indexed.
            size: Items per page; at most 100.
            sort_by: Field to sort by. Without it the endpoint's own (undocumented) default order applies.
            sort_order: Sort direction; ascending unless the endpoint says otherwise.
            email: Only the contact with this email address (case-insensitive exact match).
            linkedin_url: Only the contact with this LinkedIn profile URL. Topo normalizes the value and matches
                every known canonical variant (with or without trailing slash, `www.` prefix, and so on).
            contact_id: Only the contact with this id; handy to fetch one contact inside the list envelope.
            first_seen_after: Only contacts first associated with the workspace strictly after this instant.
            last_seen_after: Only contacts last touched in the workspace strictly after this instant.

        Returns the first page; iterating it walks every item across pages (`size` defaults to the documented
        maximum: fewer round trips).

        Scopes: contacts:read. Errors: 400, 401, 403, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return sync_list(
            self._client,
            _LIST_CONTACTS,
            {
                "page": page,
                "size": size,
                "sort_by": sort_by,
                "sort_order": sort_order,
                "email": email,
                "linkedin_url": linkedin_url,
                "contact_id": contact_id,
                "first_seen_after": first_seen_after,
                "last_seen_after": last_seen_after,
                "extra_headers": extra_headers,
                "extra_query": extra_query,
                "extra_body": extra_body,
                "timeout": timeout,
            },
        )

    @overload
    def update_variables(
        self,
        contact_id: str | UUID,
        *,
        contact_variables: ContactVariableMap | Mapping[str, Any] | NotGiven = NOT_GIVEN,
        company_variables: ContactVariableMap | Mapping[str, Any] | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> ContactVariables: ...
    @overload
    def update_variables(
        self,
        contact_id: str | UUID,
        *,
        body: ContactVariablesUpdate | Mapping[str, Any],
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> ContactVariables: ...
    @operation(_UPDATE_CONTACT_VARIABLES)
    def update_variables(
        self,
        contact_id: str | UUID,
        *,
        contact_variables: ContactVariableMap | Mapping[str, Any] | NotGiven = NOT_GIVEN,
        company_variables: ContactVariableMap | Mapping[str, Any] | NotGiven = NOT_GIVEN,
        body: ContactVariablesUpdate | Mapping[str, Any] | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> ContactVariables:
        """Update contact variables. Not in Topo's docs: The reference page
        (https://docs.topo.io/api-reference/contacts/update-contact-variables) gives the semantics, the
        200-per-scope limit and the contacts:write scope, but its method/path header and body schema are not in
        any stored copy; PATCH matches the merge semantics and sibling update endpoints.

        Merges variables into the contact's and/or its company's variables: keys sent are written, all other
        keys are kept, and a null value clears a value without freeing its slot. Links the contact (and its
        company) to the organization first if needed.

        Args:
            contact_id: The contact's id.
            contact_variables: Variables of one scope (the contact, or the contact's company), keyed by variable
                name. A scope holds at most 200 variables; a key whose value is null still counts toward that
                limit until it is deleted.
            company_variables: Variables of one scope (the contact, or the contact's company), keyed by variable
                name. A scope holds at most 200 variables; a key whose value is null still counts toward that
                limit until it is deleted.

        Scopes: contacts:write. Errors: 400, 401, 403, 404, 422, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return self._client._call(
            _UPDATE_CONTACT_VARIABLES,
            (),
            {
                "contact_id": contact_id,
                "contact_variables": contact_variables,
                "company_variables": company_variables,
                "body": body,
                "extra_headers": extra_headers,
                "extra_query": extra_query,
                "extra_body": extra_body,
                "timeout": timeout,
            },
        )


class ContactsWithRawResponse:
    """`client.with_raw_response.contacts`: the methods of `Contacts`, returning `APIResponse`."""

    def __init__(self, resource: Contacts) -> None:
        self._resource = resource
        self.delete_variables = to_raw(resource.delete_variables)
        self.get = to_raw(resource.get)
        self.get_variables = to_raw(resource.get_variables)
        self.list = to_raw(resource.list)
        self.update_variables = to_raw(resource.update_variables)


class AsyncContacts(AsyncAPIResource):
    """`client.contacts` (AsyncTopo)."""

    @operation(_DELETE_CONTACT_VARIABLES)
    async def delete_variables(
        self,
        contact_id: str | UUID,
        *,
        contact_keys: abc.Sequence[str] | NotGiven = NOT_GIVEN,
        company_keys: abc.Sequence[str] | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """Delete contact variables. Not in Topo's docs: Only the existence of a DELETE endpoint and its
        contacts:write scope are documented (https://docs.topo.io/api-reference/contacts and
        .../update-contact-variables); the path, how keys are chosen (query parameters here) and the 204 answer
        are inferred.

        Removes variable keys from the contact and/or its company, freeing their slots toward the 200-per-scope
        limit.

        Args:
            contact_id: The contact's id.
            contact_keys: Keys to remove from the contact's own variables (repeat the parameter for several
                keys).
            company_keys: Keys to remove from the company's variables (repeat the parameter for several keys).

        Scopes: contacts:write. Errors: 400, 401, 403, 404, 422, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return await self._client._call(
            _DELETE_CONTACT_VARIABLES,
            (),
            {
                "contact_id": contact_id,
                "contact_keys": contact_keys,
                "company_keys": company_keys,
                "extra_headers": extra_headers,
                "extra_query": extra_query,
                "extra_body": extra_body,
                "timeout": timeout,
            },
        )

    @operation(_GET_CONTACT)
    async def get(
        self,
        contact_id: str | UUID,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> Contact:
        """Get a contact.

        Returns one contact of the workspace by its id.

        Args:
            contact_id: The contact's id.

        Scopes: contacts:read. Errors: 400, 401, 403, 404, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return await self._client._call(
            _GET_CONTACT,
            (),
            {
                "contact_id": contact_id,
                "extra_headers": extra_headers,
                "extra_query": extra_query,
                "extra_body": extra_body,
                "timeout": timeout,
            },
        )

    @operation(_GET_CONTACT_VARIABLES)
    async def get_variables(
        self,
        contact_id: str | UUID,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> ContactVariables:
        """Get contact variables. Not in Topo's docs: The Contacts page
        (https://docs.topo.io/api-reference/contacts) shows the heading "Get contact variables" and "GET /v1"
        before it is cut off; the path, the scope (contacts:read, as for every read endpoint) and the response
        shape are inferred.

        Returns the variables stored for a contact and for the contact's company.

        Args:
            contact_id: The contact's id.

        Scopes: contacts:read. Errors: 400, 401, 403, 404, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return await self._client._call(
            _GET_CONTACT_VARIABLES,
            (),
            {
                "contact_id": contact_id,
                "extra_headers": extra_headers,
                "extra_query": extra_query,
                "extra_body": extra_body,
                "timeout": timeout,
            },
        )

    @operation(_LIST_CONTACTS)
    def list(
        self,
        *,
        page: int = 1,
        size: int = 100,
        sort_by: ContactSortBy | ContactSortByValue | NotGiven = NOT_GIVEN,
        sort_order: SortOrder | SortOrderValue | NotGiven = NOT_GIVEN,
        email: str | NotGiven = NOT_GIVEN,
        linkedin_url: str | NotGiven = NOT_GIVEN,
        contact_id: str | UUID | NotGiven = NOT_GIVEN,
        first_seen_after: datetime | NotGiven = NOT_GIVEN,
        last_seen_after: datetime | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> AsyncPaginator[Contact]:
        """List contacts.

        Pages through the contacts that belong to the workspace, with optional exact-match and first/last-seen
        filters.

        Args:
            page: Page number, 1-indexed.
            size: Items per page; at most 100.
            sort_by: Field to sort by. Without it the endpoint's own (undocumented) default order applies.
            sort_order: Sort direction; ascending unless the endpoint says otherwise.
            email: Only the contact with this email address (case-insensitive exact match).
            linkedin_url: Only the contact with this LinkedIn profile URL. Topo normalizes the value and matches
                every known canonical variant (with or without trailing slash, `www.` prefix, and so on).
            contact_id: Only the contact with this id; handy to fetch one contact inside the list envelope.
            first_seen_after: Only contacts first associated with the workspace strictly after this instant.
            last_seen_after: Only contacts last touched in the workspace strictly after this instant.

        Returns the first page; iterating it walks every item across pages (`size` defaults to the documented
        maximum: fewer round trips). `async for` it to walk every item, or `await` it for the first page.

        Scopes: contacts:read. Errors: 400, 401, 403, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return async_list(
            self._client,
            _LIST_CONTACTS,
            {
                "page": page,
                "size": size,
                "sort_by": sort_by,
                "sort_order": sort_order,
                "email": email,
                "linkedin_url": linkedin_url,
                "contact_id": contact_id,
                "first_seen_after": first_seen_after,
                "last_seen_after": last_seen_after,
                "extra_headers": extra_headers,
                "extra_query": extra_query,
                "extra_body": extra_body,
                "timeout": timeout,
            },
        )

    @overload
    async def update_variables(
        self,
        contact_id: str | UUID,
        *,
        contact_variables: ContactVariableMap | Mapping[str, Any] | NotGiven = NOT_GIVEN,
        company_variables: ContactVariableMap | Mapping[str, Any] | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> ContactVariables: ...
    @overload
    async def update_variables(
        self,
        contact_id: str | UUID,
        *,
        body: ContactVariablesUpdate | Mapping[str, Any],
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> ContactVariables: ...
    @operation(_UPDATE_CONTACT_VARIABLES)
    async def update_variables(
        self,
        contact_id: str | UUID,
        *,
        contact_variables: ContactVariableMap | Mapping[str, Any] | NotGiven = NOT_GIVEN,
        company_variables: ContactVariableMap | Mapping[str, Any] | NotGiven = NOT_GIVEN,
        body: ContactVariablesUpdate | Mapping[str, Any] | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> ContactVariables:
        """Update contact variables. Not in Topo's docs: The reference page
        (https://docs.topo.io/api-reference/contacts/update-contact-variables) gives the semantics, the
        200-per-scope limit and the contacts:write scope, but its method/path header and body schema are not in
        any stored copy; PATCH matches the merge semantics and sibling update endpoints.

        Merges variables into the contact's and/or its company's variables: keys sent are written, all other
        keys are kept, and a null value clears a value without freeing its slot. Links the contact (and its
        company) to the organization first if needed.

        Args:
            contact_id: The contact's id.
            contact_variables: Variables of one scope (the contact, or the contact's company), keyed by variable
                name. A scope holds at most 200 variables; a key whose value is null still counts toward that
                limit until it is deleted.
            company_variables: Variables of one scope (the contact, or the contact's company), keyed by variable
                name. A scope holds at most 200 variables; a key whose value is null still counts toward that
                limit until it is deleted.

        Scopes: contacts:write. Errors: 400, 401, 403, 404, 422, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return await self._client._call(
            _UPDATE_CONTACT_VARIABLES,
            (),
            {
                "contact_id": contact_id,
                "contact_variables": contact_variables,
                "company_variables": company_variables,
                "body": body,
                "extra_headers": extra_headers,
                "extra_query": extra_query,
                "extra_body": extra_body,
                "timeout": timeout,
            },
        )


class AsyncContactsWithRawResponse:
    """`client.with_raw_response.contacts`: the methods of `AsyncContacts`, returning `APIResponse`."""

    def __init__(self, resource: AsyncContacts) -> None:
        self._resource = resource
        self.delete_variables = async_to_raw(resource.delete_variables)
        self.get = async_to_raw(resource.get)
        self.get_variables = async_to_raw(resource.get_variables)
        self.list = async_list_to_raw(resource.list)
        self.update_variables = async_to_raw(resource.update_variables)
