"""Webhook verification: valid, tampered body, wrong secret, stale timestamp, missing header, configurable scheme."""

from __future__ import annotations

import base64
import enum
import hashlib
import hmac
import json
import time
import typing

import msgspec
import pytest

from topo_ext.events import EVENT_TYPES, MessageRepliedEvent
from topo_ext.webhooks import SignatureScheme, WebhookPayloadError, WebhookVerificationError, sign, verify

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
    with pytest.raises(WebhookVerificationError, match="no signature header: looked for X-Topo-Signature"):
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


@pytest.mark.parametrize("secret", [None, 123, ["whsec_ok", None], [b"whsec_ok", 0], {"whsec_key_in_a_dict": 1}])
def test_a_secret_of_the_wrong_type_is_a_usage_error_naming_the_type_not_the_value(secret: object) -> None:
    """`os.environ.get(...)` of an unset variable is None: a TypeError naming `secret`, not a delivery failure."""
    with pytest.raises(TypeError, match="secret") as caught:
        verify(BODY, sign(BODY, SECRET), secret)  # type: ignore[arg-type]
    assert "whsec" not in str(caught.value) and "123" not in str(caught.value)
    assert not isinstance(caught.value, WebhookVerificationError)


@pytest.mark.parametrize(("tolerance", "error"), [(-1, ValueError), (-0.5, ValueError), (float("nan"), ValueError),
                                                  (float("inf"), ValueError), ("300", TypeError), (True, TypeError)])
def test_a_bad_tolerance_is_refused_where_it_is_given(tolerance: object, error: type[Exception]) -> None:
    with pytest.raises(error, match="tolerance"):
        SignatureScheme(tolerance=tolerance)  # type: ignore[arg-type]
    with pytest.raises(error, match="tolerance"):
        verify(BODY, sign(BODY, SECRET), SECRET, tolerance=tolerance)  # type: ignore[arg-type]


@pytest.mark.parametrize("tolerance", [0, 0.0, 1.5, 300, None])
def test_tolerances_in_range_are_kept(tolerance: float | None) -> None:
    assert SignatureScheme(tolerance=tolerance).tolerance == tolerance
    stamped = sign(BODY, SECRET, timestamp=1_700_000_000)
    assert verify(BODY, stamped, SECRET, tolerance=tolerance, now=1_700_000_000).type == "message.replied"


def test_a_scheme_that_is_not_a_signature_scheme_is_a_usage_error() -> None:
    with pytest.raises(TypeError, match="scheme"):
        verify(BODY, sign(BODY, SECRET), SECRET, scheme={"tolerance": 300})  # type: ignore[arg-type]


def test_a_delivery_from_the_future_is_rejected_too() -> None:
    now = 1_800_000_000
    for ahead in (3600, 301):
        with pytest.raises(WebhookVerificationError) as caught:
            verify(BODY, sign(BODY, SECRET, timestamp=now + ahead), SECRET, now=now)
        assert caught.value.part == "future"
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
    digests = [b.decode() if isinstance(b, bytes) else str(b) for _, b in compared]
    assert digests and any(headers["X-Topo-Signature"].endswith(d) for d in digests)
    compared.clear()
    with pytest.raises(WebhookVerificationError):
        verify(BODY, headers, "whsec_other")
    assert compared  # the failing comparison went through compare_digest too


def _mac(content: bytes, secret: bytes) -> bytes:
    return hmac.new(secret, content, hashlib.sha256).digest()


def test_signatures_computed_by_a_sender_of_our_own_verify() -> None:
    # A sender written from the README's description, not from `sign`: the scheme is what verify checks.
    now = int(time.time())
    stamped = {"X-Topo-Signature": "sha256=" + _mac(f"{now}.".encode() + BODY, SECRET.encode()).hex(),
               "X-Topo-Timestamp": str(now)}
    assert verify(BODY, stamped, SECRET).type == "message.replied"
    assert verify(BODY.decode(), stamped, SECRET.encode()).type == "message.replied"  # str body, bytes secret
    bare = SignatureScheme(timestamp_header=None)
    raw = {"X-Topo-Signature": "sha256=" + _mac(BODY, SECRET.encode()).hex()}
    assert verify(BODY, raw, SECRET, scheme=bare).type == "message.replied"
    b64 = SignatureScheme(timestamp_header=None, encoding="base64", prefix="")
    encoded = {"X-Topo-Signature": base64.b64encode(_mac(BODY, SECRET.encode())).decode()}
    assert verify(BODY, encoded, SECRET, scheme=b64).type == "message.replied"
    with pytest.raises(WebhookVerificationError):
        verify(BODY, raw, SECRET, scheme=b64)  # hex where base64 is expected


def test_several_signatures_may_be_separated_by_spaces_or_commas() -> None:
    good = sign(BODY, SECRET)
    for separator in (" ", ",", ", "):
        headers = {**good, "X-Topo-Signature": "sha256=00ff" + separator + good["X-Topo-Signature"]}
        assert verify(BODY, headers, SECRET).type == "message.replied"


def test_max_body_is_the_largest_accepted_size() -> None:
    headers = sign(BODY, SECRET)
    assert verify(BODY, headers, SECRET, max_body=len(BODY)).type == "message.replied"
    with pytest.raises(WebhookPayloadError):
        verify(BODY, headers, SECRET, max_body=len(BODY) - 1)


def test_an_activity_wrapped_delivery_gives_its_event() -> None:
    wrapped = json.dumps({"id": "act_1", "payload": json.loads(BODY)}).encode()
    event = verify(wrapped, sign(wrapped, SECRET), SECRET)
    assert isinstance(event, MessageRepliedEvent) and event.person_id == "p-1"


def _strip(tp: object) -> object:
    """The class inside a generated field's `Annotated[X, ...] | None | UnsetType`."""
    while typing.get_args(tp):
        tp = next(a for a in typing.get_args(tp) if a not in (type(None), msgspec.UnsetType))
    return tp


def _typed_fields() -> tuple[str, str, str, str]:
    """From the models: an event type with an open-enum field, and one with a nested object field."""
    enum_event = nested_event = enum_field = nested_field = ""
    for name, cls in sorted(EVENT_TYPES.items()):
        for field in msgspec.structs.fields(cls):
            inner = _strip(field.type)
            if not enum_field and isinstance(inner, type) and issubclass(inner, enum.Enum):
                enum_event, enum_field = name, field.encode_name
            if not nested_field and isinstance(inner, type) and issubclass(inner, msgspec.Struct):
                nested_event, nested_field = name, field.encode_name
    assert enum_field and nested_field
    return enum_event, enum_field, nested_event, nested_field


ENUM_EVENT, ENUM_FIELD, NESTED_EVENT, NESTED_FIELD = _typed_fields()


def _verify(data: dict[str, object]) -> object:
    body = json.dumps(data).encode()
    return verify(body, sign(body, SECRET), SECRET)


def test_known_fields_are_type_checked_and_open_enums_stay_open() -> None:
    new_value = "_".join(sorted(m.value for m in type(_member(ENUM_EVENT, ENUM_FIELD)))) + "_NEW"  # not a member
    event = _verify({"type": ENUM_EVENT, ENUM_FIELD: new_value})
    assert getattr(event, ENUM_FIELD) == new_value
    with pytest.raises(WebhookPayloadError, match=ENUM_FIELD):
        _verify({"type": ENUM_EVENT, ENUM_FIELD: 7})
    assert _verify({"type": NESTED_EVENT, NESTED_FIELD: {}}).type == NESTED_EVENT  # type: ignore[attr-defined]
    with pytest.raises(WebhookPayloadError, match=NESTED_FIELD):
        _verify({"type": NESTED_EVENT, NESTED_FIELD: "not an object"})
    inner_cls = _strip(next(f.type for f in msgspec.structs.fields(EVENT_TYPES[NESTED_EVENT])
                            if f.encode_name == NESTED_FIELD))
    inner = msgspec.structs.fields(inner_cls)[0].encode_name
    with pytest.raises(WebhookPayloadError, match=rf"{NESTED_FIELD}\.{inner}"):  # the path into the object
        _verify({"type": NESTED_EVENT, NESTED_FIELD: {inner: [[]]}})


def _member(event_type: str, field_name: str) -> enum.Enum:
    field = next(f for f in msgspec.structs.fields(EVENT_TYPES[event_type]) if f.encode_name == field_name)
    return next(iter(_strip(field.type)))  # type: ignore[no-any-return]


@pytest.mark.parametrize("secret", ["whsec_ABCDEF123456\n", "whsec_ABCDEF123456\r", " whsec_ABCDEF123456",
                                    "whsec_ABC\x00DEF123456", ["whsec_ok_secret", "whsec_ABCDEF123456\n"]])
def test_a_secret_with_surrounding_whitespace_or_control_characters_is_refused(secret) -> None:
    # Accepted silently, such a secret fails every genuine delivery as a signature mismatch.
    body = b'{"id": "e1", "created_at": "2025-01-01T00:00:00Z", "type": "message.sent"}'
    headers = sign(body, "whsec_ABCDEF123456")
    with pytest.raises(ValueError, match=r"^secret(\[1\])?: .*whitespace") as caught:
        verify(body, headers, secret)
    assert "ABCDEF" not in str(caught.value)
