"""`--apply`: edit the spec's YAML files in place with a `--patch` file, keeping comments and layout."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from topo_client._schema import unesc as _unesc

from .inputs import MAX_DEPTH, read_yaml
from .spec import UsageError, _pyyaml

MAX_NODES = 1_000_000  # values in a patch file; far beyond any review-sized patch


def _ruamel() -> Any:
    try:
        from ruamel.yaml import YAML
    except ImportError:
        raise UsageError("--apply needs ruamel.yaml (requirements/dev.txt): it keeps the spec's comments") from None
    rt = YAML()
    rt.preserve_quotes = True
    rt.width = 100_000
    rt.indent(mapping=2, sequence=4, offset=2)
    rt.representer.add_representer(
        type(None), lambda r, _: r.represent_scalar("tag:yaml.org,2002:null", "null"))
    return rt


def _to_yaml_node(value: Any) -> Any:
    """Plain data as ruamel nodes; short lists of scalars in flow style like the spec's `type: [string, 'null']`."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import LiteralScalarString

    if isinstance(value, dict):
        node = CommentedMap()
        for k, v in value.items():
            node[k] = _to_yaml_node(v)
        return node
    if isinstance(value, list):
        seq = CommentedSeq(_to_yaml_node(v) for v in value)
        if all(not isinstance(v, dict | list) for v in value):
            seq.fa.set_flow_style()
        return seq
    return LiteralScalarString(value) if isinstance(value, str) and "\n" in value else value


def _check_tree(data: Any, where: str) -> None:
    """Refuse YAML aliases that make `data` loop or explode (`&a [*a]`, a billion laughs): a patch is a small tree."""
    stack, seen = [(data, 0)], 0
    while stack:
        node, depth = stack.pop()
        seen += 1
        if depth > MAX_DEPTH:
            raise UsageError(f"{where}: nested deeper than {MAX_DEPTH} levels (a YAML alias that contains itself?)")
        if seen > MAX_NODES:
            raise UsageError(f"{where}: larger than {MAX_NODES} values (YAML aliases repeating one another?)")
        children = node.values() if isinstance(node, dict) else node if isinstance(node, list) else ()
        stack.extend((child, depth + 1) for child in children)


def apply_patch(patch_path: Path, spec_dir: Path) -> str:
    """Apply a --patch file to the YAML files of `spec_dir`; return a summary line."""
    yaml = _pyyaml()

    try:
        patch = read_yaml(patch_path)
    except UsageError as exc:  # it names the file and what is wrong
        raise UsageError(f"--apply {exc}") from None
    if not isinstance(patch, dict) or not isinstance(patch.get("operations"), list):
        raise UsageError(f"--apply {patch_path}: not a drift patch (no `operations` list)")
    _check_tree(patch, f"--apply {patch_path}")
    rt = _ruamel()
    files = [spec_dir / "topo.openapi.yaml", *sorted((spec_dir / "resources").glob("*.yaml"))]
    if not files[0].exists():
        raise UsageError(f"--spec-dir {spec_dir}: no topo.openapi.yaml there")
    defined: dict[tuple[str, ...], Path] = {}  # which file defines each component, path and webhook
    for f in files:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C build of the safe loader, if present
        index = yaml.load(f.read_text(), Loader=loader) or {}
        for section in ("paths", "webhooks"):
            defined.update({(section, name): f for name in index.get(section) or {}})
        for kind, entries in (index.get("components") or {}).items():
            defined.update({("components", kind, name): f for name in entries or {}})
    docs: dict[Path, Any] = {}  # round-trip loaded (slow, keeps comments): only the files that change
    changed: set[Path] = set()
    applied = skipped = 0

    def top(pointer: str) -> tuple[str, ...]:
        tokens = [_unesc(t) for t in pointer.split("/")[1:]]
        return tuple(tokens[:3] if tokens[:1] == ["components"] else tokens[:2])

    for n, op in enumerate(patch["operations"], 1):
        where = f"--apply {patch_path}: operation {n}"
        if not isinstance(op, dict) or op.get("op") != "add" or "value" not in op:
            raise UsageError(f"{where}: expected {{op: add, path, value}}")
        path = str(op.get("path", ""))
        tokens = [_unesc(t) for t in path.split("/")[1:]]
        if not path.startswith("/") or tokens[0] not in ("components", "paths", "webhooks") or len(tokens) < 2:
            raise UsageError(f"{where}: path {path!r} must point into /components, /paths or /webhooks")
        target = defined.get(top(path)) or (defined.get(top(str(op["beside"]))) if op.get("beside") else None)
        if target is None:
            raise UsageError(f"{where}: no spec file defines {path!r} (nor its `beside`)")
        defined[top(path)] = target
        if target not in docs:
            docs[target] = rt.load(target.read_text())
        node = docs[target]
        for token in tokens[:-1]:
            if isinstance(node, list):
                node = node[int(token)]
            else:
                if token not in node:
                    node[token] = _to_yaml_node({})
                node = node[token]
        last, value = tokens[-1], op["value"]
        if isinstance(node, list) and last == "-":
            if value in node:
                skipped += 1
                continue
            node.append(_to_yaml_node(value))
        elif isinstance(node, dict):
            if last in node:
                if node[last] == value:
                    skipped += 1
                    continue
                raise UsageError(f"{where}: {path} already exists with another value; edit the patch or the spec")
            node[last] = _to_yaml_node(value)
        else:
            raise UsageError(f"{where}: {path} does not lead to a mapping or a list")
        applied += 1
        changed.add(target)
    for f in sorted(changed):
        with f.open("w") as out:
            rt.dump(docs[f], out)
    if not changed:
        return f"nothing to apply: all {skipped} operation(s) are already in {spec_dir}"
    names = ", ".join(str(f.relative_to(spec_dir)) for f in sorted(changed))
    return f"applied {applied} operation(s) to {names} ({skipped} already present); now run `make generate`"

