"""Webhook subscriptions. Receiving deliveries is `topo_ext.webhooks.verify`."""

from __future__ import annotations

from topo_client.api.webhooks import (
    create_webhook,
    delete_webhook,
    get_webhook,
    list_webhooks,
    test_webhook,
    update_webhook,
)
from topo_client.responses import (
    WebhookSubscription,
    WebhookSubscriptionPage,
    WebhookSubscriptionWithSecret,
    WebhookTestResult,
)

from .._resource import AsyncAPIResource, M, SyncAPIResource, async_list, async_op, endpoint, sync_list, sync_op

_list = endpoint(list_webhooks.build_request, WebhookSubscriptionPage)
_create = endpoint(create_webhook.build_request, WebhookSubscriptionWithSecret)
_get = endpoint(get_webhook.build_request, WebhookSubscription)
_update = endpoint(update_webhook.build_request, WebhookSubscription)
_delete = endpoint(delete_webhook.build_request, None)
_test = endpoint(test_webhook.build_request, WebhookTestResult)


class Webhooks(SyncAPIResource[M]):
    list = sync_list(_list)
    create = sync_op(_create)
    get = sync_op(_get)
    update = sync_op(_update)
    delete = sync_op(_delete)
    test = sync_op(_test)


class AsyncWebhooks(AsyncAPIResource[M]):
    list = async_list(_list)
    create = async_op(_create)
    get = async_op(_get)
    update = async_op(_update)
    delete = async_op(_delete)
    test = async_op(_test)
