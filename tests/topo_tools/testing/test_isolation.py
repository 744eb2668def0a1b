"""Whole pytest runs (pytester) of files using the plugin: state does not leak between tests unless the module
asks for one shared sandbox, and a test's faults end with it either way."""

from __future__ import annotations

import pytest

TWO_TESTS = """
import pytest

{mark}

seen = {{}}


def test_a_changes_the_workspace(topo_sandbox, topo):
    seen["exclusions"] = len(topo_sandbox.state.contact_exclusions)
    seen["activities"] = len(topo_sandbox.state.activities)
    topo.contact_exclusions.create(body={{"email": "leak@example.com", "reason": "UNSUBSCRIBED"}})
    topo_sandbox.state.add_activity("message.sent")
    topo_sandbox.inject_faults(1.0, "500")         # left on: the fixture must undo it
    topo_sandbox.fail_next("503", "503", "503")    # left pending
    topo_sandbox.settings.latency = 0.2


def test_b_sees_{expect}(topo_sandbox, topo):
    emails = {{e["email"] for e in topo_sandbox.state.contact_exclusions.values()}}
    shared = "leak@example.com" in emails
    assert shared is {shared}
    assert len(topo_sandbox.state.activities) == seen["activities"] + {shared:d}
    assert topo_sandbox.settings.faults is None and topo_sandbox.settings.latency == 0.0
    assert topo_sandbox.stats.requests == 0
    assert topo.with_options(max_retries=0).me().scopes   # no fault left over from test_a
"""


@pytest.mark.parametrize(("mark", "args", "shared"), [
    ("", [], False),
    ("pytestmark = pytest.mark.topo_sandbox(scope='module')", [], True),
    ("", ["--topo-sandbox-scope=module"], True),
], ids=["fresh-per-test", "module-marker", "module-option"])
def test_state_leaks_only_into_a_shared_module_sandbox(pytester, mark, args, shared):
    pytester.makepyfile(TWO_TESTS.format(mark=mark, shared=shared, expect="a_shared_sandbox" if shared else
                                         "a_fresh_sandbox"))
    result = pytester.runpytest("-p", "no:cacheprovider", *args)
    result.assert_outcomes(passed=2)


def test_a_fresh_sandbox_per_test_differs_even_with_the_same_seed(pytester):
    pytester.makepyfile("""
        keys = []

        def test_one(topo_sandbox):
            keys.append(topo_sandbox.api_key)

        def test_two(topo_sandbox):
            keys.append(topo_sandbox.api_key)
            assert keys[0] != keys[1]
    """)
    pytester.runpytest("-p", "no:cacheprovider").assert_outcomes(passed=2)


def test_bad_marker_options_are_named(pytester):
    pytester.makepyfile("""
        import pytest

        @pytest.mark.topo_sandbox(seeds=3)
        def test_typo(topo_sandbox):
            pass
    """)
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*unknown option(s)*seeds*known: seed*"])


def test_the_plugin_loads_without_the_sandbox_or_vcrpy(pytester):
    # Installing topo-tools without its `testing` extra still registers the entry point: importing the plugin
    # must not need starlette, uvicorn or vcrpy.
    result = pytester.run(
        __import__("sys").executable, "-c",
        "import sys, topo_tools.testing.plugin, topo_tools.testing; "
        "heavy = [m for m in ('vcr', 'starlette', 'uvicorn', 'topo_tools.sandbox') if m in sys.modules]; "
        "print('heavy:', heavy); sys.exit(1 if heavy else 0)")
    assert result.ret == 0, result.stdout.str()
