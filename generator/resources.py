"""Emit `topo_client/resources/`: the resource classes of `Topo` / `AsyncTopo` and the clients' resource attributes,
from each operation's `x-topo-resource` / `x-topo-method` (spec/README.md), the way Stainless writes them.

Per operation the spec decides the kind of method: a list (its success body is a page envelope, `allOf` of
`PageEnvelope`) walks pages, a batch create (`x-topo-batch`) chunks any iterable of its item model, anything else
is one request. Each method is a plain `def` (sync) and `async def` (async) with the spec's parameters, types and
docstring (signatures.py), whose body hands its operation (`_GET_CONTACT = Operation(...)`, beside it) and the
arguments to the runtime: the client's `_call` (`topo_ext._base_client`), `sync_list` (`topo_ext._pagination`) or
`sync_batch` (`topo_ext._resource`); transport, pagination and chunking stay hand-written. Output:

- `resources/<resource>.py`: per top-level resource its sync and async classes, nested resources included
  (`contact_lists.entries` is `Entries` / `AsyncEntries` in `contact_lists.py`, like openai-python's leaf names),
  and their raw-response wrappers (`ContactsWithRawResponse`: `client.with_raw_response.contacts`).
- `resources/__init__.py`: `SyncResources` / `AsyncResources`, the clients' bases: one attribute per top-level
  resource (built on first use, so creating a client imports no models) and the top-level operations (`me()`).

Hand-written extras (`activities.stream()`) are not wired here: `topo_ext` subclasses the generated class and its
client uses the subclass (`topo_ext/_client.py`).
"""

from __future__ import annotations

import keyword
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import facts
import signatures
from signatures import OPTION_PARAMS, OPTIONS, Param, Types
from static._schema import is_page, merge_all_of, ref_name, resolve

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
        return f"_{self.operation_id.upper()}"


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
            schema = facts.success(doc, op)[1]  # the one reading of the success body (facts.py)
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


def _raw_class(resource: str, asynchronous: bool) -> str:
    return f"{_class(resource, asynchronous)}WithRawResponse"


def _operations(doc: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {op_id: op for op_id, (_, _, op) in _located(doc).items()}


def _located(doc: dict[str, Any]) -> dict[str, tuple[str, str, dict[str, Any]]]:
    """operationId -> (path, HTTP method, operation)."""
    return {op["operationId"]: (path, verb, op) for path, item in doc["paths"].items() for verb in HTTP_METHODS
            if (op := item.get(verb)) is not None}


def _operation(doc: dict[str, Any], method: Method, build: str, model: str) -> str:
    """`_GET_CONTACT = Operation(...)`: the builder, the model the success body decodes to, and the facts."""
    path, verb, op = _located(doc)[method.operation_id]
    return (f'{method.variable} = Operation("{method.operation_id}", {build}, {model}, '
            f"{facts.facts(doc, path, verb, op)})")


def _page_item(doc: dict[str, Any], page: str) -> str:
    items = merge_all_of(doc, {"$ref": f"#/components/schemas/{page}"}).get("properties", {}).get("items", {})
    return ref_name(items.get("items", {})) or "Any"


def _returns(doc: dict[str, Any], method: Method, asynchronous: bool) -> str:
    if method.kind == "list" and method.model:
        return f"{'AsyncPaginator' if asynchronous else 'SyncPage'}[{_page_item(doc, method.model)}]"
    if method.model and method.model.startswith("list["):
        return f"builtins.{method.model}"  # `list` is a method name in the class body
    return method.model or "None"


def _signature(params: list[Param], head: list[str]) -> list[str]:
    positional = [p.source() for p in params if p.positional]
    keywords = [p.source() for p in params if not p.positional]
    return ["self", *positional, *head, *(["*"] if keywords or not head else []), *keywords, *OPTION_PARAMS]


def _def(name: str, params: list[str], returns: str, asynchronous: bool, indent: str = "    ") -> list[str]:
    inner = indent + "    "
    return [f"{indent}{'async def' if asynchronous else 'def'} {name}(", *(f"{inner}{p}," for p in params),
            f"{indent}) -> {returns}:"]


def _arguments(names: list[str]) -> str:
    return "{" + ", ".join(f'"{n}": {n}' for n in [*names, *OPTIONS]) + "}"


def _method(doc: dict[str, Any], types: Types, method: Method, asynchronous: bool, call: str,
            indent: str = "    ") -> list[str]:
    """One method: its overloads when it takes a body (keyword fields, or `body=`), the spec's docstring, and a body
    handing the operation and the arguments to the runtime (`call` reaches the client: `self._client`)."""
    op = _operations(doc)[method.operation_id]
    paginated = method.kind == "list"
    params = signatures.query_params(types, op, paginated)
    returns = _returns(doc, method, asynchronous)
    awaited = "await " if asynchronous else ""
    inner = indent + "    "
    mark = f"{indent}@operation({method.variable})"
    if method.kind == "batch":
        if params:
            raise SystemExit(f"generate: {method.operation_id}: a batch create with parameters is not supported")
        types.imports.add(method.item or "")
        batch = op["x-topo-batch"]
        note = (signatures.ATOMIC_NOTE if batch.get("all_or_nothing") is True else signatures.BATCH_NOTE).format(
            limit=batch.get("max_items"))
        head = [f"items: Iterable[{method.item} | Mapping[str, Any]]", "*", "chunk_size: int | None = None",
                "allow_partial: bool = False"]
        runner = "async_batch" if asynchronous else "sync_batch"
        body = [f"{inner}return {awaited}{runner}({call}, {method.variable}, items, chunk_size, allow_partial, "
                f"{_arguments([])})"]
        return [mark, *_def(method.name, ["self", *head, *OPTION_PARAMS], returns, asynchronous, indent),
                f'{inner}"""{_doc(doc, op, [], note, inner)}"""', *body]
    schema = signatures.body_schema(doc, op)
    fields = signatures.body_params(types, schema) if schema is not None else []
    names = [p.name for p in [*params, *fields]]
    for name in names:
        if names.count(name) > 1 or name in ("self", "body", *OPTIONS) or not name.isidentifier() or \
                keyword.iskeyword(name):
            raise SystemExit(f"generate: {method.operation_id}: {name!r} cannot be an argument name")
    note = (signatures.LIST_NOTE + (signatures.ASYNC_LIST_NOTE if asynchronous else "")) if paginated else ""
    lines: list[str] = []
    if schema is not None:  # two forms: the body's fields as keywords, or `body=` (the request model or a mapping)
        model = signatures.body_model(types, schema)
        for form in ([*params, *fields], [*params, Param("body", model, None)]):
            lines += [f"{indent}@overload", *_def(method.name, _signature(form, []), returns, asynchronous, indent)]
            lines[-1] += " ..."
        optional = [p if p.default is not None else Param(p.name, f"{p.annotation} | NotGiven", "NOT_GIVEN", doc=p.doc)
                    for p in fields]
        impl = [*params, *optional, Param("body", f"{model} | NotGiven", "NOT_GIVEN")]
        names.append("body")
    else:
        impl = params
    if paginated:
        runner = f"{'async_list' if asynchronous else 'sync_list'}({call}, {method.variable}, {_arguments(names)})"
        body = [f"{inner}return {runner}"]
    else:
        body = [f"{inner}return {awaited}{call}._call({method.variable}, (), {_arguments(names)})"]
    lines += [mark, *_def(method.name, _signature(impl, []), returns, asynchronous and not paginated, indent),
              f'{inner}"""{_doc(doc, op, [*params, *fields], note, inner)}"""', *body]
    return lines


def _doc(doc: dict[str, Any], op: dict[str, Any], params: list[Param], note: str, indent: str) -> str:
    return "\n".join(signatures.docstring(doc, op, params, note, indent)) + f"\n{indent}"


def _wrapper(doc: dict[str, Any], resource: str, own: list[Method], children: list[str],
             asynchronous: bool) -> list[str]:
    """`ContactsWithRawResponse`: the methods of a resource built on a raw client, typed as returning APIResponse."""
    plain, raw = _class(resource or TOP_LEVEL, asynchronous), _raw_class(resource or TOP_LEVEL, asynchronous)
    lines = ["", "", f"class {raw}:",
             f'    """`client.with_raw_response.{resource}`: the methods of `{plain}`, returning `APIResponse`."""',
             "", f"    def __init__(self, resource: {plain}) -> None:", "        self._resource = resource"]
    for m in own:
        wrap = ("async_list_to_raw" if m.kind == "list" else "async_to_raw") if asynchronous else "to_raw"
        lines.append(f"        self.{m.name} = {wrap}(resource.{m.name})")
    for child in children:
        name, cls = child.rsplit(".", 1)[1], _raw_class(child, asynchronous)
        lines += ["", "    @cached_property", f"    def {name}(self) -> {cls}:",
                  f"        return {cls}(self._resource.{name})"]
    return lines


_IMPORTS = [
    "import builtins",
    "from collections import abc",
    "from collections.abc import Iterable, Mapping",
    "from datetime import date, datetime",
    "from functools import cached_property",
    "from typing import Any, Literal, overload",
    "from uuid import UUID",
    "",
    "import httpx",
    "",
    "from topo_ext._operations import Operation",
    "from topo_ext._spec import OperationSpec, ParameterSpec",
    "from topo_ext._pagination import AsyncPaginator, SyncPage, async_list, sync_list",
    "from topo_ext._resource import (NOT_GIVEN, AsyncAPIResource, NotGiven, SyncAPIResource, async_batch, "
    "async_list_to_raw, async_to_raw, operation, sync_batch, to_raw)",
    "",
]


_IMPORTED = {name.strip("(), ") for line in _IMPORTS for name in line.rsplit("import ", 1)[-1].split(",") if line}


def _resource_module(doc: dict[str, Any], models: set[str], values: dict[str, str], top: str,
                     group: list[Method]) -> str:
    paths = {".".join(m.resource.split(".")[:depth]) for m in group for depth in range(1, m.resource.count(".") + 2)}
    resources = sorted(paths, key=lambda r: (-r.count("."), r))  # children first; parents without operations too
    api = sorted({(m.tag, m.operation_id) for m in group})
    responses = sorted({m.model.removeprefix("list[").removesuffix("]") for m in group if m.model} |
                       {_page_item(doc, m.model) for m in group if m.kind == "list" and m.model})
    types = Types(doc, models, values)
    classes: list[str] = []
    for asynchronous in (False, True):
        for resource in resources:
            children = sorted(r for r in resources if r.rsplit(".", 1)[0] == resource and r.count(".") ==
                              resource.count(".") + 1)
            own = [m for m in group if m.resource == resource]
            base = "AsyncAPIResource" if asynchronous else "SyncAPIResource"
            classes += ["", "", f"class {_class(resource, asynchronous)}({base}):",
                        f'    """`client.{resource}`{" (AsyncTopo)" if asynchronous else ""}."""']
            for m in own:
                classes += ["", *_method(doc, types, m, asynchronous, "self._client")]
            for child in children:
                cls = _class(child, asynchronous)
                classes += ["", "    @cached_property", f"    def {child.rsplit('.', 1)[1]}(self) -> {cls}:",
                            f"        return {cls}(self._client)"]
        for resource in resources:
            children = [r for r in resources if r.rsplit(".", 1)[0] == resource and r.count(".") ==
                        resource.count(".") + 1]
            classes += _wrapper(doc, resource, [m for m in group if m.resource == resource], sorted(children),
                                asynchronous)
    clash = (types.imports | set(responses)) & _IMPORTED
    if clash:
        raise SystemExit(f"generate: model name(s) {', '.join(sorted(clash))} clash with names resources import")
    lines = [f'"""`client.{top}`: generated from the spec by generator/resources.py; do not edit."""', "",
             *_IMPORTS, *(f"from ..api.{tag} import {op_id}" for tag, op_id in api),
             f"from ..models import {', '.join(sorted(types.imports))}" if types.imports else "",
             f"from ._values import {', '.join(sorted(types.aliases))}" if types.aliases else "",
             f"from ..responses import {', '.join(responses)}" if responses else "", ""]
    lines += [_operation(doc, m, f"{m.operation_id}.build_request",
                         (m.model or "None").replace("list[", "builtins.list[")) for m in group]
    return "\n".join(lines + classes) + "\n"


def _client_module(doc: dict[str, Any], models: set[str], tops: list[str], top_level: list[Method]) -> str:
    """The clients' bases: resource attributes (imported on first use) and the top-level methods (their operation
    names its builder and model, imported on first call), typed per mode (plain, raw response)."""
    types = Types(doc, models)
    lines = [
        '"""The resources of `Topo` and `AsyncTopo`, from the spec\'s x-topo-resource / x-topo-method (generated by',
        "generator/resources.py; do not edit). Resources are imported on first use: creating a client loads no",
        'model."""',
        "",
        "from __future__ import annotations",
        "",
        "from collections.abc import Mapping",  # ruff keeps an unused import of an __init__.py: only what is used
        "from typing import TYPE_CHECKING, Any, overload",
        "",
        "import httpx",
        "",
        "from topo_ext._operations import Operation",
        "from topo_ext._resource import APIResource, M, Resource, operation",
        "from topo_ext._response import APIResponse, Plain, Raw",
        "from topo_ext._spec import OperationSpec, ParameterSpec",
        "",
        "if TYPE_CHECKING:",
        "    from collections.abc import Callable",
    ]
    for top in tops:
        names = [f(top, a) for f in (_class, _raw_class) for a in (False, True)]
        lines.append(f"    from .{top} import {', '.join(sorted(names))}")
    if top_level:
        lines.append(f"    from ..responses import {', '.join(sorted({m.model for m in top_level if m.model}))}")
    lines.append("")
    for m in top_level:
        op = _operations(doc)[m.operation_id]
        if m.kind != "op" or (m.model and m.model.startswith("list[")) or op.get("parameters") or \
                "requestBody" in op:
            raise SystemExit(f"generate: {m.operation_id}: a top-level operation must be one call without parameters "
                             "or body, with a model (or none)")
        model = f'"topo_client.responses:{m.model}"' if m.model else "None"
        lines.append(_operation(doc, m, f'"topo_client.api.{m.tag}.{m.operation_id}:build_request"', model))
    for asynchronous in (False, True):
        name = "AsyncResources" if asynchronous else "SyncResources"
        lines += ["", "", f"class {name}(APIResource[M]):",
                  f'    """What every {"AsyncTopo" if asynchronous else "Topo"} has: one attribute per resource, '
                  'and the top-level operations."""', "",
                  "    if TYPE_CHECKING:", "        _raw: bool", "        _call: Callable[..., Any]", ""]
        for top in tops:
            plain, raw = _class(top, asynchronous), _raw_class(top, asynchronous)
            lines.append(f'    {top}: Resource[{plain}, {raw}] = Resource("topo_client.resources.{top}", "{plain}", '
                         f'"{raw}")')
        for m in top_level:  # typed per mode: `client.with_raw_response.me()` returns an APIResponse
            returns = m.model or "None"
            for mode, shown in (("Raw", f"APIResponse[{returns}]"), ("Plain", returns)):
                sig = _def(m.name, [f"self: {name}[{mode}]", "*", *OPTION_PARAMS], shown, asynchronous)
                lines += ["", "    @overload", *sig[:-1], sig[-1] + " ..."]
            method = _method(doc, types, m, asynchronous, "self")
            end = next(i for i, line in enumerate(method) if line.startswith("    ) -> "))
            method[end] = "    ) -> Any:"
            lines += ["", *method]
    return "\n".join(lines).rstrip() + "\n"


def _models(package: Path) -> set[str]:
    """The classes `topo_client.models` exports (request models and enums)."""
    text = (package / "models" / "__init__.py").read_text()
    return set(re.findall(r'^\s+"(\w+)",$', text, re.MULTILINE))


def generate(doc: dict[str, Any], package: Path) -> None:
    """Write `package/resources/` for the bundled spec `doc` (after the endpoint and model modules exist)."""
    found = methods(doc)
    groups: dict[str, list[Method]] = defaultdict(list)
    for method in found:
        groups[method.resource.split(".")[0] or TOP_LEVEL].append(method)
        if not (package / "api" / method.tag / f"{method.operation_id}.py").is_file():
            raise SystemExit(f"generate: no endpoint module api/{method.tag}/{method.operation_id}.py")
    models, values = _models(package), {}
    out = package / "resources"
    out.mkdir()
    for top, group in groups.items():
        if top != TOP_LEVEL:
            (out / f"{top}.py").write_text(_resource_module(doc, models, values, top, group))
    (out / "_values.py").write_text("\n".join([
        '"""The values the spec lists for each enum parameter, as `Literal` aliases of the method signatures',
        '(generated by generator/resources.py; do not edit)."""', "", "from typing import Literal", "",
        *(f"{name} = {literal}" for name, literal in sorted(values.items()))]) + "\n")
    tops = sorted(t for t in groups if t != TOP_LEVEL)
    (out / "__init__.py").write_text(_client_module(doc, models, tops, groups.get(TOP_LEVEL, [])))
