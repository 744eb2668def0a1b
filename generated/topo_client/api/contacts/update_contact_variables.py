from collections.abc import Mapping
from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.contact_variables_update import ContactVariablesUpdate
from ...types import UNSET, Response


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


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | None:
    if response.status_code == 200:
        return None

    if response.status_code == 400:
        return None

    if response.status_code == 401:
        return None

    if response.status_code == 403:
        return None

    if response.status_code == 404:
        return None

    if response.status_code == 422:
        return None

    if response.status_code == 429:
        return None

    if response.status_code == 500:
        return None

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    contact_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: ContactVariablesUpdate,
) -> Response[Any]:
    """Update contact variables

     Merges variables into the contact's and/or its company's variables: keys sent are written, all other
    keys
    are kept, and a null value clears a value without freeing its slot. Links the contact (and its
    company) to
    the organization first if needed.

    Args:
        contact_id (UUID):
        body (ContactVariablesUpdate): Variables to merge (upsert). Send either map or both; keys
            not sent are kept, and a null value clears a
            value but keeps the key counting toward the 200-per-scope limit. Writing only company
            variables still links
            the contact to the organization.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        contact_id=contact_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


async def asyncio_detailed(
    contact_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: ContactVariablesUpdate,
) -> Response[Any]:
    """Update contact variables

     Merges variables into the contact's and/or its company's variables: keys sent are written, all other
    keys
    are kept, and a null value clears a value without freeing its slot. Links the contact (and its
    company) to
    the organization first if needed.

    Args:
        contact_id (UUID):
        body (ContactVariablesUpdate): Variables to merge (upsert). Send either map or both; keys
            not sent are kept, and a null value clears a
            value but keeps the key counting toward the 200-per-scope limit. Writing only company
            variables still links
            the contact to the organization.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        contact_id=contact_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


from typing import overload

from ...models.contact_variable_map import ContactVariableMap
from ...types import UNSET, Unset


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
    """Update contact variables

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
