"""The receiver's bounds (headers read, names listed, signatures tried), the signed string computed as documented
wherever {timestamp} stands, the tolerance's edge, and a typed delivery that carries a `payload` of its own."""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterator

import pytest

from tests.unknowns import absent
from topo_ext.events import MessageRepliedEvent
from topo_ext.webhooks import (
    MAX_HEADERS,
    MAX_NAME_CHARS,
    MAX_NAMES,
    MAX_SIGNATURES,
    SignatureScheme,
    WebhookVerificationError,
    sign,
    verify,
)

SECRET = "whsec_bounds_test_7f1c"
BODY = json.dumps({"type": "message.replied", "person_id": "p-1"}).encode()
NOW = 1_700_000_000


def filler(count: int) -> list[tuple[str, str]]:
    return [(f"x-filler-{i}", "v") for i in range(count)]


def test_the_timestamp_after_the_body_is_signed_as_the_signed_string_says() -> None:
    scheme = SignatureScheme(signed_string="{body}.{timestamp}")
    mac = hmac.new(SECRET.encode(), BODY + f".{NOW}".encode(), hashlib.sha256).hexdigest()
    headers = {"X-Topo-Signature": f"sha256={mac}", "X-Topo-Timestamp": str(NOW)}
    assert verify(BODY, headers, SECRET, scheme=scheme, now=NOW).type == "message.replied"


def test_up_to_max_headers_are_read_and_more_are_refused() -> None:
    signed = list(sign(BODY, SECRET, timestamp=NOW).items())
    at_most = signed + filler(MAX_HEADERS - len(signed))
    assert verify(BODY, at_most, SECRET, now=NOW).type == "message.replied"
    with pytest.raises(WebhookVerificationError) as caught:
        verify(BODY, [*at_most, ("x-one-more", "v")], SECRET, now=NOW)
    assert caught.value.part == "headers"


def test_headers_past_the_bound_are_never_read() -> None:
    def endless() -> Iterator[tuple[str, str]]:
        yield from sign(BODY, SECRET, timestamp=NOW).items()
        yield from filler(MAX_HEADERS)
        raise AssertionError("read past MAX_HEADERS + 1 pairs")

    with pytest.raises(WebhookVerificationError) as caught:
        verify(BODY, endless(), SECRET, now=NOW)
    assert caught.value.part == "headers"


@pytest.mark.parametrize("extra", [0, 5])
def test_a_failure_lists_at_most_max_names_header_names(extra: int) -> None:
    pairs = filler(MAX_NAMES + extra)
    with pytest.raises(WebhookVerificationError) as caught:
        verify(BODY, pairs, SECRET, now=NOW)
    present = caught.value.present
    assert present[:MAX_NAMES] == tuple(name for name, _ in pairs[:MAX_NAMES])
    assert len(present) == MAX_NAMES + (1 if extra else 0)
    if extra:
        assert str(extra) in present[-1].split()  # how many were left out


def test_listed_names_are_printable_and_cut_short() -> None:
    odd, long = "odd name\x01\u00e9", "n" * (MAX_NAME_CHARS + 10)
    with pytest.raises(WebhookVerificationError) as caught:
        verify(BODY, [(odd, "v"), (long, "v")], SECRET, now=NOW)
    shown_odd, shown_long = caught.value.present
    assert len(shown_odd) == len(odd) and all("\x21" <= c <= "\x7e" for c in shown_odd)
    assert shown_odd.startswith("odd") and shown_odd[4:8] == "name"
    assert shown_long == long[:MAX_NAME_CHARS]


def test_up_to_max_signatures_are_tried_and_more_are_refused() -> None:
    good = sign(BODY, SECRET, timestamp=NOW)
    junk = [f"sha256={'0' * 64}"]

    def with_signatures(count: int) -> dict[str, str]:
        return {**good, "X-Topo-Signature": ",".join(junk * (count - 1) + [good["X-Topo-Signature"]])}

    assert verify(BODY, with_signatures(MAX_SIGNATURES), SECRET, now=NOW).type == "message.replied"
    with pytest.raises(WebhookVerificationError) as caught:
        verify(BODY, with_signatures(MAX_SIGNATURES + 1), SECRET, now=NOW)
    assert caught.value.part == "signature"


@pytest.mark.parametrize(("offset", "part"), [(1, "stale"), (-1, "future")])
def test_one_second_past_a_zero_tolerance_is_stale_or_future(offset: int, part: str) -> None:
    headers = sign(BODY, SECRET, timestamp=NOW)
    assert verify(BODY, headers, SECRET, now=NOW, tolerance=0).type == "message.replied"
    with pytest.raises(WebhookVerificationError) as caught:
        verify(BODY, headers, SECRET, now=NOW + offset, tolerance=0)
    assert caught.value.part == part


def test_a_typed_delivery_with_a_payload_field_is_not_unwrapped() -> None:
    kind = absent("unlisted.event")
    body = json.dumps({"type": kind, "payload": json.loads(BODY)}).encode()
    event = verify(body, sign(body, SECRET, timestamp=NOW), SECRET, now=NOW)
    assert event.type == kind and not isinstance(event, MessageRepliedEvent)
