"""The bottom of the lenient decoder: what its layers share, calling nothing above it.

Copied verbatim into the generated package by `generator/models.py`. The decoder is three modules, each calling only
downwards: `_decode` (the entry point, `decode_data`) -> `_plan` (per model class a `Plan` and its compiled walks,
the coercers and walkers of field types, which build and walk nested models through their plans) -> this module:

- what the walks report, and to what: `DriftKind`, the `Sink` protocol, `NULL_SINK`, and a key set's `Shape`
  (`CLEAN`: nothing to report), camelCase keys named by `_snake`, a list's items of one key set (`_uniform`);
- `ShapeError`, for data of the wrong kind entirely;
- what the generated type hints say: `strip`, `is_model`, `event_union`.
"""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Callable
from enum import StrEnum
from functools import cache
from typing import Any, Protocol

from ._struct import TopoStruct


class DriftKind(StrEnum):
    """What the decoder reports to a `Sink`, and `make drift` finds in captures: one set for the client and the tool."""

    FIELD = "field"  # a key the spec does not describe
    MISSING = "missing"  # a documented-required key left out
    ENUM = "enum"  # an enum value the spec does not list
    EVENT_TYPE = "event_type"  # an event type the spec does not list
    TYPE = "type"  # a known field whose value has another JSON type


class Sink(Protocol):
    """Where the walk reports what the spec does not describe (`kind`: a `DriftKind`)."""

    def report(self, kind: str, schema: str, name: str, example: Any) -> None: ...

    def tally(self, shape: Shape, data: dict[str, Any], count: int = 1) -> None:
        """`count` more objects with this key set (its unknown and missing keys); `data` is an example of it."""


class _NullSink:
    def report(self, kind: str, schema: str, name: str, example: Any) -> None:
        return None

    def tally(self, shape: Shape, data: dict[str, Any], count: int = 1) -> None:
        return None


NULL_SINK: Sink = _NullSink()


class Shape:
    """What one key set of a model's objects adds (`extra`), lacks (`missing`: required keys; `absent`: the
    attributes of every field it lacks) and spells in camelCase (`renames`: (wire key, field) pairs), worked out
    once per key set."""

    __slots__ = ("absent", "extra", "missing", "move", "renames", "schema")

    def __init__(self, schema: str, extra: tuple[str, ...], missing: tuple[str, ...],
                 renames: tuple[tuple[str, str], ...], absent: frozenset[str] = frozenset()) -> None:
        self.schema, self.extra, self.missing, self.renames, self.absent = schema, extra, missing, renames, absent
        self.move: Callable[[Any, dict[str, Any], Sink], None] | None = None  # set by the plan when renames

    def reports(self, data: dict[str, Any]) -> list[tuple[str, str, str, Any]]:
        """(kind, schema, name, example) for each difference, the example taken from `data`."""
        return ([(DriftKind.FIELD, self.schema, key, data.get(key)) for key in self.extra]
                + [(DriftKind.MISSING, self.schema, key, None) for key in self.missing])


class ShapeError(ValueError):
    """The data is of the wrong kind entirely (e.g. a list where a model's object is expected)."""


_CAMEL = re.compile(r"(?<=[a-z0-9])([A-Z])")
CLEAN = object()  # a key set with every field, nothing unknown, no camelCase


@cache
def _snake(key: str) -> str:
    """The snake_case field a camelCase key names (the API's own spelling rule; shared with `make drift`)."""
    return _CAMEL.sub(r"_\1", key).lower()


def _uniform(data: list[Any], first: dict[str, Any]) -> bool:
    """Whether every item of `data` is a dict with exactly `first`'s keys (in any order): two passes in C."""
    size = len(first)
    try:  # each has as many keys as `first`, and together they have no other key
        return set(map(len, data)) == {size} and len(set(first).union(*data)) == size
    except TypeError:  # an item is not a mapping
        return False


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
