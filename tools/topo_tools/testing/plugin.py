"""The pytest plugin of the Topo testing kit, loaded through the `pytest11` entry point `topo`.

Fixtures: `topo_sandbox` (a running sandbox, fresh per test unless the module or `--topo-sandbox-scope` asks for
one per module), `topo` / `async_topo` (clients bound to it) and `topo_cassette` (replay or record a cassette).
Markers: `topo_sandbox(seed=..., activities=..., scope="module", ...)` and `topo_cassette("name")`.
Heavy imports (the sandbox, vcrpy) wait until a fixture is used, so installing topo-tools without its `testing`
extra does not break anyone's pytest.
"""

from __future__ import annotations

import os
import re
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import pytest

from ._cassettes import PLACEHOLDER_KEY, RECORD_MODES, REPLAY_BASE_URL, TopoCassette, record_mode

if TYPE_CHECKING:
    from topo_ext import AsyncTopo, Topo

    from ._sandbox import TopoSandbox

try:  # in strict mode pytest-asyncio only runs async fixtures it marked itself
    from pytest_asyncio import fixture as _async_fixture
except ImportError:  # pragma: no cover - async_topo then needs another async plugin (anyio)
    _async_fixture = pytest.fixture  # type: ignore[assignment]

SCOPES = ("function", "module")
SANDBOX_OPTIONS = ("seed", "activities", "contacts", "rate_limit", "latency", "burst", "retry_after_ms")
#: Smaller than the sandbox's own default (2000 activities) so a fresh sandbox per test stays cheap.
SANDBOX_DEFAULTS: dict[str, Any] = {"seed": 1, "activities": 200, "contacts": 50}
LIVE_BASE_URL = "https://api.topo.io/v1"
_CASSETTE = pytest.StashKey[TopoCassette]()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("topo", "Topo testing kit (topo_tools.testing)")
    group.addoption("--topo-record", choices=RECORD_MODES, default=None,
                    help="topo_cassette: record against the sandbox or the real API (TOPO_API_KEY) instead of "
                         "replaying; default TOPO_RECORD or none")
    group.addoption("--topo-sandbox-scope", choices=SCOPES, default=None,
                    help="topo_sandbox: a fresh sandbox per test (function, the default) or per module")
    parser.addini("topo_sandbox_scope", "topo_sandbox: function (default) or module", default="function")
    parser.addini("topo_cassette_dir", "topo_cassette: folder beside each test file (default cassettes)",
                  default="cassettes")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "topo_sandbox(seed=1, activities=200, contacts=50, rate_limit=None, latency=0.0, scope=None): "
        "options of the test's sandbox; scope='module' shares one per module (options from the module's pytestmark)")
    config.addinivalue_line("markers", "topo_cassette(name): the cassette file name (default: the test's name)")


def _fail(message: str) -> NoReturn:
    """A misused fixture or marker: fail the test with just the message, not the plugin's traceback."""
    pytest.fail(message, pytrace=False)


# sandbox ----------------------------------------------------------------------------------------------------

def _options(marker: pytest.Mark | None) -> dict[str, Any]:
    kwargs = dict(marker.kwargs) if marker else {}
    kwargs.pop("scope", None)
    unknown = sorted(set(kwargs) - set(SANDBOX_OPTIONS))
    if unknown or (marker and marker.args):
        _fail(f"topo_sandbox marker: unknown option(s) {unknown or list(marker.args if marker else [])}; "
              f"known: {', '.join(SANDBOX_OPTIONS)}, scope")
    return {**SANDBOX_DEFAULTS, **kwargs}


def _scope(request: pytest.FixtureRequest) -> str:
    marker = request.node.get_closest_marker("topo_sandbox")
    scope = (marker.kwargs.get("scope") if marker else None) or request.config.getoption("topo_sandbox_scope") \
        or request.config.getini("topo_sandbox_scope")
    if scope not in SCOPES:
        _fail(f"topo_sandbox scope: {scope!r} is not one of {', '.join(SCOPES)}")
    return str(scope)


@contextmanager
def _running(options: dict[str, Any]) -> Iterator[TopoSandbox]:
    from ..sandbox import Sandbox
    from ._sandbox import TopoSandbox

    with Sandbox(**options) as sandbox:
        yield TopoSandbox(sandbox)


@pytest.fixture(scope="module")
def topo_module_sandbox(request: pytest.FixtureRequest) -> Iterator[TopoSandbox]:
    """One sandbox shared by every test of a module (options from the module's `topo_sandbox` marker)."""
    with _running(_options(request.node.get_closest_marker("topo_sandbox"))) as sandbox:
        yield sandbox


@pytest.fixture
def topo_sandbox(request: pytest.FixtureRequest) -> Iterator[TopoSandbox]:
    """A running, seeded sandbox: fresh for this test, or the module's one when the scope is "module".

    Either way the test's clients, faults and knob changes end with the test.
    """
    marker = request.node.get_closest_marker("topo_sandbox")
    if _scope(request) == "module":
        module = request.node.getparent(pytest.Module)
        module_marker = module.get_closest_marker("topo_sandbox") if module else None
        if marker is not None and marker is not module_marker and set(marker.kwargs) - {"scope"}:
            _fail("topo_sandbox: a module-wide sandbox takes its options from the module's pytestmark; move them "
                  "there or use scope='function' for this test")
        shared: TopoSandbox = request.getfixturevalue("topo_module_sandbox")
        try:
            yield shared
        finally:
            shared.end_test()
        return
    with _running(_options(marker)) as sandbox:
        try:
            yield sandbox
        finally:
            sandbox.end_test()


@pytest.fixture
def topo(topo_sandbox: TopoSandbox) -> Topo:
    """A `Topo` client bound to `topo_sandbox`, holding every scope (`topo_sandbox.client(*scopes)` for fewer)."""
    return topo_sandbox.client()


@_async_fixture
async def async_topo(topo_sandbox: TopoSandbox) -> AsyncIterator[AsyncTopo]:
    """An `AsyncTopo` client bound to `topo_sandbox`, holding every scope."""
    async with topo_sandbox.async_client() as client:
        yield client


# cassettes --------------------------------------------------------------------------------------------------

def _cassette_path(request: pytest.FixtureRequest) -> Path:
    marker = request.node.get_closest_marker("topo_cassette")
    name = str(marker.args[0]) if marker and marker.args else request.node.name
    name = re.sub(r"[^A-Za-z0-9_.-]+", "_", name).strip("_")
    folder = Path(request.path).parent / str(request.config.getini("topo_cassette_dir"))
    return folder / Path(request.path).stem / f"{name}.yaml"


@pytest.fixture
def topo_cassette(request: pytest.FixtureRequest) -> Iterator[TopoCassette]:
    """Replays the test's cassette (cassettes/<module>/<test>.yaml beside the test file), or records it with
    `--topo-record=sandbox|live`. Point the service at `.base_url` / `.api_key`, or use `.client()`.

    The test fails if the cassette holds anything key-shaped when it ends.
    """
    mode = record_mode(request.config.getoption("topo_record"))
    sandbox: TopoSandbox | None = None
    if mode == "sandbox":
        sandbox = request.getfixturevalue("topo_sandbox")
        base_url, api_key = sandbox.base_url, sandbox.api_key
    elif mode == "live":
        api_key = os.environ.get("TOPO_API_KEY", "")
        if not api_key:
            _fail("--topo-record=live needs TOPO_API_KEY (and TOPO_BASE_URL for another host)")
        base_url = os.environ.get("TOPO_BASE_URL") or LIVE_BASE_URL
    else:
        base_url, api_key = REPLAY_BASE_URL, PLACEHOLDER_KEY
    with TopoCassette(_cassette_path(request), mode, base_url=base_url, api_key=api_key, sandbox=sandbox) as cassette:
        request.node.stash[_CASSETTE] = cassette
        yield cassette


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """Close the test's cassette as part of the test, so a cassette holding a key fails the test itself."""
    try:
        return (yield)
    finally:
        cassette = item.stash.get(_CASSETTE, None)
        if cassette is not None:
            cassette.close()
