"""Operations: a generated request builder plus a decoder, with argument checking driven by its type hints and the spec.

An `Operation` is the description of one API call that both clients execute: `Topo` sends it with httpx's sync
client, `AsyncTopo` with the async one. Arguments are checked before anything is sent, so bad input fails with a
`TypeError`/`ValueError` that names the argument.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
import uuid
from collections import abc
from collections.abc import Callable, Iterable, Mapping
from enum import Enum
from functools import cached_property
from typing import Any, Generic, ParamSpec, TypeVar

from topo_client.types import UNSET, Unset

from ._models import DecodeOptions, decoder
from ._spec import OperationSpec, operations
from ._spec import ParamSpec as SpecParam

P = ParamSpec("P")
T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)

def _to_jsonable(value: Any) -> Any:
    """Plain data for `Model.from_dict`: datetimes, UUIDs and enums become the strings the API uses."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.datetime):
        _require_aware("body", value)
        return value.isoformat()
    if isinstance(value, dt.date | uuid.UUID):
        return value.isoformat() if isinstance(value, dt.date) else str(value)
    if isinstance(value, Mapping):
        return {k: _to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_to_jsonable(v) for v in value]
    if hasattr(value, "to_dict"):
        return value.to_dict()
    return value


def _require_aware(name: str, value: dt.datetime) -> None:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name}: naive datetime {value.isoformat()!r}; pass a timezone-aware datetime (e.g. UTC)")


def _members(hint: Any) -> tuple[Any, ...]:
    return typing.get_args(hint) if typing.get_origin(hint) in (typing.Union, types.UnionType) else (hint,)


def _describe(value: Any) -> str:
    text = repr(value)
    return f"{type(value).__name__} {text[:60]}"


class ArgumentChecker:
    """Checks and coerces one argument against its type hint and its spec schema."""

    def __init__(self, name: str, hint: Any, spec: SpecParam | None, max_items: int | None = None) -> None:
        self.name = name
        self.hint = hint
        self.spec_schema = spec.schema if spec else {}
        self.required = spec.required if spec else False
        self.max_items = max_items
        self.allows_none = type(None) in _members(hint)

    def __call__(self, value: Any) -> Any:
        if value is UNSET or isinstance(value, Unset):
            return value
        if value is None:
            if self.allows_none:
                return None
            if not self.required:
                return UNSET  # None means "not set" for an optional argument
            raise TypeError(f"{self.name}: is required and cannot be None")
        return self._coerce(self.hint, value, self.name, self.spec_schema)

    def _union(self, members: list[Any], value: Any, name: str, schema: dict[str, Any]) -> Any:
        if any(hasattr(m, "from_dict") for m in members):
            # The model accepts mappings itself (and names the missing field); a bare Mapping would not check.
            members = [m for m in members if typing.get_origin(m) is not abc.Mapping]
        errors: list[Exception] = []
        for member in members:  # declaration order: UUID or an enum is tried before `str`
            try:
                return self._coerce(member, value, name, schema)
            except TypeError as exc:
                errors.append(exc)
            # A ValueError (right type, bad content, e.g. a malformed UUID string) is final: the `str` spelling
            # of a UUID must not let it through.
        if len(errors) == 1:
            raise TypeError(str(errors[0]))
        expected = " or ".join(getattr(m, "__name__", str(m)) for m in members)
        raise TypeError(f"{name}: got {_describe(value)}; expected {expected}")

    def _coerce(self, hint: Any, value: Any, name: str, schema: dict[str, Any]) -> Any:
        origin = typing.get_origin(hint)
        if origin in (typing.Union, types.UnionType):
            members = [m for m in _members(hint) if m not in (Unset, type(None))]
            return members and self._union(members, value, name, schema)
        if origin is list:
            (item_hint,) = typing.get_args(hint) or (Any,)
            if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
                raise TypeError(f"{name}: got {_describe(value)}; expected a list")
            items = list(value)
            limit = schema.get("maxItems", self.max_items)
            if limit is not None and len(items) > limit:
                raise ValueError(f"{name}: {len(items)} items; at most {limit} are allowed per request")
            if schema.get("minItems") and len(items) < schema["minItems"]:
                raise ValueError(f"{name}: must have at least {schema['minItems']} item(s)")
            inner = schema.get("items", {})
            return [self._coerce(item_hint, v, f"{name}[{i}]", inner) for i, v in enumerate(items)]
        if hint is Any:
            return value
        if hint is bool:
            if not isinstance(value, bool):
                raise TypeError(f"{name}: got {_describe(value)}; expected bool")
            return value
        if hint is int:
            if isinstance(value, bool) or not isinstance(value, int):
                raise TypeError(f"{name}: got {_describe(value)}; expected int")
            low, high = schema.get("minimum"), schema.get("maximum")
            if (low is not None and value < low) or (high is not None and value > high):
                bounds = f"between {low} and {high}" if low is not None and high is not None else (
                    f">= {low}" if low is not None else f"<= {high}")
                raise ValueError(f"{name}: {value} is out of range; must be {bounds}")
            return value
        if hint is float:
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise TypeError(f"{name}: got {_describe(value)}; expected a number")
            return value
        if hint is str:
            if not isinstance(value, str):
                raise TypeError(f"{name}: got {_describe(value)}; expected str")
            return value
        if hint is uuid.UUID:
            if isinstance(value, uuid.UUID):
                return value
            if isinstance(value, str):
                try:
                    return uuid.UUID(value)
                except ValueError:
                    raise ValueError(f"{name}: {value!r} is not a valid UUID") from None
            raise TypeError(f"{name}: got {_describe(value)}; expected a UUID or its string form")
        if hint is dt.datetime:
            if isinstance(value, str):
                try:
                    value = dt.datetime.fromisoformat(value)
                except ValueError:
                    raise ValueError(f"{name}: {value!r} is not a valid ISO 8601 date-time") from None
            if not isinstance(value, dt.datetime):
                raise TypeError(f"{name}: got {_describe(value)}; expected a timezone-aware datetime")
            _require_aware(name, value)
            return value
        if hint is dt.date:
            if isinstance(value, str):
                try:
                    return dt.date.fromisoformat(value)
                except ValueError:
                    raise ValueError(f"{name}: {value!r} is not a valid ISO 8601 date") from None
            if not isinstance(value, dt.date):
                raise TypeError(f"{name}: got {_describe(value)}; expected a date")
            return value
        if isinstance(hint, type) and issubclass(hint, Enum):
            if isinstance(value, hint):
                return value
            if isinstance(value, str):
                return hint(value)  # open enums: case-insensitive, unknown values allowed (the API may know them)
            raise TypeError(f"{name}: got {_describe(value)}; expected {hint.__name__} or str")
        if isinstance(hint, type) and hasattr(hint, "from_dict"):
            if isinstance(value, hint):
                return value
            if isinstance(value, Mapping):
                try:
                    return hint.from_dict(_to_jsonable(value))
                except KeyError as exc:
                    raise TypeError(f"{name}: missing required field {exc.args[0]!r} for {hint.__name__}") from None
                except (AttributeError, TypeError, ValueError) as exc:
                    raise ValueError(f"{name}: invalid {hint.__name__}: {exc}") from None
            raise TypeError(f"{name}: got {_describe(value)}; expected {hint.__name__} or a mapping")
        if isinstance(hint, type):
            if not isinstance(value, hint):
                raise TypeError(f"{name}: got {_describe(value)}; expected {hint.__name__}")
            return value
        return value


class Operation(Generic[P, T_co]):
    """One API call: `build` (generated) turns arguments into request keywords; `decode` turns the body into `T`,
    the generated response model `model` (leniently; see topo_ext._models)."""

    def __init__(self, build: Callable[P, dict[str, Any]], model: type[T_co] | None) -> None:
        self.build = build
        self.model = model
        self._decode = decoder(model)

    def decode(self, raw: bytes, options: DecodeOptions | None = None) -> T_co:
        """The success body as the response model; drift goes to `options.record` (raises in strict mode)."""
        return self._decode(raw, options or DecodeOptions())

    def __repr__(self) -> str:
        return f"Operation({self.spec.operation_id})"

    @cached_property
    def spec(self) -> OperationSpec:
        op_id = self.build.__module__.rsplit(".", 1)[-1]
        return operations()[op_id]

    @cached_property
    def _checkers(self) -> dict[str, ArgumentChecker]:
        hints = typing.get_type_hints(self.build)
        hints.pop("return", None)
        body_max = None
        if self.spec.body_schema is not None:
            body_max = self.spec.batch_max_items
        return {
            name: ArgumentChecker(name, hint, self.spec.params.get(name), body_max if name == "body" else None)
            for name, hint in hints.items()
        }

    @cached_property
    def _positional(self) -> list[str]:
        import inspect

        return [
            p.name
            for p in inspect.signature(self.build).parameters.values()
            if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
        ]

    def request_kwargs(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> dict[str, Any]:
        """Check the arguments and return httpx request keywords (method, url, params, json, headers)."""
        if len(args) > len(self._positional):
            raise TypeError(
                f"{self.spec.operation_id}() takes {len(self._positional)} positional argument(s) "
                f"({', '.join(self._positional) or 'none'}); pass the others by keyword"
            )
        named = dict(zip(self._positional, args, strict=False))
        for key in kwargs:
            if key in named:
                raise TypeError(f"{self.spec.operation_id}() got multiple values for argument {key!r}")
        named.update(kwargs)
        unknown = [k for k in named if k not in self._checkers]
        if unknown:
            raise TypeError(
                f"{self.spec.operation_id}() got unexpected argument(s) {', '.join(map(repr, unknown))}; "
                f"accepted: {', '.join(self._checkers)}"
            )
        missing = [n for n in self._positional if n not in named]
        if missing:
            raise TypeError(f"{self.spec.operation_id}() missing required argument(s) {', '.join(missing)}")
        checked = {name: self._checkers[name](value) for name, value in named.items()}
        limit = self.spec.batch_max_items
        items = getattr(checked.get("body"), "items", None)
        if limit is not None and isinstance(items, list) and len(items) > limit:
            raise ValueError(
                f"body.items: {len(items)} items; at most {limit} are allowed per request "
                "(the resource's create() accepts any number and sends them in chunks)"
            )
        if "body" in self._checkers and isinstance(checked.get("body", UNSET), Unset) and "body" in self._positional:
            raise TypeError(f"{self.spec.operation_id}() missing required argument 'body'")
        build: Callable[..., dict[str, Any]] = self.build
        return build(**checked)
