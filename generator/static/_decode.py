"""Lenient decoding into the generated response models: every response decodes, nothing the API sends is lost.

Copied verbatim into the generated package by `generator/generate.py`. Per model class a plan is compiled once:

1. `msgspec.convert(data, Model)` builds the typed object in C (every field is optional, unknown keys ignored);
2. a walk over the plain data, in Python, keeps unknown keys in `extra`, accepts camelCase spellings of known keys,
   reads naive datetimes as UTC, and reports unknown keys, missing documented-required keys and unknown enum
   values to a `Sink` (topo_ext's per-client drift record; in strict mode the sink raises);
3. if convert raises (a value of an unexpected JSON type somewhere), the model is rebuilt field by field: nested
   models and list items one at a time, an odd value kept as sent and reported. One bad item never loses the
   others. Only data of the wrong kind where a model is expected at the top raises (`ShapeError`).

An event whose `type` is not in the tagged union becomes `UnknownEvent`, with the fields every event shares.
"""

from __future__ import annotations

import re
import sys
import types
import typing
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from enum import Enum
from functools import cache
from typing import Any, Protocol, TypeVar

import msgspec

from ._struct import TopoStruct

T = TypeVar("T")


class Sink(Protocol):
    """Where the walk reports what the spec does not describe (kinds: field, missing, enum, event_type, type)."""

    def report(self, kind: str, schema: str, name: str, example: Any) -> None: ...

    def tally(self, shape: Shape, data: dict[str, Any]) -> None:
        """One more object with this key set (its unknown and missing keys); `data` is an example of it."""


class Shape:
    """What one key set of a model's objects adds (`extra`), lacks (`missing`) and spells in camelCase (`renames`:
    (wire key, field) pairs), worked out once per key set."""

    __slots__ = ("extra", "missing", "move", "renames", "schema")

    def __init__(self, schema: str, extra: tuple[str, ...], missing: tuple[str, ...],
                 renames: tuple[tuple[str, str], ...]) -> None:
        self.schema, self.extra, self.missing, self.renames = schema, extra, missing, renames
        self.move: Callable[[Any, dict[str, Any], Sink], None] | None = None  # set by the plan when renames

    def reports(self, data: dict[str, Any]) -> list[tuple[str, str, str, Any]]:
        """(kind, schema, name, example) for each difference, the example taken from `data`."""
        return ([("field", self.schema, key, data.get(key)) for key in self.extra]
                + [("missing", self.schema, key, None) for key in self.missing])


class _NullSink:
    def report(self, kind: str, schema: str, name: str, example: Any) -> None:
        return None

    def tally(self, shape: Shape, data: dict[str, Any]) -> None:
        return None


NULL_SINK: Sink = _NullSink()


class ShapeError(ValueError):
    """The data is of the wrong kind entirely (e.g. a list where a model's object is expected)."""


def decode_data(tp: type[T], data: Any, sink: Sink = NULL_SINK) -> T:
    """Build `tp` (a model, or a list of models) from plain data (what `json.loads` returns) leniently."""
    if _is_model(tp):
        model: T = _plan(tp).build(data, sink)
        return model
    if typing.get_origin(tp) is list and not isinstance(data, list):
        raise ShapeError(f"expected a list, got {type(data).__name__}")
    if _event_union(_strip(tp)) is not None and not isinstance(data, Mapping):
        raise ShapeError(f"expected an event object, got {type(data).__name__}")
    item = typing.get_args(tp)[0] if typing.get_origin(tp) is list else tp
    if _is_model(item):  # a bare array of models: one convert for all, item by item only if that fails
        walker = _walker(tp)
        try:
            values: T = msgspec.convert(data, tp)
        except msgspec.ValidationError:
            pass
        else:
            if walker is not None:
                walker(values, data, sink)
            return values
    value: T = _coercer(tp)(data, sink, getattr(item, "__name__", "$"), "$item")
    return value


_CAMEL = re.compile(r"(?<=[a-z0-9])([A-Z])")


@cache
def _snake(key: str) -> str:
    return _CAMEL.sub(r"_\1", key).lower()


def _strip(tp: Any) -> Any:
    """`T` from `Annotated[T, ...] | None`."""
    if typing.get_origin(tp) is typing.Annotated:
        tp = typing.get_args(tp)[0]
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        rest = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(rest) == 1:
            return _strip(rest[0])
        return typing.Union[tuple(_strip(a) for a in rest)]  # noqa: UP007 - built at runtime
    return tp


def _is_model(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, TopoStruct)


def _event_union(tp: Any) -> tuple[Any, ...] | None:
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        members = typing.get_args(tp)
        if members and all(_is_model(m) and isinstance(m.__struct_config__.tag, str) for m in members):
            return members
    return None


Coerce = Callable[[Any, Sink, str, str], Any]  # (value, sink, schema, field) -> value
Walker = Callable[[Any, Any, Sink], None]  # (decoded value, its plain data, sink)


def _keep(value: Any, sink: Sink, schema: str, field: str) -> Any:
    sink.report("type", schema, field, value)
    return value


@cache
def _coercer(tp: Any) -> Coerce:
    """Turn plain data into a field's type, keeping (and reporting) a value that does not fit."""
    inner = _strip(tp)
    if _is_model(inner):
        def model(value: Any, sink: Sink, schema: str, field: str) -> Any:
            if isinstance(value, Mapping):
                return _plan(inner).build(value, sink)
            return value if value is None else _keep(value, sink, schema, field)
        return model
    if (members := _event_union(inner)) is not None:
        union = _Union(members)
        def event(value: Any, sink: Sink, schema: str, field: str) -> Any:
            if isinstance(value, Mapping):
                return union.build(value, sink)
            return value if value is None else _keep(value, sink, schema, field)
        return event
    origin = typing.get_origin(inner)
    if origin is list:
        item = _coercer(typing.get_args(inner)[0])
        def many(value: Any, sink: Sink, schema: str, field: str) -> Any:
            if isinstance(value, list):
                return [item(v, sink, schema, field) for v in value]
            return value if value is None else _keep(value, sink, schema, field)
        return many
    if origin is dict:
        item = _coercer(typing.get_args(inner)[1])
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


def _walker(tp: Any) -> Walker | None:
    """Walk a decoded value of type `tp` next to its plain data (None when nothing below can hold drift)."""
    inner = _strip(tp)
    if _is_model(inner):
        def model(value: Any, data: Any, sink: Sink) -> None:
            if type(data) is dict and isinstance(value, TopoStruct):
                _plan(type(value)).walk(value, data, sink)
        return model
    if _event_union(inner) is not None:
        return _walk_any_model
    origin = typing.get_origin(inner)
    if origin is list:
        item_type = _strip(typing.get_args(inner)[0])
        if _is_model(item_type):  # the hot loop of every page: one class, its walk called directly
            cls = item_type

            def models(values: Any, data: Any, sink: Sink) -> None:
                if type(values) is list and type(data) is list:
                    walk = _plan(cls).walk
                    for value, item in zip(values, data, strict=False):
                        if type(value) is cls and type(item) is dict:
                            walk(value, item, sink)
                        else:
                            _walk_any_model(value, item, sink)
            return models
        item = _walker(item_type)
        if item is None:
            return None

        def many(values: Any, data: Any, sink: Sink) -> None:
            if type(values) is list and type(data) is list:
                for value, entry in zip(values, data, strict=False):
                    item(value, entry, sink)
        return many
    if origin is dict:
        item = _walker(typing.get_args(inner)[1])
        if item is None:
            return None

        def mapping(values: Any, data: Any, sink: Sink) -> None:
            if type(values) is dict and type(data) is dict:
                for key, value in values.items():
                    item(value, data.get(key), sink)
        return mapping
    return None


def _walk_any_model(value: Any, data: Any, sink: Sink) -> None:
    if type(data) is dict and isinstance(value, TopoStruct):
        plan = _PLANS.get(type(value)) or _plan(type(value))
        plan.walk(value, data, sink)


class _Union:
    """A tagged union of event models; an unknown tag becomes the module's `UnknownEvent`."""

    def __init__(self, members: tuple[Any, ...]) -> None:
        self.tag_field = members[0].__struct_config__.tag_field
        self.by_tag = {m.__struct_config__.tag: m for m in members}
        module = vars(sys.modules[members[0].__module__])
        self.unknown = module.get("UnknownEvent")
        union = typing.Union[members]  # noqa: UP007
        self.name = next((k for k, v in module.items() if _strip(v) == union and k[0].isupper()), "Event")

    def build(self, data: Mapping[str, Any], sink: Sink) -> Any:
        tag = data.get(self.tag_field)
        cls = self.by_tag.get(tag) if isinstance(tag, str) else None
        if cls is not None:
            return _plan(cls).build(data, sink)
        sink.report("event_type", self.name, str(tag), dict(data))
        if self.unknown is None:
            return dict(data)
        event = _plan(self.unknown).build(data, NULL_SINK)  # the whole event is the drift, not its keys
        event.__dict__["_data_"] = dict(data)
        return event


_CLEAN = object()  # a key set with nothing unknown and nothing missing
_MAX_SHAPES = 256


class _Plan:
    """Everything the decoder needs to know about one model class, computed once, and its compiled walk."""

    def __init__(self, cls: Any) -> None:
        self.cls = cls
        config = cls.__struct_config__
        hints = typing.get_type_hints(cls)
        module = vars(sys.modules[cls.__module__])
        # Drift names an inline object by its place in the spec (`Task.outcome`), as `make drift` does.
        self.name: str = module.get("DRIFT_NAMES", {}).get(cls.__name__, cls.__name__)
        self.required: frozenset[str] = module.get("REQUIRED", {}).get(cls.__name__, frozenset())
        self.fields: dict[str, tuple[str, Coerce]] = {}
        self.enums: list[tuple[str, frozenset[Any]]] = []
        self.enum_lists: list[tuple[str, frozenset[Any]]] = []
        self.datetimes: list[str] = []
        self.nested: list[tuple[str, str, Walker]] = []
        for attr, wire in zip(cls.__struct_fields__, cls.__struct_encode_fields__, strict=True):
            tp = hints[attr]
            self.fields[wire] = (attr, _coercer(tp))
            inner = _strip(tp)
            item = typing.get_args(inner)[0] if typing.get_origin(inner) is list else None
            if isinstance(inner, type) and issubclass(inner, Enum):
                self.enums.append((attr, frozenset(inner)))
            elif isinstance(item, type) and issubclass(item, Enum):
                self.enum_lists.append((attr, frozenset(item)))
            elif inner is datetime:
                self.datetimes.append(attr)
            elif (walker := _walker(tp)) is not None:
                self.nested.append((attr, wire, walker))
        self.known = frozenset(self.fields) | ({config.tag_field} if config.tag_field else set())
        self.plain = frozenset(wire for attr, wire in zip(cls.__struct_fields__, cls.__struct_encode_fields__,
                                                          strict=True) if _strip(hints[attr]) is str)
        self._shapes: dict[tuple[str, ...], Any] = {}
        self.walk: Callable[..., None] = self._compile()

    def _compile(self) -> Callable[..., None]:
        """The walk of this class as straight-line Python (no loops over fields, no tuple unpacking per item):
        it runs once per decoded object, so it is the cost a page pays on top of msgspec."""
        env: dict[str, Any] = {"SHAPES": self._shapes, "CLEAN": _CLEAN, "plan": self, "datetime": datetime,
                               "UTC": UTC, "NAME": self.name, "PLANS": _PLANS, "walk_any": _walk_any_model}
        # The items of a page nearly always share one key set: what it lacks or adds is worked out once per set.
        code = ["def walk(obj, data, sink, nested=True):",
                "    shape = SHAPES.get(tuple(data))",
                "    if shape is None:",
                "        shape = plan.shape(data)",
                "    if shape is not CLEAN:",
                "        if shape.move is not None:  # camelCase keys",
                "            shape.move(obj, data, sink)",
                "        extra = shape.extra",
                "        if len(extra) == 1:",
                "            obj.__dict__['_extra_'] = {extra[0]: data[extra[0]]}",
                "        elif extra:",
                "            obj.__dict__['_extra_'] = {key: data[key] for key in extra}",
                "        if extra or shape.missing:",
                "            sink.tally(shape, data)"]
        for i, (attr, members) in enumerate(self.enums):
            env[f"E{i}"] = members
            code += [f"    v = obj.{attr}", f"    if v is not None and v not in E{i}:", "        plan.enum(v, sink)"]
        for i, (attr, members) in enumerate(self.enum_lists):
            env[f"L{i}"] = members
            code += [f"    plan.enum_list(obj.{attr}, L{i}, sink)"]
        for attr in self.datetimes:  # a naive value: the API means UTC
            code += [f"    v = obj.{attr}", "    if type(v) is datetime and v.tzinfo is None:",
                     f"        obj.{attr} = v.replace(tzinfo=UTC)"]
        if self.nested:
            code += ["    if nested:"]
            for i, (attr, wire, walker) in enumerate(self.nested):
                env[f"W{i}"] = walker
                code += [f"        v = obj.{attr}", "        if v is not None:"]
                if walker is _walk_any_model:  # an event payload: the call inlined, it runs once per activity
                    code += [f"            d = data.get({wire!r})", "            p = PLANS.get(type(v))",
                             "            if p is not None and type(d) is dict:", "                p.walk(v, d, sink)",
                             "            else:", "                walk_any(v, d, sink)"]
                else:
                    code += [f"            W{i}(v, data.get({wire!r}), sink)"]
        exec("\n".join(code), env)  # noqa: S102 - source built above from the class's own field names
        walk: Callable[..., None] = env["walk"]
        return walk

    def build(self, data: Any, sink: Sink) -> Any:
        if type(data) is not dict:
            if not isinstance(data, Mapping):
                raise ShapeError(f"expected a {self.name} object, got {type(data).__name__}")
            data = dict(data)
        try:
            obj = msgspec.convert(data, self.cls, str_keys=True)
        except msgspec.ValidationError:
            obj = self.cls(**{self.fields[k][0]: self.fields[k][1](v, sink, self.name, k)
                              for k, v in data.items() if k in self.fields})
            self.walk(obj, data, sink, False)  # the coercers built and walked the nested models
            return obj
        self.walk(obj, data, sink)
        return obj

    def _compile_move(self, renames: tuple[tuple[str, str], ...]) -> Callable[[Any, dict[str, Any], Sink], None]:
        """Copy the camelCase keys of one key set into their fields, as straight-line code (ids as they are)."""
        env: dict[str, Any] = {"NAME": self.name}
        code = ["def move(obj, data, sink):"]
        for i, (key, field) in enumerate(renames):
            attr, env[f"C{i}"] = self.fields[field]
            if field in self.plain:
                code += [f"    v = data[{key!r}]",
                         f"    obj.{attr} = v if type(v) is str else C{i}(v, sink, NAME, {field!r})"]
            else:
                code += [f"    obj.{attr} = C{i}(data[{key!r}], sink, NAME, {field!r})"]
        exec("\n".join(code), env)  # noqa: S102 - source built above from the class's own field names
        move: Callable[[Any, dict[str, Any], Sink], None] = env["move"]
        return move

    def shape(self, data: dict[str, Any]) -> Any:
        """The Shape of `data`'s key set (or _CLEAN), cached per key set."""
        keys = tuple(data)
        shape = self._shapes.get(keys)
        if shape is not None:
            return shape
        renames = tuple((key, _snake(key)) for key in keys if key not in self.known
                        and _snake(key) != key and _snake(key) in self.fields and _snake(key) not in data)
        renamed = {key for key, _ in renames}
        extra = tuple(key for key in keys if key not in self.known and key not in renamed)
        missing = tuple(sorted(self.required - data.keys() - {field for _, field in renames}))
        shape = Shape(self.name, extra, missing, renames) if extra or missing or renames else _CLEAN
        if renames:
            shape.move = self._compile_move(renames)
        if len(self._shapes) < _MAX_SHAPES:  # bounded: an API sending ever-new keys must not grow memory
            self._shapes[keys] = shape
        return shape

    def enum(self, value: Any, sink: Sink) -> None:
        if isinstance(value, Enum):  # an open enum's unknown value (a raw odd value was reported as a type)
            sink.report("enum", type(value).__name__, str(value), str(value))

    def enum_list(self, values: Any, members: frozenset[Any], sink: Sink) -> None:
        if type(values) is list:
            for value in values:
                if value not in members:
                    self.enum(value, sink)


_PLANS: dict[Any, _Plan] = {}


def _plan(cls: Any) -> _Plan:
    plan = _PLANS.get(cls)
    if plan is None:
        if not _is_model(cls):
            raise TypeError(f"{cls!r} is not a generated response model")
        plan = _PLANS[cls] = _Plan(cls)
    return plan
