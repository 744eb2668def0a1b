"""The API key never appears in repr, logs, exceptions or request summaries."""

from __future__ import annotations

import logging

import httpx
import pytest

from tests.conftest import TEST_KEY
from tests.specdata import UUID_A, MockAPI
from topo_ext import AsyncTopo, InternalServerError, Topo, TopoError
from topo_ext._base_client import Secret


def test_repr_of_clients_and_secret(client: Topo) -> None:
    for text in (repr(client), str(client), repr(client.with_options(max_retries=1)), repr(Secret(TEST_KEY))):
        assert TEST_KEY not in text
    assert TEST_KEY not in repr(vars(client))  # even the attribute dump


def test_key_absent_from_logs_and_errors(api: MockAPI, no_sleep: list[float],
                                         caplog: pytest.LogCaptureFixture) -> None:
    api.override["get_contact"] = lambda r: httpx.Response(
        503, json={"status_code": 503, "type": "X", "message": f"echo {r.headers['authorization']}"})
    client = Topo(api_key=TEST_KEY, base_url="https://t/v1", http_client=httpx.Client(transport=httpx.MockTransport(api)))
    with caplog.at_level(logging.DEBUG), pytest.raises(InternalServerError) as caught:
        client.contacts.get(UUID_A)
    assert caplog.records  # retries were logged ...
    assert all(TEST_KEY not in r.getMessage() for r in caplog.records)  # ... without the key
    err = caught.value
    # The server's own message is reported as sent; our additions never include the key.
    assert TEST_KEY not in repr(err.request) and TEST_KEY not in err.request.url.path if err.request else True
    assert api.requests[0].headers["authorization"] == f"Bearer {TEST_KEY}"


def test_missing_key_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TOPO_API_KEY", raising=False)
    with pytest.raises(TopoError, match="TOPO_API_KEY"):
        Topo()
    with pytest.raises(TopoError, match="TOPO_API_KEY"):
        AsyncTopo()


def test_key_and_base_url_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TOPO_API_KEY", TEST_KEY)
    monkeypatch.setenv("TOPO_BASE_URL", "http://127.0.0.1:9/v1/")
    client = Topo()
    assert client.base_url == "http://127.0.0.1:9/v1"
    assert TEST_KEY not in repr(client)
