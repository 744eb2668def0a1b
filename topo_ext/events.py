"""Typed events, shared by the activity stream and webhook deliveries.

The models are generated (`topo_client.responses`, msgspec Structs) and decoded like every other response (see
topo_ext._decoding): leniently, camelCase keys accepted, unknown fields kept in `.extra`, unknown enum values kept as
open-enum members, and an unknown `type` decoded to `UnknownEvent` (the fields every event shares, plus the raw
data). Dispatch on `type` is one dictionary lookup (`EVENT_TYPES`), never try-each.
"""

from __future__ import annotations

import typing
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeAlias, TypeVar

import msgspec

from topo_client import events as _generated
from topo_client import responses as _models
from topo_client.events import *  # noqa: F403 - every generated event class: an event type the spec adds too
from topo_client.events import Activity, ActivityPage, EventBase, UnknownEvent

from ._decoding import DecodeOptions, decode_json, decode_value

# The generated list (`topo_client.events.__all__`, written by generator/models.py) and what this module adds.
__all__ = ["EVENT_TYPES", "Event", "EventDispatcher", "decode_activity", "decode_activity_page", "event_type",
           "parse_event"]
__all__ += _generated.__all__


_UNION = typing.get_args(typing.get_args(_models.ActivityPayload)[0])
KnownEvent: TypeAlias = _models.ActivityPayload
Event: TypeAlias = KnownEvent | UnknownEvent

#: `payload.type` -> generated class; the whole dispatch.
EVENT_TYPES: dict[str, type[EventBase]] = {cls.__struct_config__.tag: cls for cls in _UNION}


def event_type(event: Event) -> str:
    """The event's `type` (the discriminator), for known and unknown events alike."""
    return str(event.type)


def decode_activity_page(raw: bytes, options: DecodeOptions | None = None) -> ActivityPage:
    """Decode a GET /activities body (drift to the process-wide record unless `options` says otherwise)."""
    return decode_json(ActivityPage, raw, options)


def decode_activity(raw: bytes, options: DecodeOptions | None = None) -> Activity:
    """Decode a GET /activities/{id} body."""
    return decode_json(Activity, raw, options)


def parse_event(data: bytes | str | Mapping[str, Any], options: DecodeOptions | None = None) -> Event:
    """Decode one event: a webhook delivery body, or an activity's `payload`.

    A delivery wrapped like an activity (`{"id", "created_at", "payload"}`) is unwrapped to its payload.
    """
    if isinstance(data, bytes | str):
        data = msgspec.json.decode(data.encode() if isinstance(data, str) else data)
    if isinstance(data, Mapping) and "type" not in data and isinstance(data.get("payload"), Mapping):
        data = data["payload"]
    event: Event = decode_value(_models.ActivityPayload, data, options)
    return event


# ---- handlers ------------------------------------------------------------------------------------------------

H = TypeVar("H", bound=Callable[..., Any])


class EventDispatcher:
    """Route events to handlers by `type`, the same way for polled activities and pushed webhooks.

    >>> events = EventDispatcher()
    >>> @events.on("message.replied")
    ... def handle(event): ...
    >>> events.dispatch(activity.payload)   # or events.dispatch(webhooks.verify(...))
    """

    def __init__(self) -> None:
        self._handlers: dict[str, list[Callable[[Any], Any]]] = {}
        self._fallback: list[Callable[[Any], Any]] = []

    def on(self, *types: str) -> Callable[[H], H]:
        """Register a handler for one or more event types ("*" for every event)."""
        if not types:
            raise ValueError("on(): name at least one event type, or '*'")
        for t in types:
            if not isinstance(t, str):
                raise TypeError(f"on(): event types are strings like 'message.replied', got {t!r}")

        def register(fn: H) -> H:
            for t in types:
                (self._fallback if t == "*" else self._handlers.setdefault(t, [])).append(fn)
            return fn

        return register

    def dispatch(self, event: Event | Activity) -> int:
        """Call the handlers for `event` (an Activity dispatches its payload); return how many ran."""
        if isinstance(event, Activity):
            event = typing.cast(Event, event.payload)
        handlers = self._handlers.get(event_type(event), []) + self._fallback
        for handler in handlers:
            handler(event)
        return len(handlers)

    def dispatch_all(self, events: Iterable[Event | Activity]) -> int:
        return sum(self.dispatch(e) for e in events)
