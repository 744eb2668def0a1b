"""One-way dependencies (#31): no module-level import cycle inside or between `topo_ext`, `topo_client` (generated/),
`generator` and `topo_tools`, read from the source with `ast` (nothing is imported).

Module level means every import that runs (or, under `if TYPE_CHECKING:`, that a type checker follows) when the
module is loaded: class bodies and `if`/`try` blocks included, function bodies not. A function-local import whose
target imports the importing module back at module level only hides a cycle, and is reported as one too.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
#: (package directory, its dotted name). generator/ is a directory of scripts on `sys.path` (generate.py puts it
#: there), so `import models` inside it is `generator.models`.
PACKAGES = ((ROOT / "topo_ext", "topo_ext"), (ROOT / "generated" / "topo_client", "topo_client"),
            (ROOT / "generator", "generator"), (ROOT / "tools" / "topo_tools", "topo_tools"))
#: Cycles that only the explicit-methods rewrite of the generated resources (#31) removes, each with the reason.
KNOWN: dict[frozenset[str], str] = {}
#: Function-local imports that close a cycle, left for now, each with the reason (#31 keeps this list shrinking).
KNOWN_DODGES: dict[tuple[str, str], str] = {
    **{(f"{pkg}._struct", f"{pkg}._decode"): "Model.from_dict calls the decoder, which recognises models by their base "
       "class; splitting the base needs the msgspec fast-path work in generator/static to land first"
       for pkg in ("generator.static", "topo_client")},
    ("topo_ext._telemetry", "topo_ext.otel"): "the optional `otel` extra, imported only when a client turns tracing on",
    ("topo_tools.reliability.run", "topo_tools.reliability.limited_walks"): "section 5 of `make reliability`, split "
    "out of run.py for the 400-line cap; it reuses run.py's constants",
    ("topo_tools.sandbox._state", "topo_tools.sandbox._seed"): "the seed data builder fills a State (typed against "
    "it); State seeds itself on creation",
}


@dataclass
class Graph:
    modules: dict[str, Path] = field(default_factory=dict)
    edges: dict[str, set[str]] = field(default_factory=dict)  # module level
    local: dict[str, set[str]] = field(default_factory=dict)  # inside functions

    def cycles(self) -> list[frozenset[str]]:
        """The strongly connected components of the module-level graph with more than one module (or a self-import)."""
        index: dict[str, int] = {}
        low: dict[str, int] = {}
        stack: list[str] = []
        found: list[frozenset[str]] = []

        def visit(node: str) -> None:  # Tarjan; the graphs here are a few hundred modules deep at most
            index[node] = low[node] = len(index)
            stack.append(node)
            for nxt in sorted(self.edges.get(node, ())):
                if nxt not in index:
                    visit(nxt)
                    low[node] = min(low[node], low[nxt])
                elif nxt in stack:
                    low[node] = min(low[node], index[nxt])
            if low[node] == index[node]:
                component = set()
                while True:
                    member = stack.pop()
                    component.add(member)
                    if member == node:
                        break
                if len(component) > 1 or node in self.edges.get(node, ()):
                    found.append(frozenset(component))

        for module in sorted(self.modules):
            if module not in index:
                visit(module)
        return found

    def reaches(self, start: str, goal: str) -> bool:
        seen, todo = {start}, [start]
        while todo:
            for nxt in self.edges.get(todo.pop(), ()):
                if nxt == goal:
                    return True
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return False

    def dodges(self) -> list[tuple[str, str]]:
        """Function-local imports A -> B where B imports A back at module level: a cycle moved into a function."""
        return sorted((a, b) for a, targets in self.local.items() for b in targets if a == b or self.reaches(b, a))


def _module_name(path: Path, base: Path, name: str) -> str:
    parts = [name, *path.relative_to(base).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(tree: ast.Module) -> Iterator[tuple[ast.Import | ast.ImportFrom, bool]]:
    """Every import statement and whether it runs at module level (not inside a function)."""
    def walk(node: ast.AST, top: bool) -> Iterator[tuple[ast.Import | ast.ImportFrom, bool]]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Import | ast.ImportFrom):
                yield child, top
            yield from walk(child, top and not isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda))
    return walk(tree, True)


def build(packages: tuple[tuple[Path, str], ...] = PACKAGES) -> Graph:
    graph = Graph()
    for base, name in packages:
        for path in sorted(base.rglob("*.py")):
            if "__pycache__" not in path.parts:
                graph.modules[_module_name(path, base, name)] = path
    scripts = {name for base, name in packages if not (base / "__init__.py").exists()}
    for module, path in graph.modules.items():
        is_package = path.name == "__init__.py"
        package = module if is_package else module.rpartition(".")[0]
        root = module.split(".")[0]
        for node, top in _imports(ast.parse(path.read_text(encoding="utf-8"))):
            for target in _targets(node, package, root if root in scripts else None, graph.modules):
                (graph.edges if top else graph.local).setdefault(module, set()).add(target)
    return graph


def _targets(node: ast.Import | ast.ImportFrom, package: str, script_root: str | None,
             known: dict[str, Path]) -> Iterator[str]:
    def known_module(dotted: str) -> str | None:
        for candidate in ([f"{script_root}.{dotted}"] if script_root else []) + [dotted]:
            if candidate in known:
                return candidate
        return None

    if isinstance(node, ast.Import):
        for alias in node.names:
            if found := known_module(alias.name):
                yield found
        return
    if node.level:
        parts = package.split(".")
        base = ".".join(parts[: len(parts) - node.level + 1])
        source = f"{base}.{node.module}" if node.module else base
        lookup = lambda dotted: dotted if dotted in known else None  # noqa: E731 - relative: no script root
    else:
        source, lookup = node.module or "", known_module
    for alias in node.names:  # `from pkg import module` imports the module; `from module import name` the module
        if found := lookup(f"{source}.{alias.name}") or lookup(source):
            yield found


def _describe(graph: Graph, component: frozenset[str]) -> str:
    edges = sorted(f"{a} -> {b}" for a in component for b in graph.edges.get(a, ()) if b in component)
    return "{" + ", ".join(sorted(component)) + "}: " + "; ".join(edges)


@pytest.fixture(scope="module")
def graph() -> Graph:
    return build()


def test_the_graph_sees_every_package(graph: Graph) -> None:
    for _, name in PACKAGES:
        assert any(m.split(".")[0] == name for m in graph.modules), f"no module of {name} found"
    assert graph.edges, "no import edges found: the parser is broken"


def test_no_module_level_import_cycle(graph: Graph) -> None:
    cycles = [c for c in graph.cycles() if c not in KNOWN]
    assert not cycles, "import cycles:\n" + "\n".join(_describe(graph, c) for c in cycles)


def test_known_cycles_still_exist(graph: Graph) -> None:
    """An exception whose cycle is gone is removed from KNOWN, so the list never hides a new cycle."""
    gone = set(KNOWN) - set(graph.cycles())
    assert not gone, f"cycles listed in KNOWN that no longer exist: {[sorted(c) for c in gone]}"


def test_no_function_local_import_dodges_a_cycle(graph: Graph) -> None:
    known = {m for c in KNOWN for m in c}
    found = graph.dodges()
    dodges = [f"{a} -> {b}" for a, b in found if not {a, b} <= known and (a, b) not in KNOWN_DODGES]
    assert not dodges, f"function-local imports that hide a cycle (the target imports the importer back): {dodges}"
    assert not set(KNOWN_DODGES) - set(found), f"gone from the code, remove from KNOWN_DODGES: {set(KNOWN_DODGES) - set(found)}"


def test_the_checker_finds_a_planted_cycle(tmp_path: Path) -> None:
    """The checks above can fail: a module-level cycle through a relative, an absolute and a TYPE_CHECKING import,
    and a function-local import that hides one."""
    pkg = tmp_path / "pkg"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "sub" / "__init__.py").write_text("")
    (pkg / "a.py").write_text("from .sub import b\n")
    (pkg / "sub" / "b.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import pkg.c\n")
    (pkg / "c.py").write_text("from pkg.a import x\n")
    (pkg / "d.py").write_text("from . import e\n")
    (pkg / "e.py").write_text("def f():\n    from .d import g\n")
    planted = build(((pkg, "pkg"),))
    assert planted.cycles() == [frozenset({"pkg.a", "pkg.sub.b", "pkg.c"})]
    assert planted.dodges() == [("pkg.e", "pkg.d")]
