from collections.abc import Mapping
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ...types import UNSET, Unset


def _get_kwargs(
    contact_id: UUID,
    *,
    contact_keys: list[str] | Unset = UNSET,
    company_keys: list[str] | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_contact_keys: list[str] | Unset = UNSET
    if not isinstance(contact_keys, Unset):
        json_contact_keys = contact_keys

    params["contact_keys"] = json_contact_keys

    json_company_keys: list[str] | Unset = UNSET
    if not isinstance(company_keys, Unset):
        json_company_keys = company_keys

    params["company_keys"] = json_company_keys

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/contacts/{contact_id}/variables".format(
            contact_id=quote(str(contact_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def build_request(
    contact_id: UUID | str,
    *,
    contact_keys: list[str] | Unset = UNSET,
    company_keys: list[str] | Unset = UNSET,
    extra_headers: Mapping[str, str] | None = None,
    extra_query: Mapping[str, Any] | None = None,
    extra_body: Mapping[str, Any] | None = None,
    timeout: float | httpx.Timeout | None = None,
) -> dict[str, Any]:
    """Delete contact variables. Not in Topo's docs: Only the existence of a DELETE endpoint and its
    contacts:write scope are documented (https://docs.topo.io/api-reference/contacts and
    .../update-contact-variables); the path, how keys are chosen (query parameters here) and the 204
    answer are inferred.

    Removes variable keys from the contact and/or its company, freeing their slots toward the 200-per-
    scope limit.

    Args:
        contact_id
        contact_keys
        company_keys

    Per request: extra_headers, extra_query and extra_body are sent as given (values newer than this spec),
    timeout in seconds.
    """

    request = _get_kwargs(
        contact_id=contact_id,
        contact_keys=contact_keys,
        company_keys=company_keys,
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
