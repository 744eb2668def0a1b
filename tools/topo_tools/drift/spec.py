"""The spec side of `python -m topo_tools.drift`: the bundled OpenAPI document indexed for matching responses."""

from __future__ import annotations

import importlib.util
import json
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from topo_client._schema import Shape, deref, node_at, object_shape, ref_problems
from topo_ext._spec import document

CAMEL_ROOTS = ("Activity", "ActivityPage", "ActivityPayload")  # decoded by topo_ext.events, which accepts camelCase
METHODS = ("get", "put", "post", "delete", "patch", "head", "options")


class UsageError(Exception):
    """Bad arguments or unreadable input (exit status 2)."""


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def _accepts(allowed: set[str], actual: str) -> bool:
    return actual in allowed or (actual == "integer" and "number" in allowed)


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path and not name.startswith("[") else f"{path}{name}"


def _today() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%d")



def _pyyaml() -> Any:
    try:
        import yaml  # type: ignore[import-untyped]  # PyYAML, which vcrpy needs anyway; not a runtime dependency
    except ImportError:
        raise UsageError("cassettes and patches are YAML: this needs PyYAML (pip install pyyaml)") from None
    return yaml



# ---- the spec --------------------------------------------------------------------------------------------------


class Spec:
    """The bundled OpenAPI document, indexed for matching responses."""

    def __init__(self, doc: dict[str, Any]) -> None:
        self.doc = doc
        self.schemas: dict[str, Any] = doc.get("components", {}).get("schemas", {})
        self.version = str(doc.get("info", {}).get("version", "?"))
        server = (doc.get("servers") or [{}])[0].get("url", "")
        self.base_path = urlsplit(server).path.rstrip("/")
        self.routes: list[tuple[re.Pattern[str], str]] = []
        self.operations: dict[str, tuple[str, str]] = {}
        for template, item in doc.get("paths", {}).items():
            pattern = re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(template))
            self.routes.append((re.compile(f"^{pattern}/?$"), template))
            for method, op in item.items():
                if method in METHODS and isinstance(op, dict) and "operationId" in op:
                    self.operations[op["operationId"]] = (method, template)
        self.routes.sort(key=lambda r: (r[1].count("{"), r[1]))  # literal segments win over parameters
        self.camel = self._closure([r for r in CAMEL_ROOTS if r in self.schemas])

    def _closure(self, roots: list[str]) -> set[str]:
        seen: set[str] = set()
        stack = list(roots)
        while stack:
            name = stack.pop()
            if name not in seen and name in self.schemas:
                seen.add(name)
                stack.extend(re.findall(r"#/components/schemas/([^\"/]+)", json.dumps(self.schemas[name])))
        return seen

    def node_at(self, pointer: str) -> Any:
        return node_at(self.doc, pointer)

    def deref(self, node: dict[str, Any], pointer: str) -> tuple[dict[str, Any], str]:
        """Follow local `$ref`s; return the target and its pointer."""
        try:
            return deref(self.doc, node, pointer)
        except ValueError as exc:
            raise UsageError(str(exc)) from None

    def allowed_types(self, node: dict[str, Any], depth: int = 0) -> set[str] | None:
        """The JSON types `node` accepts, or None for any."""
        if depth > 30:
            return None
        if "$ref" in node:
            return self.allowed_types(self.deref(node, "")[0], depth + 1)
        out: set[str] | None = None
        kind = node.get("type")
        if "const" in node:
            out = {_json_type(node["const"])}
        elif isinstance(kind, str):
            out = {kind}
        elif isinstance(kind, list):
            out = set(kind)
        elif "enum" in node:
            out = {_json_type(v) for v in node["enum"]}
        for key in ("oneOf", "anyOf"):
            if key in node:
                union: set[str] | None = set()
                for branch in node[key]:
                    branch_types = self.allowed_types(branch, depth + 1)
                    if branch_types is None or union is None:
                        union = None
                    else:
                        union |= branch_types
                if union is not None:
                    out = union if out is None else out & union
        for part in node.get("allOf", []):
            part_types = self.allowed_types(part, depth + 1)
            if part_types is not None:
                out = part_types if out is None else out & part_types
        if out is None and ("properties" in node or "additionalProperties" in node):
            out = {"object"}
        if out is None and "items" in node:
            out = {"array"}
        return out

    def shape(self, node: dict[str, Any], pointer: str) -> Shape:
        """The object's merged properties; which keys it describes is `keys.py`'s rule."""
        try:
            return object_shape(self.doc, node, pointer)
        except ValueError as exc:
            raise UsageError(str(exc)) from None

    def match(self, raw_path: str) -> str | None:
        """The path template for a request path, or None."""
        path = urlsplit(raw_path).path or "/"
        if self.base_path and (path == self.base_path or path.startswith(self.base_path + "/")):
            path = path[len(self.base_path):] or "/"
        for pattern, template in self.routes:
            if pattern.match(path):
                return template
        return None


def load_spec(where: str | None, bundler: Path | None = None) -> Spec:
    """The spec to check against: `where` is a bundled .json or a spec directory (bundled with `bundler`, the
    checkout's `generator/bundle.py`); None means the spec shipped in `topo_client`."""
    if where is None:
        return Spec(document())
    path = Path(where)
    if path.suffix == ".json":
        try:
            return _checked(where, json.loads(path.read_text()))
        except (OSError, ValueError) as exc:
            raise UsageError(f"--spec {where}: {exc}") from None
    spec_dir = path if path.is_dir() else path.parent
    if not (spec_dir / "topo.openapi.yaml").exists():
        raise UsageError(f"--spec {where}: neither a bundled .json nor a spec directory with topo.openapi.yaml")
    if bundler is None or not bundler.is_file():
        raise UsageError(f"--spec {where}: bundling a spec directory needs --bundler (a checkout's "
                         f"generator/bundle.py; got {bundler}); or pass a bundled .json")
    loader = importlib.util.spec_from_file_location("_topo_bundle", bundler)
    if loader is None or loader.loader is None:
        raise UsageError(f"--bundler {bundler}: not a Python module")
    module = importlib.util.module_from_spec(loader)
    try:
        loader.loader.exec_module(module)
        doc = module.bundle(spec_dir)
    except SystemExit as exc:
        raise UsageError(f"--spec {where}: {exc}") from None
    return _checked(where, doc)


def _checked(where: str, doc: Any) -> Spec:
    """`doc` indexed, once its `$ref`s are known to lead somewhere (else the first bad one, a usage error)."""
    if not isinstance(doc, dict):
        raise UsageError(f"--spec {where}: not an OpenAPI document (a JSON object)")
    if problems := ref_problems(doc):
        more = f" (and {len(problems) - 1} more bad $ref(s))" if len(problems) > 1 else ""
        raise UsageError(f"--spec {where}: {problems[0]}{more}")
    return Spec(doc)
