from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.sequence import Sequence
from ...types import Response


def _get_kwargs(
    sequence_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/sequences/{sequence_id}".format(
            sequence_id=quote(str(sequence_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | Sequence | None:
    if response.status_code == 200:
        response_200 = Sequence.from_dict(response.json())

        return response_200

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | Sequence]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    sequence_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Error | Sequence]:
    """Get a sequence

     Returns one sequence run by id.

    Args:
        sequence_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Sequence]
    """

    kwargs = _get_kwargs(
        sequence_id=sequence_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    sequence_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Error | Sequence | None:
    """Get a sequence

     Returns one sequence run by id.

    Args:
        sequence_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Sequence
    """

    return sync_detailed(
        sequence_id=sequence_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    sequence_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Error | Sequence]:
    """Get a sequence

     Returns one sequence run by id.

    Args:
        sequence_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Sequence]
    """

    kwargs = _get_kwargs(
        sequence_id=sequence_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    sequence_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Error | Sequence | None:
    """Get a sequence

     Returns one sequence run by id.

    Args:
        sequence_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Sequence
    """

    return (
        await asyncio_detailed(
            sequence_id=sequence_id,
            client=client,
        )
    ).parsed


def build_request(
    sequence_id: UUID | str,
) -> dict[str, Any]:
    """Request keywords for httpx (method, url, params, json, headers), without sending anything.

    Enums also take their string value, UUIDs their string form, a JSON body a mapping of its fields.
    """

    return _get_kwargs(
        sequence_id=sequence_id,
    )


#: The documented success status of this operation.
SUCCESS_STATUS = 200


def parse_success(data: Any) -> Sequence:
    """Decode the JSON body of a SUCCESS_STATUS response (already passed through json.loads)."""
    response_200 = Sequence.from_dict(data)

    return response_200
