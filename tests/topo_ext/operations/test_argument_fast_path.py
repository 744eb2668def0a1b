"""The per-request shortcuts give what the full path gives: an argument checked by its fast path (a plain int, str,
bool or float of exactly its type, an int within the spec's bounds; a canonical UUID string) comes out as the full
check of its type hint and spec schema makes it, and anything else still fails the same way; the query string put
into the URL before httpx parses it is the one httpx's own params merge builds."""

from __future__ import annotations

import copy
from typing import Any
from uuid import UUID

import httpx
import pytest

from topo_client.types import UNSET
from topo_ext import Topo
from topo_ext._arguments import ArgumentChecker
from topo_ext._operations import Operation

BASE_URL = "https://api.topo.test/v1"
SAMPLES: list[Any] = [0, 1, 5, 100, 101, -1, 10**9, True, False, 1.0, 2.5, "", "x", "100", None, UNSET,
                      "018F1A2B-3C4D-7E8F-9A0B-1C2D3E4F5A6B", "018f1a2b-3c4d-7e8f-9a0b-1c2d3e4f5a6b",
                      "018f1a2b3c4d7e8f9a0b1c2d3e4f5a6b", "not-a-uuid", UUID(int=7), b"bytes", [1]]


def _operations() -> list[Any]:
    client = Topo(api_key="topo_test_fast_path_key", base_url=BASE_URL)
    found = []
    for resource in [getattr(client, name) for name in dir(client) if not name.startswith("_")]:
        for holder in [resource, *[getattr(resource, n) for n in dir(resource) if n == "entries"]]:
            for attr in vars(type(holder)).values():
                if isinstance(getattr(attr, "operation", None), Operation):
                    found.append(attr.operation)
    client.close()
    return found


def _checkers() -> list[tuple[str, ArgumentChecker]]:
    found = {}
    for op in _operations():
        for name, checker in op._checkers.items():
            if checker.plain is not None or checker.uuid:
                found[f"{op.spec.operation_id}.{name}"] = checker
    return sorted(found.items())


def _outcome(check: ArgumentChecker, value: Any) -> tuple[str, Any]:
    try:
        return "ok", check(value)
    except (TypeError, ValueError) as exc:
        return type(exc).__name__, str(exc)


CHECKERS = _checkers()


def test_the_fast_paths_cover_the_common_arguments() -> None:
    names = [name.rsplit(".", 1)[1] for name, _ in CHECKERS]
    assert {"size", "page"} <= set(names) and any(check.uuid for _, check in CHECKERS)


@pytest.mark.parametrize(("name", "checker"), CHECKERS, ids=[name for name, _ in CHECKERS])
def test_a_fast_path_agrees_with_the_full_check(name: str, checker: ArgumentChecker) -> None:
    full = copy.copy(checker)
    full.plain, full.uuid = None, False  # what every argument went through before the shortcuts
    for value in SAMPLES:
        fast, slow = _outcome(checker, value), _outcome(full, value)
        assert fast == slow and type(fast[1]) is type(slow[1]), (name, value)


def _sent(client_kwargs: dict[str, Any], call: Any, http: httpx.Client | None = None) -> httpx.URL:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"items": [], "total_count": 0, "total_pages": 0, "has_more": False})

    transport = httpx.MockTransport(handler)
    if http is not None:
        http._transport = transport
    with Topo(api_key="topo_test_fast_path_key", base_url=BASE_URL, max_retries=0,
              http_client=http or httpx.Client(transport=transport), **client_kwargs) as client:
        call(client)
    return seen[0].url


@pytest.mark.parametrize(("client_kwargs", "kwargs", "expected"), [
    ({}, {"size": 7}, {"page": 1, "size": 7}),
    ({}, {"size": 7, "name": "a b&c=d/é?#%+", "extra_query": {"x": "1"}},
     {"page": 1, "size": 7, "name": "a b&c=d/é?#%+", "x": "1"}),
    ({"default_query": {"size": 3, "team": "ops"}}, {"size": 7}, {"size": 7, "team": "ops", "page": 1}),
], ids=["plain", "escaped and extra_query", "default_query loses to the call"])
def test_the_query_in_the_url_is_the_one_httpx_would_build(client_kwargs: dict[str, Any], kwargs: dict[str, Any],
                                                            expected: dict[str, Any]) -> None:
    url = _sent(client_kwargs, lambda client: client.account_lists.list(**kwargs))
    assert url == httpx.Client().build_request("GET", f"{BASE_URL}/account-lists", params=expected).url
    assert dict(url.params) == {k: str(v) for k, v in expected.items()}


def test_an_injected_client_with_its_own_params_still_gets_httpx_s_merge() -> None:
    http = httpx.Client(params={"size": "1", "tenant": "t1"})
    url = _sent({}, lambda client: client.account_lists.list(size=9), http)
    assert dict(url.params) == {"size": "9", "tenant": "t1", "page": "1"}
