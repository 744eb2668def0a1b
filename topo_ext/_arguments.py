"""Argument checks of the generated methods: each argument against its type hint and its spec schema, so bad input
fails before anything is sent with a `TypeError`/`ValueError` that names the argument; per-request options."""

from __future__ import annotations

import datetime as dt
import math
import re
import types
import typing
import uuid
from collections import abc
from collections.abc import Callable, Iterable, Mapping
from enum import Enum
from typing import TYPE_CHECKING, Any, Protocol

from topo_client.types import UNSET, Unset

from ._options import as_timeout, check_query
from ._spec import ParameterSpec, resolve
from ._types import NOT_GIVEN

if TYPE_CHECKING:
    from ._spec import OperationSpec

_CANONICAL_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


def _to_jsonable(value: Any, name: str = "body", key: Any = None) -> Any:
    """Plain data for `Model.from_dict`: datetimes, UUIDs and enums become the strings the API uses. `name` and
    `key` say where `value` sits (`until`, `body.until`, `items[2].until`) for errors; the path is only joined
    for containers, so a flat body costs nothing extra."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, float) and not math.isfinite(value):  # httpx would refuse it later, naming no field
        raise ValueError(f"{_where(name, key)}: {value!r} is not a number JSON can carry; pass a finite float")
    if isinstance(value, dt.datetime):
        _require_aware(_where(name, key), value)
        return value.isoformat()
    if isinstance(value, dt.date | uuid.UUID):
        return value.isoformat() if isinstance(value, dt.date) else str(value)
    if isinstance(value, Mapping):
        here = _where(name, key)
        return {k: _to_jsonable(v, here, k) for k, v in value.items()}
    if isinstance(value, list | tuple):
        here = _where(name, key)
        return [_to_jsonable(v, here, i) for i, v in enumerate(value)]
    if hasattr(value, "to_dict"):
        return value.to_dict()
    return value


def _where(name: str, key: Any) -> str:
    """`name` extended by a mapping key (`name.key`, or `key` at the top) or a list index (`name[i]`)."""
    if key is None:
        return name
    if isinstance(key, int):
        return f"{name}[{key}]"
    return f"{name}.{key}" if name else str(key)


def _require_aware(name: str, value: dt.datetime) -> None:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name}: naive datetime {value.isoformat()!r}; pass a timezone-aware datetime (e.g. UTC)")


def _members(hint: Any) -> tuple[Any, ...]:
    return typing.get_args(hint) if typing.get_origin(hint) in (typing.Union, types.UnionType) else (hint,)


def _describe(value: Any) -> str:
    text = repr(value)
    return f"{type(value).__name__} {text[:60]}"


def _listed(enum: type[Enum], value: str, name: str) -> Any:
    """The member of a request enum for `value` (any case), or a ValueError listing what the spec allows.

    Responses stay open (the API adds values without notice); a request value the spec does not list is far more
    likely a typo, and sending it would only earn a 400. `extra_query=`/`extra_body=` send newer values as-is.
    """
    folded = value.casefold()
    for member in enum:
        if str(member.value).casefold() == folded:
            return member
    allowed = ", ".join(str(m.value) for m in enum)
    raise ValueError(f"{name}: {value!r} is not one of the values the spec lists ({allowed}); to send a value "
                     "newer than this client's spec, pass it in extra_query= or extra_body=")


def check_json(value: Any, node: dict[str, Any], name: str) -> None:
    """Check request data against its spec schema: no keys the schema does not list, no unlisted enum values."""
    node = resolve(node)
    if value is None or value is UNSET:
        return
    for key in ("anyOf", "oneOf"):
        if key in node:
            options = [o for o in map(resolve, node[key]) if o.get("type") != "null"]
            if len(options) == 1:  # a nullable value; with several shapes the API decides
                check_json(value, options[0], name)
            return
    properties: dict[str, Any] = dict(node.get("properties", {}))
    for part in node.get("allOf", ()):
        properties.update(resolve(part).get("properties", {}))
    if isinstance(value, str) and isinstance(node.get("enum"), list):
        listed = [e for e in node["enum"] if isinstance(e, str)]
        if value.casefold() not in {e.casefold() for e in listed}:
            raise ValueError(f"{name}: {value!r} is not one of the values the spec lists ({', '.join(listed)}); "
                             "to send a value newer than this client's spec, pass it in extra_body=")
    if isinstance(value, Mapping) and properties:
        extra = node.get("additionalProperties", False)
        for key, item in value.items():
            if key in properties:
                check_json(item, properties[key], f"{name}.{key}" if name else key)
            elif isinstance(extra, dict):
                check_json(item, extra, f"{name}.{key}" if name else key)
            elif not extra:
                where = f"{name}: unknown field" if name else "unknown body field"
                raise TypeError(f"{where} {key!r}; the spec lists {', '.join(properties)} (extra_body= sends "
                                "fields newer than this client's spec)")
    if isinstance(value, list) and isinstance(node.get("items"), dict):
        for index, item in enumerate(value):
            check_json(item, node["items"], f"{name}[{index}]")


OPTIONS = ("extra_headers", "extra_query", "extra_body", "timeout")
OPTIONS_SET = frozenset(OPTIONS)


def check_options(options: dict[str, Any]) -> dict[str, Any]:
    """Per-request options: mappings for the extras, a positive number of seconds or an httpx.Timeout."""
    for name in ("extra_headers", "extra_query", "extra_body"):
        value = options.get(name)
        if value is not None and not isinstance(value, Mapping):
            raise TypeError(f"{name}: got {_describe(value)}; expected a mapping")
    for key, header in (options.get("extra_headers") or {}).items():
        if not isinstance(key, str) or not isinstance(header, str):
            raise TypeError(f"extra_headers: names and values must be str (got a {type(header).__name__} for "
                            f"{key!r})")
    if options.get("extra_query"):
        check_query(options["extra_query"], "extra_query")
    if options.get("timeout") is not None:
        options["timeout"] = as_timeout(options["timeout"])
    return {k: v for k, v in options.items() if v is not None}


class ArgumentChecker:
    """Checks and coerces one argument against its type hint and its spec schema."""

    def __init__(self, name: str, hint: Any, spec: ParameterSpec | None, max_items: int | None = None) -> None:
        self.name = name
        self.hint = hint
        self.spec_schema = spec.schema if spec else {}
        self.required = spec.required if spec else False
        self.max_items = max_items
        self.allows_none = type(None) in _members(hint)
        # The common case (`size=100`, `name="x"`) decided without walking the hint: a plain int, str, bool or
        # float argument of exactly that type, an int within the spec's bounds. Anything else takes the full path.
        plain = [m for m in _members(hint) if m not in (Unset, type(None))]
        self.plain: type | None = plain[0] if len(plain) == 1 and plain[0] in (int, str, bool, float) else None
        self.uuid = bool(plain) and plain[0] is uuid.UUID  # UUID (or its str): a canonical string passes as is
        low, high = self.spec_schema.get("minimum"), self.spec_schema.get("maximum")
        self.low: float | None = low if isinstance(low, int | float) and self.plain is int else None
        self.high: float | None = high if isinstance(high, int | float) and self.plain is int else None

    def __call__(self, value: Any) -> Any:
        if type(value) is self.plain:  # (the bounds inline: this runs for every argument of every call)
            low, high, number = self.low, self.high, typing.cast(float, value)
            if (low is None or number >= low) and (high is None or number <= high):
                return value
        if self.uuid and type(value) is str and _CANONICAL_UUID.fullmatch(value):
            return value.lower()
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
                if _CANONICAL_UUID.fullmatch(value):  # the usual form (ids from responses): no UUID object needed
                    return value.lower()
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
            if isinstance(value, hint) and not getattr(value, "is_unknown", False):
                return value
            if isinstance(value, str):
                return _listed(hint, value, name)
            raise TypeError(f"{name}: got {_describe(value)}; expected {hint.__name__} or str")
        if isinstance(hint, type) and hasattr(hint, "from_dict"):
            if isinstance(value, hint):
                return value
            if isinstance(value, Mapping):
                try:
                    return hint.from_dict(_to_jsonable(value, name))
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


class Checkable(Protocol):
    """What `request_kwargs` reads of an `Operation` (named here: this module does not import that one)."""

    @property
    def spec(self) -> OperationSpec: ...
    @property
    def build(self) -> Callable[..., dict[str, Any]]: ...
    @property
    def body_fields(self) -> dict[str, ParameterSpec]: ...
    @property
    def _checkers(self) -> dict[str, ArgumentChecker]: ...
    @property
    def _positional(self) -> list[str]: ...


def request_kwargs(self: Checkable, args: tuple[Any, ...], kwargs: dict[str, Any]) -> dict[str, Any]:
    """`Operation.request_kwargs`: check the arguments and return httpx request keywords (method, url, params,
    json, headers, timeout).

    Nothing here reports drift: request data that the spec does not describe is an error, not news from Topo.
    """
    name = self.spec.operation_id
    checkers = self._checkers
    # One pass sorts what the generated methods pass (every argument): NOT_GIVEN ones are left out, and per-request
    # options that are None.
    named: dict[str, Any] = {}
    options: dict[str, Any] = {}
    unknown: list[str] = []
    for key, value in kwargs.items():
        if value is NOT_GIVEN:
            continue
        if key in checkers:
            named[key] = value
        elif key in OPTIONS_SET:
            if value is not None:
                options[key] = value
        else:
            unknown.append(key)
    if args:
        positional = self._positional
        if len(args) > len(positional):
            raise TypeError(f"{name}() takes {len(positional)} positional argument(s) "
                            f"({', '.join(positional) or 'none'}); pass the others by keyword")
        given = dict(zip(positional, args, strict=False))
        for key in named:
            if key in given:
                raise TypeError(f"{name}() got multiple values for argument {key!r}")
        named = {**given, **named}
    if options:
        options = check_options(options)
    if unknown:
        accepted = [k for k in checkers if k != "body"] + list(OPTIONS)
        raise TypeError(f"{name}() got unexpected argument(s) {', '.join(map(repr, unknown))}; "
                        f"accepted: {', '.join(accepted)}")
    body_fields = self.body_fields
    fields = {k: named.pop(k) for k in list(named) if k in body_fields} if body_fields else {}
    if fields and "body" in named:
        raise TypeError(f"{name}(): pass the body as body= or as keyword arguments, not both "
                        f"({', '.join(fields)})")
    missing = [n for n in self._positional if n not in named]
    if body_fields and "body" not in named:
        missing += [n for n, f in body_fields.items() if f.required and n not in fields]
    if missing:
        raise TypeError(f"{name}() missing required argument(s) {', '.join(missing)}")
    body = named.pop("body", UNSET)  # checked after its keys: the model would keep (and report) unknown ones
    checked = {key: checkers[key](value) for key, value in named.items()}
    if self.spec.body_schema is not None:
        data = fields if isinstance(body, Unset) else body.to_dict() if hasattr(body, "to_dict") else body
        if not isinstance(data, Mapping):
            raise TypeError(f"body: got {_describe(body)}; expected a mapping of the body's fields")
        where = "" if isinstance(body, Unset) else "body"  # a field is named as its argument, or as body.<field>
        check_json(_to_jsonable(data, where), self.spec.body_schema, "")  # unknown keys and enum values first
        if isinstance(body, Unset):  # each field against its type, named as the argument
            data = {k: self._checkers[k](v) for k, v in fields.items()}
        data = {k: v for k, v in _to_jsonable(data, where).items() if v is not UNSET}
        checked["body"] = self._checkers["body"](data)
    limit = self.spec.batch_max_items
    items = getattr(checked.get("body"), "items", None)
    if limit is not None and isinstance(items, list) and len(items) > limit:
        raise ValueError(
            f"body.items: {len(items)} items; at most {limit} are allowed per request "
            "(the resource's create() accepts any number and sends them in chunks)"
        )
    build: Callable[..., dict[str, Any]] = self.build
    return build(**checked, **options)
