"""Request checking driven by the bundled spec: query/path parameters and JSON bodies.

A small validator for the subset of JSON Schema the spec's request side uses (type, enum, const, required,
properties, additionalProperties, min/max length/items/properties, uuid/date-time/uri formats, allOf/oneOf).
It stops at the first problem and names the field (`items[2].email`), which is what the API's ValidationIssue does.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from topo_ext._spec import ParameterSpec, resolve

__all__ = ["Invalid", "check", "iso", "parse_param", "parse_time"]


class Invalid(Exception):
    """A request value broke the spec: `field` names it, the message says how."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def iso(value: datetime) -> str:
    """The API's timestamp format: UTC, milliseconds, `Z` (fixed width, so strings sort like the instants)."""
    value = value.astimezone(UTC)
    return value.strftime("%Y-%m-%dT%H:%M:%S.") + f"{value.microsecond // 1000:03d}Z"


@lru_cache(maxsize=65536)
def parse_time(text: str) -> datetime:
    """Parse an ISO 8601 date-time; a value without an offset is taken as UTC."""
    value = datetime.fromisoformat(text)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


def _type_ok(value: Any, kind: str) -> bool:
    if kind == "null":
        return value is None
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    if kind == "string":
        return isinstance(value, str)
    if kind == "array":
        return isinstance(value, list)
    if kind == "object":
        return isinstance(value, dict)
    return True


def _format(value: str, fmt: str, field: str) -> None:
    if fmt == "uuid":
        try:
            uuid.UUID(value)
        except ValueError:
            raise Invalid(field, f"{field} must be a UUID, got {value[:60]!r}") from None
    elif fmt == "date-time":
        try:
            parse_time(value)
        except ValueError:
            raise Invalid(field, f"{field} must be an ISO 8601 date-time, got {value[:60]!r}") from None
    elif fmt == "uri":
        parts = urlsplit(value)
        if not parts.scheme or not parts.netloc:
            raise Invalid(field, f"{field} must be an absolute URL, got {value[:60]!r}")


def check(value: Any, schema: dict[str, Any], field: str) -> None:
    """Raise `Invalid` for the first way `value` breaks `schema` (a request-side subset of JSON Schema)."""
    schema = resolve(schema)
    for part in schema.get("allOf", ()):
        check(value, part, field)
    if "oneOf" in schema or "anyOf" in schema:
        choices = schema.get("oneOf") or schema["anyOf"]
        problems: list[Invalid] = []
        for choice in choices:
            try:
                check(value, choice, field)
                break
            except Invalid as err:
                problems.append(err)
        else:
            real = [p for c, p in zip(choices, problems, strict=True) if resolve(c).get("type") != "null"]
            raise (real or problems)[0]
    if "const" in schema and value != schema["const"]:
        raise Invalid(field, f"{field} must be {schema['const']!r}")
    kinds = schema.get("type")
    if kinds is not None:
        kinds = kinds if isinstance(kinds, list) else [kinds]
        if not any(_type_ok(value, k) for k in kinds):
            wanted = " or ".join(k for k in kinds)
            raise Invalid(field, f"{field} must be {wanted}, got {type(value).__name__}")
    if value is None:
        return
    if "enum" in schema and value not in schema["enum"]:
        raise Invalid(field, f"{field} must be one of {', '.join(map(str, schema['enum']))}; got {value!r}")
    if isinstance(value, str):
        _bounded(field, len(value), schema, "minLength", "maxLength")
        if "format" in schema:
            _format(value, schema["format"], field)
    elif isinstance(value, int | float) and not isinstance(value, bool):
        _bounded(field, value, schema, "minimum", "maximum")
    elif isinstance(value, list):
        _bounded(field, len(value), schema, "minItems", "maxItems")
        if "items" in schema:
            for i, item in enumerate(value):
                check(item, schema["items"], f"{field}[{i}]")
    elif isinstance(value, dict):
        _check_object(value, schema, field)


# What each bound keyword says when broken: {0} is the bound, {1} the size that broke it.
_BOUNDS = {
    "minLength": "be at least {0} character(s) long", "maxLength": "be at most {0} characters long",
    "minimum": "be greater than or equal to {0}", "maximum": "be less than or equal to {0}",
    "minItems": "have at least {0} item(s)", "maxItems": "have at most {0} items, got {1}",
}


def _bounded(field: str, size: float, schema: dict[str, Any], low: str, high: str) -> None:
    """`size` (a string's length, a number, an array's length) within the schema's `low` and `high` keywords."""
    for key, broken in ((low, size < schema.get(low, size)), (high, size > schema.get(high, size))):
        if broken:
            raise Invalid(field, f"{field} must " + _BOUNDS[key].format(schema[key], size))


def _check_object(value: dict[str, Any], schema: dict[str, Any], field: str) -> None:
    def name(key: str) -> str:
        return f"{field}.{key}" if field else key

    for key in schema.get("required", ()):
        if key not in value:
            raise Invalid(name(key), f"{name(key)} is required")
    if "maxProperties" in schema and len(value) > schema["maxProperties"]:
        raise Invalid(field, f"{field} must have at most {schema['maxProperties']} keys, got {len(value)}")
    props = schema.get("properties", {})
    extra = schema.get("additionalProperties", True)
    for key, item in value.items():
        if key in props:
            check(item, props[key], name(key))
        elif extra is False:
            raise Invalid(name(key), f"{name(key)} is not a known field")
        elif isinstance(extra, dict):
            check(item, extra, name(key))


def _scalar(raw: str, schema: dict[str, Any], field: str) -> Any:
    schema = resolve(schema)
    kind = schema.get("type")
    value: Any = raw
    if kind == "integer":
        try:
            value = int(raw)
        except ValueError:
            raise Invalid(field, f"{field} must be an integer, got {raw[:40]!r}") from None
    elif kind == "number":
        try:
            value = float(raw)
        except ValueError:
            raise Invalid(field, f"{field} must be a number, got {raw[:40]!r}") from None
    elif kind == "boolean":
        if raw not in ("true", "false"):
            raise Invalid(field, f"{field} must be true or false, got {raw[:40]!r}")
        value = raw == "true"
    if schema.get("enum") == ["asc", "desc"]:
        value = raw.lower()  # sort_order: the docs use both asc/desc and ASC/DESC
    check(value, schema, field)
    if schema.get("format") == "date-time":
        return parse_time(value)
    return value


def parse_param(values: list[str], param: ParameterSpec) -> Any:
    """One query/path parameter from its raw string value(s), checked against its spec schema."""
    schema = resolve(param.schema)
    if schema.get("type") == "array":
        items = [_scalar(v, schema.get("items", {}), f"{param.name}[{i}]") for i, v in enumerate(values)]
        check(items, {k: v for k, v in schema.items() if k != "items"}, param.name)
        return items
    return _scalar(values[-1], param.schema, param.name)
