"""`make mutate`'s own logic: locating a mutant's change, telling message wording from behaviour, and the plugin that
makes cached work run in every test."""

from __future__ import annotations

import ast
import functools
import importlib
import json
import shutil
import tomllib
from pathlib import Path
from typing import Any

import pytest

from topo_tools import mutate, mutate_plugin
from topo_tools.mutate import _diff, _is_wording, _parents, stage, staged_path
from topo_tools.mutate_plugin import functions_of, held, reset, resolve


def _change(before: str, after: str, message_calls: dict[str, int] | None = None) -> tuple[str, str, bool]:
    a, b = ast.parse(before), ast.parse(after)
    pair = _diff(a, b)
    assert pair is not None
    wording = _is_wording(pair[0], pair[1], _parents(a), message_calls or {}, exception_class=False)
    return ast.unparse(pair[0]), ast.unparse(pair[1]), wording


def test_an_operator_change_is_shown_as_its_expression() -> None:
    assert _change("x = a > b", "x = a >= b")[:2] == ("a > b", "a >= b")
    assert _change("n += 1", "n -= 1")[:2] == ("n += 1", "n -= 1")


def test_identical_code_has_no_change() -> None:
    assert _diff(ast.parse("f(a, 'b')"), ast.parse("f(a, 'b')")) is None


def test_message_strings_are_wording_and_data_strings_are_not() -> None:
    assert _change("raise ValueError('bad size')", "raise ValueError('XXbad sizeXX')")[2]
    assert _change("log.debug('retrying %s', n)", "log.debug('retrying %s', None)")[2]
    assert _change("warnings.warn('old')", "warnings.warn('OLD')")[2]
    assert not _change("v = headers.get('retry-after')", "v = headers.get('XXretry-afterXX')")[2]
    assert not _change("raise TimeoutError(after=5)", "raise TimeoutError(after=6)")[2]  # a field, not words


def test_only_the_configured_argument_of_a_message_call_is_wording() -> None:
    calls = {"Decision": 2}
    assert _change("d = Decision(True, 1.0, 'why')", "d = Decision(True, 1.0)", calls)[2]  # the reason removed
    assert _change("d = Decision(True, 1.0, 'why')", "d = Decision(True, 1.0, None)", calls)[2]
    assert not _change("d = Decision(True, 1.0, 'why')", "d = Decision(False, 1.0, 'why')", calls)[2]
    assert not _change("d = Decision(True, 1.0, 'why')", "d = Decision(True, 2.0, 'why')", calls)[2]


def test_a_local_that_only_holds_message_words_is_wording() -> None:
    a, b = ast.parse("what = f'is {kind}'"), ast.parse("what = f'XXis {kind}XX'")
    pair = _diff(a, b)
    assert pair is not None
    assert _is_wording(*pair, _parents(a), {}, exception_class=False, message_names=frozenset({"what"}))
    assert not _is_wording(*pair, _parents(a), {}, exception_class=False, message_names=frozenset({"other"}))


def test_a_call_removed_from_inside_a_message_is_wording() -> None:
    line = "raise TypeError(f'unexpected {\", \".join(map(repr, names))}')"
    assert _change(line, "raise TypeError(f'unexpected {\", \".join(map(names))}')")[2]
    assert not _change("shown = ', '.join(map(repr, names))", "shown = ', '.join(map(names))")[2]
    assert not _change("raise TypeError(msg, code)", "raise TypeError(msg)")[2]  # the code, not the words


def test_the_type_argument_of_a_cast_is_only_read_by_type_checkers() -> None:
    from topo_tools.mutate import _type_only

    for before, after, type_only in [("x = typing.cast('list[R]', v)", "x = typing.cast(None, v)", True),
                                     ("x = cast(R, v)", "x = cast(None, v)", True),
                                     ("x = typing.cast('list[R]', v)", "x = typing.cast('list[R]', None)", False),
                                     ("x = convert(R, v)", "x = convert(None, v)", False)]:
        a = ast.parse(before)
        pair = _diff(a, ast.parse(after))
        assert pair is not None and _type_only(pair[0], _parents(a)) is type_only, before


def test_case_only_changes_are_recognised() -> None:
    from topo_tools.mutate import _case_only

    assert _case_only("'select x from t' -> 'SELECT X FROM T'")
    assert not _case_only("'select' -> 'XXselectXX'") and not _case_only("a > b -> a >= b")


def test_command_line_help_is_wording() -> None:
    assert _change("p.add_argument('--x', help='the x')", "p.add_argument('--x', help='XXthe xXX')")[2]
    assert not _change("p.add_argument('--x', default='a')", "p.add_argument('--x', default='XXaXX')")[2]


def test_removing_a_help_text_is_wording_and_removing_a_type_is_not() -> None:
    line = "p.add_argument('--x', type=int, help='the x')"
    assert _change(line, "p.add_argument('--x', type=int)")[2]
    assert not _change(line, "p.add_argument('--x', help='the x')")[2]


def _config() -> dict[str, Any]:
    root = Path(__file__).resolve().parents[2]
    config: dict[str, Any] = tomllib.loads((root / "pyproject.toml").read_text())["tool"]["topo-tools"]["mutate"]
    return config


def test_reset_between_tests_names_every_cache_and_registry_of_its_module() -> None:
    # A cache or registry left out would keep what the first test built: the mutants behind it would never run.
    config = _config()
    assert config["reset_between_tests"]
    for module, names in config["reset_between_tests"].items():
        name = staged_path(module).removesuffix(".py").replace("/", ".")
        held = {attr: value for attr, value in vars(importlib.import_module(name)).items()
                if isinstance(value, functools._lru_cache_wrapper | dict | list | set) and not attr.startswith("__")}
        cleared, properties = [], []
        for dotted in names:
            owner, attr = resolve(dotted)
            target = getattr(owner, attr)
            if isinstance(owner, type) and isinstance(target, functools.cached_property):
                properties.append(target)
                continue
            assert hasattr(target, "cache_clear") or hasattr(target, "clear"), dotted
            cleared.append(target)
        assert held or properties, module
        assert all(any(v is c for c in cleared) for v in held.values()), (module, sorted(held))


def test_reset_between_tests_names_every_cached_property_but_the_generated_facts() -> None:
    # An Operation's `spec` is the generated facts its constructor was given: dropped, it would be read from the
    # bundled spec instead. Every other cached property is built on first use and must be rebuilt in each test.
    import topo_client.resources.contacts  # noqa: F401  (generated operations, held at module level)
    from topo_ext._operations import Operation

    named = {dotted.rpartition(".")[2] for dotted in _config()["reset_between_tests"]["topo_ext/_arguments.py"]}
    cached = {name for name, value in vars(Operation).items() if isinstance(value, functools.cached_property)}
    assert named == cached - {"spec"}
    generated = [value for value in held(["topo_client"]) if isinstance(value, Operation)]
    assert generated and all("spec" in vars(op) for op in generated)


def test_the_plugin_rebuilds_cached_properties_of_held_instances_and_clears_caches() -> None:
    import sys
    import types

    class Thing:
        built = 0

        @functools.cached_property
        def value(self) -> int:
            Thing.built += 1
            return Thing.built

    @functools.cache
    def cached(n: int) -> int:
        return n

    module = types.ModuleType("topo_ext._mutate_probe")
    module.Thing, module.thing, module.cached, module.registry = Thing, Thing(), cached, {"a": 1}  # type: ignore[attr-defined]
    sys.modules[module.__name__] = module
    try:
        loose = Thing()
        assert (module.thing.value, loose.value) == (1, 2)  # type: ignore[attr-defined]
        cached(1)
        reset(["topo_ext._mutate_probe.Thing.value", "topo_ext._mutate_probe.cached",
               "topo_ext._mutate_probe.registry"], ["topo_ext"])
        assert module.thing.value == 3 and loose.value == 2  # type: ignore[attr-defined]
        assert cached.cache_info().currsize == 0 and module.registry == {}  # type: ignore[attr-defined]
    finally:
        del sys.modules[module.__name__]


def test_fresh_import_modules_count_every_test_as_running_every_function(tmp_path: Path) -> None:
    # A mutant of code run at import (the decorator marking each generated method) changes what any later test sees;
    # mutmut names functions `module.x_name` / `module.xǁClassǁname`, from the mutated copy's dicts of mutants.
    import sys

    (tmp_path / "probe_mutated.py").write_text("mutants_x_mark__mutmut = {}\nmutants_xǁResourceǁ__get____mutmut = {}\n"
                                             "other = 1\n")
    sys.path.insert(0, str(tmp_path))
    try:
        assert functions_of("probe_mutated") == {"probe_mutated.x_mark", "probe_mutated.xǁResourceǁ__get__"}
    finally:
        sys.path.remove(str(tmp_path))
        sys.modules.pop("probe_mutated", None)


def test_staging_writes_the_plugin_for_fresh_and_reset_modules(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[2]
    config = _config()
    for module in (*config["fresh_imports"], *config["reset_between_tests"]):
        staged = stage(root, tmp_path, module, ["tests/topo_ext/operations"], module in config["fresh_imports"],
                       config["reset_between_tests"].get(module))
        settings = json.loads((staged / "tests" / "_mutate_plugin.json").read_text())
        fresh = module in config["fresh_imports"]
        assert settings["every_test"] == (staged_path(module).removesuffix(".py").replace("/", ".") if fresh else None)
        assert settings["reset"] == config["reset_between_tests"].get(module, [])
        assert (staged / "tests" / "_mutate_plugin.py").read_text() == Path(mutate_plugin.__file__).read_text()
        mutmut = tomllib.loads((staged / "pyproject.toml").read_text())["tool"]["mutmut"]
        assert "-p" in mutmut["pytest_add_cli_args"] and (mutmut.get("process_isolation") == "forkserver") == fresh
        shutil.rmtree(staged)


ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("pyproject", "said"), [
    (None, "pyproject.toml cannot be read"),
    ("[project]\nname = 'x'\n", "has no [tool.topo-tools.mutate] table"),
    ("not toml [", "cannot be read"),
])
def test_a_root_without_the_mutate_table_is_one_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                            pyproject: str | None, said: str) -> None:
    if pyproject is not None:
        (tmp_path / "pyproject.toml").write_text(pyproject)
    root = tmp_path if pyproject is not None else tmp_path / "nonexistent"
    assert mutate.main(["--root", str(root)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("mutate: --root: ") and str(root) in err[0] and said in err[0]


def test_without_mutmut_it_names_the_extra_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.topo-tools.mutate.modules]\n'topo_ext/x.py' = ['tests']\n")
    monkeypatch.setattr(mutate, "MUTMUT", tmp_path / "bin" / "mutmut", raising=False)
    monkeypatch.setattr(mutate, "stage", lambda *a, **k: pytest.fail("staged without mutmut"))
    assert mutate.main(["--root", str(tmp_path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "mutmut is not installed" in err[0] and "topo-tools[mutate]" in err[0]


def test_the_mutate_extra_pins_the_mutmut_the_dev_requirements_pin() -> None:
    extras = tomllib.loads((ROOT / "tools" / "pyproject.toml").read_text())["project"]["optional-dependencies"]
    pinned = [line for line in (ROOT / "requirements" / "dev.txt").read_text().splitlines()
              if line.startswith("mutmut==")]
    assert len(pinned) == 1 and extras["mutate"] == pinned
