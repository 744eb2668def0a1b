"""The spec under test: `spec/` bundled by `generator/bundle.py` (not the shipped copy, which may be stale), plus walkers.

Everything is computed once per test session; the tests parametrize over what these functions return.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import jsonschema
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from topo_client._schema import node_at, resolve

ROOT = Path(__file__).resolve().parents[2]
BUNDLE_URI = "https://topo.invalid/openapi.json"  # never fetched: the registry holds the bundle under this name
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


@cache
def bundler() -> ModuleType:
    """generator/bundle.py, imported from its path (generator/ is not a package)."""
    spec = importlib.util.spec_from_file_location("topo_spec_bundle", ROOT / "generator" / "bundle.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@cache
def document() -> dict[str, Any]:
    doc: dict[str, Any] = bundler().bundle()
    return doc


def pointer(*parts: str | int) -> str:
    """A JSON pointer (RFC 6901) from raw path segments."""
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


def lookup(ptr: str) -> Any:
    return node_at(document(), ptr)


def deref(node: Any) -> Any:
    """Follow local `$ref`s until a node without one."""
    return resolve(document(), node)


@dataclass(frozen=True)
class Operation:
    section: str  # "paths" or "webhooks"
    method: str  # upper case
    path: str  # the path template, or the webhook name
    op: dict[str, Any]
    item: dict[str, Any]  # the path item (for path-level parameters)

    @property
    def id(self) -> str:
        return str(self.op.get("operationId") or f"{self.method} {self.path}")

    @property
    def parameters(self) -> list[dict[str, Any]]:
        """Raw (unresolved) parameters, path-level first."""
        return [*self.item.get("parameters", []), *self.op.get("parameters", [])]

    def success(self) -> tuple[str, dict[str, Any]]:
        code = min(c for c in self.op["responses"] if c.startswith("2"))
        return code, deref(self.op["responses"][code])

    def success_schema_name(self) -> str | None:
        _, response = self.success()
        schema = response.get("content", {}).get("application/json", {}).get("schema", {})
        ref = schema.get("$ref")
        return ref.rsplit("/", 1)[-1] if ref else None


@cache
def operations() -> tuple[Operation, ...]:
    found = []
    for section in ("paths", "webhooks"):
        for path, item in document().get(section, {}).items():
            found += [Operation(section, m.upper(), path, item[m], item) for m in HTTP_METHODS if m in item]
    return tuple(found)


def api_operations() -> tuple[Operation, ...]:
    """Operations the client calls (under `paths:`), as opposed to webhook deliveries Topo makes to you."""
    return tuple(o for o in operations() if o.section == "paths")


# --- walking without stepping into example data ----------------------------------------------------------------

_NAME_MAPS = {"properties", "patternProperties", "$defs", "dependentSchemas"}  # keys of these are names, not keywords


def walk(node: Any, ptr: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every object in `node` with its pointer, skipping example payloads, defaults and enum/const values."""
    if isinstance(node, list):
        for i, child in enumerate(node):
            yield from walk(child, f"{ptr}/{i}")
        return
    if not isinstance(node, dict):
        return
    yield ptr, node
    for key, child in node.items():
        here = ptr + pointer(key)
        if key in ("example", "default", "const", "enum") or (key == "examples" and isinstance(child, list)):
            continue  # data, not description
        if key == "examples" and isinstance(child, dict):  # Example Objects: their metadata yes, their value no
            for name, example in child.items():
                yield from walk({k: v for k, v in example.items() if k != "value"}, here + pointer(name))
        elif key in _NAME_MAPS and isinstance(child, dict):
            for name, sub in child.items():
                yield from walk(sub, here + pointer(name))
        else:
            yield from walk(child, here)


# --- examples ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Example:
    id: str  # readable: where it is
    schema_ptr: str  # JSON pointer to the schema it must satisfy
    value: Any


_SCHEMA_CHILDREN = (
    "items",
    "not",
    "if",
    "then",
    "else",
    "contains",
    "propertyNames",
    "additionalProperties",
    "unevaluatedProperties",
    "unevaluatedItems",
)
_SCHEMA_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")


def _schema_examples(schema: Any, ptr: str, label: str) -> Iterator[Example]:
    if not isinstance(schema, dict) or ("$ref" in schema and len(schema) == 1):
        return
    for i, value in enumerate(schema.get("examples", []) if isinstance(schema.get("examples"), list) else []):
        yield Example(f"{label} examples[{i}]", ptr, value)
    if "example" in schema:
        yield Example(f"{label} example", ptr, schema["example"])
    for key in _SCHEMA_CHILDREN:
        if isinstance(schema.get(key), dict):
            yield from _schema_examples(schema[key], ptr + pointer(key), f"{label}.{key}")
    for key in _SCHEMA_LISTS:
        for i, sub in enumerate(schema.get(key, [])):
            yield from _schema_examples(sub, ptr + pointer(key, i), f"{label}.{key}[{i}]")
    for key in _NAME_MAPS:
        for name, sub in schema.get(key, {}).items():
            yield from _schema_examples(sub, ptr + pointer(key, name), f"{label}.{name}")


def holder_examples(holder: dict[str, Any], ptr: str, label: str) -> Iterator[Example]:
    """Examples of a media type, parameter or header object (`example` or the `examples` map), and of its schema."""
    if "$ref" in holder:
        return  # reached (and checked) where it is defined
    schema_ptr = ptr + pointer("schema")
    if "example" in holder:
        yield Example(f"{label} example", schema_ptr, holder["example"])
    for name, example in holder.get("examples", {}).items():
        example_ptr = ptr + pointer("examples", name)
        if "$ref" in example:
            example_ptr, example = example["$ref"].removeprefix("#"), deref(example)
        assert "value" in example, f"{example_ptr}: only inline `value` examples can be checked"
        yield Example(f"{label} examples[{name}]", schema_ptr, example["value"])
    yield from _schema_examples(holder.get("schema"), schema_ptr, f"{label} schema")
    for media_type, media in holder.get("content", {}).items():
        yield from holder_examples(media, ptr + pointer("content", media_type), f"{label} {media_type}")


def _response_examples(response: dict[str, Any], ptr: str, label: str) -> Iterator[Example]:
    if "$ref" in response:
        return
    for name, header in response.get("headers", {}).items():
        yield from holder_examples(header, ptr + pointer("headers", name), f"{label} header {name}")
    for media_type, media in response.get("content", {}).items():
        yield from holder_examples(media, ptr + pointer("content", media_type), f"{label} {media_type}")


@cache
def examples() -> tuple[Example, ...]:
    """Every example in the document, each with the schema it must validate against."""
    doc = document()
    found: list[Example] = []
    for o in operations():
        base = pointer(o.section, o.path)
        label = f"{o.id} ({o.method} {o.path})"
        for i, param in enumerate(o.item.get("parameters", [])):
            found += holder_examples(param, base + pointer("parameters", i), f"{label} param {param.get('name')}")
        ptr = base + pointer(o.method.lower())
        for i, param in enumerate(o.op.get("parameters", [])):
            found += holder_examples(param, ptr + pointer("parameters", i), f"{label} param {param.get('name')}")
        body = o.op.get("requestBody", {})
        for media_type, media in ({} if "$ref" in body else body.get("content", {})).items():
            found += holder_examples(media, ptr + pointer("requestBody", "content", media_type), f"{label} body")
        for code, response in o.op.get("responses", {}).items():
            found += _response_examples(response, ptr + pointer("responses", code), f"{label} {code}")
    components = doc.get("components", {})
    for name, schema in components.get("schemas", {}).items():
        found += _schema_examples(schema, pointer("components", "schemas", name), f"schema {name}")
    for kind in ("parameters", "headers"):
        for name, holder in components.get(kind, {}).items():
            found += holder_examples(holder, pointer("components", kind, name), f"{kind} {name}")
    for name, response in components.get("responses", {}).items():
        found += _response_examples(response, pointer("components", "responses", name), f"response {name}")
    for name, body in components.get("requestBodies", {}).items():
        for media_type, media in body.get("content", {}).items():
            found += holder_examples(
                media, pointer("components", "requestBodies", name, "content", media_type), f"requestBody {name}"
            )
    return tuple(found)


# --- validation -------------------------------------------------------------------------------------------------

_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]*$")


def _format_checker() -> jsonschema.FormatChecker:
    checker = jsonschema.FormatChecker(list(jsonschema.Draft202012Validator.FORMAT_CHECKER.checkers))
    # jsonschema checks `uri` only with an optional package installed; this is RFC 3986's shape (scheme ":" rest,
    # no characters a URI may not contain), close to what the linter checks.
    checker.checks("uri")(lambda value: not isinstance(value, str) or bool(_URI.match(value)))
    return checker


@cache
def _registry() -> Registry[Any]:
    resource: Resource[Any] = Resource.from_contents(document(), default_specification=DRAFT202012)
    registry: Registry[Any] = Registry().with_resource(BUNDLE_URI, resource)
    return registry


@cache
def validator(schema_ptr: str) -> jsonschema.Draft202012Validator:
    """A Draft 2020-12 validator (with format checks) for the schema at `schema_ptr`, refs resolved in the bundle."""
    return jsonschema.Draft202012Validator(
        {"$ref": f"{BUNDLE_URI}#{schema_ptr}"}, registry=_registry(), format_checker=_format_checker()
    )


def errors(example_value: Any, schema_ptr: str) -> list[str]:
    """Why `example_value` does not satisfy the schema at `schema_ptr` (empty if it does)."""
    found = validator(schema_ptr).iter_errors(example_value)
    return sorted(f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}" for e in found)
