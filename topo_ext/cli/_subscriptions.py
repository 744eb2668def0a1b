"""`topo webhooks create | list | test | update | delete`: webhook subscriptions through `client.webhooks`.

`create` is the only time the API returns the signing secret, so it is printed once, on stdout, with a note on
stderr to store it (for `topo webhooks listen`, TOPO_WEBHOOK_SECRET).
"""

from __future__ import annotations

import argparse
import functools
from collections.abc import Callable
from typing import Any

from topo_client.models import EventType, WebhookSubscriptionStatus

from ._core import EXIT_API, EXIT_OK, Context, UsageError, enum_choice, subcommand, uuid_text
from ._output import cell, json_line, table

MAX_NAME = 255  # the spec's maxLength for a subscription name


def add_subscription_actions(actions: Any, common: argparse.ArgumentParser) -> None:
    event_types = ", ".join(EventType)
    create = actions.add_parser(
        "create",
        parents=[common],
        help="subscribe a URL to event types (prints the signing secret once)",
        description=(
            "Create a webhook subscription. The answer carries the signing secret, shown only this once: "
            "store it (e.g. as TOPO_WEBHOOK_SECRET for `topo webhooks listen`)."
        ),
        epilog=f"Event types: {event_types}.",
    )
    create.add_argument("--url", required=True, help="the HTTPS endpoint Topo delivers events to")
    _subscription_fields(create, required=True)
    create.set_defaults(handler=run_create)

    subcommand(actions, common, "list", run_list, "list webhook subscriptions",
               "List every webhook subscription (a table, or JSON lines with --json).")

    one = functools.partial(_by_id, actions, common)
    one("test", run_test, "send a test delivery to a subscription's URL",
        "Ask Topo to send a test delivery; exit 1 if the receiver refused it.")
    update = one("update", run_update, "change a subscription (only the options given)",
                 "Change a webhook subscription; what is not given stays as it is.",
                 epilog=f"Event types: {event_types}.")
    update.add_argument("--url", help="new HTTPS endpoint")
    _subscription_fields(update, required=False)
    update.add_argument(
        "--status",
        type=enum_choice(WebhookSubscriptionStatus, "status"),
        metavar="STATUS",
        help=f"new status: {', '.join(WebhookSubscriptionStatus)} (ACTIVE re-enables)",
    )
    one("delete", run_delete, "delete a subscription",
        "Delete a webhook subscription; Topo stops delivering to its URL.")


def _by_id(actions: Any, common: argparse.ArgumentParser, name: str, handler: Callable[..., Any], help: str,
           description: str, epilog: str | None = None) -> argparse.ArgumentParser:
    """A subcommand acting on one subscription: `SUBSCRIPTION_ID` first."""
    parser = subcommand(actions, common, name, handler, help, description, epilog)
    parser.add_argument("subscription_id", type=uuid_text, metavar="SUBSCRIPTION_ID")
    return parser


def _subscription_fields(parser: argparse.ArgumentParser, *, required: bool) -> None:
    parser.add_argument(
        "--event-type",
        dest="event_types",
        action="append",
        required=required,
        type=enum_choice(EventType, "event type"),
        metavar="TYPE",
        help="an event type to deliver (repeat for several), e.g. message.replied",
    )
    parser.add_argument("--name", help="a label" + (" (default: the URL)" if required else ""))
    parser.add_argument("--description", help="free-form text")
    parser.add_argument(
        "--sequence-template-id",
        dest="sequence_template_ids",
        action="append",
        type=uuid_text,
        metavar="UUID",
        help="deliver only events of this sequence template (repeat for several)",
    )


def _body(args: argparse.Namespace) -> dict[str, Any]:
    """The request body: only the options given (an update leaves everything else as it is)."""
    body = {
        name: getattr(args, name)
        for name in ("url", "name", "description", "sequence_template_ids")
        if getattr(args, name, None) is not None
    }
    if args.event_types:
        body["event_types"] = [t.value for t in args.event_types]
    if getattr(args, "status", None) is not None:
        body["status"] = args.status.value
    return body


def run_create(ctx: Context) -> int:
    body = _body(ctx.args)
    body.setdefault("name", ctx.args.url[:MAX_NAME])
    created = ctx.client().webhooks.create(**body)
    _show(ctx, created, f"created webhook subscription {created.id} ({created.name}) -> {created.url}",
          f"event types: {_types(created)}", f"secret: {created.secret}")
    ctx.out.flush()
    ctx.note(
        "store the signing secret now: Topo shows it only this once "
        "(e.g. export TOPO_WEBHOOK_SECRET=... for `topo webhooks listen`)"
    )
    ctx.redact.add(created.secret)  # printed once on stdout above; never again, anywhere
    return EXIT_OK


def run_list(ctx: Context) -> int:
    subscriptions = ctx.client().webhooks.list()
    if ctx.json:
        for sub in subscriptions:
            ctx.out.write(json_line(sub.to_dict()))
        return EXIT_OK
    rows = [
        [str(s.id), str(s.status), s.name or "", s.url or "", ", ".join(str(t) for t in s.event_types or [])]
        for s in subscriptions
    ]
    table(ctx.out, ["ID", "STATUS", "NAME", "URL", "EVENT TYPES"], rows)
    return EXIT_OK


def run_test(ctx: Context) -> int:
    result = ctx.client().webhooks.test(ctx.args.subscription_id)
    if ctx.json:
        ctx.out.write(json_line(result.to_dict()))
    elif result.delivered:
        ctx.say(f"test delivery to {ctx.args.subscription_id} accepted")
    if not result.delivered:
        ctx.error(f"test delivery to {ctx.args.subscription_id} failed: {cell(result.error) or 'no reason given'}")
        return EXIT_API
    return EXIT_OK


def run_update(ctx: Context) -> int:
    body = _body(ctx.args)
    if not body:
        raise UsageError(
            "nothing to change: give at least one of --url, --name, --description, --event-type, "
            "--sequence-template-id, --status"
        )
    updated = ctx.client().webhooks.update(ctx.args.subscription_id, **body)
    _show(ctx, updated, f"updated webhook subscription {updated.id} ({updated.name}): {updated.status} -> "
                        f"{updated.url}; event types: {_types(updated)}")
    return EXIT_OK


def _types(subscription: Any) -> str:
    return ", ".join(str(t) for t in subscription.event_types or [])


def _show(ctx: Context, subscription: Any, *lines: str) -> None:
    """The subscription as a JSON line under --json, else `lines` (escaped)."""
    if ctx.json:
        ctx.out.write(json_line(subscription.to_dict()))
    else:
        ctx.say(*lines)


def run_delete(ctx: Context) -> int:
    ctx.client().webhooks.delete(ctx.args.subscription_id)
    if ctx.json:
        ctx.out.write(json_line({"id": ctx.args.subscription_id, "deleted": True}))
    else:
        ctx.say(f"deleted webhook subscription {ctx.args.subscription_id}")
    return EXIT_OK
