"""Emit `api.md`: the API reference, as Stainless writes it, from the bundled spec and the generated package.

Per resource (from `x-topo-resource` / `x-topo-method`, through `resources.methods`, so the same names as the
client): every method with its signature (the generated method's keyword form, minus the per-request options
every method takes), the HTTP call, a line of purpose (the summary), the scopes, and
"inferred" where the spec marks the operation `x-topo-source: inferred`; then every model of the spec. Deterministic:
the same spec gives the same bytes.
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

from resources import HTTP_METHODS, Method, _class, methods

OPTIONS = ("extra_headers", "extra_query", "extra_body", "timeout")  # the per-request options of every method
INFERRED = "inferred"


def _generated(package: Path, method: Method) -> ast.FunctionDef | ast.AsyncFunctionDef:
    """The sync method as generated (`resources/`): its keyword form, the first overload if it has several (the
    client's own methods: the plain client's overload)."""
    top = method.resource.split(".")[0]
    tree = ast.parse((package / "resources" / (f"{top}.py" if top else "__init__.py")).read_text())
    cls = next(node for node in tree.body if isinstance(node, ast.ClassDef) and node.name == (
        _class(method.resource, False) if top else "SyncResources"))
    forms = [node for node in cls.body if isinstance(node, ast.FunctionDef) and node.name == method.name]
    plain = [f for f in forms if f.args.args and "Plain" in ast.unparse(f.args.args[0].annotation or ast.Pass())]
    return (plain or forms)[0]


def _call(package: Path, method: Method) -> str:
    """`client.contacts.get(contact_id: str | UUID) -> Contact`: the generated signature, without the per-request
    options every method takes."""
    func = _generated(package, method)
    args = func.args
    defaults = [None] * (len(args.args) - len(args.defaults)) + list(args.defaults)
    shown = [_param(a, d) for a, d in zip(args.args, defaults, strict=True)][1:]  # without self
    keywords = [_param(a, d) for a, d in zip(args.kwonlyargs, args.kw_defaults, strict=True) if a.arg not in OPTIONS]
    params = ", ".join([*shown, *(["*", *keywords] if keywords else [])])
    path = ".".join(filter(None, ["client", method.resource, method.name]))
    return f"{path}({params}) -> {ast.unparse(func.returns) if func.returns else 'None'}"


def _param(arg: ast.arg, default: ast.expr | None) -> str:
    text = f"{arg.arg}: {ast.unparse(arg.annotation)}" if arg.annotation else arg.arg
    return f"{text} = {ast.unparse(default)}" if default is not None else text


def _operations(doc: dict[str, Any]) -> dict[str, tuple[str, str, dict[str, Any]]]:
    """operationId -> (HTTP method, path, operation)."""
    return {op["operationId"]: (verb.upper(), path, op) for path, item in doc["paths"].items()
            for verb in HTTP_METHODS if (op := item.get(verb)) is not None}


def _first_line(text: str | None) -> str:
    return " ".join((text or "").strip().split("\n\n")[0].split())


def render(doc: dict[str, Any], package: Path) -> str:
    """The text of api.md for the bundled spec `doc` and the generated package at `package`."""
    ops = _operations(doc)
    found = methods(doc)
    lines = [
        "# API reference",
        "",
        "<!-- Generated from spec/ by generator/apimd.py (`make generate`); do not edit. -->",
        "",
        f"`Topo` (`from topo_ext import Topo`) has the methods below; `AsyncTopo` has the same ones, awaited (a list "
        "returns an `AsyncPaginator`: `async for` walks every item). Every method also takes the per-request options "
        f"{', '.join(f'`{o}`' for o in OPTIONS)}. *Inferred* marks an operation the docs leave open, where the "
        "spec records its guess (`x-topo-source: inferred`, see spec/README.md). A list asks for the documented "
        "maximum `size` unless you pass one. Models are in `topo_ext.models`. Beyond the spec, `client.activities` "
        "also has `stream()` and `partition()` (README).",
        "",
    ]
    for resource in sorted({m.resource for m in found}, key=lambda r: (r != "", r)):
        lines += [f"## {f'`client.{resource}`' if resource else 'The client'}", ""]
        for method in (m for m in found if m.resource == resource):
            verb, path, op = ops[method.operation_id]
            scopes = ", ".join(f"`{s}`" for s in op.get("x-topo-scopes", ())) or "none"
            marks = f" · *{INFERRED}*" if op.get("x-topo-source") == INFERRED else ""
            lines += [f"### `{method.name}`", "",
                      f"`{verb} {path}` · scopes: {scopes}{marks} · `{method.operation_id}`", "",
                      _first_line(op.get("summary")).rstrip(".") + ".", "",
                      "```python", _call(package, method), "```", ""]
    lines += ["## Models", "",
              "Response models (msgspec Structs), request models (attrs) and enums, all in `topo_ext.models`.", "",
              "| Model | What it is |", "|---|---|"]
    schemas = doc["components"]["schemas"]
    for name, docstring in sorted(_models(package).items()):
        schema = schemas.get(name, {})
        marks = f" *{INFERRED}*" if schema.get("x-topo-source") == INFERRED else ""
        lines.append(f"| `{name}` | {_first_line(schema.get('description') or docstring).replace('|', '/')}{marks} |")
    return "\n".join(lines) + "\n"


def _models(package: Path) -> dict[str, str | None]:
    """The classes `topo_ext.models` re-exports (`responses.py`, and `models/` by its `__all__`), with docstrings."""
    found: dict[str, str | None] = {}
    for path in [package / "responses.py", *sorted((package / "models").glob("*.py"))]:
        for node in ast.parse(path.read_text()).body:
            if isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
                found.setdefault(node.name, ast.get_docstring(node))
    return found
