"""Bundle `spec/topo.openapi.yaml` and `spec/resources/*.yaml` into one OpenAPI document.

Fragments hold `tags`, `paths`, `webhooks` and `components`; they reference shared components as if everything
were one document. A name defined twice is an error, so two fragments can never silently overwrite each other.
Output is JSON with sorted keys at every level except where order is meaningful (lists), so the bundle is
byte-identical for the same input.
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
SPEC_DIR = ROOT / "spec"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader is ~8x faster; both are safe loaders


def _merge_map(target: dict[str, Any], extra: dict[str, Any], where: str) -> None:
    for key, value in extra.items():
        if key in target:
            raise SystemExit(f"bundle: {where}.{key} is defined twice (second time in a fragment)")
        target[key] = value


def bundle(spec_dir: Path = SPEC_DIR) -> dict[str, Any]:
    """Return the merged document."""
    doc: dict[str, Any] = yaml.load((spec_dir / "topo.openapi.yaml").read_text(), Loader=_LOADER)  # noqa: S506
    doc.setdefault("tags", [])
    doc.setdefault("paths", {})
    doc.setdefault("webhooks", {})
    components = doc.setdefault("components", {})
    for fragment_path in sorted((spec_dir / "resources").glob("*.yaml")):
        try:
            fragment = yaml.load(fragment_path.read_text(), Loader=_LOADER) or {}  # noqa: S506
        except yaml.YAMLError as exc:
            raise SystemExit(f"bundle: {fragment_path.relative_to(spec_dir)} is not valid YAML: {exc}") from None
        unknown = set(fragment) - {"tags", "paths", "webhooks", "components"}
        if unknown:
            raise SystemExit(f"bundle: {fragment_path.name} has unexpected top-level keys {sorted(unknown)}")
        doc["tags"].extend(fragment.get("tags", []))
        _merge_map(doc["paths"], fragment.get("paths", {}), f"{fragment_path.name}: paths")
        _merge_map(doc["webhooks"], fragment.get("webhooks", {}), f"{fragment_path.name}: webhooks")
        for section, entries in fragment.get("components", {}).items():
            _merge_map(components.setdefault(section, {}), entries, f"{fragment_path.name}: components.{section}")
    doc["tags"].sort(key=lambda tag: tag["name"])
    return doc


# Open sets (spec/README.md "Open sets"): marked `x-topo-open: true` beside their `enum` / `oneOf` in the spec.
# `topo_client._schema.open_marked` (the client's reading of the shipped spec) undoes what `shipped` does.
OPEN = "x-topo-open"
_LISTED = ("type", "enum", "oneOf", "discriminator")
_ANY_EVENT = {"type": "object", "required": ["type"], "properties": {"type": {"type": "string"}},
              "description": "An event type this spec does not list yet."}


def shipped(doc: dict[str, Any]) -> dict[str, Any]:
    """The document the package ships (a copy of `doc`): open enums and the event union in standard JSON Schema
    (`anyOf` of the listed values and any string / any event), so that validators, mock servers and other
    generators accept new values as the client does. The generators read the marked form (`bundle`)."""
    doc = copy.deepcopy(doc)
    for schema in doc.get("components", {}).get("schemas", {}).values():
        if schema.get(OPEN) is True and ("enum" in schema or "oneOf" in schema) and "anyOf" not in schema:
            listed = {key: schema.pop(key) for key in _LISTED if key in schema}
            schema["anyOf"] = [listed, {"type": "string"} if "enum" in listed else copy.deepcopy(_ANY_EVENT)]
    return doc


def dumps(doc: dict[str, Any]) -> str:
    return json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spec-dir", type=Path, default=SPEC_DIR)
    parser.add_argument("--out", type=Path, help="write here instead of stdout")
    args = parser.parse_args(argv)
    text = dumps(bundle(args.spec_dir))
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
