"""The pytest plugin `make mutate` copies into a staging tree (`tests/_mutate_plugin.py`, its settings beside it in
`tests/_mutate_plugin.json`): what mutmut's bookkeeping misses in modules whose work runs once and is kept.

mutmut runs a mutant only in the tests that called its function in the clean "stats" run. Work that is cached runs
in the first test that needs it, so its mutants would be tried against that test alone:

- `reset` (`reset_between_tests`): caches emptied before each test, so every test runs the cached work itself.
  "module.name" is a cache (`cache_clear()`) or a registry (`clear()`); "module.Class.name" is a
  `functools.cached_property` of `Class`, dropped from every instance held at module level in the staged packages
  (the generated `Operation`s of `topo_client.resources`), so the next use builds it again.
- `every_test` (`fresh_imports`): a module whose functions run at import. Each of its mutants runs in a new
  interpreter, where the import runs the mutant; in the stats run, every test is counted as running every function
  of the module, since what the import built reaches any test (mutmut would credit it to the test running when the
  import happened).
"""

from __future__ import annotations

import functools
import importlib
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest


@functools.cache
def settings() -> dict[str, Any]:
    path = Path(__file__).with_suffix(".json")
    loaded: dict[str, Any] = json.loads(path.read_text()) if path.exists() else {}
    return loaded


@functools.cache
def resolve(dotted: str) -> tuple[Any, str]:
    """The object that holds `dotted`'s last part (the longest importable module prefix, then attributes), and
    that part's name."""
    parts = dotted.split(".")
    for cut in range(len(parts) - 1, 0, -1):
        try:
            owner: Any = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for part in parts[cut:-1]:
            owner = getattr(owner, part)
        return owner, parts[-1]
    raise ValueError(f"{dotted}: names no importable module")


def held(packages: Iterable[str]) -> Iterator[Any]:
    """Every value held at module level by the loaded modules of `packages`."""
    tops = set(packages)
    for name, module in list(sys.modules.items()):
        if module is not None and name.partition(".")[0] in tops:
            yield from list(vars(module).values())


def reset(names: Iterable[str], packages: Iterable[str]) -> None:
    """Empty each named cache or registry; drop each named cached_property's value from the instances `held`."""
    dropped: dict[type, list[str]] = {}
    for dotted in names:
        owner, name = resolve(dotted)
        target = getattr(owner, name)
        if isinstance(owner, type) and isinstance(target, functools.cached_property):
            dropped.setdefault(owner, []).append(name)
        else:
            (target.cache_clear if hasattr(target, "cache_clear") else target.clear)()
    if dropped:
        for value in held(packages):
            for cls, attrs in dropped.items():
                if isinstance(value, cls):
                    for name in attrs:
                        value.__dict__.pop(name, None)


def functions_of(module: str) -> set[str]:
    """mutmut's names of the functions it mutated in `module` (the keys of its stats: `module.x_name`,
    `module.xǁClassǁname`), read from the mutated copy's dicts of mutants (`mutants_<name>__mutmut`)."""
    return {f"{module}.{name.removeprefix('mutants_').removesuffix('__mutmut')}"
            for name in vars(importlib.import_module(module))
            if name.startswith("mutants_") and name.endswith("__mutmut")}


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    every = settings().get("every_test")
    if every:
        from mutmut.mutation.trampoline import get_mutant_under_test
        from mutmut.state import state

        if get_mutant_under_test() == "stats":  # mutmut's clean run, which ties tests to functions
            state()._stats.update(functions_of(every))


@pytest.fixture(autouse=True)
def _mutate_reset_caches() -> None:
    if names := settings().get("reset"):
        reset(names, settings().get("packages", ()))
