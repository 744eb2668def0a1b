"""`client.webhooks`: generated from the spec by generator/resources.py; do not edit."""

from __future__ import annotations

from topo_ext._resource import AsyncAPIResource, M, SyncAPIResource, async_list, async_op, endpoint, sync_list, sync_op

from ..api.webhooks import create_webhook, delete_webhook, get_webhook, list_webhooks, test_webhook, update_webhook
from ..responses import WebhookSubscription, WebhookSubscriptionPage, WebhookSubscriptionWithSecret, WebhookTestResult

_create_webhook = endpoint(create_webhook.build_request, WebhookSubscriptionWithSecret)
_delete_webhook = endpoint(delete_webhook.build_request, None)
_get_webhook = endpoint(get_webhook.build_request, WebhookSubscription)
_list_webhooks = endpoint(list_webhooks.build_request, WebhookSubscriptionPage)
_test_webhook = endpoint(test_webhook.build_request, WebhookTestResult)
_update_webhook = endpoint(update_webhook.build_request, WebhookSubscription)


class Webhooks(SyncAPIResource[M]):
    """`client.webhooks`."""

    create = sync_op(_create_webhook)
    delete = sync_op(_delete_webhook)
    get = sync_op(_get_webhook)
    list = sync_list(_list_webhooks)
    test = sync_op(_test_webhook)
    update = sync_op(_update_webhook)


class AsyncWebhooks(AsyncAPIResource[M]):
    """`client.webhooks` (AsyncTopo)."""

    create = async_op(_create_webhook)
    delete = async_op(_delete_webhook)
    get = async_op(_get_webhook)
    list = async_list(_list_webhooks)
    test = async_op(_test_webhook)
    update = async_op(_update_webhook)
