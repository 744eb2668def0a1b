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



def test_reset_between_tests_names_every_cache_and_registry_of_its_module() -> None:
    # A cache or registry left out would keep what the first test built: the mutants behind it would never run.
    import functools
    import importlib
    import tomllib
    from pathlib import Path

    from topo_tools.mutate import staged_path

    root = Path(__file__).resolve().parents[2]
    config = tomllib.loads((root / "pyproject.toml").read_text())["tool"]["topo-tools"]["mutate"]
    assert config["reset_between_tests"]
    for module, reset in config["reset_between_tests"].items():
        name = staged_path(module).removesuffix(".py").replace("/", ".")
        held = {attr: value for attr, value in vars(importlib.import_module(name)).items()
                if isinstance(value, functools._lru_cache_wrapper | dict | list | set) and not attr.startswith("__")}
        cleared = []
        for dotted in reset:
            owner, _, attr = dotted.rpartition(".")
            target = getattr(importlib.import_module(owner), attr)
            assert hasattr(target, "cache_clear") or hasattr(target, "clear"), dotted
            cleared.append(target)
        assert held and all(any(v is c for c in cleared) for v in held.values()), (module, sorted(held))
