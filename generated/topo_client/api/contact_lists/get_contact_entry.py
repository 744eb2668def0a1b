from collections.abc import Mapping
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx


def _get_kwargs(
    contact_entry_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/contact-entries/{contact_entry_id}".format(
            contact_entry_id=quote(str(contact_entry_id), safe=""),
        ),
    }

    return _kwargs


def build_request(
    contact_entry_id: UUID | str,
    *,
    extra_headers: Mapping[str, str] | None = None,
    extra_query: Mapping[str, Any] | None = None,
    extra_body: Mapping[str, Any] | None = None,
    timeout: float | httpx.Timeout | None = None,
) -> dict[str, Any]:
    """Get a contact entry. Not in Topo's docs: No stored page documents it; inferred by symmetry with the
    documented GET /v1/account-entries/{account_entry_id} and the contact_lists:read scope, which covers
    reading list memberships.

    Returns one contact-list entry by its id.

    Args:
        contact_entry_id

    Per request: extra_headers, extra_query and extra_body are sent as given (values newer than this spec),
    timeout in seconds.
    """

    request = _get_kwargs(
        contact_entry_id=contact_entry_id,
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
