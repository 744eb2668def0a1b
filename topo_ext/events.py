"""Typed events, shared by the activity stream and webhook deliveries.

The models are generated (`topo_client.events`, msgspec Structs). Decoding takes one of two paths:

- **fast**: msgspec decodes the bytes straight into the typed, tagged union in C. It succeeds whenever the body
  matches the spec exactly (snake_case keys, known fields, known enum values, known event types).
- **tolerant**: anything else (camelCase keys, new fields, new enum values, new event types) is decoded to
  plain data, then converted field by field: keys in either spelling map to the snake_case attributes, unknown
  keys are kept in `.extra` and reported to the drift record, unknown enum values become open-enum members,
  and an unknown `type` becomes an `UnknownEvent` that keeps the raw data.

Dispatch on `type` is one dictionary lookup (`EVENT_TYPES`), never try-each.
"""

from __future__ import annotations

import re
import typing
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from enum import Enum
from functools import cache
from typing import Any, TypeAlias, TypeVar

import msgspec

from topo_client import events as _models
from topo_client._struct import TopoStruct
from topo_client.events import (
    Activity,
    ActivityChannel,
    ActivityResourceType,
    EventBase,
    HotLeadCreatedEvent,
    InvitationAcceptedEvent,
    InvitationSentEvent,
    InvitationSentMetadata,
    MeetingCreatedEvent,
    MessageLinkClickedEvent,
    MessageOpenedEvent,
    MessageRepliedEvent,
    MessageRepliedMetadata,
    MessageSentEvent,
    ReplyCategory,
    SequenceCompletedEvent,
    SequenceCreatedEvent,
    SequencePausedEvent,
    SequencePausedMetadata,
    SequenceResumedEvent,
    SequenceStoppedEvent,
    SequenceStoppedMetadata,
    TaskCompletedEvent,
    TaskCreatedEvent,
    TaskSkippedEvent,
)

from ._drift import drift_record

__all__ = [
    "EVENT_TYPES",
    "Activity",
    "ActivityChannel",
    "ActivityPage",
    "ActivityResourceType",
    "Event",
    "EventBase",
    "EventDispatcher",
    "HotLeadCreatedEvent",
    "InvitationAcceptedEvent",
    "InvitationSentEvent",
    "InvitationSentMetadata",
    "MeetingCreatedEvent",
    "MessageLinkClickedEvent",
    "MessageOpenedEvent",
    "MessageRepliedEvent",
    "MessageRepliedMetadata",
    "MessageSentEvent",
    "ReplyCategory",
    "SequenceCompletedEvent",
    "SequenceCreatedEvent",
    "SequencePausedEvent",
    "SequencePausedMetadata",
    "SequenceResumedEvent",
    "SequenceStoppedEvent",
    "SequenceStoppedMetadata",
    "TaskCompletedEvent",
    "TaskCreatedEvent",
    "TaskSkippedEvent",
    "UnknownEvent",
    "decode_activity",
    "decode_activity_page",
    "event_type",
    "parse_event",
]


class UnknownEvent:
    """An event whose `type` this client does not know (Topo adds event types within /v1). Keeps everything."""

    __slots__ = ("data", "type")

    def __init__(self, type: str, data: dict[str, Any]) -> None:
        self.type = type
        self.data = data

    @property
    def extra(self) -> dict[str, Any]:
        return {k: v for k, v in self.data.items() if k != "type"}

    def to_dict(self) -> dict[str, Any]:
        return dict(self.data)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, UnknownEvent) and (other.type, other.data) == (self.type, self.data)

    def __repr__(self) -> str:
        return f"UnknownEvent(type={self.type!r}, keys={sorted(self.data)})"


_UNION = typing.get_args(typing.get_args(_models.ActivityPayload)[0])
KnownEvent: TypeAlias = _models.ActivityPayload
Event: TypeAlias = KnownEvent | UnknownEvent

#: `payload.type` -> generated class; the whole dispatch.
EVENT_TYPES: dict[str, type[EventBase]] = {cls.__struct_config__.tag: cls for cls in _UNION}


def event_type(event: Event) -> str:
    """The event's `type` (the discriminator), for known and unknown events alike."""
    if isinstance(event, UnknownEvent):
        return event.type
    return str(type(event).__struct_config__.tag)


class ActivityPage(TopoStruct):
    """The list envelope of GET /activities, decoded into typed activities."""

    items: list[Activity]
    total_count: int
    total_pages: int
    has_more: bool


_PAGE_DECODER = msgspec.json.Decoder(ActivityPage)
_ACTIVITY_DECODER = msgspec.json.Decoder(Activity)
_EVENT_DECODER = msgspec.json.Decoder(_models.ActivityPayload)


# ---- the tolerant path ---------------------------------------------------------------------------------------

_CAMEL = re.compile(r"(?<=[a-z0-9])([A-Z])")


@cache
def _snake(key: str) -> str:
    return _CAMEL.sub(r"_\1", key).lower()


def _strip(tp: Any) -> Any:
    """The meaningful type inside `Annotated[...] | None | UnsetType`."""
    if typing.get_origin(tp) is typing.Annotated:
        tp = typing.get_args(tp)[0]
    args = typing.get_args(tp)
    if args and typing.get_origin(tp) in (typing.Union, __import__("types").UnionType):
        rest = [a for a in args if a not in (type(None), msgspec.UnsetType)]
        return _strip(rest[0]) if len(rest) == 1 else tp
    return tp


Converter = Callable[[Any, str], Any]


@cache
def _fields(cls: Any) -> dict[str, tuple[str, Converter, bool]]:
    """Wire name -> (attribute, converter, is a nested model) for a generated Struct."""
    table: dict[str, tuple[str, Converter, bool]] = {}
    for field in msgspec.structs.fields(cls):
        inner = _strip(field.type)
        nested = isinstance(inner, type) and issubclass(inner, TopoStruct)
        table[field.encode_name] = (field.name, _converter(field.type, f"{cls.__name__}.{field.name}"), nested)
    return table


def _converter(tp: Any, where: str) -> Converter:
    inner = _strip(tp)
    if isinstance(inner, type) and issubclass(inner, TopoStruct):
        return lambda v, path: _convert(inner, v, path) if isinstance(v, Mapping) else v
    if isinstance(inner, type) and issubclass(inner, Enum):
        return lambda v, path: inner(v) if isinstance(v, str) else v
    if inner is Any:
        return lambda v, path: v

    def convert(value: Any, path: str) -> Any:
        try:
            return msgspec.convert(value, tp)
        except msgspec.ValidationError:
            # The API changed a field's type: keep the raw value rather than lose the record.
            drift_record().report("type", where.split(".")[0], path, value)
            return value

    return convert


def _convert(cls: Any, data: Any, path: str) -> Any:
    """Build `cls` from data in either spelling, keeping unknown keys; msgspec validates the known ones in C."""
    if not isinstance(data, Mapping):
        raise msgspec.ValidationError(f"Expected an object at `{path}`, got {type(data).__name__}")
    fields = _fields(cls)
    tag_field = cls.__struct_config__.tag_field
    known: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for key, value in data.items():
        spec = fields.get(key) or fields.get(_snake(key))
        if spec is None:
            if key != tag_field:
                extra[key] = value
            continue
        name, conv, nested = spec
        known[name] = conv(value, f"{path}.{name}") if nested else value
    try:
        obj = msgspec.convert(known, cls)
    except msgspec.ValidationError:
        # A known field arrived with another type: convert field by field and keep the odd value as sent.
        try:
            obj = cls(**{name: fields[name][1](value, f"{path}.{name}") for name, value in known.items()})
        except TypeError as err:
            raise msgspec.ValidationError(f"{cls.__name__} at `{path}`: {err}") from None
    if extra:
        obj.__dict__["_extra_"] = extra
        record = drift_record()
        for key, value in extra.items():
            record.report("field", cls.__name__, key, value)
    return obj


def _event_from(data: Any, path: str = "$") -> Event:
    if not isinstance(data, Mapping):
        raise msgspec.ValidationError(f"Expected an event object at `{path}`, got {type(data).__name__}")
    tag = data.get("type")
    cls = EVENT_TYPES.get(tag) if isinstance(tag, str) else None
    if cls is None:
        drift_record().report("event_type", "ActivityPayload", str(tag), dict(data))
        return UnknownEvent(str(tag), dict(data))
    event: Event = _convert(cls, data, path)
    return event


_ACTIVITY_FIELDS = {"id": "id", "created_at": "created_at", "createdAt": "created_at"}


def _activity_from(data: Any, path: str = "$") -> Activity:
    if not isinstance(data, Mapping):
        raise msgspec.ValidationError(f"Expected an activity object at `{path}`, got {type(data).__name__}")
    payload = data.get("payload")
    rest = {k: v for k, v in data.items() if k != "payload"}
    shell: Activity = _convert(_ActivityShell, rest, path)
    activity = Activity(id=shell.id, created_at=shell.created_at,
                        payload=_event_from(payload, f"{path}.payload"))  # type: ignore[arg-type]
    if shell.extra:
        activity.__dict__["_extra_"] = shell.extra
    return activity


class _ActivityShell(TopoStruct):
    """Activity without its payload, for the tolerant path (the payload is dispatched separately)."""

    created_at: datetime
    id: str


_ActivityShell.__name__ = "Activity"  # drift keys name the API's schema


def _page_from(data: Any) -> ActivityPage:
    if not isinstance(data, Mapping):
        raise msgspec.ValidationError(f"Expected the list envelope, got {type(data).__name__}")
    items = data.get("items")
    if not isinstance(items, list):
        raise msgspec.ValidationError("Expected `items` to be a list")
    envelope = _convert(_PageShell, {k: v for k, v in data.items() if k != "items"}, "$")
    page = ActivityPage(
        items=[_activity_from(item, f"$.items[{i}]") for i, item in enumerate(items)],
        total_count=envelope.total_count, total_pages=envelope.total_pages, has_more=envelope.has_more,
    )
    if envelope.extra:
        page.__dict__["_extra_"] = envelope.extra
    return page


class _PageShell(TopoStruct):
    total_count: int
    total_pages: int
    has_more: bool


_PageShell.__name__ = "ActivityPage"


# ---- public decoders -----------------------------------------------------------------------------------------


def decode_activity_page(raw: bytes) -> ActivityPage:
    """Decode a GET /activities body."""
    try:
        return _PAGE_DECODER.decode(raw)
    except msgspec.ValidationError:
        return _page_from(msgspec.json.decode(raw))


def decode_activity(raw: bytes) -> Activity:
    """Decode a GET /activities/{id} body."""
    try:
        return _ACTIVITY_DECODER.decode(raw)
    except msgspec.ValidationError:
        return _activity_from(msgspec.json.decode(raw))


def parse_event(data: bytes | str | Mapping[str, Any]) -> Event:
    """Decode one event: a webhook delivery body, or an activity's `payload`.

    A delivery wrapped like an activity (`{"id", "created_at", "payload"}`) is unwrapped to its payload.
    """
    if isinstance(data, bytes | str):
        raw = data.encode() if isinstance(data, str) else data
        try:
            event: Event = _EVENT_DECODER.decode(raw)
            return event
        except msgspec.ValidationError:
            data = msgspec.json.decode(raw)
    if isinstance(data, Mapping) and "type" not in data and isinstance(data.get("payload"), Mapping):
        return _event_from(data["payload"], "$.payload")
    return _event_from(data)


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
