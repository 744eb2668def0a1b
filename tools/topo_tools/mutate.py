"""Mutation testing of the runtime's core modules with mutmut: `make mutate`.

    python -m topo_tools.mutate --root . [--module NAME ...] [--work build/mutate] [--json FILE]

Each module listed under `[tool.topo-tools.mutate.modules]` in `<root>/pyproject.toml` is run on its own, against
only the test paths listed for it, in a staging copy of the tree (`<work>/<slug>/`): mutmut copies that into
`mutants/` and imports the mutated copy first. The decoder (`generator/static/`) is mutated where the tests import
it, the copy in `generated/topo_client/`, staged as a top-level `topo_client` package so that mutmut's module names
match the imports; its lines are reported in `generator/static/` where the same line is found there.

Not counted (and said so in the summary): mutants that only change the wording of a log line, a warning or an
exception message: any argument of a logging call or `warnings.warn`, the first (message) argument of an exception
constructor (a name ending in Error/Exception/Warning, or `super().__init__` in an exception class), or the argument
of a call named in `message_calls` at the position given there (a retry Decision's reason is only logged), an
argparse `help=`/`description=`/`epilog=`/`metavar=` text, anything in a function listed in `message_functions`
(helpers that only word messages), or assigned to a local listed in `message_names` (it only holds a message's
words), also where a message's words hold the mutated call; equivalent mutants: changes of the type argument of a
`typing.cast` (only type checkers read it), and those listed under `[[tool.topo-tools.mutate.equivalent]]` (`file`,
`mutant`: "before -> after" as the summary prints it, or `case_only = true` for every change of a string's letter
case; optional `function`: its qualified name; `reason`: one line). "No tests" (no selected test runs the function)
counts as surviving.

Modules whose work runs once and is kept get a pytest plugin in their staging tree (`topo_tools.mutate_plugin`):
`fresh_imports` (code run at import: each mutant in a new interpreter, against every test of the module) and
`reset_between_tests` (caches and cached properties emptied before each test).

Exit status: 0 every run module at or above `threshold`, 1 otherwise, 2 usage error or a run that failed.
"""

from __future__ import annotations

import argparse
import ast
import json
import shutil
import subprocess
import sys
import tomllib
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

#: Copied into each staging tree besides the packages (tests read the README, the spec, the bench's spec pages).
COPIED = ("tests", "bench", "spec", "generator", "README.md", "pyproject.toml")
GENERATED = Path("generated/topo_client")
PACKAGES = ["topo_ext", "topo_client"]  # the staged packages (mutmut's source_paths)
HELP_KEYWORDS = {"help", "description", "epilog", "metavar"}  # argparse's words for humans
LOG_CALLS = {"debug", "info", "warning", "error", "exception", "critical", "warn", "log"}
TYPE_ONLY = "the type argument of typing.cast: only type checkers read it"
MUTMUT = Path(sys.executable).with_name("mutmut")  # run in this environment: the `mutate` extra installs it
KILLED = {1, 3, 36, 24, -24, 152, 255, -9, -11, 37}  # failed, pytest error, timeout, crash: the mutant was noticed


@dataclass
class Mutant:
    key: str
    status: str  # killed, survived, no tests, wording, equivalent
    where: str = ""  # file:line in the source tree
    code: str = ""  # the mutated code
    reason: str = ""


@dataclass
class Result:
    module: str
    mutants: list[Mutant] = field(default_factory=list)

    @property
    def counts(self) -> Counter[str]:
        return Counter(m.status for m in self.mutants)

    @property
    def counted(self) -> int:
        c = self.counts
        return c["killed"] + c["survived"] + c["no tests"]

    @property
    def score(self) -> float:
        return self.counts["killed"] / self.counted if self.counted else 1.0


def load_config(root: Path) -> dict[str, Any]:
    """The `[tool.topo-tools.mutate]` table of `<root>/pyproject.toml`; ValueError naming the file if it is absent."""
    path = root / "pyproject.toml"
    try:
        config: dict[str, Any] = tomllib.loads(path.read_text())["tool"]["topo-tools"]["mutate"]
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, KeyError, TypeError) as err:
        why = "has no [tool.topo-tools.mutate] table" if isinstance(err, KeyError | TypeError) else "cannot be read"
        raise ValueError(f"--root: {path} {why} ({type(err).__name__})") from None
    return config


def slug(module: str) -> str:
    return Path(module).stem.strip("_") + ("_static" if module.startswith("generator/static/") else "")


def staged_path(module: str) -> str:
    """Where `module` sits in the staging tree (the decoder: its copy, as the top-level `topo_client`)."""
    if module.startswith("generator/static/"):
        return f"topo_client/{Path(module).name}"
    return module


def stage(root: Path, work: Path, module: str, tests: list[str], fresh_imports: bool = False,
          reset: list[str] | None = None) -> Path:
    """A staging tree for `module`. `fresh_imports`: each mutant runs in a newly started interpreter (mutmut's
    forkserver without warm-up), for modules whose functions run at import (factories, decorators): forked from the
    process that ran the clean tests, such a mutant would never run; and every test of the module is tried against
    each of its mutants (what the import built reaches any test). `reset`: for modules whose cached work runs later
    (the decoder's plans, the operations' argument checkers), the caches ("module.name") and cached properties
    ("module.Class.name") emptied before each test instead: much faster than an interpreter per mutant. Both are
    done by a pytest plugin copied into the tree (topo_tools.mutate_plugin)."""
    fresh = {"process_isolation": "forkserver", "forkserver_warmup": "none"} if fresh_imports else {}
    target = work / slug(module)
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in ("topo_ext", *COPIED):
        source = root / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=ignore)
        elif source.exists():
            shutil.copy2(source, target / name)
    shutil.copytree(root / GENERATED, target / "topo_client", ignore=ignore)
    shutil.copytree(root / GENERATED, target / GENERATED, ignore=ignore)  # for tests that read generated/ by path
    plugin: dict[str, Any] = {}
    if reset or fresh_imports:
        every = staged_path(module).removesuffix(".py").replace("/", ".") if fresh_imports else None
        (target / "tests" / "_mutate_plugin.json").write_text(json.dumps(
            {"reset": reset or [], "every_test": every, "packages": PACKAGES}))
        shutil.copy2(Path(__file__).with_name("mutate_plugin.py"), target / "tests" / "_mutate_plugin.py")
        plugin = {"pytest_add_cli_args": ["-p", "tests._mutate_plugin"]}
    settings: dict[str, Any] = {
        **fresh, **plugin, "source_paths": PACKAGES, "only_mutate": [staged_path(module)],
        "pytest_add_cli_args_test_selection": tests, "timeout_multiplier": 5.0, "timeout_constant": 5.0,
        "also_copy": [name for name in COPIED if name not in ("tests", "pyproject.toml")] + ["generated"]}
    lines = ["", "[tool.mutmut]", *(f"{key} = {json.dumps(value)}" for key, value in settings.items())]
    with (target / "pyproject.toml").open("a") as handle:
        handle.write("\n".join(lines) + "\n")
    return target


def run_mutmut(staging: Path, jobs: int) -> None:
    with (staging / "mutmut.log").open("w") as log:
        done = subprocess.run([str(MUTMUT), "run", "--max-children", str(jobs)], cwd=staging, stdout=log,
                              stderr=subprocess.STDOUT, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"mutmut failed in {staging} (exit {done.returncode}); see {staging / 'mutmut.log'}")


def _diff(a: ast.AST, b: ast.AST, anchor: tuple[ast.AST, ast.AST] | None = None) -> tuple[ast.AST, ast.AST] | None:
    """The innermost pair of positioned nodes (an expression or statement) where `a` and `b` differ, or None."""
    if hasattr(a, "lineno"):
        anchor = (a, b)
    if type(a) is not type(b):
        return anchor or (a, b)
    for name in a._fields:
        va, vb = getattr(a, name, None), getattr(b, name, None)
        if isinstance(va, ast.AST) and isinstance(vb, ast.AST):
            if found := _diff(va, vb, anchor):
                return found
        elif isinstance(va, list) and isinstance(vb, list):
            if len(va) != len(vb):
                return anchor or (a, b)
            for x, y in zip(va, vb, strict=True):
                found = _diff(x, y, anchor) if isinstance(x, ast.AST) and isinstance(y, ast.AST) else (
                    (anchor or (a, b)) if x != y else None)
                if found:
                    return found
        elif va != vb and name != "ctx":
            return anchor or (a, b)
    return None


def _message_args(call: ast.Call, message_calls: dict[str, int], exception_class: bool) -> set[int] | None:
    """Which positional arguments of `call` only word a message (None: all of them), or an empty set."""
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    if name in LOG_CALLS:
        return None
    if name in message_calls:
        return {message_calls[name]}
    is_super_init = name == "__init__" and isinstance(func, ast.Attribute) and isinstance(func.value, ast.Call)
    if name.endswith(("Error", "Exception", "Warning")) or (is_super_init and exception_class):
        return {0}
    return set()


def _is_wording(before: ast.AST, after: ast.AST, parents: dict[ast.AST, ast.AST], message_calls: dict[str, int],
                exception_class: bool, message_names: frozenset[str] = frozenset()) -> bool:
    """Whether the mutation only changes the wording of a log line, a warning or an exception message."""
    # An argument removed: wording if it was a help text or a message argument, or if the call is in a message.
    if isinstance(before, ast.Call) and isinstance(after, ast.Call) and len(after.keywords) < len(before.keywords):
        kept = {k.arg for k in after.keywords}
        if all(k.arg in HELP_KEYWORDS for k in before.keywords if k.arg not in kept):
            return True
    elif isinstance(before, ast.Call) and isinstance(after, ast.Call) and len(after.args) < len(before.args):
        wording = _message_args(before, message_calls, exception_class)
        removed = next((i for i, (x, y) in enumerate(zip(before.args, after.args, strict=False))
                        if ast.dump(x) != ast.dump(y)), len(after.args))
        if wording is None or removed in wording:
            return True
    child, current = before, before
    while current in parents:
        child, current = current, parents[current]
        if isinstance(current, ast.keyword) and current.arg in HELP_KEYWORDS:
            return True  # a command-line option's help text
        if isinstance(current, ast.Call) and child in current.args:
            wording = _message_args(current, message_calls, exception_class)
            if wording is None or current.args.index(child) in wording:
                return True
        if isinstance(current, ast.Assign) and all(isinstance(t, ast.Name) and t.id in message_names
                                                   for t in current.targets):
            return True  # a local that only holds words for a message
        if isinstance(current, ast.stmt):
            return False
    return False


def _type_only(before: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    """Whether the mutated node is (in) the type argument of a `cast(...)`: at run time cast returns its value."""
    child, current = before, before
    while current in parents:
        child, current = current, parents[current]
        if isinstance(current, ast.Call) and current.args and child is current.args[0] and (
                getattr(current.func, "attr", None) == "cast" or getattr(current.func, "id", None) == "cast"):
            return True
        if isinstance(current, ast.stmt):
            return False
    return False


def _source_line(root: Path, module: str, staged_line: int, text: str) -> str:
    """`file:line` in the source tree (the decoder: its line in generator/static/ when found there)."""
    if module.startswith("generator/static/"):
        for number, line in enumerate((root / module).read_text().splitlines(), 1):
            if text and line.strip() == text.strip():
                return f"{module}:{number}"
        return f"{GENERATED / Path(module).name}:{staged_line}"
    return f"{module}:{staged_line}"


def analyse(root: Path, staging: Path, module: str, config: dict[str, Any]) -> Result:
    equivalent: list[dict[str, str]] = config.get("equivalent", [])
    message_calls: dict[str, int] = config.get("message_calls", {})
    message_functions: list[str] = config.get("message_functions", {}).get(module, [])
    message_names = frozenset(config.get("message_names", {}).get(module, []))
    staged = staged_path(module)
    meta = json.loads((staging / "mutants" / f"{staged}.meta").read_text())
    source = (staging / staged).read_text()
    source_lines = source.splitlines()
    source_parents = _parents(ast.parse(source))
    defs = {_qualname(node, source_parents): node for node in source_parents
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)}
    mutated = {node.name: node for node in ast.walk(ast.parse((staging / "mutants" / staged).read_text()))
               if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)}
    result = Result(module)
    for key, code in sorted(meta["exit_code_by_key"].items()):
        name = key.rsplit(".", 1)[1]
        if code in KILLED:
            result.mutants.append(Mutant(key, "killed"))
            continue
        if code is None:  # an interrupted run: reported as not run, never as killed
            result.mutants.append(Mutant(key, "not run"))
            continue
        status = "no tests" if code in (5, 33) else "survived"
        mutant = Mutant(key, status)
        base = name.rsplit("__mutmut_", 1)[0]
        original, changed = mutated.get(f"{base}__mutmut_orig"), mutated.get(name)
        qual = base.removeprefix("x_").removeprefix("xǁ").replace("ǁ", ".")
        in_source = defs.get(qual)
        if original is not None and changed is not None and in_source is not None:
            pair = _diff(original.args, changed.args, (original, changed)) or _diff(
                ast.Module(body=original.body, type_ignores=[]), ast.Module(body=changed.body, type_ignores=[]))
            if pair is not None:
                before, after = pair
                up_before = _parents(original)
                line = in_source.lineno + getattr(before, "lineno", original.lineno) - original.lineno
                text = source_lines[line - 1] if 0 < line <= len(source_lines) else ""
                mutant.where = _source_line(root, module, line, text)
                mutant.code = f"{ast.unparse(before)} -> {ast.unparse(after)}"
                if qual in message_functions or _is_wording(before, after, up_before, message_calls,
                                                             _in_exception_class(in_source, source_parents),
                                                             message_names):
                    mutant.status = "wording"
                elif _type_only(before, up_before):
                    mutant.status, mutant.reason = "equivalent", TYPE_ONLY
        case_only = _case_only(mutant.code)
        for entry in equivalent:
            same = entry.get("mutant") == mutant.code or (entry.get("case_only", False) and case_only)
            if entry["file"] == module and same and entry.get("function", qual) == qual:
                mutant.status, mutant.reason = "equivalent", entry["reason"]
        result.mutants.append(mutant)
    return result


def _in_exception_class(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    while node in parents:
        node = parents[node]
        if isinstance(node, ast.ClassDef):
            return any(ast.unparse(base).endswith(("Exception", "Error")) for base in node.bases)
    return False


def _case_only(code: str) -> bool:
    """Whether a mutant only changes the letter case of a string constant ("'a b' -> 'A B'")."""
    before, sep, after = code.partition(" -> ")
    try:
        old, new = ast.literal_eval(before), ast.literal_eval(after)
    except (ValueError, SyntaxError):
        return False
    return bool(sep) and isinstance(old, str) and isinstance(new, str) and old != new and old.lower() == new.lower()


def _parents(tree: ast.AST) -> dict[ast.AST, ast.AST]:
    return {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}


def _qualname(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> str:
    names = [node.name] if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) else []
    while node in parents:
        node = parents[node]
        if isinstance(node, ast.ClassDef):
            names.insert(0, node.name)
    return ".".join(names)


def report(results: list[Result], threshold: float) -> str:
    lines = [f"{'module':42} {'killed':>6} {'survived':>8} {'total':>6} {'score':>6}  (not counted: wording, "
             "equivalent)"]
    for r in results:
        c = r.counts
        mark = "" if r.score >= threshold else f"  < {threshold:.0%}"
        unfinished = f"  ({c['not run']} not run: the run was interrupted)" if c["not run"] else ""
        lines.append(f"{r.module:42} {c['killed']:>6} {c['survived'] + c['no tests']:>8} {r.counted:>6} "
                     f"{r.score:>6.1%}  ({c['wording']}, {c['equivalent']}){mark}{unfinished}")
    for r in results:
        left = [m for m in r.mutants if m.status in ("survived", "no tests")]
        if left:
            lines.append(f"\nsurviving in {r.module}:")
            lines += [f"  {m.where or m.key}: {m.code}{'  (no test runs it)' if m.status == 'no tests' else ''}"
                      for m in sorted(left, key=lambda m: _line_key(m.where))]
    return "\n".join(lines)


def _line_key(where: str) -> tuple[str, int]:
    path, _, line = where.rpartition(":")
    return (path, int(line)) if line.isdigit() else (where, 0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m topo_tools.mutate", description=__doc__.split("\n")[0])
    parser.add_argument("--root", type=Path, required=True, help="the repository (its pyproject.toml holds the list)")
    parser.add_argument("--module", action="append", default=[], help="a module path or its stem (repeatable)")
    parser.add_argument("--work", type=Path, default=Path("build/mutate"), help="staging directory")
    parser.add_argument("--jobs", type=int, default=2, help="mutants run at once")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--report-only", action="store_true", help="analyse the last run's staging trees again")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    try:
        config = load_config(root)
    except ValueError as err:
        print(f"mutate: {err}", file=sys.stderr)
        return 2
    if not args.report_only and not MUTMUT.is_file():
        print(f"mutate: mutmut is not installed next to {sys.executable}: pip install 'topo-tools[mutate]' "
              "(or `make install`)", file=sys.stderr)
        return 2
    modules: dict[str, list[str]] = config["modules"]
    chosen = list(modules) if not args.module else [m for w in args.module for m in modules
                                                    if w in (m, slug(m), Path(m).stem)]  # in the order asked
    if not chosen:
        parser.error(f"--module: none of {args.module} is listed; listed: {', '.join(map(slug, modules))}")
    work = (root / args.work).resolve() if not args.work.is_absolute() else args.work
    results = []
    for module in chosen:
        print(f"mutating {module} against {' '.join(modules[module])}", file=sys.stderr, flush=True)
        staging = work / slug(module)
        try:
            if not args.report_only:
                staging = stage(root, work, module, modules[module], module in config.get("fresh_imports", []),
                                config.get("reset_between_tests", {}).get(module))
                run_mutmut(staging, args.jobs)
            results.append(analyse(root, staging, module, config))
        except (RuntimeError, OSError) as err:
            print(f"mutate: {err}", file=sys.stderr)
            return 2
    threshold = float(config.get("threshold", 0.9))
    print(report(results, threshold))
    if args.json:
        args.json.write_text(json.dumps([{"module": r.module, "score": r.score, "counts": dict(r.counts),
                                          "mutants": [asdict(m) for m in r.mutants]} for r in results], indent=1))
    return 0 if all(r.score >= threshold and not r.counts["not run"] for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
