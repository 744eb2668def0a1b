"""Webhook verification: valid, tampered body, wrong secret, stale timestamp, missing header, configurable scheme."""

from __future__ import annotations

import hmac
import json
import time

import pytest

from topo_ext.events import EVENT_TYPES, MessageRepliedEvent
from topo_ext.webhooks import SignatureScheme, WebhookVerificationError, sign, verify

SECRET = "whsec_test_0123456789abcdef"
BODY = json.dumps({"type": "message.replied", "person_id": "p-1", "metadata": {"reply_category": None}}).encode()


def test_a_valid_delivery_verifies_and_parses_to_the_typed_event() -> None:
    event = verify(BODY, sign(BODY, SECRET), SECRET)
    assert isinstance(event, MessageRepliedEvent) and event.person_id == "p-1"
    assert event.metadata is not None and event.metadata.reply_category is None  # filled asynchronously


def test_header_names_are_case_insensitive_and_lists_of_pairs_work() -> None:
    headers = {k.lower(): v for k, v in sign(BODY, SECRET).items()}
    assert verify(BODY, list(headers.items()), SECRET).type == "message.replied"


def test_tampered_body() -> None:
    with pytest.raises(WebhookVerificationError, match="mismatch"):
        verify(BODY.replace(b"p-1", b"p-2"), sign(BODY, SECRET), SECRET)


def test_wrong_secret_and_no_secret_leak() -> None:
    with pytest.raises(WebhookVerificationError) as caught:
        verify(BODY, sign(BODY, SECRET), "whsec_other")
    assert SECRET not in str(caught.value) and "whsec_other" not in str(caught.value)


def test_stale_timestamp_is_a_replay() -> None:
    old = int(time.time()) - 3600
    with pytest.raises(WebhookVerificationError, match="stale"):
        verify(BODY, sign(BODY, SECRET, timestamp=old), SECRET)
    assert verify(BODY, sign(BODY, SECRET, timestamp=old), SECRET, tolerance=None).type == "message.replied"


def test_the_timestamp_is_part_of_the_signed_content() -> None:
    headers = sign(BODY, SECRET)
    headers["X-Topo-Timestamp"] = str(int(headers["X-Topo-Timestamp"]) + 1)
    with pytest.raises(WebhookVerificationError, match="mismatch"):
        verify(BODY, headers, SECRET)


def test_missing_or_malformed_headers() -> None:
    with pytest.raises(WebhookVerificationError, match="missing X-Topo-Signature"):
        verify(BODY, {}, SECRET)
    headers = sign(BODY, SECRET)
    headers["X-Topo-Timestamp"] = "yesterday"
    with pytest.raises(WebhookVerificationError, match="malformed"):
        verify(BODY, headers, SECRET)


def test_without_a_timestamp_the_raw_body_is_signed() -> None:
    scheme = SignatureScheme(timestamp_header=None)
    headers = sign(BODY, SECRET, scheme=scheme)
    assert set(headers) == {"X-Topo-Signature"}
    assert verify(BODY, headers, SECRET, scheme=scheme).type == "message.replied"


def test_rotation_several_signatures_or_several_secrets() -> None:
    old, new = sign(BODY, "whsec_old", timestamp=1), sign(BODY, SECRET, timestamp=1)
    both = {**new, "X-Topo-Signature": f"{old['X-Topo-Signature']}, {new['X-Topo-Signature']}"}
    assert verify(BODY, both, SECRET, now=1).type == "message.replied"
    assert verify(BODY, old, ["whsec_new", "whsec_old"], now=1).type == "message.replied"


def test_other_encodings_and_header_names_are_configurable() -> None:
    scheme = SignatureScheme(signature_header="Topo-Signature", timestamp_header="Topo-Timestamp",
                             encoding="base64", prefix="v1,")
    headers = sign(BODY, SECRET, scheme=scheme)
    assert headers["Topo-Signature"].startswith("v1,")
    assert verify(BODY, headers, SECRET, scheme=scheme).type == "message.replied"
    with pytest.raises(WebhookVerificationError):
        verify(BODY, headers, SECRET)  # the default scheme does not read these headers


@pytest.mark.parametrize("event_type", sorted(EVENT_TYPES))
def test_every_event_type_arrives_typed(event_type: str) -> None:
    body = json.dumps({"type": event_type, "personId": "p"}).encode()
    event = verify(body, sign(body, SECRET), SECRET)
    assert type(event) is EVENT_TYPES[event_type] and event.person_id == "p"


def test_empty_secret_is_a_usage_error() -> None:
    with pytest.raises(ValueError, match="secret"):
        verify(BODY, sign(BODY, SECRET), "")


def test_a_delivery_from_the_future_is_rejected_too() -> None:
    now = 1_800_000_000
    with pytest.raises(WebhookVerificationError, match="stale"):
        verify(BODY, sign(BODY, SECRET, timestamp=now + 3600), SECRET, now=now)
    with pytest.raises(WebhookVerificationError, match="stale"):
        verify(BODY, sign(BODY, SECRET, timestamp=now + 301), SECRET, now=now)
    # Clock skew within the tolerance, either way, is fine.
    for skew in (-300, -1, 0, 1, 300):
        assert verify(BODY, sign(BODY, SECRET, timestamp=now + skew), SECRET, now=now).type == "message.replied"


def test_signatures_are_compared_in_constant_time(monkeypatch: pytest.MonkeyPatch) -> None:
    # `==` on the digests would leak through timing how much of a forged signature is right.
    compared: list[tuple[object, object]] = []
    real = hmac.compare_digest

    def spy(a: str | bytes, b: str | bytes) -> bool:
        compared.append((a, b))
        return real(a, b)  # type: ignore[arg-type]

    monkeypatch.setattr(hmac, "compare_digest", spy)
    headers = sign(BODY, SECRET)
    assert verify(BODY, headers, SECRET).type == "message.replied"
    assert compared and any(headers["X-Topo-Signature"].endswith(str(b)) for _, b in compared)
    compared.clear()
    with pytest.raises(WebhookVerificationError):
        verify(BODY, headers, "whsec_other")
    assert compared  # the failing comparison went through compare_digest too
