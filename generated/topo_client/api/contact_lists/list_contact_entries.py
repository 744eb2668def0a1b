from collections.abc import Mapping
from typing import Any
from uuid import UUID

import httpx

from ...types import UNSET, Unset


def _get_kwargs(
    *,
    page: int | Unset = 1,
    size: int | Unset = 10,
    contact_list_id: UUID | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page"] = page

    params["size"] = size

    json_contact_list_id: str | Unset = UNSET
    if not isinstance(contact_list_id, Unset):
        json_contact_list_id = str(contact_list_id)
    params["contact_list_id"] = json_contact_list_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/contact-entries",
        "params": params,
    }

    return _kwargs


def build_request(
    *,
    page: int | Unset = 1,
    size: int | Unset = 10,
    contact_list_id: UUID | str | Unset = UNSET,
    extra_headers: Mapping[str, str] | None = None,
    extra_query: Mapping[str, Any] | None = None,
    extra_body: Mapping[str, Any] | None = None,
    timeout: float | httpx.Timeout | None = None,
) -> dict[str, Any]:
    """List contact entries. Not in Topo's docs: No stored page documents it; the contact_lists:read scope
    covers "list definitions and memberships", the contact-lists page documents the entry object but is
    cut off before its entry sections, and the account-lists twin page has GET /v1/account-entries in
    the same place. Path, scope, filter and response are inferred by symmetry.

    Pages through contact-list entries, optionally only those of one contact list.

    Args:
        page
        size
        contact_list_id

    Per request: extra_headers, extra_query and extra_body are sent as given (values newer than this spec),
    timeout in seconds.
    """

    request = _get_kwargs(
        page=page,
        size=size,
        contact_list_id=contact_list_id,
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
