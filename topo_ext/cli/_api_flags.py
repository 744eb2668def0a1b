"""Command-line flags from spec schemas: one per path/query parameter or top-level body field of an operation.

Each flag's type checks the value as the spec describes it (integers within their bounds, enum values, UUIDs,
date-times with a timezone, JSON for objects), so a bad value is a usage error naming the flag; `--help` shows the
type, the allowed values, the bounds and the default.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from topo_client._schema import merge_all_of, required_keys

from .._spec import OperationSpec, document, resolve
from ._core import aware_datetime, parse_number, uuid_text


@dataclass
class Flag:
    name: str  # the spec's name (query parameter, path parameter or body field)
    location: str  # "path", "query" or "body"
    required: bool
    schema: dict[str, Any]
    description: str = ""
    kwargs: dict[str, Any] = field(default_factory=dict)

    @property
    def option(self) -> str:
        return "--" + self.name.replace("_", "-")

    @property
    def dest(self) -> str:
        return f"api_{self.location}_{self.name}"  # never clashes with the global options' dests

    def add_to(self, group: Any) -> None:
        group.add_argument(self.option, dest=self.dest, **self.kwargs)


def param_flags(spec: OperationSpec) -> list[Flag]:
    """Flags for the operation's path and query parameters, in spec order; path parameters are required."""
    flags = []
    for param in spec.params.values():
        raw = _parameter(spec, param.name)
        flag = Flag(param.name, param.location, param.required or param.location == "path", param.schema,
                    raw.get("description") or resolve(param.schema).get("description", ""))
        _configure(flag)
        flags.append(flag)
    return flags


def body_flags(spec: OperationSpec) -> list[Flag]:
    """Flags for the body's top-level fields (never required on the command line: --body may supply them)."""
    schema = _merged(spec.body_schema or {})
    required = set(schema.get("required", ()))
    flags = []
    for name, prop in schema.get("properties", {}).items():
        about = prop.get("description") or resolve(prop).get("description", "")
        flag = Flag(name, "body", name in required, prop, about)
        _configure(flag)
        flags.append(flag)
    return flags


def body_required(spec: OperationSpec) -> list[str]:
    """The body's required top-level fields, in spec order."""
    return required_keys(document(), spec.body_schema or {})


def _parameter(spec: OperationSpec, name: str) -> dict[str, Any]:
    operation = document()["paths"][spec.path][spec.method.lower()]
    for raw in operation.get("parameters", []):
        param = resolve(raw)
        if param["name"] == name:
            return param
    return {}


def _merged(node: dict[str, Any]) -> dict[str, Any]:
    """An object schema with its `allOf` parts merged (properties and required)."""
    return merge_all_of(document(), node)


def _kind(schema: dict[str, Any]) -> tuple[str, bool]:
    """The JSON type of a schema and whether it is nullable."""
    kind = schema.get("type")
    if isinstance(kind, list):
        others = [k for k in kind if k != "null"]
        return (others[0] if len(others) == 1 else "any"), "null" in kind
    if kind is None and "enum" in schema:
        return "string", False
    return (kind or "any"), False


def _enum_union(schema: dict[str, Any]) -> dict[str, Any]:
    """A union of string enums (e.g. a parameter taking `asc` or `ASC`) as one enum; enums match case-insensitively,
    so each value is listed once."""
    members = [resolve(m) for m in schema.get("anyOf") or schema.get("oneOf") or []]
    if not members or not all("enum" in m for m in members):
        return schema
    values: list[Any] = []
    for member in members:
        values += [v for v in member["enum"] if str(v).casefold() not in {str(x).casefold() for x in values}]
    rest = {k: v for k, v in schema.items() if k not in ("anyOf", "oneOf")}
    return {**rest, "type": "string", "enum": values}


def _configure(flag: Flag) -> None:
    """argparse keywords for the flag: its type, metavar and a help line with type, values, bounds, default."""
    schema = _enum_union({**resolve(flag.schema), **{k: v for k, v in flag.schema.items() if k != "$ref"}})
    kind, nullable = _kind(schema)
    parse, metavar, what = _scalar(schema, kind)
    if kind == "array":
        item = resolve(schema.get("items", {}))
        item_kind, _ = _kind(item)
        parse, metavar, what = _scalar(item, item_kind)
        if item_kind in ("object", "array", "any"):
            parse, metavar, what = _json_value, "JSON", "a JSON array"
            flag.kwargs.update(type=_named(_json_array, what))
        else:
            flag.kwargs.update(type=_named(parse, what), action="append")
            what = f"{what}; repeat the flag for several"
            bounds = _item_bounds(schema)
            if bounds:
                what += f"; {bounds}"
    else:
        if nullable and (kind != "string" or "format" in schema or "enum" in schema):  # `null` is no such value
            parse = _or_null(parse)
            what += " or null"
        flag.kwargs.update(type=_named(parse, what))
    flag.kwargs["metavar"] = metavar
    flag.kwargs["default"] = argparse.SUPPRESS  # absent from the namespace unless given (`null` is a value)
    details = [what]
    if "default" in schema:
        details.append(f"default: {schema['default']}")
    if flag.required:
        details.append("required" if flag.location != "body" else "required in the body")
        flag.kwargs["required"] = flag.location != "body"  # a body field may come from --body instead
    text = flag.description.strip().split("\n")[0].rstrip(".") if flag.description else ""
    flag.kwargs["help"] = f"{text} ({'; '.join(details)})".strip().replace("%", "%%")


def _scalar(schema: dict[str, Any], kind: str) -> tuple[Callable[[str], Any], str, str]:
    """(parser, metavar, description) for one value of a schema."""
    if "enum" in schema:
        values = [str(v) for v in schema["enum"]]
        return _enum(values), "VALUE", "one of: " + ", ".join(values) + " (case-insensitive)"
    fmt = schema.get("format")
    if kind == "integer":
        return _integer(schema.get("minimum"), schema.get("maximum")), "N", "integer" + _bounds(schema)
    if kind == "number":
        return _number, "X", "number" + _bounds(schema)
    if kind == "boolean":
        return _boolean, "true|false", "true or false"
    if kind == "string" and fmt == "uuid":
        return uuid_text, "UUID", "UUID"
    if kind == "string" and fmt == "date-time":
        return _datetime_text, "DATETIME", "ISO 8601 date-time with timezone (e.g. 2025-01-31T00:00:00Z)"
    if kind == "string" and fmt == "date":
        return _date_text, "DATE", "date YYYY-MM-DD"
    if kind == "string":
        length = _length(schema)
        return _string(schema.get("minLength"), schema.get("maxLength")), "TEXT", "text" + length
    return _json_value, "JSON", "JSON " + (kind if kind != "any" else "value")


def _bounds(schema: dict[str, Any]) -> str:
    return _range(schema.get("minimum"), schema.get("maximum"), (" {0}..{1}", " >= {0}", " <= {1}"))


def _length(schema: dict[str, Any]) -> str:
    words = (", {0}..{1} characters", ", at least {0} character(s)", ", at most {1} characters")
    return _range(schema.get("minLength"), schema.get("maxLength"), words, zero_says_nothing=True)


def _item_bounds(schema: dict[str, Any]) -> str:
    # With both ends only the upper one is worth the words: the lower one is "at least one".
    return _range(schema.get("minItems"), schema.get("maxItems"), ("at most {1}", "at least {0}", "at most {1}"),
                  zero_says_nothing=True)


def _range(low: Any, high: Any, words: tuple[str, str, str], zero_says_nothing: bool = False) -> str:
    """A schema's bounds in `words` (both ends, the lower end only, the upper end only), or '' for none."""
    if zero_says_nothing and low == 0 and high is None:
        low = None
    if low is not None and high is not None:
        return words[0].format(low, high)
    if low is not None:
        return words[1].format(low, high)
    return words[2].format(low, high) if high is not None else ""


def _named(parse: Callable[[str], Any], what: str) -> Callable[[str], Any]:
    """argparse names the type in some messages; give it the spec's description rather than `_integer`."""

    def wrapped(text: str) -> Any:
        return parse(text)

    wrapped.__name__ = what
    return wrapped


def _enum(values: list[str]) -> Callable[[str], str]:
    table = {v.casefold(): v for v in values}

    def parse(text: str) -> str:
        value = table.get(text.strip().casefold())
        if value is None:
            raise argparse.ArgumentTypeError(f"{text!r} is not one of {', '.join(values)}")
        return value

    return parse


def _integer(low: int | None, high: int | None) -> Callable[[str], int]:
    def parse(text: str) -> int:
        value = parse_number(text, int)
        if (low is not None and value < low) or (high is not None and value > high):
            bounds = _bounds({"minimum": low, "maximum": high})
            raise argparse.ArgumentTypeError(f"{value} is out of range; must be{bounds}")
        return value

    return parse


def _number(text: str) -> float:
    return parse_number(text, float)


def _boolean(text: str) -> bool:
    value = text.strip().casefold()
    if value in ("true", "1", "yes"):
        return True
    if value in ("false", "0", "no"):
        return False
    raise argparse.ArgumentTypeError(f"{text!r} is not true or false")


def _string(low: int | None, high: int | None) -> Callable[[str], str]:
    def parse(text: str) -> str:
        if (low is not None and len(text) < low) or (high is not None and len(text) > high):
            length = _length({"minLength": low, "maxLength": high})
            raise argparse.ArgumentTypeError(f"{len(text)} characters; allowed: {length.removeprefix(', ')}")
        return text

    return parse


def _datetime_text(text: str) -> str:
    return aware_datetime(text).isoformat()


def _date_text(text: str) -> str:
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def _json_value(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError as err:
        raise argparse.ArgumentTypeError(f"not valid JSON ({err})") from None


def _json_array(text: str) -> list[Any]:
    value = _json_value(text)
    if not isinstance(value, list):
        raise argparse.ArgumentTypeError(f"expected a JSON array, got {type(value).__name__}")
    return value


def _or_null(parse: Callable[[str], Any]) -> Callable[[str], Any]:
    def parse_or_null(text: str) -> Any:
        return None if text == "null" else parse(text)

    return parse_or_null
