"""Shared fixtures: a spec-driven mock API behind httpx.MockTransport, and clients wired to it."""

from __future__ import annotations

import os
import time
from collections.abc import AsyncIterator, Callable, Iterator
from datetime import datetime, timedelta

import httpx
import pytest

from tests.specdata import MockAPI
from topo_ext import AsyncTopo, Topo
from topo_ext._drift import drift_record

pytest_plugins = ["pytester"]  # tests/topo_tools/testing runs whole pytest sessions of the topo_tools.testing plugin

TEST_KEY = "topo_test_key_do_not_leak_4f9a"
BASE_URL = "https://api.topo.test/v1"


@pytest.fixture(autouse=True)
def _fresh_drift_record() -> Iterator[None]:
    drift_record().clear()
    yield
    drift_record().clear()


@pytest.fixture
def api() -> MockAPI:
    return MockAPI()


@pytest.fixture
def client(api: MockAPI) -> Iterator[Topo]:
    with Topo(api_key=TEST_KEY, base_url=BASE_URL, http_client=httpx.Client(transport=httpx.MockTransport(api)),
              log_drift=False) as c:
        yield c


@pytest.fixture
async def async_client(api: MockAPI) -> AsyncIterator[AsyncTopo]:
    http = httpx.AsyncClient(transport=httpx.MockTransport(api))
    async with AsyncTopo(api_key=TEST_KEY, base_url=BASE_URL, http_client=http, log_drift=False) as c:
        yield c
    await http.aclose()


@pytest.fixture
def no_sleep(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Record retry sleeps instead of sleeping (the sync and async transports)."""
    slept: list[float] = []

    async def fake_async_sleep(seconds: float) -> None:
        slept.append(seconds)

    monkeypatch.setattr("topo_ext._base_client._sleep", slept.append)
    monkeypatch.setattr("topo_ext._base_client._async_sleep", fake_async_sleep)
    return slept


@pytest.fixture
def local_timezone() -> Iterator[Callable[[str], None]]:
    """Set the process's local timezone (TZ and time.tzset) for one test; restored afterwards.

    A test of "naive means UTC" cannot fail on a machine whose local time is UTC: it pins a zone that is not.
    """
    before = os.environ.get("TZ")

    def use(name: str) -> None:
        os.environ["TZ"] = name
        time.tzset()
        assert datetime(2025, 1, 15, 12).astimezone().utcoffset() != timedelta(0), f"no tz data for {name}"

    yield use
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()
