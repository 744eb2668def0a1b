"""Emit `topo_client/resources/`: the resource classes of `Topo` / `AsyncTopo` and the clients' resource attributes,
from each operation's `x-topo-resource` / `x-topo-method` (spec/README.md).

Per operation the spec decides the kind of method: a list (its success body is a page envelope, `allOf` of
`PageEnvelope`) walks pages, a batch create (`x-topo-batch`) chunks any iterable of its item model, anything else
is one request. The methods themselves are built by the hand-written factories in `topo_ext._resource` (transport,
pagination, chunking stay hand-written); this module only writes down which factory, builder and model each
method uses. Output:

- `resources/<resource>.py`: per top-level resource its sync and async classes, nested resources included
  (`contact_lists.entries` is `Entries` / `AsyncEntries` in `contact_lists.py`, like openai-python's leaf names).
- `resources/__init__.py`: `SyncResources` / `AsyncResources`, the clients' bases: one attribute per top-level
  resource (built on first use, so creating a client imports no models) and the top-level operations (`me()`).

A resource with hand-written extras (`activities.stream()`) is listed in `EXTENDED`: the client attribute then
builds the subclass of that module (same class names), which adds the extras to the generated class.
"""

from __future__ import annotations

import keyword
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from static._schema import is_page, merge_all_of, ref_name, resolve

# Resources whose hand-written subclasses (same class names, in this module) add methods the spec cannot describe.
EXTENDED = {"activities": "topo_ext.resources.activities"}
TOP_LEVEL = "top_level"  # the module of the operations without a resource (x-topo-resource: '')
HTTP_METHODS = ("get", "put", "post", "patch", "delete")


@dataclass(frozen=True)
class Method:
    operation_id: str
    tag: str
    resource: str  # dotted: "contact_lists.entries"; "" for the client's own methods
    name: str
    kind: str  # "op" | "list" | "batch"
    model: str | None  # what the success body decodes to: a class of `responses`, `list[X]`, or None (no body)
    item: str | None  # a batch create's item model (a class of `models`)

    @property
    def variable(self) -> str:
        return f"_{self.operation_id}"


def _pascal(name: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in name.split("_"))


def _model(schema: dict[str, Any] | None) -> str | None:
    if schema is None:
        return None
    if name := ref_name(schema):
        return name
    if schema.get("type") == "array" and (item := ref_name(schema.get("items", {}))):
        return f"list[{item}]"
    raise SystemExit(f"generate: a success body must be a component schema or an array of one, got {schema}")


def _success_schema(doc: dict[str, Any], op: dict[str, Any]) -> dict[str, Any] | None:
    for code, response in sorted(op.get("responses", {}).items()):
        if code.isdigit() and 200 <= int(code) < 300:
            content = resolve(doc, response).get("content", {}).get("application/json")
            return content["schema"] if content else None
    return None


def _batch_item(doc: dict[str, Any], op: dict[str, Any]) -> str:
    body = resolve(doc, op["requestBody"])["content"]["application/json"]["schema"]
    items = merge_all_of(doc, body).get("properties", {}).get("items", {})
    name = ref_name(items.get("items", {}))
    if name is None:
        raise SystemExit(f"generate: {op['operationId']}: x-topo-batch needs a body `items: [<$ref>]`")
    return name


def methods(doc: dict[str, Any]) -> list[Method]:
    """Every operation of the bundled spec as a client method, checked for names Python or the client cannot use."""
    found: list[Method] = []
    for item in doc["paths"].values():
        for verb in HTTP_METHODS:
            if (op := item.get(verb)) is None:
                continue
            name, resource = op.get("x-topo-method"), op.get("x-topo-resource")
            if not name or resource is None:
                raise SystemExit(f"generate: {op['operationId']} needs x-topo-resource and x-topo-method")
            for part in [name, *filter(None, resource.split("."))]:
                if not part.isidentifier() or keyword.iskeyword(part) or part.startswith("_"):
                    raise SystemExit(f"generate: {op['operationId']}: {part!r} is not a usable Python name")
            schema = _success_schema(doc, op)
            kind = "batch" if "x-topo-batch" in op else "list" if is_page(doc, schema) else "op"
            found.append(Method(op["operationId"], op["tags"][0], resource, name, kind, _model(schema),
                                _batch_item(doc, op) if kind == "batch" else None))
    seen: dict[tuple[str, str], str] = {}
    for method in found:
        key = (method.resource, method.name)
        if key in seen:
            raise SystemExit(f"generate: {seen[key]} and {method.operation_id} are both {'.'.join(filter(None, key))}")
        seen[key] = method.operation_id
    return sorted(found, key=lambda m: (m.resource, m.name))


def _class(resource: str, asynchronous: bool) -> str:
    """`contacts` -> Contacts; `contact_lists.entries` -> Entries (its top-level module disambiguates)."""
    parts = resource.split(".")
    name = "".join(_pascal(p) for p in (parts[1:] or parts))
    return f"Async{name}" if asynchronous else name


def _factory(method: Method, asynchronous: bool) -> str:
    prefix = "async" if asynchronous else "sync"
    call = f"{prefix}_{method.kind}({method.variable}"
    return call + (f", {method.item})" if method.item else ")")


def _resource_module(top: str, group: list[Method]) -> str:
    paths = {".".join(m.resource.split(".")[:depth]) for m in group for depth in range(1, m.resource.count(".") + 2)}
    resources = sorted(paths, key=lambda r: (-r.count("."), r))  # children first; parents without operations too
    api = sorted({(m.tag, m.operation_id) for m in group})
    responses = sorted({m.model.removeprefix("list[").removesuffix("]") for m in group if m.model})
    items = sorted({m.item for m in group if m.item})
    used = sorted({f"{p}_{m.kind}" for m in group for p in ("sync", "async")})
    title = f"`client.{top}`" if top != TOP_LEVEL else "The clients' own methods"
    lines = [
        f'"""{title}: generated from the spec by generator/resources.py; do not edit."""',
        "",
        "from __future__ import annotations",
        "",
        "from functools import cached_property" if any("." in r for r in resources) else "",
        "",
        f"from topo_ext._resource import AsyncAPIResource, M, SyncAPIResource, endpoint, {', '.join(used)}",
        "",
        *(f"from ..api.{tag} import {op_id}" for tag, op_id in api),
        f"from ..models import {', '.join(items)}" if items else "",
        f"from ..responses import {', '.join(responses)}" if responses else "",
        "",
    ]
    lines += [f'{m.variable} = endpoint("{m.operation_id}", {m.operation_id}.build_request, {m.model})'
              for m in group]
    for resource in resources:
        children = sorted(r for r in resources if r.rsplit(".", 1)[0] == resource and r.count(".") ==
                          resource.count(".") + 1)
        own = [m for m in group if m.resource == resource]
        for asynchronous in (False, True):
            base = "AsyncAPIResource" if asynchronous else "SyncAPIResource"
            path = f"client.{resource}" if resource else ", ".join(f"client.{m.name}()" for m in own)
            lines += ["", "", f"class {_class(resource or TOP_LEVEL, asynchronous)}({base}[M]):",
                      f'    """`{path}`{" (AsyncTopo)" if asynchronous else ""}."""', ""]
            lines += [f"    {m.name} = {_factory(m, asynchronous)}" for m in own]
            for child in children:
                cls = _class(child, asynchronous)
                lines += ["", "    @cached_property", f"    def {child.rsplit('.', 1)[1]}(self) -> {cls}[M]:",
                          f"        return {cls}(self._client)"]
    return "\n".join(lines) + "\n"


def _client_module(tops: list[str], top_level: list[Method]) -> str:
    """The clients' bases: resource attributes (imported on first use) and the top-level methods (loaded on first
    call, through `LazyMethod`)."""
    lines = [
        '"""The resources of `Topo` and `AsyncTopo`, from the spec\'s x-topo-resource / x-topo-method (generated by',
        "generator/resources.py; do not edit). Resources are imported on first use: creating a client loads no",
        'model."""',
        "",
        "from __future__ import annotations",
        "",
        "from functools import cached_property",
        "from typing import TYPE_CHECKING",
        "",
        "from topo_ext._resource import APIResource, LazyMethod, M",
        "",
        "if TYPE_CHECKING:",
    ]
    for top in tops:
        module = EXTENDED.get(top, f".{top}")
        lines.append(f"    from {module} import {_class(top, True)}, {_class(top, False)}")
    if top_level:
        lines.append(f"    from .{TOP_LEVEL} import {_class(TOP_LEVEL, True)}, {_class(TOP_LEVEL, False)}")
    for asynchronous in (False, True):
        name = "AsyncResources" if asynchronous else "SyncResources"
        lines += ["", "", f"class {name}(APIResource[M]):",
                  f'    """What every {"AsyncTopo" if asynchronous else "Topo"} has: one attribute per resource, '
                  'and the top-level operations."""', ""]
        for method in top_level:
            cls = _class(TOP_LEVEL, asynchronous)
            lines += ["    if TYPE_CHECKING:", f"        {method.name} = {cls}.{method.name}", "    else:",
                      f'        {method.name} = LazyMethod("topo_client.resources.{TOP_LEVEL}", "{cls}", '
                      f'"{method.name}")', ""]
        for top in tops:
            cls = _class(top, asynchronous)
            module = EXTENDED.get(top, f".{top}")
            lines += ["    @cached_property", f"    def {top}(self) -> {cls}[M]:",
                      f"        from {module} import {cls}", "", f"        return {cls}(self)", ""]
    return "\n".join(lines).rstrip() + "\n"


def generate(doc: dict[str, Any], package: Path) -> None:
    """Write `package/resources/` for the bundled spec `doc` (after the endpoint modules exist)."""
    found = methods(doc)
    groups: dict[str, list[Method]] = defaultdict(list)
    for method in found:
        groups[method.resource.split(".")[0] or TOP_LEVEL].append(method)
        if not (package / "api" / method.tag / f"{method.operation_id}.py").is_file():
            raise SystemExit(f"generate: no endpoint module api/{method.tag}/{method.operation_id}.py")
    out = package / "resources"
    out.mkdir()
    for top, group in groups.items():
        (out / f"{top}.py").write_text(_resource_module(top, group))
    tops = sorted(t for t in groups if t != TOP_LEVEL)
    (out / "__init__.py").write_text(_client_module(tops, groups.get(TOP_LEVEL, [])))
