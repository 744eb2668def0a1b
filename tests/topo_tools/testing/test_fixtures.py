"""The plugin's sandbox fixtures, used directly: fault injection, scoped keys, clients (isolation between tests
is in test_isolation.py, which needs whole pytest runs)."""

from __future__ import annotations

import pytest

from topo_ext import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AsyncTopo,
    InternalServerError,
    PermissionDeniedError,
    RateLimitError,
    Topo,
)
from topo_ext._spec import operations
from topo_tools.sandbox import ALL_SCOPES


def test_topo_is_bound_to_the_sandbox_with_every_scope(topo_sandbox, topo):
    assert sorted(topo.me().scopes) == sorted(ALL_SCOPES)
    first = next(iter(topo_sandbox.state.contacts.values()))
    assert topo.contacts.get(first["id"]).email == first["email"]


async def test_async_topo_is_bound_to_the_same_sandbox(topo_sandbox, async_topo):
    assert isinstance(async_topo, AsyncTopo)
    page = await async_topo.activities.list(size=5)
    assert page.total_count == len(topo_sandbox.state.activities)


@pytest.mark.topo_sandbox(seed=3, activities=12, contacts=4)
def test_the_marker_sets_the_seeded_data(topo_sandbox):
    assert (len(topo_sandbox.state.activities), len(topo_sandbox.state.contacts)) == (12, 4)


# scoped keys --------------------------------------------------------------------------------------------------

def test_a_scoped_client_holds_only_its_scopes(topo_sandbox):
    client = topo_sandbox.client("contacts:read")
    assert client.me().scopes == ["contacts:read"]
    assert client.contacts.list(size=1).items
    with pytest.raises(PermissionDeniedError) as raised:
        client.activities.list(size=1)
    wanted = next(op.scopes[0] for op in operations().values() if op.operation_id == "list_activities")
    assert raised.value.required_scope == wanted


def test_a_key_with_no_scopes(topo_sandbox):
    bare = topo_sandbox.key()
    assert bare != topo_sandbox.api_key
    client = Topo(api_key=bare, base_url=topo_sandbox.base_url, max_retries=0)
    with client:
        assert client.me().scopes == []
        with pytest.raises(PermissionDeniedError):
            client.contacts.list(size=1)


def test_unknown_scopes_are_named(topo_sandbox):
    with pytest.raises(ValueError, match="contacts:destroy"):
        topo_sandbox.key("contacts:destroy")


# fault injection ----------------------------------------------------------------------------------------------

def test_a_scripted_429_carries_retry_after(topo_sandbox):
    topo_sandbox.fail_next("429", retry_after=0.25)
    with pytest.raises(RateLimitError) as raised:
        topo_sandbox.client(max_retries=0).me()
    assert raised.value.status_code == 429
    assert raised.value.retry_after == pytest.approx(0.25)
    assert raised.value.response.headers["Retry-After"] == "1"


@pytest.mark.parametrize(("kind", "status"), [("500", 500), ("502", 502), ("503", 503)])
def test_scripted_server_errors(topo_sandbox, kind, status):
    topo_sandbox.fail_next(kind)
    with pytest.raises(APIStatusError) as raised:
        topo_sandbox.client(max_retries=0).me()
    assert raised.value.status_code == status
    assert isinstance(raised.value, InternalServerError)


def test_a_scripted_reset_and_a_slow_response(topo_sandbox):
    client = topo_sandbox.client(max_retries=0, timeout=0.3)
    topo_sandbox.fail_next("reset", "slow", slow_seconds=2.0)
    with pytest.raises(APIConnectionError):
        client.me()
    with pytest.raises(APITimeoutError):
        client.me()
    assert topo_sandbox.client(max_retries=0).me().scopes  # the script is used up: the API answers again


def test_faults_are_used_in_order_then_requests_succeed(topo_sandbox):
    script = topo_sandbox.fail_next("429", "503")
    assert sorted(topo_sandbox.client(max_retries=2).me().scopes) == sorted(ALL_SCOPES)  # retried through both
    assert [kind for kind, _, _ in script.hits] == ["429", "503"]
    assert script.pending == []
    assert topo_sandbox.stats.statuses[429] == 1 and topo_sandbox.stats.statuses[503] == 1


def test_faults_only_hit_the_matching_path_and_method_after_the_skipped_ones(topo_sandbox):
    client = topo_sandbox.client(max_retries=0)
    script = topo_sandbox.fail_next("500", path="/contacts", method="get", after=1)
    client.me()  # another path: not counted
    client.contacts.list(size=1)  # the one let through
    with pytest.raises(InternalServerError):
        client.contacts.list(size=1)
    assert script.hits == [("500", "GET", "/contacts")]


def test_random_faults_at_a_rate(topo_sandbox):
    topo_sandbox.inject_faults(1.0, "500")
    with pytest.raises(InternalServerError):
        topo_sandbox.client(max_retries=1).me()
    assert topo_sandbox.stats.faults["500"] == 2  # the request and its retry


def test_bad_fault_requests_are_named(topo_sandbox):
    with pytest.raises(ValueError, match="fault kind"):
        topo_sandbox.fail_next()
    with pytest.raises(ValueError, match="teapot"):
        topo_sandbox.fail_next("teapot")


def test_end_test_undoes_faults_and_knobs(topo_sandbox):
    topo_sandbox.inject_faults(1.0, "503")
    topo_sandbox.fail_next("500")
    topo_sandbox.settings.latency = 0.5
    topo_sandbox.end_test()
    assert topo_sandbox.settings.faults is None and topo_sandbox.settings.latency == 0.0
    assert topo_sandbox.client(max_retries=0).me().scopes
