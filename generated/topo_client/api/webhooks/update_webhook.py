from collections.abc import Mapping
from typing import Any, overload
from urllib.parse import quote
from uuid import UUID

import httpx

from ...models.event_type import EventType
from ...models.webhook_subscription_status import WebhookSubscriptionStatus
from ...models.webhook_subscription_update import WebhookSubscriptionUpdate
from ...types import UNSET, Unset


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


@overload
def build_request(
    subscription_id: UUID | str,
    *,
    description: str | None | Unset = UNSET,
    event_types: list[EventType | str] | Unset = UNSET,
    name: str | Unset = UNSET,
    sequence_template_ids: list[UUID | str] | None | Unset = UNSET,
    status: WebhookSubscriptionStatus | str | Unset = UNSET,
    url: str | Unset = UNSET,
    extra_headers: Mapping[str, str] | None = None,
    extra_query: Mapping[str, Any] | None = None,
    extra_body: Mapping[str, Any] | None = None,
    timeout: float | httpx.Timeout | None = None,
) -> dict[str, Any]:
    """Update a webhook subscription. Not in Topo's docs: The webhooks page
    (https://docs.topo.io/api-reference/webhooks) says updating needs webhooks:write and that status is
    set to ACTIVE "via PATCH"; no update reference page is stored, so the path, body and 200 answer are
    inferred.

    Changes a subscription; fields left out are unchanged. Setting `status` to ACTIVE re-enables a
    DISABLED subscription or resumes a PAUSED one.

    Args:
        subscription_id
        description: New free-form text; null clears it.
        event_types: The event types to deliver from now on (whether this replaces or merges is not
            documented).
        name: New label.
        sequence_template_ids: Deliver only events from these sequence templates; null means all templates.
        status: Lifecycle of a subscription. ACTIVE: matching events are delivered. PAUSED: delivery is
            suspended and events raised meanwhile are dropped, not queued. DISABLED: switched off
            administratively; PATCH `status` to ACTIVE to re-enable. New values may be added.
        url: New HTTPS endpoint.

    Per request: extra_headers, extra_query and extra_body are sent as given (values newer than this spec),
    timeout in seconds.
    """


@overload
def build_request(
    subscription_id: UUID | str,
    *,
    body: WebhookSubscriptionUpdate | Mapping[str, Any],
    extra_headers: Mapping[str, str] | None = None,
    extra_query: Mapping[str, Any] | None = None,
    extra_body: Mapping[str, Any] | None = None,
    timeout: float | httpx.Timeout | None = None,
) -> dict[str, Any]: ...


def build_request(
    subscription_id: UUID | str,
    *,
    body: WebhookSubscriptionUpdate | Mapping[str, Any] | Unset = UNSET,
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
                f"update_webhook(): pass the body as body= or as keyword arguments, not both ({', '.join(fields)})"
            )
    else:
        body = fields
    if not isinstance(body, WebhookSubscriptionUpdate):
        body = WebhookSubscriptionUpdate.from_dict(body)

    request = _get_kwargs(
        subscription_id=subscription_id,
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
