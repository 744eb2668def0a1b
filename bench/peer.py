"""The pydantic-v2 peer: models of the spec's schemas as datamodel-code-generator writes them, generated at bench time.

This is what a pydantic-based client (Stainless, Speakeasy, Fern) would decode with: one `BaseModel` per schema,
`extra='allow'` so unknown fields are kept as ours are. `allOf` is merged into one object schema first, because
datamodel-codegen keeps the base's `items: list[Any]` when a page schema narrows `items` with `allOf` (the peer would
then skip validating the items, which no real client does). The module is cached in bench/.work/ under a hash of
its inputs, so only the first run after a spec or tool change pays for the generation.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path
from types import ModuleType
from typing import Any

from specpages import ListOperation, merged, spec

WORK = Path(__file__).resolve().parent / ".work"
OPTIONS = ["--input-file-type", "openapi", "--output-model-type", "pydantic_v2.BaseModel", "--extra-fields", "allow",
           "--target-python-version", "3.11", "--output-datetime-class", "datetime", "--use-standard-collections",
           "--use-union-operator", "--disable-timestamp", "--formatters", "builtin"]


def _flattened(node: Any) -> Any:
    """A copy of `node` where every schema with `allOf` is one merged object schema (refs elsewhere kept)."""
    if isinstance(node, dict):
        if "allOf" in node:
            node = merged(node)
        return {k: _flattened(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_flattened(v) for v in node]
    return node


def peer_spec() -> dict[str, Any]:
    doc = dict(spec())
    doc["components"] = {**doc["components"], "schemas": _flattened(doc["components"]["schemas"])}
    return doc


def peer_module(work: Path = WORK) -> ModuleType:
    """Generate (or reuse from the cache) and import the peer models module."""
    text = json.dumps(peer_spec(), indent=1, sort_keys=True)
    key = hashlib.sha256("\0".join([text, version("datamodel-code-generator"), *OPTIONS]).encode()).hexdigest()[:12]
    name = f"peer_pydantic_{key}"
    out = work / f"{name}.py"
    if not out.exists():
        work.mkdir(parents=True, exist_ok=True)
        source = work / f"peer-spec-{key}.json"
        source.write_text(text)
        partial = out.with_suffix(".tmp")
        cmd = [str(Path(sys.executable).parent / "datamodel-codegen"), "--input", str(source),
               "--output", str(partial), *OPTIONS]
        result = subprocess.run(cmd, capture_output=True, text=True)
        if result.returncode != 0:
            raise RuntimeError(f"datamodel-codegen failed:\n{result.stdout}{result.stderr}")
        partial.replace(out)  # atomic: an interrupted run never leaves a half-written cache entry
    if name in sys.modules:
        return sys.modules[name]
    module_spec = importlib.util.spec_from_file_location(name, out)
    assert module_spec is not None
    assert module_spec.loader is not None
    module = importlib.util.module_from_spec(module_spec)
    sys.modules[name] = module
    module_spec.loader.exec_module(module)
    return module


def page_model(module: ModuleType, op: ListOperation) -> Any:
    """What the peer validates `op`'s body with: the page model, or a `RootModel[list[Item]]` for a bare array."""
    from pydantic import RootModel

    wanted = op.schema or op.item_schema
    model = getattr(module, wanted, None)
    if model is None:
        raise LookupError(f"the peer module has no model {wanted!r} for {op.operation_id}")
    if op.schema is None:
        return RootModel[list[model]]  # type: ignore[valid-type]
    return model
