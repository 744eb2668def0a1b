"""Fault injection: each kind forced on every request, as an httpx client sees it; counted in stats."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from topo_tools.sandbox import FAULT_KINDS, FaultConfig, Sandbox


@pytest.fixture(scope="module")
def flaky() -> Iterator[Sandbox]:
    with Sandbox(activities=30) as sandbox:
        yield sandbox


def only(kind: str, **options: Any) -> FaultConfig:
    return FaultConfig(rate=1.0, kinds=(kind,), seed=7, **options)


def test_429_asks_for_a_short_wait(flaky: Sandbox, client_for: Any, validate: Any) -> None:
    flaky.faults = only("429", retry_after=0.05)
    with client_for(flaky) as api:
        response = api.get("/contacts")
    assert response.status_code == 429
    assert response.headers["retry-after"] == "1" and response.headers["retry-after-ms"] == "50"
    assert response.json()["request_id"] == response.headers["x-request-id"]
    validate(response.json(), "Error")
    flaky.faults = only("429", retry_after=0)
    with client_for(flaky) as api:
        assert api.get("/contacts").headers["retry-after"] == "0"


@pytest.mark.parametrize("kind", ["500", "503"])
def test_server_errors_have_json_bodies(flaky: Sandbox, client_for: Any, validate: Any, kind: str) -> None:
    flaky.faults = only(kind)
    with client_for(flaky) as api:
        response = api.get("/contacts")
    assert response.status_code == int(kind)
    assert response.json()["status_code"] == int(kind)
    assert response.json()["request_id"] == response.headers["x-request-id"]
    validate(response.json(), "Error")


@pytest.mark.parametrize(("kind", "status"), [("502", 502), ("html", 200)])
def test_html_pages(flaky: Sandbox, client_for: Any, kind: str, status: int) -> None:
    flaky.faults = only(kind)
    with client_for(flaky) as api:
        response = api.get("/contacts")
    assert response.status_code == status
    assert response.headers["content-type"].startswith("text/html")
    with pytest.raises(json.JSONDecodeError):
        response.json()


def test_reset_drops_the_connection(flaky: Sandbox, client_for: Any) -> None:
    flaky.faults = only("reset")
    with client_for(flaky) as api, pytest.raises((httpx.ReadError, httpx.RemoteProtocolError)):
        api.get("/contacts")
    flaky.faults = None
    with client_for(flaky) as api:
        assert api.get("/contacts").status_code == 200  # the server is fine afterwards


def test_slow_outlasts_a_short_timeout(flaky: Sandbox, client_for: Any) -> None:
    flaky.faults = only("slow", slow_seconds=1.0)
    with client_for(flaky, timeout=0.2) as api, pytest.raises(httpx.ReadTimeout):
        api.get("/contacts")
    with client_for(flaky, timeout=5) as api:
        assert api.get("/contacts").status_code == 200  # slow, not broken


def test_truncated_body_has_a_matching_length(flaky: Sandbox, client_for: Any) -> None:
    flaky.faults = only("truncated")
    with client_for(flaky) as api:
        response = api.get("/contacts")
        created = api.post("/account-lists", json={"items": [{"name": "half"}]})
    assert response.status_code == 200
    assert int(response.headers["content-length"]) == len(response.content) > 0
    with pytest.raises(json.JSONDecodeError):
        response.json()
    assert created.status_code == 200 and any(r["name"] == "half" for r in flaky.state.account_lists.values())


def test_faults_are_counted_and_spare_other_routes(client_for: Any) -> None:
    with Sandbox(activities=30, faults=FaultConfig(rate=1.0, kinds=FAULT_KINDS, slow_seconds=0.01,
                                                   retry_after=0, seed=3)) as sb:
        with client_for(sb, timeout=5) as api:
            for _ in range(60):
                with contextlib.suppress(httpx.TransportError):
                    api.get("/me")
        with httpx.Client(trust_env=False) as plain:
            assert plain.get(sb.base_url.removesuffix("/v1") + "/healthz").status_code == 200
        counted = sb.stats.snapshot()
    assert set(counted["faults"]) == set(FAULT_KINDS)
    assert sum(counted["faults"].values()) == 60
    assert counted["requests"] == 61


def test_fault_config_is_checked() -> None:
    with pytest.raises(ValueError, match="kinds"):
        FaultConfig(kinds=("500", "teapot"))
    with pytest.raises(ValueError, match="rate"):
        FaultConfig(rate=1.5)


def test_latency_applies_to_api_routes_only(client_for: Any) -> None:
    with Sandbox(activities=10, latency=2.0) as sb:
        with client_for(sb, timeout=0.3) as api, pytest.raises(httpx.ReadTimeout):
            api.get("/me")
        with httpx.Client(trust_env=False, timeout=0.3) as plain:
            assert plain.get(sb.base_url.removesuffix("/v1") + "/healthz").status_code == 200
        sb.settings.latency = 0.0
        with client_for(sb, timeout=5) as api:
            assert api.get("/me").status_code == 200
