"""Webhook subscriptions (generated: `topo_client.resources.webhooks`). Receiving deliveries is
`topo_ext.webhooks.verify`."""

from topo_client.resources.webhooks import AsyncWebhooks, Webhooks

__all__ = ["AsyncWebhooks", "Webhooks"]
