"""`make mutate`'s own logic: locating a mutant's change and telling message wording from behaviour."""

from __future__ import annotations

import ast

from topo_tools.mutate import _diff, _is_wording, _parents


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


_STATE_AFTER = r'''
import functools, importlib, json, sys
import pytest

modules, tests = json.loads(sys.argv[1]), json.loads(sys.argv[2])

def state():
    found = {}
    for name in modules:
        for attr, value in sorted(vars(importlib.import_module(name)).items()):
            if isinstance(value, functools._lru_cache_wrapper):
                found[f"{name}.{attr}"] = value.cache_info().currsize
            elif isinstance(value, dict | list | set) and not attr.startswith("__"):
                found[f"{name}.{attr}"] = len(value)
    return found

before = state()
code = pytest.main(["--collect-only", "-q", "-p", "no:cacheprovider", *tests])
print(json.dumps({"code": int(code), "before": before, "after": state()}))
'''


def test_collecting_the_tests_fills_no_cache_of_a_fresh_after_collect_module() -> None:
    # `fresh_after_collect` forks each mutant's interpreter from one that collected the tests: that is only right
    # if collecting runs none of the module's cached work (a cache filled there would hide the mutants behind it).
    import json
    import subprocess
    import sys
    import tomllib
    from pathlib import Path

    from topo_tools.mutate import staged_path

    root = Path(__file__).resolve().parents[2]
    config = tomllib.loads((root / "pyproject.toml").read_text())["tool"]["topo-tools"]["mutate"]
    for module in config.get("fresh_after_collect", []):
        assert module in config["fresh_imports"], module
        name = staged_path(module).removesuffix(".py").replace("/", ".")
        done = subprocess.run([sys.executable, "-c", _STATE_AFTER, json.dumps([name]),
                               json.dumps(config["modules"][module])], cwd=root, capture_output=True, text=True,
                              check=False, timeout=300)
        result = json.loads(done.stdout.strip().splitlines()[-1])
        assert result["code"] == 0 and result["before"], (module, done.stderr[-2000:])
        assert result["after"] == result["before"], module
