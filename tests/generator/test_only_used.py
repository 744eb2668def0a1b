"""The generated package holds only what is used (#17): every top-level definition of every generated module
(functions, classes, module variables, private ones too) is reachable from what topo_ext or topo_tools uses of it,
through the generated code. Reachability follows imports, `module.name` attributes, names within a module, and the
`Resource("module", "Class", ...)` and `"module:name"` strings and names looked up by string
(`vars(module).get("REQUIRED")`, in any generated module); a star import by topo_ext (`topo_ext.models`) makes the
module's `__all__` public API, and so used."""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GENERATED = ROOT / "generated"
USERS = (ROOT / "topo_ext", ROOT / "tools" / "topo_tools")  # both distributions (topo-tools reads the spec's toolkit)

Key = tuple[str, str]  # (module, top-level name)


def _module_name(root: Path, path: Path) -> str:
    parts = path.relative_to(root).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _absolute(module: str, is_package: bool, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".")[: len(module.split(".")) - node.level + (1 if is_package else 0)]
    return ".".join([*base, *([node.module] if node.module else [])])


class _Package:
    def __init__(self, root: Path) -> None:
        self.trees = {_module_name(root, p): (ast.parse(p.read_text()), p.name == "__init__.py")
                      for p in sorted(root.rglob("*.py"))}
        self.defs: dict[Key, list[ast.AST]] = {}
        self.bindings: dict[str, dict[str, Key | str]] = {}  # module -> local name -> definition or module
        for module, (tree, is_package) in self.trees.items():
            local: dict[str, Key | str] = {}
            for node in self._top(tree.body):
                if isinstance(node, ast.ImportFrom):
                    source = _absolute(module, is_package, node)
                    for alias in node.names:
                        name = alias.asname or alias.name
                        local[name] = f"{source}.{alias.name}" if f"{source}.{alias.name}" in self.trees else (
                            source, alias.name)
                elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                    self.defs.setdefault((module, node.name), []).append(node)
                elif isinstance(node, ast.Assign | ast.AnnAssign):
                    targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                    for target in targets:
                        if isinstance(target, ast.Name) and not target.id.startswith("__"):
                            self.defs.setdefault((module, target.id), []).append(node)
            self.bindings[module] = local

    @staticmethod
    def _top(body: list[ast.stmt]) -> list[ast.stmt]:
        """Module-level statements, looking into `if TYPE_CHECKING:` / `try:` blocks."""
        found: list[ast.stmt] = []
        for node in body:
            if isinstance(node, ast.If | ast.Try):
                found += _Package._top([*node.body, *node.orelse])
            else:
                found.append(node)
        return found

    def resolve(self, key: Key, seen: frozenset[Key] = frozenset()) -> Key | None:
        """Follow re-exports (`from .x import Y` in a package) to where `Y` is defined."""
        if key in self.defs:
            return key
        bound = self.bindings.get(key[0], {}).get(key[1])
        return self.resolve(bound, seen | {key}) if isinstance(bound, tuple) and key not in seen else None

    def references(self, module: str, node: ast.AST) -> set[Key]:
        """The definitions one piece of code refers to."""
        local = self.bindings.get(module, {})
        found: set[Key] = set()
        for sub in ast.walk(node):
            if isinstance(sub, ast.Name):
                bound = local.get(sub.id, (module, sub.id))
                found |= {bound} if isinstance(bound, tuple) else set()
            elif isinstance(sub, ast.Attribute) and isinstance(sub.value, ast.Name):
                target = local.get(sub.value.id)
                if isinstance(target, str):  # module.name
                    found.add((target, sub.attr))
            elif isinstance(sub, ast.ImportFrom):  # imports inside functions (lazy imports)
                source = _absolute(module, self.trees[module][1], sub)
                found |= {(source, alias.name) for alias in sub.names}
            elif isinstance(sub, ast.Constant) and isinstance(sub.value, str) and ":" in sub.value:
                found.add(tuple(sub.value.split(":", 1)))  # type: ignore[arg-type]  # Operation("module:name")
            elif isinstance(sub, ast.Call) and len(sub.args) >= 2 and all(  # Resource("module", "Class", ...)
                    isinstance(a, ast.Constant) and isinstance(a.value, str) for a in sub.args[:2]):
                found.add((sub.args[0].value, sub.args[1].value))  # type: ignore[union-attr]
            elif isinstance(sub, ast.Constant) and isinstance(sub.value, str) and sub.value.isidentifier():
                found |= {key for key in self.defs if key[1] == sub.value}  # vars(module).get("NAME")
        return {key for ref in found if (key := self.resolve(ref)) is not None}


def unused(generated: Path, users: tuple[Path, ...]) -> set[str]:
    """The generated definitions that nothing in `users` reaches, as `module.name`."""
    package = _Package(generated)
    todo: list[Key] = []
    for path in sorted(p for root in users for p in root.rglob("*.py")):
        tree = ast.parse(path.read_text())
        imported: dict[str, str] = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("topo_client"):
                for alias in node.names:
                    if alias.name == "*":
                        star = package.trees[node.module or ""][0]
                        exported = next((n.value for n in star.body if isinstance(n, ast.Assign) and any(
                            isinstance(t, ast.Name) and t.id == "__all__" for t in n.targets)), None)
                        names = ast.literal_eval(exported) if exported else []
                        todo += [(node.module or "", name) for name in names]
                    elif f"{node.module}.{alias.name}" in package.trees:
                        imported[alias.asname or alias.name] = f"{node.module}.{alias.name}"
                    else:
                        todo.append((node.module or "", alias.name))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in imported:
                todo.append((imported[node.value.id], node.attr))
    live: set[Key] = set()
    while todo:
        key = package.resolve(todo.pop())
        if key is None or key in live:
            continue
        live.add(key)
        for node in package.defs[key]:
            todo += package.references(key[0], node)
    return {f"{module}.{name}" for module, name in set(package.defs) - live}


def test_every_generated_definition_is_used() -> None:
    assert unused(GENERATED, USERS) == set()


def test_a_dead_function_or_module_is_found(tmp_path: Path) -> None:
    copy = tmp_path / "generated"
    shutil.copytree(GENERATED, copy, ignore=shutil.ignore_patterns("__pycache__"))
    module = copy / "topo_client" / "api" / "contacts" / "get_contact.py"
    module.write_text(module.read_text() + "\n\ndef sync_detailed(contact_id):\n    return _get_kwargs(contact_id)\n")
    (copy / "topo_client" / "client.py").write_text("class AuthenticatedClient:\n    pass\n")
    (copy / "topo_client" / "__init__.py").write_text("from .client import AuthenticatedClient\n")  # a re-export
    assert unused(copy, USERS) == {"topo_client.api.contacts.get_contact.sync_detailed",
                                   "topo_client.client.AuthenticatedClient"}
