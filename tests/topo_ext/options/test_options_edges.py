"""with_options(limits=...), default headers merged case-insensitively into one header per name (Authorization
refused in any spelling), and the largest prefetch window."""

from __future__ import annotations

import httpx
import pytest

from tests.conftest import BASE_URL, TEST_KEY
from tests.specdata import UUID_A, MockAPI
from topo_ext import AsyncTopo, Limits, Topo
from topo_ext._options import MAX_PREFETCH


def make(api: MockAPI, **options: object) -> Topo:
    return Topo(api_key=TEST_KEY, base_url=BASE_URL, http_client=httpx.Client(transport=httpx.MockTransport(api)),
                **options)  # type: ignore[arg-type]


def test_with_options_sets_the_limits() -> None:
    limits = Limits(max_stalled_pages=3)
    client = make(MockAPI())
    assert client.with_options(limits=limits)._options.limits == limits != client._options.limits
    with pytest.raises(TypeError, match="limits"):
        client.with_options(limits={"max_stalled_pages": 3})  # type: ignore[arg-type]


def test_default_headers_differing_in_case_are_one_header_with_the_last_spelling() -> None:
    api = MockAPI()
    client = make(api, default_headers={"X-Trace": "a"})
    second = client.with_options(default_headers={"x-trace": "b"})
    third = second.with_options(default_headers={"X-TRACE": "c", "X-Other": "d"})
    assert second._options.default_headers == {"x-trace": "b"}
    assert third._options.default_headers == {"X-TRACE": "c", "X-Other": "d"}
    third.contacts.get(UUID_A)
    assert api.requests[-1].headers.get_list("x-trace") == ["c"]


@pytest.mark.parametrize("name", ["Authorization", "authorization", "AUTHORIZATION"])
def test_an_authorization_default_header_is_refused_in_any_spelling(name: str) -> None:
    with pytest.raises(ValueError, match="api_key"):
        make(MockAPI()).with_options(default_headers={name: "Bearer someone-else"})


def test_the_largest_prefetch_window_is_accepted() -> None:
    client = AsyncTopo(api_key=TEST_KEY, base_url=BASE_URL, prefetch=MAX_PREFETCH)
    assert client.with_options(prefetch=MAX_PREFETCH) is not None
    with pytest.raises(ValueError, match="prefetch"):
        AsyncTopo(api_key=TEST_KEY, base_url=BASE_URL, prefetch=MAX_PREFETCH + 1)
