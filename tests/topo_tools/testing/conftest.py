"""pytester runs of the plugin: start each from an ini that quiets pytest-asyncio's loop-scope notice.

In-process pytester runs drop every module first imported during the run from sys.modules afterwards. Modules
that load lazily (httpcore by httpx, the sandbox and vcrpy by the plugin) would then be imported twice, and
httpx, which keeps the first httpcore's exception classes, would stop mapping the second one's errors. So they
are imported here, before any run.
"""

import httpcore  # noqa: F401
import pytest
import vcr  # noqa: F401

import topo_tools.testing._sandbox  # noqa: F401


@pytest.fixture
def pytester(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> pytest.Pytester:
    monkeypatch.delenv("TOPO_RECORD", raising=False)  # each run says itself whether it records
    pytester.makeini("[pytest]\nasyncio_default_fixture_loop_scope = function\n")
    return pytester
