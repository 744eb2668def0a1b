"""The files `python -m topo_tools.api_diff` reads besides Python sources: the bundled spec (and
its one-line summary) and the accepted list.

Each is bounded like the client's answers (`topo_ext._limits.Limits`: 64 MiB, JSON 64 levels deep) and strict
UTF-8; a file over a bound, unreadable or of the wrong shape is a `UsageError` naming it (exit 2, never 1, which
means "a breaking change was found").
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml  # type: ignore[import-untyped]  # PyYAML, a dev dependency

from topo_ext._limits import DEFAULT_LIMITS, TooDeep, check_depth, printable

from .drift.inputs import read_text  # the same bounded, strict UTF-8 read as the drift tool's inputs
from .drift.spec import UsageError as UsageError  # re-exported: api_diff raises and catches it

SPEC = Path("generated/topo_client/openapi.json")
MAX_DEPTH = DEFAULT_LIMITS.max_json_depth




def _one_line(exc: BaseException) -> str:
    return printable(" ".join(str(exc).split()))


def read_spec(path: Path) -> dict[str, Any] | None:
    """The bundled OpenAPI document at `path` (None if there is none): a JSON object."""
    if not path.exists():
        return None
    text = read_text(path)
    try:
        check_depth(text.encode(), MAX_DEPTH)  # before decoding: json.loads recurses (RecursionError)
        doc = json.loads(text)
    except TooDeep as exc:
        raise UsageError(f"{path}: {exc}") from None
    except ValueError as exc:
        raise UsageError(f"{path}: not valid JSON: {_one_line(exc)}") from None
    if not isinstance(doc, dict):
        raise UsageError(f"{path}: expected an OpenAPI document (a JSON object), got a JSON {type(doc).__name__}")
    for key in ("info", "paths", "components"):
        if not isinstance(doc.get(key, {}), dict):
            raise UsageError(f"{path}: `{key}` is not an object")
    if not isinstance(doc.get("components", {}).get("schemas", {}), dict) or not all(
            isinstance(item, dict) for item in doc.get("paths", {}).values()):
        raise UsageError(f"{path}: `paths` and `components.schemas` must map names to objects")
    return doc


def load_accepted(path: Path) -> list[dict[str, str]]:
    """The entries of api-diff-accepted.yaml ([] if there is no such file)."""
    if not path.exists():
        return []
    text = read_text(path)
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        raise UsageError(f"{path}: not valid YAML: {_one_line(exc)}") from None
    except RecursionError:
        raise UsageError(f"{path}: YAML nested too deeply to read") from None
    entries = data.get("accepted") or [] if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise UsageError(f"{path}: expected `accepted:` with a list of {{path, reason}} entries")
    for n, entry in enumerate(entries, 1):
        if not isinstance(entry, dict) or not entry.get("path") or not str(entry.get("reason") or "").strip():
            raise UsageError(f"{path}: entry {n} needs a `path` and a non-empty `reason`")
        if not all(isinstance(entry.get(key, ""), str) for key in ("path", "change", "reason")):
            raise UsageError(f"{path}: entry {n}: `path`, `change` and `reason` must be strings")
    return entries


def spec_summary(old_root: Path, new_root: Path) -> str:
    """One line: the spec's version, operations and schemas added and removed."""
    docs = []
    for root in (old_root, new_root):
        docs.append(read_spec(root / SPEC))
    old, new = docs
    if old is None or new is None:
        return f"spec: {SPEC} is missing {'on the old side' if old is None else 'in the working tree'}"

    def operations(doc: dict[str, Any]) -> set[str]:
        return {f"{method.upper()} {path}" for path, item in doc.get("paths", {}).items()
                for method in item if method in ("get", "put", "post", "patch", "delete")}

    def schemas(doc: dict[str, Any]) -> set[str]:
        return set(doc.get("components", {}).get("schemas", {}))

    parts = [f"{old.get('info', {}).get('version')} -> {new.get('info', {}).get('version')}"]
    for label, of in (("operations", operations), ("schemas", schemas)):
        added, removed = sorted(of(new) - of(old)), sorted(of(old) - of(new))
        names = "".join(f"; {sign}{', '.join(items[:5])}{' ...' if len(items) > 5 else ''}"
                        for sign, items in (("+", added), ("-", removed)) if items)
        parts.append(f"{label} +{len(added)} -{len(removed)}{names}")
    return "spec: " + " | ".join(parts)
