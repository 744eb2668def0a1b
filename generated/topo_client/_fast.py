"""The fast path for a body that conforms to the spec: msgspec's native JSON decoder, one pass in C.

Copied verbatim into the generated package by `generator/models.py`; `topo_ext` tries it before the lenient walk
(`_decode`). Per model class a strict twin is worked out once: a subclass with the same fields that rejects what the
lenient walk would report or change, so that decoding into it succeeds only on a body the walk would leave as it is:

- unknown keys (also camelCase spellings of known ones): `forbid_unknown_fields`;
- a documented-required key that is missing: the twin's field has no default;
- a value of another JSON type than the spec says, an unknown event type: the typed decode raises;
- a naive datetime (the walk would read it as UTC): `Meta(tz=True)`.

An optional field left out decodes to `msgspec.UNSET` in the twin; the fix-up pass turns it into None and records
it as absent, as the walk does (`fields_set`: null and missing differ on both paths).

Open enums accept any string: an unknown value is seen by the count of them `_open_enum` keeps. Either that, or any
decode error, means "not conforming": the caller decodes the body again with the lenient walk, which reports it.
Otherwise a pass over the decoded objects gives each its real class back (the twin has the real class's layout).
Both paths give equal results (`tests/topo_ext/models/test_fast_path.py`).
"""

from __future__ import annotations

import sys
import threading
import types
import typing
from collections.abc import Callable
from datetime import datetime
from functools import cache
from operator import attrgetter
from typing import Annotated, Any

import msgspec

from ._open_enum import unknown_values_seen
from ._struct import TopoStruct

MISS: Any = object()  # the body does not conform: decode it leniently
SKIP = 7  # after a body that does not conform, the next ones of its type go straight to the lenient walk


class _Unsupported(Exception):
    """A type the fast path does not handle (then it is not used for that response type)."""


def _is_model(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, TopoStruct)


def _strict(tp: Any, complete: bool = False) -> Any:
    """`tp` with every model replaced by its strict twin and datetimes required to carry a timezone (`complete`:
    twins that require every field, see `_twin`)."""
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is Annotated:
        return Annotated[(_strict(args[0], complete), *tp.__metadata__)]  # type: ignore[valid-type]
    if origin in (typing.Union, types.UnionType):
        return typing.Union[tuple(_strict(a, complete) for a in args)]  # noqa: UP007 - built at runtime
    if origin is list:
        return list[_strict(args[0], complete)]  # type: ignore[misc]
    if origin is dict:
        return dict[args[0], _strict(args[1], complete)]  # type: ignore[misc]
    if _is_model(tp):
        return _twin(tp, complete)
    if tp is datetime:
        return Annotated[datetime, msgspec.Meta(tz=True)]
    return tp


_BUILDING: set[Any] = set()
_LOCK = threading.RLock()


@cache
def _twin(cls: Any, complete: bool = False) -> Any:
    """The strict twin of model `cls`. A `complete` twin also requires the optional fields: a body that sends every
    field (null or not) decodes into it with nothing left for the fix-up pass to look for."""
    if (cls, complete) in _BUILDING:  # a model that contains itself: not handled
        raise _Unsupported(cls.__name__)
    _BUILDING.add((cls, complete))
    try:
        hints = typing.get_type_hints(cls, include_extras=True)
        required = vars(sys.modules[cls.__module__]).get("REQUIRED", {}).get(cls.__name__, frozenset())
        namespace: dict[str, Any] = {"__annotations__": {}, "__module__": cls.__module__, "__doc__": cls.__doc__}
        for attr, wire in zip(cls.__struct_fields__, cls.__struct_encode_fields__, strict=True):
            if complete or wire in required:
                namespace["__annotations__"][attr] = _strict(hints[attr], complete)
            else:  # left out: UNSET, told apart from null by the fix-up pass
                namespace["__annotations__"][attr] = _strict(hints[attr]) | msgspec.UnsetType
                namespace[attr] = msgspec.UNSET
        config = {"forbid_unknown_fields": True, "kw_only": True}
        twin = types.new_class(cls.__name__, (cls,), config, lambda ns: ns.update(namespace))
        twin.__real__ = cls
        _FIXERS[twin] = _Fixer(twin, complete)  # now, for every class a body can hold: a decode never builds one
        return twin
    finally:
        _BUILDING.discard((cls, complete))


class _Fixer:
    """Gives decoded twins of one class their real class back, and then the objects nested in them."""

    def __init__(self, twin: Any, complete: bool) -> None:
        self.real = twin.__real__
        required = vars(sys.modules[self.real.__module__]).get("REQUIRED", {}).get(self.real.__name__, frozenset())
        # The fields that may have been left out (UNSET): none in a complete twin.
        self.optional = (
            ()
            if complete
            else tuple(
                attr
                for attr, wire in zip(self.real.__struct_fields__, self.real.__struct_encode_fields__, strict=True)
                if wire not in required
            )
        )
        # The optional fields' values as one tuple (attrgetter gives a bare value for one name, so wrap that case).
        self.values: Callable[[Any], tuple[Any, ...]] = (
            attrgetter(*self.optional)
            if len(self.optional) > 1
            else (lambda obj, get=attrgetter(*self.optional): (get(obj),))
            if self.optional
            else (lambda obj: ())
        )
        self.absent: dict[tuple[str, ...], frozenset[str]] = {}  # one shared frozenset per set of left-out fields
        hints = typing.get_type_hints(self.real)
        self.nested: list[tuple[Callable[[Any], Any], bool]] = []  # (getter, holds a list of models)
        for attr in self.real.__struct_fields__:
            inner = _plain(hints[attr])
            item = _plain(typing.get_args(inner)[0]) if typing.get_origin(inner) is list else None
            if _is_model(inner) or _is_union_of_models(inner):
                self.nested.append((attrgetter(attr), False))
            elif item is not None and (_is_model(item) or _is_union_of_models(item)):
                self.nested.append((attrgetter(attr), True))
            elif _holds_model(inner):
                raise _Unsupported(f"{self.real.__name__}.{attr}")

    def fix(self, objs: list[Any]) -> None:
        real, values, unset = self.real, self.values, msgspec.UNSET
        if not self.optional:  # a complete twin (or no optional field): nothing can be UNSET
            for obj in objs:
                obj.__class__ = real
        else:
            for obj in objs:
                obj.__class__ = real
                if unset in values(obj):  # (identity first: cheap when every field is there)
                    self._mark_absent(obj)
        for get, many in self.nested:
            values = [v for v in map(get, objs) if v is not None]
            if many:
                values = [item for items in values for item in items]
            if values:
                fix_all(values)

    def _mark_absent(self, obj: Any) -> None:
        left_out = tuple(attr for attr in self.optional if getattr(obj, attr) is msgspec.UNSET)
        for attr in left_out:
            setattr(obj, attr, None)
        absent = self.absent.get(left_out)
        if absent is None:
            absent = self.absent[left_out] = frozenset(left_out)
        obj.__dict__["_absent_"] = absent


def _plain(tp: Any) -> Any:
    """`T` from `Annotated[T, ...] | None`."""
    if typing.get_origin(tp) is Annotated:
        tp = typing.get_args(tp)[0]
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        rest = [a for a in typing.get_args(tp) if a is not type(None)]
        return _plain(rest[0]) if len(rest) == 1 else typing.Union[tuple(_plain(a) for a in rest)]  # noqa: UP007
    return tp


def _is_union_of_models(tp: Any) -> bool:
    args = typing.get_args(tp) if typing.get_origin(tp) in (typing.Union, types.UnionType) else ()
    return bool(args) and all(_is_model(a) for a in args)


def _holds_model(tp: Any) -> bool:
    return _is_model(tp) or any(_holds_model(_plain(a)) for a in typing.get_args(tp))


_FIXERS: dict[Any, _Fixer] = {}


def fix_all(objs: list[Any]) -> None:
    """Give decoded twins of any classes (e.g. events of many types) their real classes, a class at a time."""
    kinds = set(map(type, objs))
    if len(kinds) == 1:
        _FIXERS[kinds.pop()].fix(objs)
        return
    by_kind: dict[Any, list[Any]] = {kind: [] for kind in kinds}
    for obj in objs:
        by_kind[type(obj)].append(obj)
    for kind, group in by_kind.items():
        _FIXERS[kind].fix(group)


def conforming_depth(tp: Any) -> int | None:
    """The deepest nesting (objects and arrays) a body of type `tp` can have and still decode on the fast path, or
    None when a free-form value (`Any`) leaves it unbounded. The typed decode fails at the first level deeper than
    this, so a body that decodes there needs no separate depth check against a limit at least this deep."""
    return _depth(tp, frozenset())


def _depth(tp: Any, seen: frozenset[Any]) -> int | None:
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if tp is Any or tp in seen or (origin is None and tp in (list, dict, tuple, set, frozenset)):
        return None  # free-form, or a model that contains itself (no fast path then)
    if origin is Annotated:
        return _depth(args[0], seen)
    if origin in (typing.Union, types.UnionType):
        depths = [_depth(arg, seen) for arg in args]
        return None if None in depths else max(depths, default=0)  # type: ignore[type-var]
    if origin in (list, tuple, set, frozenset, dict):
        inner = _depth(args[-1], seen) if args else None  # a dict's depth is its values'
        return None if inner is None else 1 + inner
    if _is_model(tp):
        hints = typing.get_type_hints(tp, include_extras=True)
        depths = [_depth(hints[attr], seen | {tp}) for attr in tp.__struct_fields__]
        return None if None in depths else 1 + max(depths, default=0)  # type: ignore[type-var]
    return 0  # a scalar: strings, numbers, datetimes, enums, None


@cache
def _decoder(tp: Any, complete: bool = False) -> Callable[[bytes], Any] | None:
    item = typing.get_args(tp)[0] if typing.get_origin(tp) is list else tp
    if not _is_model(item):
        return None
    with _LOCK:  # one thread builds twins at a time (another's half-built one would look like a cycle)
        try:
            decoder = msgspec.json.Decoder(_strict(tp, complete))
        except (_Unsupported, TypeError):
            return None
    return decoder.decode


def fast_decoder(tp: Any) -> Callable[[bytes], Any] | None:
    """For a response of type `tp` (a model or a list of models): a function from the raw body to the decoded value,
    or `MISS` when the body does not conform. None when `tp` has no fast path. Each function keeps its own count
    of bodies to skip (one per operation)."""
    decode, complete = _decoder(tp), _decoder(tp, True)
    if decode is None or complete is None:
        return None
    many = typing.get_origin(tp) is list
    skip = partial = 0

    def fast(raw: bytes) -> Any:
        nonlocal skip, partial
        if skip:  # the last bodies did not conform (e.g. Topo added a field): do not pay for a try on each
            skip -= 1
            return MISS
        seen = unknown_values_seen()
        value = MISS
        if partial:  # the last bodies left fields out: straight to the twins that allow it
            partial -= 1
        else:
            try:
                value = complete(raw)  # every field sent: the fix-up pass has no UNSET to look for
            except msgspec.DecodeError:
                partial = SKIP
        if value is MISS:
            try:
                value = decode(raw)
            except msgspec.DecodeError:  # not conforming (or not JSON: the lenient path says which)
                value = MISS
        if value is MISS or unknown_values_seen() != seen:  # (an unknown enum value, here or in another thread)
            skip = SKIP
            return MISS
        if value:
            fix_all(value if many else [value])
        return value

    return fast


__all__ = ["MISS", "conforming_depth", "fast_decoder"]
