"""pytester runs of the plugin start from an ini that quiets pytest-asyncio's loop-scope notice."""

import pytest


@pytest.fixture
def pytester(pytester: pytest.Pytester) -> pytest.Pytester:
    pytester.makeini("[pytest]\nasyncio_default_fixture_loop_scope = function\n")
    return pytester
