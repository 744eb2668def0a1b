"""Lenient decoding into the generated response models: every response decodes, nothing the API sends is lost.

Copied verbatim into the generated package by `generator/models.py`. Per model class a `Plan` (`_plan.py`) is
worked out once:

1. `msgspec.convert(data, Model)` builds the typed object in C (every field is optional, unknown keys ignored);
2. a walk over the plain data, in Python, keeps unknown keys in `extra`, accepts camelCase spellings of known keys,
   reads naive datetimes as UTC, and reports unknown keys, missing documented-required keys and unknown enum
   values to a `Sink` (topo_ext's per-client drift record; in strict mode the sink raises). A page's items are
   walked together, column by column (`Plan.walk_many`);
3. if convert raises (a value of an unexpected JSON type somewhere), the model is rebuilt field by field: nested
   models and list items one at a time, an odd value kept as sent and reported. One bad item never loses the
   others. Only data of the wrong kind where a model is expected at the top raises (`ShapeError`).

An event whose `type` is not in the tagged union becomes `UnknownEvent`, with the fields every event shares.
"""

from __future__ import annotations

import sys
import types
import typing
from collections.abc import Callable, Mapping
from functools import cache
from typing import Any, TypeVar

import msgspec

from ._plan import CLEAN, PLANS, DriftKind, Plan, Shape, ShapeError, Sink
from ._plan import _snake as _snake  # `make drift` names camelCase keys by the same rule, imported from here
from ._struct import TopoStruct

T = TypeVar("T")


class _NullSink:
    def report(self, kind: str, schema: str, name: str, example: Any) -> None:
        return None

    def tally(self, shape: Shape, data: dict[str, Any], count: int = 1) -> None:
        return None


NULL_SINK: Sink = _NullSink()




def decode_data(tp: type[T], data: Any, sink: Sink = NULL_SINK) -> T:
    """Build `tp` (a model, or a list of models) from plain data (what `json.loads` returns) leniently."""
    if is_model(tp):
        model: T = _plan(tp).build(data, sink)
        return model
    kind, walk, coerce = _route(tp)
    if kind is list and not isinstance(data, list):
        raise ShapeError(f"expected a list, got {type(data).__name__}")
    if kind is Mapping and not isinstance(data, Mapping):
        raise ShapeError(f"expected an event object, got {type(data).__name__}")
    if walk is not None:  # a bare array of models: one convert for all, item by item only if that fails
        try:
            values: T = msgspec.convert(data, tp)
        except msgspec.ValidationError:
            pass
        else:
            walk(values, data, sink)
            return values
    value: T = coerce(data, sink)
    return value


@cache
def _route(tp: Any) -> tuple[Any, Walker | None, Callable[[Any, Sink], Any]]:
    """How `decode_data` handles a type other than a model, worked out once per type: the kind of data it needs
    (list, Mapping for an event union, or None), the walk after a successful convert (None: no convert), and
    the item-by-item coercion."""
    kind = list if typing.get_origin(tp) is list else Mapping if event_union(strip(tp)) is not None else None
    item = typing.get_args(tp)[0] if kind is list else tp
    walk = walker(tp) if kind is list and is_model(item) else None  # list[Model]: the page walk, never None
    coerce, name = coercer(tp), getattr(item, "__name__", "$")
    return kind, walk, lambda data, sink: coerce(data, sink, name, "$item")


def strip(tp: Any) -> Any:
    """`T` from `Annotated[T, ...] | None`."""
    if typing.get_origin(tp) is typing.Annotated:
        tp = typing.get_args(tp)[0]
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        rest = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(rest) == 1:
            return strip(rest[0])
        return typing.Union[tuple(strip(a) for a in rest)]  # noqa: UP007 - built at runtime
    return tp


def is_model(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, TopoStruct)


def event_union(tp: Any) -> tuple[Any, ...] | None:
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        members = typing.get_args(tp)
        if members and all(is_model(m) and isinstance(m.__struct_config__.tag, str) for m in members):
            return members
    return None


Coerce = Callable[[Any, Sink, str, str], Any]  # (value, sink, schema, field) -> value
Walker = Callable[[Any, Any, Sink], None]  # (decoded value, its plain data, sink)


def _keep(value: Any, sink: Sink, schema: str, field: str) -> Any:
    sink.report(DriftKind.TYPE, schema, field, value)
    return value


@cache
def coercer(tp: Any) -> Coerce:
    """Turn plain data into a field's type, keeping (and reporting) a value that does not fit."""
    inner = strip(tp)
    if is_model(inner):
        def model(value: Any, sink: Sink, schema: str, field: str) -> Any:
            if isinstance(value, Mapping):
                return _plan(inner).build(value, sink)
            return value if value is None else _keep(value, sink, schema, field)
        return model
    if (members := event_union(inner)) is not None:
        union = _Union(members)
        def event(value: Any, sink: Sink, schema: str, field: str) -> Any:
            if isinstance(value, Mapping):
                return union.build(value, sink)
            return value if value is None else _keep(value, sink, schema, field)
        return event
    origin = typing.get_origin(inner)
    if origin is list:
        item = coercer(typing.get_args(inner)[0])
        def many(value: Any, sink: Sink, schema: str, field: str) -> Any:
            if isinstance(value, list):
                return [item(v, sink, schema, field) for v in value]
            return value if value is None else _keep(value, sink, schema, field)
        return many
    if origin is dict:
        item = coercer(typing.get_args(inner)[1])
        def mapping(value: Any, sink: Sink, schema: str, field: str) -> Any:
            if isinstance(value, Mapping):
                return {k: item(v, sink, schema, field) for k, v in value.items()}
            return value if value is None else _keep(value, sink, schema, field)
        return mapping

    def scalar(value: Any, sink: Sink, schema: str, field: str) -> Any:
        try:
            return msgspec.convert(value, inner, str_keys=True)
        except msgspec.ValidationError:
            return _keep(value, sink, schema, field)
    return scalar


def walker(tp: Any) -> Walker | None:
    """Walk a decoded value of type `tp` next to its plain data (None when nothing below can hold drift)."""
    inner = strip(tp)
    if is_model(inner):
        def model(value: Any, data: Any, sink: Sink) -> None:
            if type(data) is dict and isinstance(value, TopoStruct):
                _plan(type(value)).walk(value, data, sink)
        return model
    if event_union(inner) is not None:
        return walk_any_model
    origin = typing.get_origin(inner)
    if origin is list:
        item_type = strip(typing.get_args(inner)[0])
        if is_model(item_type):  # the hot loop of every page: all items walked at once
            cls = item_type

            def models(values: Any, data: Any, sink: Sink) -> None:
                # Walks run after a convert of the whole value succeeded: every item is a `cls` built from a mapping.
                if type(values) is list and type(data) is list and values and len(values) == len(data):
                    _plan(cls).walk_many(values, data, sink)
            return models
        item = walker(item_type)
        if item is None:
            return None

        def many(values: Any, data: Any, sink: Sink) -> None:
            if type(values) is list and type(data) is list:
                for value, entry in zip(values, data, strict=False):
                    item(value, entry, sink)
        return many
    if origin is dict:
        item = walker(typing.get_args(inner)[1])
        if item is None:
            return None

        def mapping(values: Any, data: Any, sink: Sink) -> None:
            if type(values) is dict and type(data) is dict:
                for key, value in values.items():
                    item(value, data.get(key), sink)
        return mapping
    return None


def walk_any_model(value: Any, data: Any, sink: Sink) -> None:
    if type(data) is dict and isinstance(value, TopoStruct):
        plan = PLANS.get(type(value)) or _plan(type(value))
        plan.walk(value, data, sink)


def walk_pairs(values: list[Any], data: list[Any], sink: Sink) -> None:
    """Walk each model (or event) in `values` next to its data: together when they are all of one class."""
    kinds = set(map(type, values))
    if len(kinds) == 1 and is_model(cls := next(iter(kinds))) and set(map(type, data)) == {dict}:
        _plan(cls).walk_many(values, data, sink)  # e.g. a nested model on every item of a page
        return
    for value, item in zip(values, data, strict=True):  # e.g. events of many types: sorting them costs more
        plan = PLANS.get(type(value))
        if plan is not None and type(item) is dict:
            plan.walk(value, item, sink)
        elif value is not None:
            walk_any_model(value, item, sink)


class _Union:
    """A tagged union of event models; an unknown tag becomes the module's `UnknownEvent`."""

    def __init__(self, members: tuple[Any, ...]) -> None:
        self.tag_field = members[0].__struct_config__.tag_field
        self.by_tag = {m.__struct_config__.tag: m for m in members}
        module = vars(sys.modules[members[0].__module__])
        self.unknown = module.get("UnknownEvent")
        union = typing.Union[members]  # noqa: UP007
        self.name = next((k for k, v in module.items() if strip(v) == union and k[0].isupper()), "Event")

    def build(self, data: Mapping[str, Any], sink: Sink) -> Any:
        tag = data.get(self.tag_field)
        cls = self.by_tag.get(tag) if isinstance(tag, str) else None
        if cls is not None:
            return _plan(cls).build(data, sink)
        sink.report(DriftKind.EVENT_TYPE, self.name, str(tag), dict(data))
        if self.unknown is None:
            return dict(data)
        event = _plan(self.unknown).build(data, NULL_SINK)  # the whole event is the drift, not its keys
        event.__dict__["_data_"] = dict(data)
        return event


def _plan(cls: Any) -> Plan:
    plan = PLANS.get(cls)
    if plan is None:
        if not is_model(cls):
            raise TypeError(f"{cls!r} is not a generated response model")
        plan = PLANS[cls] = Plan(cls, _KIT)
    return plan


#: What a Plan needs of the decoder, handed to it (`_plan` never imports this module).
_KIT = types.SimpleNamespace(coercer=coercer, event_union=event_union, is_model=is_model, strip=strip, walker=walker,
                             walk_any_model=walk_any_model, walk_pairs=walk_pairs)

__all__ = ["CLEAN", "NULL_SINK", "DriftKind", "Shape", "ShapeError", "Sink", "decode_data"]
