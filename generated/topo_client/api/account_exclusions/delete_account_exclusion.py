from collections.abc import Mapping
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx


def _get_kwargs(
    exclusion_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/account-exclusions/{exclusion_id}".format(
            exclusion_id=quote(str(exclusion_id), safe=""),
        ),
    }

    return _kwargs


def build_request(
    exclusion_id: UUID | str,
    *,
    extra_headers: Mapping[str, str] | None = None,
    extra_query: Mapping[str, Any] | None = None,
    extra_body: Mapping[str, Any] | None = None,
    timeout: float | httpx.Timeout | None = None,
) -> dict[str, Any]:
    """Delete an account exclusion. Not in Topo's docs: No page for this endpoint is stored; the narrative
    says exclusions have delete endpoints. Path mirrors the contact-exclusion get; the success status is
    unknown, so 204 No Content is our choice.

    Removes an account exclusion.

    Args:
        exclusion_id

    Per request: extra_headers, extra_query and extra_body are sent as given (values newer than this spec),
    timeout in seconds.
    """

    request = _get_kwargs(
        exclusion_id=exclusion_id,
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
