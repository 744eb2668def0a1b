"""`client.webhooks`: generated from the spec by generator/resources.py; do not edit."""

from collections import abc
from collections.abc import Mapping
from typing import Any, overload
from uuid import UUID

import httpx

from topo_ext._operations import Operation
from topo_ext._pagination import AsyncPaginator, SyncPage, async_list, sync_list
from topo_ext._resource import (
    NOT_GIVEN,
    AsyncAPIResource,
    NotGiven,
    SyncAPIResource,
    async_list_to_raw,
    async_to_raw,
    operation,
    to_raw,
)
from topo_ext._spec import OperationSpec, ParameterSpec

from ..api.webhooks import create_webhook, delete_webhook, get_webhook, list_webhooks, test_webhook, update_webhook
from ..models import EventType, WebhookSubscriptionCreate, WebhookSubscriptionStatus, WebhookSubscriptionUpdate
from ..responses import WebhookSubscription, WebhookSubscriptionPage, WebhookSubscriptionWithSecret, WebhookTestResult
from ._values import EventTypeValue, WebhookSubscriptionStatusValue

_CREATE_WEBHOOK = Operation(
    "create_webhook",
    create_webhook.build_request,
    WebhookSubscriptionWithSecret,
    OperationSpec(
        operation_id="create_webhook",
        method="POST",
        path="/webhooks",
        resource="webhooks",
        python_method="create",
        scopes=("webhooks:write",),
        params={},
        body_schema={
            "type": "object",
            "properties": {
                "name": {"type": "string"},
                "url": {"type": "string", "format": "uri"},
                "description": {"type": ["string", "null"]},
                "event_types": {
                    "type": "array",
                    "items": {
                        "type": "string",
                        "enum": [
                            "message.sent",
                            "message.opened",
                            "message.link_clicked",
                            "message.replied",
                            "invitation.sent",
                            "invitation.accepted",
                            "hot_lead.created",
                            "meeting.created",
                            "sequence.created",
                            "sequence.paused",
                            "sequence.resumed",
                            "sequence.stopped",
                            "sequence.completed",
                            "task.created",
                            "task.completed",
                            "task.skipped",
                        ],
                    },
                },
                "sequence_template_ids": {"type": ["array", "null"], "items": {"type": "string", "format": "uuid"}},
            },
            "required": ["name", "url", "event_types"],
        },
        batch_max_items=None,
        batch_all_or_nothing=False,
        success_status=201,
        success_schema="WebhookSubscriptionWithSecret",
        paginated=False,
        max_page_size=None,
        inferred="The webhooks page (https://docs.topo.io/api-reference/webhooks) says creating needs webhooks:write and that the create answer includes the secret once; no create reference page is stored, so the method and path (REST convention on /v1/webhooks), body and 201 status (as for single-resource exclusion creates) are inferred.",
    ),
)
_DELETE_WEBHOOK = Operation(
    "delete_webhook",
    delete_webhook.build_request,
    None,
    OperationSpec(
        operation_id="delete_webhook",
        method="DELETE",
        path="/webhooks/{subscription_id}",
        resource="webhooks",
        python_method="delete",
        scopes=("webhooks:write",),
        params={
            "subscription_id": ParameterSpec("subscription_id", "path", True, {"type": "string", "format": "uuid"})
        },
        body_schema=None,
        batch_max_items=None,
        batch_all_or_nothing=False,
        success_status=204,
        success_schema=None,
        paginated=False,
        max_page_size=None,
        inferred="The webhooks page (https://docs.topo.io/api-reference/webhooks) says deleting needs webhooks:write; the path and the success status (204 No Content) are not documented.",
    ),
)
_GET_WEBHOOK = Operation(
    "get_webhook",
    get_webhook.build_request,
    WebhookSubscription,
    OperationSpec(
        operation_id="get_webhook",
        method="GET",
        path="/webhooks/{subscription_id}",
        resource="webhooks",
        python_method="get",
        scopes=("webhooks:read",),
        params={
            "subscription_id": ParameterSpec("subscription_id", "path", True, {"type": "string", "format": "uuid"})
        },
        body_schema=None,
        batch_max_items=None,
        batch_all_or_nothing=False,
        success_status=200,
        success_schema="WebhookSubscription",
        paginated=False,
        max_page_size=None,
        inferred="No stored page confirms a get-one endpoint; the webhooks page says reading subscriptions needs webhooks:read, and the path follows the documented /v1/webhooks/{subscription_id}/test.",
    ),
)
_LIST_WEBHOOKS = Operation(
    "list_webhooks",
    list_webhooks.build_request,
    WebhookSubscriptionPage,
    OperationSpec(
        operation_id="list_webhooks",
        method="GET",
        path="/webhooks",
        resource="webhooks",
        python_method="list",
        scopes=("webhooks:read",),
        params={
            "page": ParameterSpec("page", "query", False, {"type": "integer", "minimum": 1}),
            "size": ParameterSpec("size", "query", False, {"type": "integer", "minimum": 1, "maximum": 100}),
        },
        body_schema=None,
        batch_max_items=None,
        batch_all_or_nothing=False,
        success_status=200,
        success_schema="WebhookSubscriptionPage",
        paginated=True,
        max_page_size=100,
        inferred=None,
    ),
)
_TEST_WEBHOOK = Operation(
    "test_webhook",
    test_webhook.build_request,
    WebhookTestResult,
    OperationSpec(
        operation_id="test_webhook",
        method="POST",
        path="/webhooks/{subscription_id}/test",
        resource="webhooks",
        python_method="test",
        scopes=("webhooks:write",),
        params={
            "subscription_id": ParameterSpec("subscription_id", "path", True, {"type": "string", "format": "uuid"})
        },
        body_schema=None,
        batch_max_items=None,
        batch_all_or_nothing=False,
        success_status=200,
        success_schema="WebhookTestResult",
        paginated=False,
        max_page_size=None,
        inferred=None,
    ),
)
_UPDATE_WEBHOOK = Operation(
    "update_webhook",
    update_webhook.build_request,
    WebhookSubscription,
    OperationSpec(
        operation_id="update_webhook",
        method="PATCH",
        path="/webhooks/{subscription_id}",
        resource="webhooks",
        python_method="update",
        scopes=("webhooks:write",),
        params={
            "subscription_id": ParameterSpec("subscription_id", "path", True, {"type": "string", "format": "uuid"})
        },
        body_schema={
            "type": "object",
            "properties": {
                "name": {"type": "string"},
                "url": {"type": "string", "format": "uri"},
                "description": {"type": ["string", "null"]},
                "event_types": {
                    "type": "array",
                    "items": {
                        "type": "string",
                        "enum": [
                            "message.sent",
                            "message.opened",
                            "message.link_clicked",
                            "message.replied",
                            "invitation.sent",
                            "invitation.accepted",
                            "hot_lead.created",
                            "meeting.created",
                            "sequence.created",
                            "sequence.paused",
                            "sequence.resumed",
                            "sequence.stopped",
                            "sequence.completed",
                            "task.created",
                            "task.completed",
                            "task.skipped",
                        ],
                    },
                },
                "sequence_template_ids": {"type": ["array", "null"], "items": {"type": "string", "format": "uuid"}},
                "status": {"type": "string", "enum": ["ACTIVE", "PAUSED", "DISABLED"]},
            },
        },
        batch_max_items=None,
        batch_all_or_nothing=False,
        success_status=200,
        success_schema="WebhookSubscription",
        paginated=False,
        max_page_size=None,
        inferred='The webhooks page (https://docs.topo.io/api-reference/webhooks) says updating needs webhooks:write and that status is set to ACTIVE "via PATCH"; no update reference page is stored, so the path, body and 200 answer are inferred.',
    ),
)


class Webhooks(SyncAPIResource):
    """`client.webhooks`."""

    @overload
    def create(
        self,
        *,
        name: str,
        url: str,
        description: str | None | NotGiven = NOT_GIVEN,
        event_types: abc.Sequence[EventType | EventTypeValue],
        sequence_template_ids: abc.Sequence[str | UUID] | None | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> WebhookSubscriptionWithSecret: ...
    @overload
    def create(
        self,
        *,
        body: WebhookSubscriptionCreate | Mapping[str, Any],
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> WebhookSubscriptionWithSecret: ...
    @operation(_CREATE_WEBHOOK)
    def create(
        self,
        *,
        name: str | NotGiven = NOT_GIVEN,
        url: str | NotGiven = NOT_GIVEN,
        description: str | None | NotGiven = NOT_GIVEN,
        event_types: abc.Sequence[EventType | EventTypeValue] | NotGiven = NOT_GIVEN,
        sequence_template_ids: abc.Sequence[str | UUID] | None | NotGiven = NOT_GIVEN,
        body: WebhookSubscriptionCreate | Mapping[str, Any] | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> WebhookSubscriptionWithSecret:
        """Create a webhook subscription. Not in Topo's docs: The webhooks page
        (https://docs.topo.io/api-reference/webhooks) says creating needs webhooks:write and that the create
        answer includes the secret once; no create reference page is stored, so the method and path (REST
        convention on /v1/webhooks), body and 201 status (as for single-resource exclusion creates) are
        inferred.

        Subscribes an HTTPS endpoint to event types. The answer carries the signing `secret`; it is shown only
        this once, so store it.

        Args:
            name: Human-readable label.
            url: The HTTPS endpoint to deliver events to.
            description: Optional free-form text.
            event_types: The event types to deliver.
            sequence_template_ids: Deliver only events from these sequence templates; null or omitted means all
                templates.

        Scopes: webhooks:write. Errors: 400, 401, 403, 409, 422, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return self._client._call(
            _CREATE_WEBHOOK,
            (),
            {
                "name": name,
                "url": url,
                "description": description,
                "event_types": event_types,
                "sequence_template_ids": sequence_template_ids,
                "body": body,
                "extra_headers": extra_headers,
                "extra_query": extra_query,
                "extra_body": extra_body,
                "timeout": timeout,
            },
        )

    @operation(_DELETE_WEBHOOK)
    def delete(
        self,
        subscription_id: str | UUID,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """Delete a webhook subscription. Not in Topo's docs: The webhooks page
        (https://docs.topo.io/api-reference/webhooks) says deleting needs webhooks:write; the path and the
        success status (204 No Content) are not documented.

        Deletes a subscription; Topo stops delivering its events.

        Args:
            subscription_id: The subscription's id.

        Scopes: webhooks:write. Errors: 400, 401, 403, 404, 409, 422, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return self._client._call(
            _DELETE_WEBHOOK,
            (),
            {
                "subscription_id": subscription_id,
                "extra_headers": extra_headers,
                "extra_query": extra_query,
                "extra_body": extra_body,
                "timeout": timeout,
            },
        )

    @operation(_GET_WEBHOOK)
    def get(
        self,
        subscription_id: str | UUID,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> WebhookSubscription:
        """Get a webhook subscription. Not in Topo's docs: No stored page confirms a get-one endpoint; the webhooks
        page says reading subscriptions needs webhooks:read, and the path follows the documented
        /v1/webhooks/{subscription_id}/test.

        Returns one webhook subscription by its id, without the signing secret.

        Args:
            subscription_id: The subscription's id.

        Scopes: webhooks:read. Errors: 400, 401, 403, 404, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return self._client._call(
            _GET_WEBHOOK,
            (),
            {
                "subscription_id": subscription_id,
                "extra_headers": extra_headers,
                "extra_query": extra_query,
                "extra_body": extra_body,
                "timeout": timeout,
            },
        )

    @operation(_LIST_WEBHOOKS)
    def list(
        self,
        *,
        page: int = 1,
        size: int = 100,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> SyncPage[WebhookSubscription]:
        """List webhook subscriptions.

        Pages through the workspace's webhook subscriptions. The signing secret is never included.

        Args:
            page: Page number, 1-indexed.
            size: Items per page; at most 100.

        Returns the first page; iterating it walks every item across pages (`size` defaults to the documented
        maximum: fewer round trips).

        Scopes: webhooks:read. Errors: 400, 401, 403, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return sync_list(
            self._client,
            _LIST_WEBHOOKS,
            {
                "page": page,
                "size": size,
                "extra_headers": extra_headers,
                "extra_query": extra_query,
                "extra_body": extra_body,
                "timeout": timeout,
            },
        )

    @operation(_TEST_WEBHOOK)
    def test(
        self,
        subscription_id: str | UUID,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> WebhookTestResult:
        """Test a webhook subscription.

        Sends a test payload to the subscription's URL and reports whether the receiver accepted it. A failed
        delivery is still a 200 answer, with `delivered` false and the reason in `error`.

        Args:
            subscription_id: The subscription's id.

        Scopes: webhooks:write. Errors: 400, 401, 403, 404, 422, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return self._client._call(
            _TEST_WEBHOOK,
            (),
            {
                "subscription_id": subscription_id,
                "extra_headers": extra_headers,
                "extra_query": extra_query,
                "extra_body": extra_body,
                "timeout": timeout,
            },
        )

    @overload
    def update(
        self,
        subscription_id: str | UUID,
        *,
        name: str | NotGiven = NOT_GIVEN,
        url: str | NotGiven = NOT_GIVEN,
        description: str | None | NotGiven = NOT_GIVEN,
        event_types: abc.Sequence[EventType | EventTypeValue] | NotGiven = NOT_GIVEN,
        sequence_template_ids: abc.Sequence[str | UUID] | None | NotGiven = NOT_GIVEN,
        status: WebhookSubscriptionStatus | WebhookSubscriptionStatusValue | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> WebhookSubscription: ...
    @overload
    def update(
        self,
        subscription_id: str | UUID,
        *,
        body: WebhookSubscriptionUpdate | Mapping[str, Any],
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> WebhookSubscription: ...
    @operation(_UPDATE_WEBHOOK)
    def update(
        self,
        subscription_id: str | UUID,
        *,
        name: str | NotGiven = NOT_GIVEN,
        url: str | NotGiven = NOT_GIVEN,
        description: str | None | NotGiven = NOT_GIVEN,
        event_types: abc.Sequence[EventType | EventTypeValue] | NotGiven = NOT_GIVEN,
        sequence_template_ids: abc.Sequence[str | UUID] | None | NotGiven = NOT_GIVEN,
        status: WebhookSubscriptionStatus | WebhookSubscriptionStatusValue | NotGiven = NOT_GIVEN,
        body: WebhookSubscriptionUpdate | Mapping[str, Any] | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> WebhookSubscription:
        """Update a webhook subscription. Not in Topo's docs: The webhooks page
        (https://docs.topo.io/api-reference/webhooks) says updating needs webhooks:write and that status is set
        to ACTIVE "via PATCH"; no update reference page is stored, so the path, body and 200 answer are
        inferred.

        Changes a subscription; fields left out are unchanged. Setting `status` to ACTIVE re-enables a DISABLED
        subscription or resumes a PAUSED one.

        Args:
            subscription_id: The subscription's id.
            name: New label.
            url: New HTTPS endpoint.
            description: New free-form text; null clears it.
            event_types: The event types to deliver from now on (whether this replaces or merges is not
                documented).
            sequence_template_ids: Deliver only events from these sequence templates; null means all templates.
            status: Lifecycle of a subscription. ACTIVE: matching events are delivered. PAUSED: delivery is
                suspended and events raised meanwhile are dropped, not queued. DISABLED: switched off
                administratively; PATCH `status` to ACTIVE to re-enable. New values may be added.

        Scopes: webhooks:write. Errors: 400, 401, 403, 404, 409, 422, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return self._client._call(
            _UPDATE_WEBHOOK,
            (),
            {
                "subscription_id": subscription_id,
                "name": name,
                "url": url,
                "description": description,
                "event_types": event_types,
                "sequence_template_ids": sequence_template_ids,
                "status": status,
                "body": body,
                "extra_headers": extra_headers,
                "extra_query": extra_query,
                "extra_body": extra_body,
                "timeout": timeout,
            },
        )


class WebhooksWithRawResponse:
    """`client.with_raw_response.webhooks`: the methods of `Webhooks`, returning `APIResponse`."""

    def __init__(self, resource: Webhooks) -> None:
        self._resource = resource
        self.create = to_raw(resource.create)
        self.delete = to_raw(resource.delete)
        self.get = to_raw(resource.get)
        self.list = to_raw(resource.list)
        self.test = to_raw(resource.test)
        self.update = to_raw(resource.update)


class AsyncWebhooks(AsyncAPIResource):
    """`client.webhooks` (AsyncTopo)."""

    @overload
    async def create(
        self,
        *,
        name: str,
        url: str,
        description: str | None | NotGiven = NOT_GIVEN,
        event_types: abc.Sequence[EventType | EventTypeValue],
        sequence_template_ids: abc.Sequence[str | UUID] | None | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> WebhookSubscriptionWithSecret: ...
    @overload
    async def create(
        self,
        *,
        body: WebhookSubscriptionCreate | Mapping[str, Any],
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> WebhookSubscriptionWithSecret: ...
    @operation(_CREATE_WEBHOOK)
    async def create(
        self,
        *,
        name: str | NotGiven = NOT_GIVEN,
        url: str | NotGiven = NOT_GIVEN,
        description: str | None | NotGiven = NOT_GIVEN,
        event_types: abc.Sequence[EventType | EventTypeValue] | NotGiven = NOT_GIVEN,
        sequence_template_ids: abc.Sequence[str | UUID] | None | NotGiven = NOT_GIVEN,
        body: WebhookSubscriptionCreate | Mapping[str, Any] | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> WebhookSubscriptionWithSecret:
        """Create a webhook subscription. Not in Topo's docs: The webhooks page
        (https://docs.topo.io/api-reference/webhooks) says creating needs webhooks:write and that the create
        answer includes the secret once; no create reference page is stored, so the method and path (REST
        convention on /v1/webhooks), body and 201 status (as for single-resource exclusion creates) are
        inferred.

        Subscribes an HTTPS endpoint to event types. The answer carries the signing `secret`; it is shown only
        this once, so store it.

        Args:
            name: Human-readable label.
            url: The HTTPS endpoint to deliver events to.
            description: Optional free-form text.
            event_types: The event types to deliver.
            sequence_template_ids: Deliver only events from these sequence templates; null or omitted means all
                templates.

        Scopes: webhooks:write. Errors: 400, 401, 403, 409, 422, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return await self._client._call(
            _CREATE_WEBHOOK,
            (),
            {
                "name": name,
                "url": url,
                "description": description,
                "event_types": event_types,
                "sequence_template_ids": sequence_template_ids,
                "body": body,
                "extra_headers": extra_headers,
                "extra_query": extra_query,
                "extra_body": extra_body,
                "timeout": timeout,
            },
        )

    @operation(_DELETE_WEBHOOK)
    async def delete(
        self,
        subscription_id: str | UUID,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """Delete a webhook subscription. Not in Topo's docs: The webhooks page
        (https://docs.topo.io/api-reference/webhooks) says deleting needs webhooks:write; the path and the
        success status (204 No Content) are not documented.

        Deletes a subscription; Topo stops delivering its events.

        Args:
            subscription_id: The subscription's id.

        Scopes: webhooks:write. Errors: 400, 401, 403, 404, 409, 422, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return await self._client._call(
            _DELETE_WEBHOOK,
            (),
            {
                "subscription_id": subscription_id,
                "extra_headers": extra_headers,
                "extra_query": extra_query,
                "extra_body": extra_body,
                "timeout": timeout,
            },
        )

    @operation(_GET_WEBHOOK)
    async def get(
        self,
        subscription_id: str | UUID,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> WebhookSubscription:
        """Get a webhook subscription. Not in Topo's docs: No stored page confirms a get-one endpoint; the webhooks
        page says reading subscriptions needs webhooks:read, and the path follows the documented
        /v1/webhooks/{subscription_id}/test.

        Returns one webhook subscription by its id, without the signing secret.

        Args:
            subscription_id: The subscription's id.

        Scopes: webhooks:read. Errors: 400, 401, 403, 404, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return await self._client._call(
            _GET_WEBHOOK,
            (),
            {
                "subscription_id": subscription_id,
                "extra_headers": extra_headers,
                "extra_query": extra_query,
                "extra_body": extra_body,
                "timeout": timeout,
            },
        )

    @operation(_LIST_WEBHOOKS)
    def list(
        self,
        *,
        page: int = 1,
        size: int = 100,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> AsyncPaginator[WebhookSubscription]:
        """List webhook subscriptions.

        Pages through the workspace's webhook subscriptions. The signing secret is never included.

        Args:
            page: Page number, 1-indexed.
            size: Items per page; at most 100.

        Returns the first page; iterating it walks every item across pages (`size` defaults to the documented
        maximum: fewer round trips). `async for` it to walk every item, or `await` it for the first page.

        Scopes: webhooks:read. Errors: 400, 401, 403, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return async_list(
            self._client,
            _LIST_WEBHOOKS,
            {
                "page": page,
                "size": size,
                "extra_headers": extra_headers,
                "extra_query": extra_query,
                "extra_body": extra_body,
                "timeout": timeout,
            },
        )

    @operation(_TEST_WEBHOOK)
    async def test(
        self,
        subscription_id: str | UUID,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> WebhookTestResult:
        """Test a webhook subscription.

        Sends a test payload to the subscription's URL and reports whether the receiver accepted it. A failed
        delivery is still a 200 answer, with `delivered` false and the reason in `error`.

        Args:
            subscription_id: The subscription's id.

        Scopes: webhooks:write. Errors: 400, 401, 403, 404, 422, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return await self._client._call(
            _TEST_WEBHOOK,
            (),
            {
                "subscription_id": subscription_id,
                "extra_headers": extra_headers,
                "extra_query": extra_query,
                "extra_body": extra_body,
                "timeout": timeout,
            },
        )

    @overload
    async def update(
        self,
        subscription_id: str | UUID,
        *,
        name: str | NotGiven = NOT_GIVEN,
        url: str | NotGiven = NOT_GIVEN,
        description: str | None | NotGiven = NOT_GIVEN,
        event_types: abc.Sequence[EventType | EventTypeValue] | NotGiven = NOT_GIVEN,
        sequence_template_ids: abc.Sequence[str | UUID] | None | NotGiven = NOT_GIVEN,
        status: WebhookSubscriptionStatus | WebhookSubscriptionStatusValue | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> WebhookSubscription: ...
    @overload
    async def update(
        self,
        subscription_id: str | UUID,
        *,
        body: WebhookSubscriptionUpdate | Mapping[str, Any],
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> WebhookSubscription: ...
    @operation(_UPDATE_WEBHOOK)
    async def update(
        self,
        subscription_id: str | UUID,
        *,
        name: str | NotGiven = NOT_GIVEN,
        url: str | NotGiven = NOT_GIVEN,
        description: str | None | NotGiven = NOT_GIVEN,
        event_types: abc.Sequence[EventType | EventTypeValue] | NotGiven = NOT_GIVEN,
        sequence_template_ids: abc.Sequence[str | UUID] | None | NotGiven = NOT_GIVEN,
        status: WebhookSubscriptionStatus | WebhookSubscriptionStatusValue | NotGiven = NOT_GIVEN,
        body: WebhookSubscriptionUpdate | Mapping[str, Any] | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> WebhookSubscription:
        """Update a webhook subscription. Not in Topo's docs: The webhooks page
        (https://docs.topo.io/api-reference/webhooks) says updating needs webhooks:write and that status is set
        to ACTIVE "via PATCH"; no update reference page is stored, so the path, body and 200 answer are
        inferred.

        Changes a subscription; fields left out are unchanged. Setting `status` to ACTIVE re-enables a DISABLED
        subscription or resumes a PAUSED one.

        Args:
            subscription_id: The subscription's id.
            name: New label.
            url: New HTTPS endpoint.
            description: New free-form text; null clears it.
            event_types: The event types to deliver from now on (whether this replaces or merges is not
                documented).
            sequence_template_ids: Deliver only events from these sequence templates; null means all templates.
            status: Lifecycle of a subscription. ACTIVE: matching events are delivered. PAUSED: delivery is
                suspended and events raised meanwhile are dropped, not queued. DISABLED: switched off
                administratively; PATCH `status` to ACTIVE to re-enable. New values may be added.

        Scopes: webhooks:write. Errors: 400, 401, 403, 404, 409, 422, 429, 500 (APIStatusError subclasses,
        topo_ext._exceptions). Per request: extra_headers, extra_query and extra_body are sent as given (values
        newer than this spec), timeout in seconds.
        """
        return await self._client._call(
            _UPDATE_WEBHOOK,
            (),
            {
                "subscription_id": subscription_id,
                "name": name,
                "url": url,
                "description": description,
                "event_types": event_types,
                "sequence_template_ids": sequence_template_ids,
                "status": status,
                "body": body,
                "extra_headers": extra_headers,
                "extra_query": extra_query,
                "extra_body": extra_body,
                "timeout": timeout,
            },
        )


class AsyncWebhooksWithRawResponse:
    """`client.with_raw_response.webhooks`: the methods of `AsyncWebhooks`, returning `APIResponse`."""

    def __init__(self, resource: AsyncWebhooks) -> None:
        self._resource = resource
        self.create = async_to_raw(resource.create)
        self.delete = async_to_raw(resource.delete)
        self.get = async_to_raw(resource.get)
        self.list = async_list_to_raw(resource.list)
        self.test = async_to_raw(resource.test)
        self.update = async_to_raw(resource.update)
