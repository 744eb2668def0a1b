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

from .._resource import AsyncAPIResource, M, SyncAPIResource, async_list, async_op, endpoint, sync_list, sync_op

_list = endpoint(list_webhooks.build_request, list_webhooks.parse_success)
_create = endpoint(create_webhook.build_request, create_webhook.parse_success)
_get = endpoint(get_webhook.build_request, get_webhook.parse_success)
_update = endpoint(update_webhook.build_request, update_webhook.parse_success)
_delete = endpoint(delete_webhook.build_request, delete_webhook.parse_success)
_test = endpoint(test_webhook.build_request, test_webhook.parse_success)


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
