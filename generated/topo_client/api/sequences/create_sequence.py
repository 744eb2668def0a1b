from collections.abc import Mapping
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.sequence_create import SequenceCreate
from ...types import Response


def _get_kwargs(
    *,
    body: SequenceCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/sequences",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | None:
    if response.status_code == 201:
        return None

    if response.status_code == 400:
        return None

    if response.status_code == 401:
        return None

    if response.status_code == 403:
        return None

    if response.status_code == 404:
        return None

    if response.status_code == 409:
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
    *,
    client: AuthenticatedClient | Client,
    body: SequenceCreate,
) -> Response[Any]:
    """Enroll a contact in a sequence template

     Starts a new sequence run for one contact from a sequence template, optionally with per-run variable
    overrides.

    Args:
        body (SequenceCreate): Enrolls one contact in one sequence template.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SequenceCreate,
) -> Response[Any]:
    """Enroll a contact in a sequence template

     Starts a new sequence run for one contact from a sequence template, optionally with per-run variable
    overrides.

    Args:
        body (SequenceCreate): Enrolls one contact in one sequence template.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


def build_request(
    *,
    body: SequenceCreate | Mapping[str, Any],
) -> dict[str, Any]:
    """Request keywords for httpx (method, url, params, json, headers), without sending anything.

    Enums also take their string value, UUIDs their string form, a JSON body a mapping of its fields.
    """
    if not isinstance(body, SequenceCreate):
        body = SequenceCreate.from_dict(body)
    return _get_kwargs(
        body=body,
    )
