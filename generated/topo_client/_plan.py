"""Per model class what the lenient decoder knows, worked out once, with its two compiled walks; and the coercers
and walkers of field types, which build and walk nested models through their classes' plans.

Copied verbatim into the generated package by `generator/models.py`. `_decode` (the entry point) calls into this
module and this module only into `_shape`, below it; plans and coercers call each other, so they live together.
After `msgspec.convert` has built the typed objects in C, a walk goes over them next to the plain data: it keeps
unknown keys in `extra`, copies camelCase spellings of known keys, reads naive datetimes as UTC and reports unknown
keys, missing documented-required keys and unknown enum values to a `Sink`. Both walks are straight-line Python
generated from the class's fields:

- `walk(obj, data, sink)`: one object (a single resource, a page envelope, an item whose key set differs);
- `walk_many(objs, data, sink)`: every item of a list at once (a page's items). Items nearly always share one key
  set, so that is checked in C (`_uniform`) and the walk compiled for that key set runs one loop over the objects
  (their `extra` dicts, enum and datetime checks inline), drift tallied once with the count. Any other list is
  walked object by object.

If convert raises, `Plan.build` rebuilds the model field by field with the coercers (an odd value kept as sent).
"""

from __future__ import annotations

import sys
import typing
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from enum import Enum
from functools import cache
from operator import attrgetter
from typing import Any

import msgspec

from ._shape import CLEAN, NULL_SINK, DriftKind, Shape, ShapeError, Sink, _snake, _uniform, event_union, is_model, strip
from ._struct import TopoStruct

_MAX_SHAPES = 256
Coerce = Callable[[Any, Sink, str, str], Any]  # (value, sink, schema, field) -> value
Walker = Callable[[Any, Any, Sink], None]  # (decoded value, its plain data, sink)


class Plan:
    """Everything the decoder needs to know about one model class, computed once, and its compiled walks."""

    def __init__(self, cls: Any) -> None:
        self.cls = cls
        config = cls.__struct_config__
        hints = typing.get_type_hints(cls)
        module = vars(sys.modules[cls.__module__])
        # Drift names an inline object by its place in the spec (`Task.outcome`), as `make drift` does.
        self.name: str = module.get("DRIFT_NAMES", {}).get(cls.__name__, cls.__name__)
        self.required: frozenset[str] = module.get("REQUIRED", {}).get(cls.__name__, frozenset())
        self.fields: dict[str, tuple[str, Any]] = {}
        self.enums: list[tuple[str, frozenset[Any]]] = []
        self.enum_lists: list[tuple[str, frozenset[Any]]] = []
        self.datetimes: list[str] = []
        self.nested: list[tuple[str, str, Any]] = []
        self.columns: set[str] = set()  # nested fields holding one model (or event): walked as a list per page
        for attr, wire in zip(cls.__struct_fields__, cls.__struct_encode_fields__, strict=True):
            tp = hints[attr]
            self.fields[wire] = (attr, coercer(tp))
            inner = strip(tp)
            item = typing.get_args(inner)[0] if typing.get_origin(inner) is list else None
            if isinstance(inner, type) and issubclass(inner, Enum):
                self.enums.append((attr, frozenset(inner)))
            elif isinstance(item, type) and issubclass(item, Enum):
                self.enum_lists.append((attr, frozenset(item)))
            elif inner is datetime:
                self.datetimes.append(attr)
            elif (walk := walker(tp)) is not None:
                self.nested.append((attr, wire, walk))
                if is_model(inner) or event_union(inner) is not None:
                    self.columns.add(attr)
        self.known = frozenset(self.fields) | ({config.tag_field} if config.tag_field else set())
        self.plain = frozenset(
            wire
            for attr, wire in zip(cls.__struct_fields__, cls.__struct_encode_fields__, strict=True)
            if strip(hints[attr]) is str
        )
        self._shapes: dict[tuple[str, ...], Any] = {}
        self._env: dict[str, Any] = {
            "SHAPES": self._shapes,
            "CLEAN": CLEAN,
            "plan": self,
            "datetime": datetime,
            "UTC": UTC,
            "PLANS": PLANS,
            "walk_any": walk_any_model,
            "pairs": walk_pairs,
        }
        self._many: dict[Any, Callable[[list[Any], list[Any], Sink], None]] = {}  # per key set, as _shapes
        self.walk: Callable[..., None] = self._compile()

    def _exec(self, code: list[str], name: str, env: dict[str, Any]) -> Any:
        exec("\n".join(code), env)  # noqa: S102 - source built from the class's own field names
        return env[name]

    def _compile(self) -> Callable[..., None]:
        """The walk of one object: it runs once per decoded object, so no loops over fields, no tuple unpacking."""
        env = dict(self._env)
        # The items of a page nearly always share one key set: what it lacks or adds is worked out once per set.
        code = [
            "def walk(obj, data, sink, nested=True):",
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
            "            sink.tally(shape, data)",
            "        if shape.absent:  # null and missing differ: `fields_set`",
            "            obj.__dict__['_absent_'] = shape.absent",
        ]
        for i, (attr, members) in enumerate(self.enums):  # a value kept as sent is not a member, nor hashable
            env[f"C{i}"], env[f"E{i}"] = type(next(iter(members))), members
            code += [f"    v = obj.{attr}", f"    if type(v) is C{i} and v not in E{i}:", "        plan.enum(v, sink)"]
        for i, (attr, members) in enumerate(self.enum_lists):
            env[f"L{i}"] = members
            code += [f"    plan.enum_list(obj.{attr}, L{i}, sink)"]
        for attr in self.datetimes:  # a naive value: the API means UTC
            code += [
                f"    v = obj.{attr}",
                "    if type(v) is datetime and v.tzinfo is None:",
                f"        obj.{attr} = v.replace(tzinfo=UTC)",
            ]
        if self.nested:
            code += ["    if nested:"]
            for i, (attr, wire, walk) in enumerate(self.nested):
                env[f"W{i}"] = walk
                code += [f"        v = obj.{attr}", "        if v is not None:"]
                if walk is env["walk_any"]:  # an event payload: the call inlined, it runs once per activity
                    code += [
                        f"            d = data.get({wire!r})",
                        "            p = PLANS.get(type(v))",
                        "            if p is not None and type(d) is dict:",
                        "                p.walk(v, d, sink)",
                        "            else:",
                        "                walk_any(v, d, sink)",
                    ]
                else:
                    code += [f"            W{i}(v, data.get({wire!r}), sink)"]
        walk: Callable[..., None] = self._exec(code, "walk", env)
        return walk

    def walk_many(self, objs: list[Any], data: list[Any], sink: Sink) -> None:
        """Walk a list of objects of this class (`objs[i]` converted from `data[i]`, e.g. a page's items)."""
        first = data[0]
        if type(first) is not dict or not _uniform(data, first):  # then object by object
            walk = self.walk
            for obj, item in zip(objs, data, strict=True):
                walk(obj, item, sink)
            return
        shape = self._shapes.get(tuple(first)) or self.shape(first)
        many = self._many.get(shape)
        if many is None:
            many = self._compile_many(shape)
            if len(self._many) < _MAX_SHAPES:
                self._many[shape] = many
        many(objs, data, sink)

    def _compile_many(self, shape: Any) -> Callable[[list[Any], list[Any], Sink], None]:
        """The walk of a list whose objects all have one key set (`shape`): one loop over them, straight-line code
        per object (its `extra` dict, enum and datetime checks), drift tallied once with the count."""
        env = {**self._env, "SHAPE": shape}
        code = ["def walk_many(objs, data, sink):"]
        extra = () if shape is CLEAN else shape.extra
        if shape is not CLEAN and (extra or shape.missing):
            code += ["    sink.tally(SHAPE, data[0], len(data))"]  # first, as the single-object walk does
        body = []
        moved = shape is not CLEAN and shape.move is not None
        if moved:  # camelCase keys, copied by their coercers: a value kept as sent may be of any type
            env["MOVE"] = shape.move
            body += ["        MOVE(obj, item, sink)"]
        if shape is not CLEAN and shape.absent:  # one shared frozenset: `fields_set`
            env["ABSENT"] = shape.absent
            body += ["        obj.__dict__['_absent_'] = ABSENT"]
        if extra:  # each object its own dict: `extra` is the user's to change
            body += ["        obj.__dict__['_extra_'] = {" + ", ".join(f"{k!r}: item[{k!r}]" for k in extra) + "}"]
        for i, (attr, members) in enumerate(self.enums):  # otherwise convert made each a member or None
            env[f"C{i}"], env[f"E{i}"] = type(next(iter(members))), members
            member = f"type(v) is C{i}" if moved else "v is not None"
            body += [
                f"        v = obj.{attr}",
                f"        if {member} and v not in E{i}:",
                "            plan.enum(v, sink)",
            ]
        for i, (attr, members) in enumerate(self.enum_lists):
            env[f"L{i}"] = members
            body += [f"        plan.enum_list(obj.{attr}, L{i}, sink)"]
        known = "type(v) is datetime" if moved else "v is not None"
        for attr in self.datetimes:  # a naive value: the API means UTC
            body += [
                f"        v = obj.{attr}",
                f"        if {known} and v.tzinfo is None:",
                f"            obj.{attr} = v.replace(tzinfo=UTC)",
            ]
        if body:
            code += ["    for obj, item in zip(objs, data):" if extra or moved else "    for obj in objs:", *body]
        for i, (attr, wire, walk) in enumerate(self.nested):
            env[f"N{i}"], env[f"W{i}"] = attrgetter(attr), walk
            if attr in self.columns:  # models (events) of one class are walked together, as a list of their own
                code += [f"    pairs(list(map(N{i}, objs)), [item.get({wire!r}) for item in data], sink)"]
            else:
                code += [
                    f"    for v, item in zip(map(N{i}, objs), data):",
                    "        if v is not None:",
                    f"            W{i}(v, item.get({wire!r}), sink)",
                ]
        walk_many: Callable[[list[Any], list[Any], Sink], None] = self._exec(
            [*code, "    return None"], "walk_many", env
        )
        return walk_many

    def build(self, data: Any, sink: Sink) -> Any:
        """`data` as this class: one convert in C and the walk; if that fails, field by field (odd values kept)."""
        if type(data) is not dict:
            if not isinstance(data, Mapping):
                raise ShapeError(f"expected a {self.name} object, got {type(data).__name__}")
            data = dict(data)
        try:
            obj = msgspec.convert(data, self.cls, str_keys=True)
        except msgspec.ValidationError:
            obj = self.cls(
                **{
                    self.fields[k][0]: self.fields[k][1](v, sink, self.name, k)
                    for k, v in data.items()
                    if k in self.fields
                }
            )
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
                code += [
                    f"    v = data[{key!r}]",
                    f"    obj.{attr} = v if type(v) is str else C{i}(v, sink, NAME, {field!r})",
                ]
            else:
                code += [f"    obj.{attr} = C{i}(data[{key!r}], sink, NAME, {field!r})"]
        move: Callable[[Any, dict[str, Any], Sink], None] = self._exec(code, "move", env)
        return move

    def shape(self, data: dict[str, Any]) -> Any:
        """The Shape of `data`'s key set (or CLEAN), cached per key set."""
        keys = tuple(data)
        shape = self._shapes.get(keys)
        if shape is not None:
            return shape
        renames = tuple(
            (key, _snake(key))
            for key in keys
            if key not in self.known and _snake(key) != key and _snake(key) in self.fields and _snake(key) not in data
        )
        renamed = {key for key, _ in renames}
        extra = tuple(key for key in keys if key not in self.known and key not in renamed)
        present = data.keys() | {field for _, field in renames}
        missing = tuple(sorted(self.required - present))
        absent = frozenset(attr for wire, (attr, _) in self.fields.items() if wire not in present)
        shape = Shape(self.name, extra, missing, renames, absent) if extra or missing or renames or absent else CLEAN
        if renames:
            shape.move = self._compile_move(renames)
        if len(self._shapes) < _MAX_SHAPES:  # bounded: an API sending ever-new keys must not grow memory
            self._shapes[keys] = shape
        return shape

    def enum(self, value: Any, sink: Sink) -> None:
        if isinstance(value, Enum):  # an open enum's unknown value (a raw odd value was reported as a type)
            sink.report(DriftKind.ENUM, type(value).__name__, str(value), str(value))

    def enum_list(self, values: Any, members: frozenset[Any], sink: Sink) -> None:
        if type(values) is list:
            for value in values:
                if isinstance(value, Enum) and value not in members:  # not an odd value kept as sent
                    self.enum(value, sink)


PLANS: dict[Any, Plan] = {}


def plan_for(cls: Any) -> Plan:
    """The plan of a generated model class, made on first use."""
    plan = PLANS.get(cls)
    if plan is None:
        if not is_model(cls):
            raise TypeError(f"{cls!r} is not a generated response model")
        plan = PLANS[cls] = Plan(cls)
    return plan


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
                return plan_for(inner).build(value, sink)
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
                plan_for(type(value)).walk(value, data, sink)

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
                    plan_for(cls).walk_many(values, data, sink)

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
        plan = PLANS.get(type(value)) or plan_for(type(value))
        plan.walk(value, data, sink)


def walk_pairs(values: list[Any], data: list[Any], sink: Sink) -> None:
    """Walk each model (or event) in `values` next to its data: together when they are all of one class."""
    kinds = set(map(type, values))
    if len(kinds) == 1 and is_model(cls := next(iter(kinds))) and set(map(type, data)) == {dict}:
        plan_for(cls).walk_many(values, data, sink)  # e.g. a nested model on every item of a page
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
            return plan_for(cls).build(data, sink)
        sink.report(DriftKind.EVENT_TYPE, self.name, str(tag), dict(data))
        if self.unknown is None:
            return dict(data)
        event = plan_for(self.unknown).build(data, NULL_SINK)  # the whole event is the drift, not its keys
        event.__dict__["_data_"] = dict(data)
        return event
