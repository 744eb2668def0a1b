from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...types import UNSET, Response, Unset


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


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Error | None:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = Error.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Error]:
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
    contact_keys: list[str] | Unset = UNSET,
    company_keys: list[str] | Unset = UNSET,
) -> Response[Any | Error]:
    """Delete contact variables

     Removes variable keys from the contact and/or its company, freeing their slots toward the 200-per-
    scope limit.

    Args:
        contact_id (UUID):
        contact_keys (list[str] | Unset):
        company_keys (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error]
    """

    kwargs = _get_kwargs(
        contact_id=contact_id,
        contact_keys=contact_keys,
        company_keys=company_keys,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    contact_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    contact_keys: list[str] | Unset = UNSET,
    company_keys: list[str] | Unset = UNSET,
) -> Any | Error | None:
    """Delete contact variables

     Removes variable keys from the contact and/or its company, freeing their slots toward the 200-per-
    scope limit.

    Args:
        contact_id (UUID):
        contact_keys (list[str] | Unset):
        company_keys (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error
    """

    return sync_detailed(
        contact_id=contact_id,
        client=client,
        contact_keys=contact_keys,
        company_keys=company_keys,
    ).parsed


async def asyncio_detailed(
    contact_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    contact_keys: list[str] | Unset = UNSET,
    company_keys: list[str] | Unset = UNSET,
) -> Response[Any | Error]:
    """Delete contact variables

     Removes variable keys from the contact and/or its company, freeing their slots toward the 200-per-
    scope limit.

    Args:
        contact_id (UUID):
        contact_keys (list[str] | Unset):
        company_keys (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error]
    """

    kwargs = _get_kwargs(
        contact_id=contact_id,
        contact_keys=contact_keys,
        company_keys=company_keys,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    contact_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    contact_keys: list[str] | Unset = UNSET,
    company_keys: list[str] | Unset = UNSET,
) -> Any | Error | None:
    """Delete contact variables

     Removes variable keys from the contact and/or its company, freeing their slots toward the 200-per-
    scope limit.

    Args:
        contact_id (UUID):
        contact_keys (list[str] | Unset):
        company_keys (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error
    """

    return (
        await asyncio_detailed(
            contact_id=contact_id,
            client=client,
            contact_keys=contact_keys,
            company_keys=company_keys,
        )
    ).parsed


def build_request(
    contact_id: UUID | str,
    *,
    contact_keys: list[str] | Unset = UNSET,
    company_keys: list[str] | Unset = UNSET,
) -> dict[str, Any]:
    """Request keywords for httpx (method, url, params, json, headers), without sending anything.

    Enums also take their string value, UUIDs their string form, a JSON body a mapping of its fields.
    """

    return _get_kwargs(
        contact_id=contact_id,
        contact_keys=contact_keys,
        company_keys=company_keys,
    )


#: The documented success status of this operation.
SUCCESS_STATUS = 204


def parse_success(data: Any) -> Any:
    """Decode the JSON body of a SUCCESS_STATUS response (already passed through json.loads)."""
    return cast(Any, data)
