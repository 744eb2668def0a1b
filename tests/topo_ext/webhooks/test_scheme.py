"""The signing scheme is a guess: each guessed part is settable, and a failure says which part failed, naming the
headers looked for and the ones the delivery had (names only). Headers come as any mapping or ASGI byte pairs;
hostile header values end in WebhookVerificationError, never a dependency's exception."""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import hmac
import json
import time

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from starlette.datastructures import Headers

from topo_ext.webhooks import SignatureScheme, WebhookPayloadError, WebhookVerificationError, sign, verify

SECRET = "whsec_scheme_test_5e2a"
BODY = json.dumps({"type": "message.replied", "person_id": "p-1"}).encode()
NOW = 1_700_000_000


def _other_scheme(body: bytes, timestamp: int) -> dict[str, str]:
    """A delivery signed the way another provider might: base64 over `<ts>.<body>`, other header names."""
    mac = hmac.new(SECRET.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).digest()
    return {"Content-Type": "application/json", "Webhook-Signature": "v1=" + base64.b64encode(mac).decode(),
            "Webhook-Timestamp": str(timestamp)}


def test_every_guess_is_a_named_settable_field() -> None:
    fields = {f.name: f for f in dataclasses.fields(SignatureScheme)}
    assert set(SignatureScheme.GUESSES) <= set(fields)
    for name in SignatureScheme.GUESSES:
        assert f"`{name}`" in (SignatureScheme.__doc__ or "")  # each guess is explained on the scheme object


def test_a_delivery_under_another_scheme_names_the_headers_looked_for_and_found() -> None:
    headers = _other_scheme(BODY, NOW)
    with pytest.raises(WebhookVerificationError) as caught:
        verify(BODY, headers, SECRET, now=NOW)
    err = caught.value
    assert err.part == "signature_header"
    assert "X-Topo-Signature" in err.looked_for and "Webhook-Signature" in err.present
    assert "X-Topo-Signature" in str(err) and "Webhook-Signature" in str(err) and "Webhook-Timestamp" in str(err)
    assert headers["Webhook-Signature"] not in str(err) and SECRET not in str(err)  # names only, never values
    scheme = SignatureScheme(signature_header="Webhook-Signature", timestamp_header="Webhook-Timestamp",
                             encoding="base64", prefix="v1=")
    assert verify(BODY, headers, SECRET, scheme=scheme, now=NOW).type == "message.replied"


def test_base64_under_the_guessed_header_is_a_mismatch_that_names_the_encoding() -> None:
    headers = _other_scheme(BODY, NOW)
    moved = {"X-Topo-Signature": headers["Webhook-Signature"].removeprefix("v1="), "X-Topo-Timestamp": str(NOW)}
    with pytest.raises(WebhookVerificationError) as caught:
        verify(BODY, moved, SECRET, now=NOW)
    assert caught.value.part == "mismatch" and "encoding='base64'" in str(caught.value)
    assert verify(BODY, moved, SECRET, now=NOW, scheme=SignatureScheme(encoding="base64")).type == "message.replied"


def test_the_signed_string_is_settable() -> None:
    scheme = SignatureScheme(signed_string="{timestamp}:{body}")
    headers = sign(BODY, SECRET, timestamp=NOW, scheme=scheme)
    assert verify(BODY, headers, SECRET, now=NOW, scheme=scheme).type == "message.replied"
    with pytest.raises(WebhookVerificationError, match="mismatch") as caught:
        verify(BODY, headers, SECRET, now=NOW)
    assert "'{timestamp}.{body}'" in str(caught.value)  # the message names the guess in use
    for bad in ("{timestamp}", "{body}{body}", "{id}.{body}"):
        with pytest.raises(ValueError, match="signed_string"):
            SignatureScheme(signed_string=bad)


def test_stale_and_future_are_told_apart_and_the_tolerance_lives_on_the_scheme() -> None:
    headers = sign(BODY, SECRET, timestamp=NOW)
    for now, part in ((NOW + 301, "stale"), (NOW - 301, "future")):
        with pytest.raises(WebhookVerificationError) as caught:
            verify(BODY, headers, SECRET, now=now)
        assert caught.value.part == part
    assert verify(BODY, headers, SECRET, now=NOW + 301, scheme=SignatureScheme(tolerance=600)).person_id == "p-1"
    assert verify(BODY, headers, SECRET, now=NOW + 10**6, tolerance=None).person_id == "p-1"


@pytest.mark.parametrize("headers", [
    lambda h: [(k.lower().encode(), v.encode()) for k, v in h.items()],  # ASGI scope["headers"]
    lambda h: Headers(raw=[(k.lower().encode(), v.encode()) for k, v in h.items()]),  # Starlette's request.headers
    lambda h: httpx.Headers(h),
    lambda h: {k.upper().encode(): v.encode() for k, v in h.items()},
])
def test_headers_as_any_mapping_or_asgi_pairs(headers: object) -> None:
    given_headers = headers(sign(BODY, SECRET, timestamp=NOW))  # type: ignore[operator]
    assert verify(BODY, given_headers, SECRET, now=NOW).type == "message.replied"


@pytest.mark.parametrize(("change", "part"), [
    ({"X-Topo-Signature": "sha256=\u00e9\u00e9"}, "signature"),  # non-ASCII: once a TypeError in hmac
    ({"X-Topo-Timestamp": "9" * 400}, "timestamp"),  # 400 digits: once an OverflowError
    ({"X-Topo-Timestamp": "\u0661\u0662"}, "timestamp"),  # Arabic-Indic digits are not Unix seconds
    ({"X-Topo-Signature": ",".join(["ab"] * 50)}, "signature"),
])
def test_hostile_header_values(change: dict[str, str], part: str) -> None:
    headers = {**sign(BODY, SECRET, timestamp=NOW), **change}
    with pytest.raises(WebhookVerificationError) as caught:
        verify(BODY, headers, SECRET, now=NOW)
    assert caught.value.part == part


@pytest.mark.parametrize("headers", [None, 42, "X-Topo-Signature", [("a", "b", "c")], [(1, 2)], {"a": 1}])
def test_what_is_not_headers(headers: object) -> None:
    with pytest.raises(WebhookVerificationError) as caught:
        verify(BODY, headers, SECRET)  # type: ignore[arg-type]
    assert caught.value.part == "headers"


_text = st.one_of(st.text(max_size=40), st.binary(max_size=40))


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(_text, _text, max_size=6), st.binary(max_size=200),
       st.sampled_from(["X-Topo-Signature", "X-Topo-Timestamp", "x-topo-signature"]), _text)
def test_fuzzed_headers_only_raise_our_errors(extra: dict[object, object], body: bytes, name: str,
                                              value: object) -> None:
    headers = {**sign(body, SECRET, timestamp=int(time.time())), **extra, name: value}
    try:
        verify(body, headers, SECRET)  # type: ignore[arg-type]
    except (WebhookVerificationError, WebhookPayloadError):
        return
