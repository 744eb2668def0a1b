"""Client configuration: options, copies, context managers, raw responses."""

from __future__ import annotations

import httpx
import pytest

from tests.specdata import UUID_A, MockAPI
from topo_ext import APIResponse, AsyncTopo, Topo
from topo_ext._rate import RateGate


def test_with_options_copies_settings_and_shares_the_pool(client: Topo) -> None:
    copy = client.with_options(timeout=3, max_retries=7)
    assert (copy.max_retries, copy.timeout.read) == (7, 3.0)
    assert (client.max_retries, client.timeout.read) == (2, 5.0)  # the injected http client's own timeout
    assert copy._http is client._http


@pytest.mark.parametrize(("kwargs", "match"), [
    ({"timeout": -1}, "timeout"), ({"max_retries": -1}, "max_retries"), ({"base_url": "ftp://x"}, "base_url"),
    ({"rate_limit": 0}, "rate_limit"),
])
def test_bad_settings_are_rejected(kwargs: dict[str, object], match: str) -> None:
    with pytest.raises(ValueError, match=match):
        Topo(api_key="topo_k", **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(("kwargs", "match"), [
    ({"max_retries": True}, "max_retries"), ({"max_retries": 1.5}, "max_retries"), ({"timeout": True}, "timeout"),
    ({"timeout": 0}, "timeout"), ({"prefetch": True}, "prefetch"), ({"prefetch": -1}, "prefetch"),
    ({"timeout": float("nan")}, "timeout"), ({"timeout": float("inf")}, "timeout"),
])
def test_the_constructor_and_with_options_reject_the_same_settings(kwargs: dict[str, object], match: str) -> None:
    """One check per setting (#31): `AsyncTopo(...)` and `with_options(...)` agree (a bool is not a count)."""
    with pytest.raises(ValueError, match=match):
        AsyncTopo(api_key="topo_k", **kwargs)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=match):
        AsyncTopo(api_key="topo_k").with_options(**kwargs)  # type: ignore[arg-type]
    if "prefetch" not in kwargs:
        with pytest.raises(ValueError, match=match):
            Topo(api_key="topo_k", **kwargs)  # type: ignore[arg-type]


def test_context_manager_closes_only_its_own_http_client(api: MockAPI) -> None:
    borrowed = httpx.Client(transport=httpx.MockTransport(api))
    with Topo(api_key="topo_k", http_client=borrowed):
        pass
    assert not borrowed.is_closed
    with Topo(api_key="topo_k") as own:
        pass
    assert own._http.is_closed


async def test_async_context_manager(api: MockAPI) -> None:
    async with AsyncTopo(api_key="topo_k") as own:
        pass
    assert own._http.is_closed


def test_raw_response_gives_status_headers_and_request_id(client: Topo, api: MockAPI) -> None:
    raw = client.with_raw_response.contacts.get(UUID_A)
    assert isinstance(raw, APIResponse)
    assert raw.status_code == 200 and raw.request_id == "req_mock" and raw.headers["x-request-id"] == "req_mock"
    assert str(raw.parse().id) == UUID_A
    page = client.with_raw_response.contacts.list()
    assert page.status_code == 200 and page.parse().items
    assert not client._raw  # the original client is unchanged


def test_user_agent_and_accept_headers(client: Topo, api: MockAPI) -> None:
    client.contacts.get(UUID_A)
    headers = api.requests[-1].headers
    assert headers["user-agent"].startswith("topo-client-python/") and headers["accept"] == "application/json"


def test_rate_limit_spaces_requests(api: MockAPI, no_sleep: list[float]) -> None:
    gate = RateGate(10, clock=lambda: 1000.0)  # a frozen clock: the test's own run time (under load) never counts
    client = Topo(api_key="topo_k", base_url="https://t/v1", rate_limit=gate,
                  http_client=httpx.Client(transport=httpx.MockTransport(api)))
    for _ in range(3):
        client.contacts.get(UUID_A)
    # Sleeping is faked, so no time passes: each request is spaced 1/rate after the previous one's slot.
    assert no_sleep == pytest.approx([0.1, 0.2], abs=0.01)
