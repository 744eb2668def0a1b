"""Malformed API keys (whitespace, control characters, non-ASCII) fail at once, are never sent, never shown.

Through the client (argument and environment variable), the async client and the CLI (--api-key and
TOPO_API_KEY): every error is immediate, no request is attempted, and the key text appears in no exception, no
log record (DEBUG, every logger) and no CLI output. A header value that slips past (set on the transport
directly) is a local error: not retried, not a connection error, not quoted.
"""

from __future__ import annotations

import io
import logging
import traceback

import httpx
import pytest

from tests.conftest import BASE_URL
from topo_ext import APIConnectionError, AsyncTopo, InvalidRequestError, Topo
from topo_ext._base_client import Secret, SyncRequester
from topo_ext.cli import main

GOOD = "topo_sbx_d478c0ffee5eb2a91b7e4c03f1d2a8b6"
SECRET_PART = GOOD[11:]  # anything past a short prefix must never be shown
BAD = {
    "trailing newline": GOOD + "\n",
    "trailing CRLF": GOOD + "\r\n",
    "carriage return inside": GOOD[:20] + "\r" + GOOD[20:],
    "leading space": " " + GOOD,
    "trailing space": GOOD + " ",
    "tab": GOOD + "\t",
    "NUL": GOOD[:20] + "\0" + GOOD[20:],
    "non-ASCII": GOOD[:20] + "é" + GOOD[20:],
    "newline inside": GOOD[:25] + "\n" + GOOD[25:],
    "space inside": GOOD[:25] + " " + GOOD[25:],
}


def leaked(text: str, key: str) -> bool:
    """Whether `text` shows the key, or any stretch of it longer than the allowed prefix."""
    core = key.strip()
    return SECRET_PART in text or core in text or repr(key)[1:-1] in text or any(
        core[i:i + 12] in text for i in range(1, max(1, len(core) - 12)))


def counting_http() -> tuple[httpx.Client, list[httpx.Request]]:
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json={})

    return httpx.Client(transport=httpx.MockTransport(handler)), sent


@pytest.fixture
def all_logs(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.DEBUG)  # the root logger: httpx, httpcore and ours
    return caplog


def log_text(caplog: pytest.LogCaptureFixture) -> str:
    return "\n".join(f"{r.name} {r.getMessage()} {r.exc_text or ''}" for r in caplog.records)


@pytest.mark.parametrize("what", sorted(BAD))
def test_the_client_refuses_a_malformed_key_at_construction(what: str, all_logs: pytest.LogCaptureFixture) -> None:
    key = BAD[what]
    http, sent = counting_http()
    with pytest.raises(ValueError) as caught:
        Topo(api_key=key, base_url=BASE_URL, http_client=http)
    text = str(caught.value) + "".join(traceback.format_exception(caught.value))
    assert not leaked(text, key) and not leaked(log_text(all_logs), key)
    assert "api_key" in str(caught.value) and sent == []
    assert "topo_sbx_d4" in str(caught.value) or "prefix not shown" in str(caught.value)


@pytest.mark.parametrize("what", sorted(BAD))
def test_the_environment_variable_is_checked_the_same_way(what: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if "\0" in BAD[what]:
        pytest.skip("an environment variable cannot hold a NUL")
    monkeypatch.setenv("TOPO_API_KEY", BAD[what])
    with pytest.raises(ValueError, match="TOPO_API_KEY") as caught:
        Topo(base_url=BASE_URL)
    assert not leaked(str(caught.value), BAD[what])
    with pytest.raises(ValueError, match="TOPO_API_KEY"):
        AsyncTopo(base_url=BASE_URL)


def test_the_message_names_the_problem() -> None:
    for key, words in ((GOOD + "\n", "trailing whitespace"), (" " + GOOD, "leading whitespace"),
                       (GOOD[:20] + "\0" + GOOD[20:], "NUL"), (GOOD[:20] + "é" + GOOD[20:], "non-ASCII")):
        with pytest.raises(ValueError, match=words):
            Topo(api_key=key, base_url=BASE_URL)


@pytest.mark.parametrize("what", sorted(BAD))
@pytest.mark.parametrize("via", ["env", "option"])
def test_the_cli_reports_a_usage_error_without_the_key(what: str, via: str, monkeypatch: pytest.MonkeyPatch,
                                                       all_logs: pytest.LogCaptureFixture) -> None:
    key = BAD[what]
    http, sent = counting_http()
    out, err = io.StringIO(), io.StringIO()
    argv = ["me", "--base-url", BASE_URL, "-v"]
    if via == "env":
        if "\0" in key:
            pytest.skip("an environment variable cannot hold a NUL")
        monkeypatch.setenv("TOPO_API_KEY", key)
    else:
        monkeypatch.delenv("TOPO_API_KEY", raising=False)
        argv += ["--api-key", key]
    assert main(argv, http_client=http, stdout=out, stderr=err) == 2
    shown = out.getvalue() + err.getvalue()
    assert "API key" in shown and ("TOPO_API_KEY" if via == "env" else "--api-key") in shown
    assert not leaked(shown, key) and not leaked(log_text(all_logs), key) and sent == []


def test_a_bad_header_value_is_a_local_error_never_retried_nor_quoted(all_logs: pytest.LogCaptureFixture) -> None:
    http, sent = counting_http()
    client = Topo(api_key=GOOD, base_url=BASE_URL, http_client=http, max_retries=3)
    key = GOOD + "\n"
    client._requester = SyncRequester(http, Secret(key), client._options, client._gate)  # slipped past the check
    with pytest.raises(InvalidRequestError) as caught:
        client.me()
    assert not isinstance(caught.value, APIConnectionError) and isinstance(caught.value, ValueError)
    assert "Authorization" in str(caught.value) and sent == []
    text = "".join(traceback.format_exception(caught.value))
    assert not leaked(text, key) and not leaked(log_text(all_logs), key)


def test_h11_refusals_are_not_retried_and_not_quoted() -> None:
    # Something h11 itself refuses at send time (here: forced through the mock transport).
    attempts: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        attempts.append(1)
        raise httpx.LocalProtocolError(f"Illegal header value b'Bearer {GOOD}\\n'")

    http = httpx.Client(transport=httpx.MockTransport(handler))
    client = Topo(api_key=GOOD, base_url=BASE_URL, http_client=http, max_retries=3)
    with pytest.raises(InvalidRequestError) as caught:
        client.me()
    assert attempts == [1]
    assert not leaked("".join(traceback.format_exception(caught.value)), GOOD)


def test_a_malformed_base_url_is_refused_at_construction() -> None:
    for url in ("https://exa mple.com/v1", "https://example.com:99999/v1", "https://api.topo.io/v1\n"):
        with pytest.raises(ValueError, match="base_url"):
            Topo(api_key=GOOD, base_url=url)



# Key lengths around the hint rule's bounds: at most a third of the key is shown, and never more than 11 characters.
HINT_BODY = "Qz9Xk7Wv3Jm8Rt2Yp6Hd4Ln5Bc1Fg0SxQz9Xk7Wv3Jm8Rt2Yp6Hd4Ln5Bc1Fg0Sx"


@pytest.mark.parametrize(("length", "shown"), [(2, 0), (5, 1), (9, 3), (15, 5), (30, 10), (33, 11), (36, 11),
                                                (64, 11)])
def test_the_hint_shows_at_most_a_third_of_the_key(length: int, shown: int) -> None:
    key = HINT_BODY[:length - 1] + "\n"
    with pytest.raises(ValueError) as caught:
        Topo(api_key=key, base_url=BASE_URL, http_client=counting_http()[0])
    message = str(caught.value)
    assert HINT_BODY[:shown + 1] not in message  # not one character more than the rule allows ...
    assert HINT_BODY[:shown] in message  # ... and the allowed prefix itself, so the user can tell which key
