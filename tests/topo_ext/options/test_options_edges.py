"""with_options(limits=...), default headers merged case-insensitively into one header per name (Authorization
refused in any spelling), the largest prefetch window, and what default_query / extra_query accept."""

from __future__ import annotations

import enum
import math

import httpx
import pytest

from tests.conftest import BASE_URL, TEST_KEY
from tests.specdata import UUID_A, MockAPI
from topo_ext import AsyncTopo, InvalidRequestError, Limits, Topo
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


class _Color(str, enum.Enum):  # noqa: UP042 - the point: a str mixin, httpx would send "_Color.RED", not "red"
    RED = "red"


BAD_QUERY_VALUES = [({"status": "open"}, TypeError, "dict"), (object(), TypeError, "object"),
                    (_Color.RED, TypeError, "value"),
                    (b"x", TypeError, "bytes"), ([{"a": 1}], TypeError, "dict"), ((1, [2]), TypeError, "list"),
                    ({"a"}, TypeError, "set"), (math.nan, ValueError, "finite"), ([1.0, math.inf], ValueError, "finite")]


@pytest.mark.parametrize(("value", "error", "what"), BAD_QUERY_VALUES)
@pytest.mark.parametrize("where", ["Topo", "with_options"])
def test_a_default_query_value_that_is_not_a_query_value_is_refused_when_the_client_is_made(
        value: object, error: type[Exception], what: str, where: str) -> None:
    client = make(MockAPI())
    with pytest.raises(error, match=f"default_query: 'filter' .*{what}"):
        make(MockAPI(), default_query={"filter": value}) if where == "Topo" else client.with_options(
            default_query={"filter": value})


@pytest.mark.parametrize(("value", "error", "what"), BAD_QUERY_VALUES)
def test_an_extra_query_value_that_is_not_a_query_value_is_refused_before_sending(
        value: object, error: type[Exception], what: str) -> None:
    api = MockAPI()
    with pytest.raises(error, match=f"extra_query: 'filter' .*{what}"):
        make(api).contacts.get(UUID_A, extra_query={"filter": value})
    assert api.requests == []


def test_a_query_parameter_name_must_be_a_str() -> None:
    with pytest.raises(TypeError, match=r"default_query: .*int"):
        make(MockAPI(), default_query={1: "a"})
    with pytest.raises(TypeError, match=r"extra_query: .*int"):
        make(MockAPI()).contacts.get(UUID_A, extra_query={1: "a"})  # type: ignore[dict-item]


@pytest.mark.parametrize(("value", "sent"), [("open", "q=open"), (3, "q=3"), (1.5, "q=1.5"), (True, "q=true"),
                                             (False, "q=false"), (None, "q="), (["a", 2], "q=a&q=2"),
                                             (("x", None), "q=x&q="), ([], ""),
                                             (enum.IntEnum("Size", {"BIG": 7}).BIG, "q=7")])
@pytest.mark.parametrize("where", ["default_query", "extra_query"])
def test_query_values_are_sent_as_httpx_sends_them(value: object, sent: str, where: str) -> None:
    api = MockAPI()
    if where == "default_query":
        make(api, default_query={"q": value}).contacts.get(UUID_A)
    else:
        make(api).contacts.get(UUID_A, extra_query={"q": value})
    assert api.requests[-1].url.query.decode() == sent


FRAMING = ["Content-Length", "content-length", "Transfer-Encoding", "TRANSFER-ENCODING"]


@pytest.mark.parametrize("name", FRAMING)
def test_a_framing_default_header_is_refused_when_the_client_is_made(name: str) -> None:
    """The client frames the body itself; another Content-Length made h11 fail mid-request with its own error."""
    for made in (lambda: make(MockAPI(), default_headers={name: "5"}),
                 lambda: make(MockAPI()).with_options(default_headers={name: "chunked"}),
                 lambda: AsyncTopo(api_key=TEST_KEY, base_url=BASE_URL, default_headers={name: "5"})):
        with pytest.raises(ValueError, match=f"default_headers: the {name} header"):
            made()


@pytest.mark.parametrize("name", FRAMING)
async def test_a_framing_extra_header_is_refused_before_sending(name: str) -> None:
    api = MockAPI()
    with pytest.raises(InvalidRequestError, match=f"extra_headers: the {name} header.*nothing was sent"):
        make(api).contact_exclusions.create(email="a@b.io", reason="UNSUBSCRIBED", extra_headers={name: "2"})
    async with AsyncTopo(api_key=TEST_KEY, base_url=BASE_URL,
                         http_client=httpx.AsyncClient(transport=httpx.MockTransport(api))) as client:
        with pytest.raises(InvalidRequestError, match=f"extra_headers: the {name} header.*nothing was sent"):
            await client.me(extra_headers={name: "5"})
    assert api.requests == []
