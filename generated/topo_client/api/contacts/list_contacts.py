import datetime
from collections.abc import Mapping
from typing import Any
from uuid import UUID

import httpx

from ...models.contact_sort_by import ContactSortBy
from ...models.sort_order import SortOrder
from ...types import UNSET, Unset


def _get_kwargs(
    *,
    page: int | Unset = 1,
    size: int | Unset = 10,
    sort_by: ContactSortBy | Unset = UNSET,
    sort_order: SortOrder | Unset = UNSET,
    email: str | Unset = UNSET,
    linkedin_url: str | Unset = UNSET,
    contact_id: UUID | Unset = UNSET,
    first_seen_after: datetime.datetime | Unset = UNSET,
    last_seen_after: datetime.datetime | Unset = UNSET,
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

    params["email"] = email

    params["linkedin_url"] = linkedin_url

    json_contact_id: str | Unset = UNSET
    if not isinstance(contact_id, Unset):
        json_contact_id = str(contact_id)
    params["contact_id"] = json_contact_id

    json_first_seen_after: str | Unset = UNSET
    if not isinstance(first_seen_after, Unset):
        json_first_seen_after = first_seen_after.isoformat()
    params["first_seen_after"] = json_first_seen_after

    json_last_seen_after: str | Unset = UNSET
    if not isinstance(last_seen_after, Unset):
        json_last_seen_after = last_seen_after.isoformat()
    params["last_seen_after"] = json_last_seen_after

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/contacts",
        "params": params,
    }

    return _kwargs


def build_request(
    *,
    page: int | Unset = 1,
    size: int | Unset = 10,
    sort_by: ContactSortBy | str | Unset = UNSET,
    sort_order: SortOrder | str | Unset = UNSET,
    email: str | Unset = UNSET,
    linkedin_url: str | Unset = UNSET,
    contact_id: UUID | str | Unset = UNSET,
    first_seen_after: datetime.datetime | Unset = UNSET,
    last_seen_after: datetime.datetime | Unset = UNSET,
    extra_headers: Mapping[str, str] | None = None,
    extra_query: Mapping[str, Any] | None = None,
    extra_body: Mapping[str, Any] | None = None,
    timeout: float | httpx.Timeout | None = None,
) -> dict[str, Any]:
    """List contacts

    Pages through the contacts that belong to the workspace, with optional exact-match and first/last-
    seen filters.

    Args:
        page
        size
        sort_by: Sort fields of list_contacts.
        sort_order: Sort direction. The client also accepts `ASC`/`DESC` and sends the lowercase value.
        email
        linkedin_url
        contact_id
        first_seen_after
        last_seen_after

    Per request: extra_headers, extra_query and extra_body are sent as given (values newer than this spec),
    timeout in seconds.
    """

    if isinstance(sort_by, str) and not isinstance(sort_by, ContactSortBy):
        sort_by = ContactSortBy(sort_by)
    if isinstance(sort_order, str) and not isinstance(sort_order, SortOrder):
        sort_order = SortOrder(sort_order)

    request = _get_kwargs(
        page=page,
        size=size,
        sort_by=sort_by,
        sort_order=sort_order,
        email=email,
        linkedin_url=linkedin_url,
        contact_id=contact_id,
        first_seen_after=first_seen_after,
        last_seen_after=last_seen_after,
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
