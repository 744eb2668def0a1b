from collections.abc import Mapping
from typing import Any, overload
from uuid import UUID

import httpx

from ...models.event_type import EventType
from ...models.webhook_subscription_create import WebhookSubscriptionCreate
from ...types import UNSET, Unset


def _get_kwargs(
    *,
    body: WebhookSubscriptionCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/webhooks",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


@overload
def build_request(
    *,
    event_types: list[EventType | str],
    name: str,
    url: str,
    description: str | None | Unset = UNSET,
    sequence_template_ids: list[UUID | str] | None | Unset = UNSET,
    extra_headers: Mapping[str, str] | None = None,
    extra_query: Mapping[str, Any] | None = None,
    extra_body: Mapping[str, Any] | None = None,
    timeout: float | httpx.Timeout | None = None,
) -> dict[str, Any]:
    """Create a webhook subscription. Not in Topo's docs: The webhooks page
    (https://docs.topo.io/api-reference/webhooks) says creating needs webhooks:write and that the create
    answer includes the secret once; no create reference page is stored, so the method and path (REST
    convention on /v1/webhooks), body and 201 status (as for single-resource exclusion creates) are
    inferred.

    Subscribes an HTTPS endpoint to event types. The answer carries the signing `secret`; it is shown
    only this once, so store it.

    Args:
        event_types (required): The event types to deliver.
        name (required): Human-readable label.
        url (required): The HTTPS endpoint to deliver events to.
        description: Optional free-form text.
        sequence_template_ids: Deliver only events from these sequence templates; null or omitted means all templates.

    Per request: extra_headers, extra_query and extra_body are sent as given (values newer than this spec),
    timeout in seconds.
    """


@overload
def build_request(
    *,
    body: WebhookSubscriptionCreate | Mapping[str, Any],
    extra_headers: Mapping[str, str] | None = None,
    extra_query: Mapping[str, Any] | None = None,
    extra_body: Mapping[str, Any] | None = None,
    timeout: float | httpx.Timeout | None = None,
) -> dict[str, Any]: ...


def build_request(
    *,
    body: WebhookSubscriptionCreate | Mapping[str, Any] | Unset = UNSET,
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
                f"create_webhook(): pass the body as body= or as keyword arguments, not both ({', '.join(fields)})"
            )
    else:
        body = fields
    if not isinstance(body, WebhookSubscriptionCreate):
        body = WebhookSubscriptionCreate.from_dict(body)
    request = _get_kwargs(
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
