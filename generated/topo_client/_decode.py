"""Lenient decoding into the generated response models: every response decodes, nothing the API sends is lost.

Copied verbatim into the generated package by `generator/models.py`. This module is the entry point, on top: it
calls into `_plan` (per model class a `Plan`, worked out once, and the coercers and walkers of field types), which
calls only into `_shape` (what the layers share); no call goes back up. Decoding a model:

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

import typing
from collections.abc import Callable, Mapping
from functools import cache
from typing import Any, TypeVar

import msgspec

from ._plan import Walker, coercer, plan_for, walker
from ._shape import CLEAN, NULL_SINK, DriftKind, Shape, ShapeError, Sink, event_union, is_model, strip
from ._shape import _snake as _snake  # `make drift` names camelCase keys by the same rule, imported from here

T = TypeVar("T")


def decode_data(tp: type[T], data: Any, sink: Sink = NULL_SINK) -> T:
    """Build `tp` (a model, or a list of models) from plain data (what `json.loads` returns) leniently."""
    if is_model(tp):
        model: T = plan_for(tp).build(data, sink)
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


__all__ = [
    "CLEAN",
    "NULL_SINK",
    "DriftKind",
    "Shape",
    "ShapeError",
    "Sink",
    "decode_data",
    "event_union",
    "is_model",
    "strip",
]
