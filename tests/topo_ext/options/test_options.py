"""Client settings are checked once, when the client (or a `with_options` copy) is made, naming the setting."""

from __future__ import annotations

import math

import httpx
import pytest

from tests.conftest import BASE_URL, TEST_KEY
from tests.specdata import UUID_A, MockAPI
from topo_ext import InvalidRequestError, Topo
from topo_ext._options import Secret


def make(api: MockAPI | None = None, **options: object) -> Topo:
    transport = httpx.MockTransport(api or MockAPI())
    settings = {"api_key": TEST_KEY, **options}
    return Topo(http_client=httpx.Client(transport=transport), **settings)  # type: ignore[arg-type]


@pytest.mark.parametrize("url", ["ftp://api.topo.test/v1", "api.topo.test/v1", "https://api.topo.test/v1 x",
                                 "https://api.topo.test:0/v1", "https://api.topo.test:65536/v1", "https://:443/v1",
                                 "https://api.topo.test/v1?x=1", "https://api.topo.test/v1#frag",
                                 "https://api.topo.test/v1/?", "https://api.topo.test?x=1/v1"])
def test_a_bad_base_url_is_refused(url: str) -> None:
    with pytest.raises(ValueError, match="base_url"):
        make(base_url=url)


@pytest.mark.parametrize("url", [123, b"https://api.topo.test/v1", 1.5, ["https://api.topo.test/v1"]])
@pytest.mark.parametrize("where", ["Topo", "with_options"])
def test_a_base_url_that_is_not_a_str_is_refused_naming_it_and_the_type(url: object, where: str) -> None:
    with pytest.raises(TypeError, match=f"base_url: .*{type(url).__name__}"):
        make(base_url=url) if where == "Topo" else make(base_url=BASE_URL).with_options(base_url=url)  # type: ignore[arg-type]


@pytest.mark.parametrize("url", ["", " ", "\t\n"])
@pytest.mark.parametrize("where", ["Topo", "with_options"])
def test_an_empty_base_url_is_refused_never_the_default_host(url: str, where: str,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """An explicit empty URL is a mistake (an unset variable), not "the default": the key would go to production."""
    monkeypatch.setenv("TOPO_BASE_URL", "https://env.topo.test/v1")
    api = MockAPI()
    with pytest.raises(ValueError, match="base_url"):
        (make(api, base_url=url) if where == "Topo" else make(api, base_url=BASE_URL).with_options(base_url=url)).me()
    assert api.requests == []


@pytest.mark.parametrize("url", ["https://api.topo.test:65535/v1", "http://localhost:1/v1"])
def test_ports_at_the_edges_are_fine(url: str) -> None:
    assert make(base_url=url)._options.base_url == url


def test_the_base_url_comes_from_the_argument_then_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TOPO_BASE_URL", "https://env.topo.test/v1/")
    assert make()._options.base_url == "https://env.topo.test/v1"  # the trailing slash dropped
    assert make(base_url=BASE_URL + "/")._options.base_url == BASE_URL


@pytest.mark.parametrize(("name", "value"), [("max_retries", -1), ("max_retries", 1.5), ("timeout", 0),
                                             ("timeout", -2), ("timeout", True), ("rate_limit", 0),
                                             ("rate_limit", -1.0), ("timeout", math.nan), ("timeout", math.inf),
                                             ("timeout", -math.inf), ("timeout", httpx.Timeout(math.nan)),
                                             ("timeout", httpx.Timeout(5.0, read=math.inf)),
                                             ("timeout", httpx.Timeout(5.0, connect=-1.0)),
                                             ("rate_limit", math.nan), ("rate_limit", math.inf),
                                             ("rate_limit", -math.inf)])
def test_bad_numbers_are_refused_naming_the_setting(name: str, value: object) -> None:
    with pytest.raises(ValueError, match=name):
        make(**{name: value})


def test_settings_in_range_are_kept() -> None:
    assert make(rate_limit=0.5)._options.rate_limit == 0.5  # under one request per second is a rate too
    assert make(base_url="https://api.topo.test/v1/BOX/")._options.base_url == "https://api.topo.test/v1/BOX"
    client = make(max_retries=0, timeout=0.5, rate_limit=2)
    assert client._options.max_retries == 0 and client._options.timeout == httpx.Timeout(0.5)
    assert client._options.rate_limit == 2
    assert make()._options.max_retries == 2


@pytest.mark.parametrize(("name", "value", "error"), [("max_retries", -1, ValueError), ("max_retries", True, ValueError),
                                                      ("timeout", 0, ValueError), ("base_url", "ftp://x", ValueError),
                                                      ("timeout", math.nan, ValueError),
                                                      ("timeout", math.inf, ValueError),
                                                      ("rate_limit", math.nan, ValueError),
                                                      ("base_url", "https://x.test/v1?a=1", ValueError),
                                                      ("default_headers", ["X-A"], TypeError),
                                                      ("default_headers", {"X-A": 1}, TypeError),
                                                      ("default_query", "a=1", TypeError)])
def test_with_options_checks_what_it_changes(name: str, value: object, error: type[Exception]) -> None:
    with pytest.raises(error, match=name):
        make().with_options(**{name: value})


@pytest.mark.parametrize("timeout", [math.nan, math.inf, 0, -1, httpx.Timeout(math.nan)])
def test_a_bad_per_call_timeout_is_refused_naming_it_before_sending(timeout: object) -> None:
    api = MockAPI()
    with pytest.raises(ValueError, match="timeout"):
        make(api, base_url=BASE_URL).me(timeout=timeout)  # type: ignore[arg-type]
    assert api.requests == []


def test_a_timeout_with_phases_unset_is_kept() -> None:
    timeout = httpx.Timeout(None, connect=2.0)
    assert make(timeout=timeout)._options.timeout == timeout


def test_with_options_changes_only_what_is_passed_and_merges_defaults() -> None:
    client = make(base_url=BASE_URL, max_retries=4).with_options(default_headers={"X-A": "1"},
                                                                 default_query={"q": "1"})
    copy = client.with_options(default_headers={"X-B": "2"}, default_query={"r": "2"}, base_url=BASE_URL + "/v2/")
    assert copy._options.default_headers == {"X-A": "1", "X-B": "2"}
    assert copy._options.default_query == {"q": "1", "r": "2"}
    assert copy._options.base_url == BASE_URL + "/v2" and copy._options.max_retries == 4
    assert client.with_options(max_retries=0)._options.max_retries == 0
    assert client.with_options(timeout=3)._options.timeout == httpx.Timeout(3.0)


@pytest.mark.parametrize("value", ["a b", "x-1 2 3", "!~"])
def test_header_values_with_inner_spaces_are_sent(value: str) -> None:
    api = MockAPI()
    make(api, base_url=BASE_URL).contacts.get(UUID_A, extra_headers={"X-Debug": value})
    assert api.requests[-1].headers["x-debug"] == value


@pytest.mark.parametrize(("value", "position"), [(" a", 1), ("a ", 2), ("a\tb", 2), ("ab\n", 3), ("é", 1),
                                               ("a b\tc", 4), ("x y z\n", 6), ("!~\t", 3), ("ab \t", 4)])
def test_header_values_that_are_not_valid_are_refused_naming_the_header(value: str, position: int) -> None:
    api = MockAPI()
    with pytest.raises(InvalidRequestError, match="X-Debug") as caught:
        make(api, base_url=BASE_URL).contacts.get(UUID_A, extra_headers={"X-Debug": value})
    assert f"position {position}" in str(caught.value) and api.requests == []  # where it is; nothing sent


@pytest.mark.parametrize(("key", "position"), [("topo_abc\0def_0123456789abcdef", 9), (" topo_abc", 1),
                                               ("topo_abc ", 9), ("topo_a bc_0123456789", 7)])
def test_a_key_s_bad_character_is_located_without_showing_the_key(key: str, position: int) -> None:
    with pytest.raises(ValueError, match="api_key") as caught:
        make(api_key=key)
    message = str(caught.value)
    assert f"position {position}" in message or ("leading" in message or "trailing" in message)
    assert key.strip() not in message


def test_the_key_hint_may_start_and_end_with_any_printable_character() -> None:
    key = "!~" + "k" * 26 + "~\n"  # 30 characters: a third is 10
    with pytest.raises(ValueError) as caught:
        make(api_key=key)
    assert key[:10] in str(caught.value) and key[:11] not in str(caught.value)


def test_the_key_holder_compares_by_value_and_never_shows_it() -> None:
    a, b = Secret("topo_abc_123"), Secret("topo_abc_123")
    assert a == b and hash(a) == hash(b) and a != Secret("topo_abc_124") and a != "topo_abc_123"
    assert "topo_abc" not in repr(a) and "topo_abc" not in str(a) and a.get() == "topo_abc_123"
