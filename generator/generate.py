"""Regenerate `generated/topo_client` from `spec/`.

Steps: bundle the spec -> openapi-python-client (through its Python API, `generator/templates` over its own, which
stay reachable as `upstream/<name>`) on a request-only copy of it (request builders and the attrs request models)
-> only what topo_ext uses is kept (`USED_FUNCTIONS`, `UNUSED_FILES`) -> datamodel-code-generator for every
response model (msgspec Structs, see generator/models.py) -> the resource classes (generator/resources.py) -> the
bundled spec as package data, open sets in standard JSON Schema (`bundle.shipped`) -> ruff format. Everything is
written to a scratch directory first and then synced into place, so a failed run never leaves a half-written
package, and `--check` can compare a fresh generation with the committed one without touching it.

    python generator/generate.py            # regenerate in place
    python generator/generate.py --check    # exit 1 with a diff if generated/ is stale
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import copy
import difflib
import filecmp
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import apimd
import bundle
import models
import resources
from static._schema import NOT_IN_DOCS, inferred_reason, merge_all_of, ref_problems  # the one $ref / allOf toolkit

ROOT = Path(__file__).resolve().parent.parent
GENERATOR = ROOT / "generator"
TARGET = ROOT / "generated" / "topo_client"
BIN = Path(sys.executable).parent
# What topo_ext uses of openapi-python-client's output; the rest (a second client without retries or error
# mapping, `sync`/`asyncio`/`*_detailed`, response parsing) is never called, so it is not shipped.
USED_FUNCTIONS = frozenset({"_get_kwargs", "build_request"})  # per endpoint module
UNUSED_FILES = ("client.py", "errors.py")


def _run(*cmd: str | Path, cwd: Path | None = None) -> None:
    env = {**os.environ, "PYTHONHASHSEED": "0", "SOURCE_DATE_EPOCH": "0"}
    result = subprocess.run([str(c) for c in cmd], cwd=cwd, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"generate: {Path(str(cmd[0])).name} failed (exit {result.returncode})")


def flatten_all_of(doc: dict[str, Any]) -> dict[str, Any]:
    """Merge every component schema's `allOf` into one object schema (a copy; the spec keeps its `allOf`).

    Why: openapi-python-client 0.29 shares the merged property objects between the schemas that extend the same
    base, so every `<Resource>Page` came out with the items type of whichever page was processed last.
    """
    doc = copy.deepcopy(doc)
    schemas = doc["components"]["schemas"]
    for name in list(schemas):
        schemas[name] = merge_all_of(doc, schemas[name])
    return doc


def request_only(doc: dict[str, Any]) -> dict[str, Any]:
    """A copy of the (flattened) spec that describes requests only: responses keep their description, and only the
    schemas reachable from parameters and request bodies remain.

    Why: responses are decoded by topo_ext into the msgspec models of generator/models.py; openapi-python-client's
    attrs response models and parse code would be a second, unused model family.

    The summary of a guessed operation (`x-topo-source: inferred`) gains "Not in Topo's docs: <reason>", so the
    first paragraph of its docstring (help(), IDE hover, the client's methods) says so.
    """
    doc = copy.deepcopy(doc)
    components = doc["components"]
    for item in doc["paths"].values():
        for op in item.values():
            if isinstance(op, dict) and (reason := inferred_reason(op)):
                op["summary"] = f"{op.get('summary', op['operationId']).rstrip('.')}. {NOT_IN_DOCS} {reason}"
            if isinstance(op, dict) and "responses" in op:
                op["responses"] = {
                    code: {"description": components.get("responses", {}).get(
                        r.get("$ref", "").rsplit("/", 1)[-1], r).get("description", "")}
                    for code, r in op["responses"].items()
                }
    components.pop("responses", None)
    doc.pop("webhooks", None)
    keep = set(models.closure(components["schemas"], models._refs({"paths": doc["paths"],
                                                                   "parameters": components.get("parameters", {})})))
    components["schemas"] = {k: v for k, v in components["schemas"].items() if k in keep}
    return doc


def _endpoints(document: Path, package: Path) -> None:
    """openapi-python-client on `document`, with our templates first and its own also reachable as
    `upstream/<name>` (so ours extend them instead of copying them)."""
    from jinja2 import ChoiceLoader, FileSystemLoader, PackageLoader, PrefixLoader
    from openapi_python_client import Project
    from openapi_python_client.config import Config, ConfigFile, MetaType
    from openapi_python_client.parser import GeneratorData
    from openapi_python_client.parser.errors import ErrorLevel, GeneratorError

    config = Config.from_sources(ConfigFile.load_from_path(GENERATOR / "openapi-python-client.yaml"), MetaType.NONE,
                                 document, "utf-8", overwrite=True, output_path=package)
    data = GeneratorData.from_dict(json.loads(document.read_text()), config=config)
    if isinstance(data, GeneratorError):
        raise SystemExit(f"generate: openapi-python-client: {data.header}: {data.detail}")
    project = Project(openapi=data, config=config)
    upstream = PackageLoader("openapi_python_client")
    project.env.loader = ChoiceLoader([FileSystemLoader(GENERATOR / "templates"), PrefixLoader({"upstream": upstream}),
                                       upstream])
    with contextlib.redirect_stdout(io.StringIO()):  # its progress lines
        errors = project.build()
    for error in errors:  # warnings included: a skipped endpoint or model would silently lose a method
        sys.stderr.write(f"openapi-python-client: {error.level.name}: {error.header}: {error.detail}\n")
    if errors:
        raise SystemExit(f"generate: openapi-python-client reported {len(errors)} problem(s)"
                         + (" (errors)" if any(e.level == ErrorLevel.ERROR for e in errors) else ""))


def keep_only_used(package: Path) -> None:
    """Delete what openapi-python-client always writes but topo_ext never calls: `UNUSED_FILES`, and every
    top-level function of an endpoint module outside `USED_FUNCTIONS` (ruff then drops the imports they used).
    The imports of our `build_request` part move up to upstream's, where ruff merges the two blocks."""
    for name in UNUSED_FILES:
        (package / name).unlink()
    for module in sorted((package / "api").glob("*/*.py")):
        if module.name == "__init__.py":
            continue
        source = module.read_text()
        lines = source.splitlines(keepends=True)
        body = ast.parse(source).body
        first_def = next(i for i, node in enumerate(body) if isinstance(node, ast.FunctionDef))
        dead = [node for node in body
                if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name not in USED_FUNCTIONS]
        late = [node for node in body[first_def:] if isinstance(node, ast.Import | ast.ImportFrom)]
        for node in sorted(dead + late, key=lambda n: n.lineno, reverse=True):
            start = min([node.lineno, *(d.lineno for d in getattr(node, "decorator_list", ()))]) - 1
            del lines[start:node.end_lineno]
        header = body[first_def].lineno - 1 - len(getattr(body[first_def], "decorator_list", ()))
        lines[header:header] = [ast.unparse(node) + "\n" for node in late]
        module.write_text("".join(lines))


def build(spec_dir: Path, out: Path) -> Path:
    """Generate the whole package into `out/topo_client` (and `out/api.md`) and return the package path."""
    document = bundle.bundle(spec_dir)
    if problems := ref_problems(document):  # up front: every later step follows $refs and would die in a traceback
        raise SystemExit("\n".join(f"generate: {p}" for p in problems))
    spec_json = out / "openapi.json"
    spec_json.write_text(bundle.dumps(document))
    flat_json = out / "openapi.flat.json"
    requests = request_only(flatten_all_of(document))
    flat_json.write_text(bundle.dumps(requests))
    package = out / "topo_client"
    _endpoints(flat_json, package)
    keep_only_used(package)
    models.generate(spec_json, package, set(requests["components"]["schemas"]))
    resources.generate(document, package)
    (package / "openapi.json").write_text(bundle.dumps(bundle.shipped(document)))
    (package / "py.typed").write_text("")
    _run(BIN / "ruff", "check", "--quiet", "--fix-only", "--select", "I,F401,UP", "--config",
         GENERATOR / "ruff-generated.toml", package)
    _run(BIN / "ruff", "format", "--quiet", "--config", GENERATOR / "ruff-generated.toml", package)
    for cache in package.rglob("__pycache__"):
        shutil.rmtree(cache)
    (out / "api.md").write_text(apimd.render(document, package))
    return package


def _files(root: Path) -> set[Path]:
    return {p.relative_to(root) for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts}


def diff_trees(fresh: Path, current: Path) -> list[str]:
    """Describe how `current` differs from `fresh`, as readable lines (empty if identical)."""
    problems: list[str] = []
    new, old = _files(fresh), _files(current) if current.exists() else set()
    for rel in sorted(new - old):
        problems.append(f"missing from generated/: {rel} (run `make generate`)")
    for rel in sorted(old - new):
        problems.append(f"not produced by the generator: generated/topo_client/{rel} (hand-added or stale)")
    for rel in sorted(new & old):
        if not filecmp.cmp(fresh / rel, current / rel, shallow=False):
            a = (current / rel).read_text().splitlines(keepends=True)
            b = (fresh / rel).read_text().splitlines(keepends=True)
            udiff = difflib.unified_diff(a, b, f"generated/topo_client/{rel} (committed)", f"{rel} (fresh)", n=2)
            problems.append(f"stale or hand-edited: generated/topo_client/{rel}\n" + "".join(list(udiff)[:60]))
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail with a diff if generated/ is stale")
    parser.add_argument("--spec-dir", type=Path, default=bundle.SPEC_DIR)
    parser.add_argument("--target", type=Path, default=TARGET, help="where the package goes")
    parser.add_argument("--api-md", type=Path, help="where api.md goes (default: the repository's, or beside --target)")
    args = parser.parse_args(argv)
    api_md = args.api_md or (ROOT / "api.md" if args.target == TARGET else args.target.parent / "api.md")
    with tempfile.TemporaryDirectory(prefix="topo-generate-") as tmp:
        fresh = build(args.spec_dir, Path(tmp))
        if args.check:
            problems = diff_trees(fresh, args.target)
            if not api_md.is_file() or api_md.read_text() != (Path(tmp) / "api.md").read_text():
                problems.append(f"stale or hand-edited: {api_md.name} (run `make generate`)")
            for problem in problems:
                print(problem, file=sys.stderr)
            if problems:
                print(f"check-generated: {len(problems)} file(s) differ; run `make generate`", file=sys.stderr)
                return 1
            print("check-generated: generated/ and api.md match spec/ and generator/")
            return 0
        if args.target.exists():
            shutil.rmtree(args.target)
        args.target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(fresh, args.target)
        shutil.copy(Path(tmp) / "api.md", api_md)
    print(f"generated {args.target.relative_to(ROOT) if args.target.is_relative_to(ROOT) else args.target}")
    return 0


if __name__ == "__main__":
    if os.environ.get("PYTHONHASHSEED") != "0":  # openapi-python-client runs in-process: fix set/dict hash order
        os.execve(sys.executable, [sys.executable, *sys.argv], {**os.environ, "PYTHONHASHSEED": "0"})  # noqa: S606
    raise SystemExit(main())
