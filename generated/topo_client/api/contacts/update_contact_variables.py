from collections.abc import Mapping
from typing import Any, overload
from urllib.parse import quote
from uuid import UUID

import httpx

from ...models.contact_variable_map import ContactVariableMap
from ...models.contact_variables_update import ContactVariablesUpdate
from ...types import UNSET, Unset


def _get_kwargs(
    contact_id: UUID,
    *,
    body: ContactVariablesUpdate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/contacts/{contact_id}/variables".format(
            contact_id=quote(str(contact_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


@overload
def build_request(
    contact_id: UUID | str,
    *,
    company_variables: ContactVariableMap | Mapping[str, Any] | Unset = UNSET,
    contact_variables: ContactVariableMap | Mapping[str, Any] | Unset = UNSET,
    extra_headers: Mapping[str, str] | None = None,
    extra_query: Mapping[str, Any] | None = None,
    extra_body: Mapping[str, Any] | None = None,
    timeout: float | httpx.Timeout | None = None,
) -> dict[str, Any]:
    """Update contact variables. Not in Topo's docs: The reference page
    (https://docs.topo.io/api-reference/contacts/update-contact-variables) gives the semantics, the
    200-per-scope limit and the contacts:write scope, but its method/path header and body schema are not
    in any stored copy; PATCH matches the merge semantics and sibling update endpoints.

    Merges variables into the contact's and/or its company's variables: keys sent are written, all other
    keys are kept, and a null value clears a value without freeing its slot. Links the contact (and its
    company) to the organization first if needed.

    Args:
        contact_id
        company_variables: Variables of one scope (the contact, or the contact's company), keyed by variable name. A
            scope holds at most 200 variables; a key whose value is null still counts toward that
            limit until it is deleted.
        contact_variables: Variables of one scope (the contact, or the contact's company), keyed by variable name. A
            scope holds at most 200 variables; a key whose value is null still counts toward that
            limit until it is deleted.

    Per request: extra_headers, extra_query and extra_body are sent as given (values newer than this spec),
    timeout in seconds.
    """


@overload
def build_request(
    contact_id: UUID | str,
    *,
    body: ContactVariablesUpdate | Mapping[str, Any],
    extra_headers: Mapping[str, str] | None = None,
    extra_query: Mapping[str, Any] | None = None,
    extra_body: Mapping[str, Any] | None = None,
    timeout: float | httpx.Timeout | None = None,
) -> dict[str, Any]: ...


def build_request(
    contact_id: UUID | str,
    *,
    body: ContactVariablesUpdate | Mapping[str, Any] | Unset = UNSET,
    extra_headers: Mapping[str, str] | None = None,
    extra_query: Mapping[str, Any] | None = None,
    extra_body: Mapping[str, Any] | None = None,
    timeout: float | httpx.Timeout | None = None,
    **fields: Any,
) -> dict[str, Any]:
    """Request keywords for httpx (method, url, params, json, headers, timeout), without sending anything.

    The body is given as keyword arguments (its fields) or as `body=` (the model or a mapping), not both. Enums
    also take their string value, UUIDs their string form.
    """
    if not isinstance(body, Unset):
        if fields:
            raise TypeError(
                f"update_contact_variables(): pass the body as body= or as keyword arguments, not both ({', '.join(fields)})"
            )
    else:
        body = fields
    if not isinstance(body, ContactVariablesUpdate):
        body = ContactVariablesUpdate.from_dict(body)

    request = _get_kwargs(
        contact_id=contact_id,
        body=body,
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
