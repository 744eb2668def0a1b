"""Compare the public Python API (topo_client + topo_ext) of a git ref with the working tree: `make api-diff`.

    python -m topo_tools.api_diff [--ref REF | --old-dir DIR] [--new-dir DIR] [--accepted FILE]

REF defaults to the last commit that touched generated/ (else HEAD); its `generated/` and `topo_ext/` are exported
with `git archive`. `--old-dir` / `--new-dir` compare two checkouts (directories holding `generated/topo_client`
and/or `topo_ext`). The surface is read statically with griffe: modules, classes, functions with their parameters,
attributes with their types, and for classes without an `__init__` (attrs models, msgspec Structs) which fields
are required. Breaking: a removed object or export, a changed kind or type, a removed, moved or now-required
parameter, a new required parameter or field, a removed base class, a changed enum value. Each breaking change
must be listed in api-diff-accepted.yaml (`path`, a glob like `topo_client.models.Contact.*` allowed; optional
`change` code; a `reason`), or the exit status is 1. A one-line summary of the bundled spec (operations and
schemas added/removed) follows. Long values are shown cut (`[... N more characters]`). Exit status: 0 no
unaccepted breaking change, 1 unaccepted ones, 2 usage error (also a spec or accepted file that is unreadable,
over the `Limits` bounds or of the wrong shape: one line naming it).
"""

from __future__ import annotations

import argparse
import fnmatch
import io
import logging
import shutil
import subprocess
import sys
import tarfile
import tempfile
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import griffe

from .api_diff_inputs import UsageError, load_accepted, spec_summary

PACKAGES = (("topo_ext", "."), ("topo_client", "generated"))  # users import topo_ext: its paths name objects first
ACCEPTED = Path("api-diff-accepted.yaml")  # relative to the current directory, like --new-dir
GRIFFE_CODES = {  # griffe's breakage kinds, named like ours so both agree on what one change is
    griffe.BreakageKind.OBJECT_REMOVED: "removed",
    griffe.BreakageKind.OBJECT_CHANGED_KIND: "kind",
    griffe.BreakageKind.PARAMETER_REMOVED: "param-removed",
    griffe.BreakageKind.PARAMETER_CHANGED_REQUIRED: "param-required",
    griffe.BreakageKind.PARAMETER_ADDED_REQUIRED: "param-added-required",
    griffe.BreakageKind.PARAMETER_MOVED: "param-moved",
    griffe.BreakageKind.PARAMETER_CHANGED_KIND: "param-kind",
    griffe.BreakageKind.RETURN_CHANGED_TYPE: "type",
    griffe.BreakageKind.ATTRIBUTE_CHANGED_TYPE: "type",
    griffe.BreakageKind.CLASS_REMOVED_BASE: "base-removed",
}


@dataclass(frozen=True)
class Change:
    path: str  # the public dotted path, as printed and as matched by api-diff-accepted.yaml
    code: str  # added | removed | kind | type | widened | relaxed | param-... | field-required | value | default | ...
    detail: str
    breaking: bool
    subject: str = ""  # the parameter or field concerned
    canonical: str = ""  # where the object is defined (how griffe names it)


# ---- reading the surface ---------------------------------------------------------------------------------------


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _describe(obj: Any) -> dict[str, Any]:
    if obj.is_module:
        return {"kind": "module"}
    if obj.is_class:
        fields: dict[str, bool] = {}
        if "__init__" not in obj.all_members:  # attrs / msgspec: the fields are the constructor
            for name, member in obj.members.items():
                if (member.is_attribute and not name.startswith("_") and member.annotation is not None
                        and "ClassVar" not in str(member.annotation)):
                    fields[name] = member.value is None
        enum = any("Enum" in str(base) for base in obj.bases)
        return {"kind": "class", "bases": [str(b) for b in obj.bases], "fields": fields, "enum": enum}
    if obj.is_function:
        params = [{"name": p.name, "kind": p.kind.value, "required": p.required, "type": _text(p.annotation),
                   "default": _text(p.default)} for p in obj.parameters]
        return {"kind": "function", "params": params, "returns": _text(obj.returns)}
    # `self.x = ...` in __init__: the expression is implementation, not API (a class or module value is)
    value = "" if "instance-attribute" in obj.labels else _text(obj.value)
    return {"kind": "attribute", "type": _text(obj.annotation), "value": value}


def load(root: Path) -> tuple[dict[str, dict[str, Any]], list[Any]]:
    """{public path: description} for both packages under `root`, and the griffe modules."""
    collection = griffe.ModulesCollection()
    loaded = {}
    for package, sub in reversed(PACKAGES):  # topo_client first, so that topo_ext's star imports resolve
        if (root / sub / package).is_dir():
            loaded[package] = griffe.load(package, search_paths=[root / sub], modules_collection=collection,
                                          allow_inspection=False, try_relative_path=False)
    modules = [loaded[package] for package, _ in PACKAGES if package in loaded]
    surface: dict[str, dict[str, Any]] = {}
    visited: set[str] = set()
    queue: deque[tuple[str, Any]] = deque((m.path, m) for m in modules)
    while queue:  # breadth first: an object is listed under its shortest public path
        path, obj = queue.popleft()
        if obj.path in visited:
            continue
        visited.add(obj.path)
        surface[path] = {**_describe(obj), "canonical": obj.path}
        if obj.is_module or obj.is_class:
            for name, member in (obj.members if obj.is_module else obj.all_members).items():
                if not member.is_public or (obj.is_module and member.is_module and name.startswith("_")):
                    continue
                child = f"{path}.{name}"
                if member.is_alias:
                    try:
                        target = member.final_target
                    except (griffe.AliasResolutionError, griffe.CyclicAliasError):
                        surface[child] = {"kind": "alias", "target": member.target_path, "canonical": member.path}
                        continue
                    if obj.is_module:  # a re-export: the name is API; the object is listed where first seen
                        surface[child] = {"kind": "alias", "target": target.path, "canonical": member.path}
                        if target.path.split(".")[0] in {p for p, _ in PACKAGES}:
                            queue.append((child, target))
                        continue
                    member = target
                if obj.is_class:  # members are listed through their class (inherited ones too)
                    surface[child] = {**_describe(member), "canonical": member.path}
                    if member.is_class:
                        queue.append((child, member))
                else:
                    queue.append((child, member))
    return surface, modules


# ---- comparing -------------------------------------------------------------------------------------------------


def _union_members(annotation: str) -> set[str]:
    """The top-level members of `A | B[C | D] | None`."""
    members, depth, current = set(), 0, ""
    for char in annotation:
        depth += 1 if char in "[(" else -1 if char in "])" else 0
        if char == "|" and depth == 0:
            members.add(current.strip())
            current = ""
        else:
            current += char
    members.add(current.strip())
    return members


def _cut(text: str, limit: int = 120) -> str:
    """`text`, or its start and how much was left out: a report line stays readable (an alias is ~1,500 chars)."""
    return text if len(text) <= limit else f"{text[:limit]}[... {len(text) - limit} more characters]"


def _alias_union(value: str) -> tuple[str, str] | None:
    """(union, metadata) of a type alias's value `A | B` or `Annotated[A | B, ...]`, else None."""
    inner, meta = value, ""
    if value.startswith("Annotated[") and value.endswith("]"):
        depth, inner = 0, value[len("Annotated["):-1]
        for i, char in enumerate(inner):  # the first top-level comma ends the type (class names, no strings)
            depth += 1 if char in "[(" else -1 if char in "])" else 0
            if char == "," and depth == 0:
                inner, meta = inner[:i], inner[i + 1:]
                break
    return (inner, meta) if len(_union_members(inner)) > 1 else None


def _type_change(path: str, what: str, old: str, new: str, subject: str = "") -> Change:
    """A changed annotation; only adding union members (e.g. a new event class) is additive, not breaking.

    Gaining just `Unset` is a response field the spec no longer requires: readers already had to tolerate fields
    the API leaves out (the docs' examples omit them), so it is reported as `relaxed`, not breaking.
    """
    if _union_members(old) < _union_members(new):
        gained = _union_members(new) - _union_members(old)
        if gained == {"Unset"}:
            return Change(path, "relaxed", f"{what}: no longer required (may be Unset)", False, subject)
        added = " | ".join(sorted(gained))
        return Change(path, "widened", f"{what}: now also {added}", False, subject)
    return Change(path, "type", f"{what}: {_cut(old) or '?'} -> {_cut(new) or '?'}", True, subject)


def _params(desc: dict[str, Any]) -> dict[str, tuple[int, dict[str, Any]]]:
    return {p["name"]: (i, p) for i, p in enumerate(desc["params"])}


def _compare(path: str, old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    if old["kind"] != new["kind"]:
        return [Change(path, "kind", f"{old['kind']} -> {new['kind']}", True, canonical=new["canonical"])]
    out: list[Change] = []
    kind = old["kind"]
    if kind == "alias" and old["target"] != new["target"]:
        out.append(Change(path, "kind", f"now refers to {new['target']} (was {old['target']})", True))
    elif kind == "class":
        if set(old["bases"]) - set(new["bases"]):
            out.append(Change(path, "base-removed", f"bases {old['bases']} -> {new['bases']}", True))
        for name, required in new["fields"].items():
            if required and not old["fields"].get(name, False):
                what = "is now required" if name in old["fields"] else "added as required"
                out.append(Change(f"{path}.{name}", "field-required", f"field {what}", True, name))
    elif kind == "function":
        old_params, new_params = _params(old), _params(new)
        for name, (i, p) in old_params.items():
            if name not in new_params:
                out.append(Change(path, "param-removed", f"parameter {name!r} removed", True, name))
                continue
            j, q = new_params[name]
            if q["required"] and not p["required"]:
                out.append(Change(path, "param-required", f"parameter {name!r} is now required", True, name))
            if p["kind"] != q["kind"]:
                out.append(Change(path, "param-kind", f"parameter {name!r}: {p['kind']} -> {q['kind']}", True, name))
            elif "positional" in p["kind"] and i != j:
                out.append(Change(path, "param-moved", f"parameter {name!r} moved from {i} to {j}", True, name))
            if p["type"] != q["type"]:
                out.append(_type_change(path, f"parameter {name!r}", p["type"], q["type"], name))
            elif p["default"] != q["default"] and not q["required"]:
                out.append(Change(path, "default", f"parameter {name!r} default {_cut(p['default'])} -> "
                                  f"{_cut(q['default'])}", False, name))
        for name, (_, q) in new_params.items():
            if name not in old_params:
                required = q["required"]
                code, what = ("param-added-required", "required") if required else ("added", "optional")
                out.append(Change(path, code, f"new {what} parameter {name!r}: {q['type']}", required, name))
        if old["returns"] != new["returns"]:
            out.append(_type_change(path, "returns", old["returns"], new["returns"]))
    elif kind == "attribute":
        if old["type"] != new["type"]:
            out.append(_type_change(path, "type", old["type"], new["type"]))
        elif old["value"] != new["value"]:
            was, now = _alias_union(old["value"]), _alias_union(new["value"])
            if was and now and was[1] == now[1] and _union_members(was[0]) < _union_members(now[0]):
                out.append(_type_change(path, "value", was[0], now[0]))  # a new event joined ActivityPayload
            else:
                detail = f"value {_cut(old['value'])} -> {_cut(new['value'])}"
                out.append(Change(path, "value", detail, new.get("enum_member", False)))
    canonical = new["canonical"]  # a parameter's change is named `function(parameter)`
    return [Change(f"{c.path}({c.subject})" if c.subject and kind == "function" else c.path, c.code, c.detail,
                   c.breaking, c.subject, canonical) for c in out]


def diff(old: dict[str, dict[str, Any]], new: dict[str, dict[str, Any]]) -> list[Change]:
    """Every difference; inside something added or removed, only the outermost object is listed."""
    def outermost(paths: set[str]) -> list[str]:
        return sorted(p for p in paths if not any(p.startswith(q + ".") for q in paths))

    for surface in (old, new):  # enum members: a changed value breaks comparisons
        for path, desc in surface.items():
            parent = surface.get(path.rsplit(".", 1)[0], {})
            desc["enum_member"] = desc["kind"] == "attribute" and parent.get("enum", False)
    changes: list[Change] = []
    for path in outermost(set(new) - set(old)):
        desc = new[path]
        detail = desc["kind"] + (f": {desc['type']}" if desc.get("type") else "")
        changes.append(Change(path, "added", detail, False, canonical=desc["canonical"]))
    for path in outermost(set(old) - set(new)):
        changes.append(Change(path, "removed", f"{old[path]['kind']} removed", True, canonical=old[path]["canonical"]))
    for path in sorted(set(old) & set(new)):
        changes += _compare(path, old[path], new[path])
    return changes


def griffe_breakages(old_modules: list[Any], new_modules: list[Any], changes: list[Change]) -> list[Change]:
    """What griffe.find_breaking_changes reports that our own comparison did not (normally nothing)."""
    # Changes we already judged (a widened or relaxed type is judged additive) are not re-reported from griffe.
    known = {(c.canonical, "type" if c.code in ("widened", "relaxed") else c.code, c.subject) for c in changes
             if c.breaking or c.code in ("widened", "relaxed")}
    gone = tuple(c.canonical + "." for c in changes if c.code == "removed")  # griffe may still look inside
    extra: list[Change] = []
    new_by_name = {m.path: m for m in new_modules}
    for old_module in old_modules:
        if old_module.path not in new_by_name:
            continue
        try:
            breakages = list(griffe.find_breaking_changes(old_module, new_by_name[old_module.path]))
        except (griffe.AliasResolutionError, griffe.CyclicAliasError) as exc:  # e.g. an import of a removed name
            print(f"api-diff: note: griffe could not compare {old_module.path}: {exc}", file=sys.stderr)
            continue
        for breakage in breakages:
            code = GRIFFE_CODES.get(breakage.kind)
            if code is None:
                continue  # changed defaults and values: judged by _compare
            param = breakage.old_value if breakage.old_value is not None else breakage.new_value
            subject = getattr(param, "name", "") if code.startswith("param") else ""
            key = (breakage.obj.path, code, subject)
            if key not in known and not breakage.obj.path.startswith(gone):
                known.add(key)
                path = f"{breakage.obj.path}({subject})" if subject else breakage.obj.path
                extra.append(Change(path, code, f"{breakage.kind.value} (griffe)", True, subject, key[0]))
    return extra


# ---- git, accepted list, main ----------------------------------------------------------------------------------


def _git(repo: Path, *args: str) -> bytes:
    git = shutil.which("git")
    if git is None:
        raise UsageError("git is not installed; use --old-dir")
    result = subprocess.run([git, "-C", str(repo), *args], capture_output=True)
    if result.returncode != 0:
        raise UsageError(f"git {' '.join(args)}: {result.stderr.decode().strip()}")
    return result.stdout


def export_ref(repo: Path, ref: str, into: Path) -> None:
    """`git archive REF generated topo_ext | tar -x` (each path only if it exists at REF)."""
    for path in ("generated", "topo_ext"):
        if _git(repo, "ls-tree", "--name-only", ref, path).strip():
            with tarfile.open(fileobj=io.BytesIO(_git(repo, "archive", "--format=tar", ref, path))) as tar:
                tar.extractall(into, filter="data")


def default_ref(repo: Path) -> str:
    last = _git(repo, "log", "-1", "--format=%H", "--", "generated").decode().strip()
    return last or "HEAD"


def is_accepted(change: Change, accepted: list[dict[str, str]]) -> bool:
    return any(fnmatch.fnmatchcase(change.path, e["path"]) and e.get("change", change.code) == change.code
               for e in accepted)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m topo_tools.api_diff", description=__doc__.splitlines()[0])
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--ref", help="git ref to compare with (default: last commit touching generated/, or HEAD)")
    where.add_argument("--old-dir", type=Path, help="compare with this checkout instead of a git ref")
    parser.add_argument("--new-dir", type=Path, default=Path("."), help="the new side (default: the current directory)")
    parser.add_argument("--accepted", type=Path, default=ACCEPTED, help="accepted breaking changes (YAML)")
    args = parser.parse_args(argv)
    logging.getLogger("griffe").setLevel(logging.ERROR)  # unresolvable third-party aliases are expected
    try:
        accepted = load_accepted(args.accepted)
        with tempfile.TemporaryDirectory(prefix="api-diff-") as tmp:
            if args.old_dir is not None:
                old_root, label = args.old_dir, str(args.old_dir)
                if not old_root.is_dir():
                    raise UsageError(f"--old-dir {old_root}: not a directory")
            else:
                ref = args.ref or default_ref(args.new_dir)
                short = _git(args.new_dir, "rev-parse", "--short", ref).decode().strip()
                label = short if ref.startswith(short) else f"{ref} ({short})"
                old_root = Path(tmp)
                export_ref(args.new_dir, ref, old_root)
            old, old_modules = load(old_root)
            new, new_modules = load(args.new_dir)
            if not new:
                raise UsageError(f"{args.new_dir}: neither generated/topo_client nor topo_ext found")
            changes = diff(old, new)
            changes += griffe_breakages(old_modules, new_modules, changes)
            summary = spec_summary(old_root, args.new_dir)
    except UsageError as exc:
        print(f"api-diff: {exc}", file=sys.stderr)
        return 2
    print(f"api-diff: {label} -> {args.new_dir if args.new_dir != Path('.') else 'working tree'}")
    failing = 0
    for change in sorted(changes, key=lambda c: (c.code != "added", c.path, c.code)):
        if change.breaking:
            ok = is_accepted(change, accepted)
            failing += not ok
            tag = "breaking (accepted)" if ok else "BREAKING"
        else:
            tag = "added" if change.code == "added" else "changed"
        print(f"  {tag:<20} {change.path}  [{change.code}] {change.detail}")
    print(summary)
    breaking = sum(c.breaking for c in changes)
    print(f"api-diff: {len(changes)} change(s), {breaking} breaking, {failing} not accepted"
          + (f" (list them in {args.accepted.name} with a reason if intended)" if failing else ""))
    return 1 if failing else 0


if __name__ == "__main__":
    raise SystemExit(main())
