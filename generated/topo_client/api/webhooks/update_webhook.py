from collections.abc import Mapping
from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.webhook_subscription_update import WebhookSubscriptionUpdate
from ...types import Response


def _get_kwargs(
    subscription_id: UUID,
    *,
    body: WebhookSubscriptionUpdate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/webhooks/{subscription_id}".format(
            subscription_id=quote(str(subscription_id), safe=""),
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
    subscription_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: WebhookSubscriptionUpdate,
) -> Response[Any]:
    """Update a webhook subscription

     Changes a subscription; fields left out are unchanged. Setting `status` to ACTIVE re-enables a
    DISABLED
    subscription or resumes a PAUSED one.

    Args:
        subscription_id (UUID):
        body (WebhookSubscriptionUpdate): Changes to a webhook subscription; keys left out are
            unchanged.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        subscription_id=subscription_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


async def asyncio_detailed(
    subscription_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: WebhookSubscriptionUpdate,
) -> Response[Any]:
    """Update a webhook subscription

     Changes a subscription; fields left out are unchanged. Setting `status` to ACTIVE re-enables a
    DISABLED
    subscription or resumes a PAUSED one.

    Args:
        subscription_id (UUID):
        body (WebhookSubscriptionUpdate): Changes to a webhook subscription; keys left out are
            unchanged.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        subscription_id=subscription_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


def build_request(
    subscription_id: UUID | str,
    *,
    body: WebhookSubscriptionUpdate | Mapping[str, Any],
) -> dict[str, Any]:
    """Request keywords for httpx (method, url, params, json, headers), without sending anything.

    Enums also take their string value, UUIDs their string form, a JSON body a mapping of its fields.
    """
    if not isinstance(body, WebhookSubscriptionUpdate):
        body = WebhookSubscriptionUpdate.from_dict(body)

    return _get_kwargs(
        subscription_id=subscription_id,
        body=body,
    )
