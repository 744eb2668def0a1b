"""Signed but unusable webhook bodies: `verify` raises only our errors, and the README's receiver answers 400.

The receiver is the README's code block itself (executed here), served with Starlette's TestClient.
"""

from __future__ import annotations

import json
import re
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import msgspec
import pytest

from topo_ext import TopoError
from topo_ext.events import EVENT_TYPES, UnknownEvent
from topo_ext.webhooks import MAX_BODY, WebhookPayloadError, sign, verify

SECRET = "whsec_receiver_test_5f1e"
README = Path(__file__).resolve().parents[3] / "README.md"


def first_known_type() -> tuple[str, Any]:
    """An event type from the spec with a string field to send wrong (taken from the models, not a literal)."""
    for name, cls in sorted(EVENT_TYPES.items()):
        for field in msgspec.structs.fields(cls):
            if "str" in repr(field.type) and field.encode_name != "type":
                return name, field.encode_name
    raise AssertionError("no event type has a string field")


KNOWN, STR_FIELD = first_known_type()
UNUSABLE: dict[str, bytes] = {
    "not JSON": b"this is not json",
    "truncated JSON": b'{"type": "' + KNOWN.encode(),
    "invalid UTF-8": b'{"type": "\xff\xfe"}',
    "array": b"[1, 2, 3]",
    "string": b'"message.replied"',
    "number": b"42",
    "null": b"null",
    "empty object": b"{}",
    "no type": json.dumps({STR_FIELD: "x"}).encode(),
    "type is a number": b'{"type": 5}',
    "type is empty": b'{"type": ""}',
    "wrong field type (int for str)": json.dumps({"type": KNOWN, STR_FIELD: 5}).encode(),
    "wrong field type (object for str)": json.dumps({"type": KNOWN, STR_FIELD: {"a": 1}}).encode(),
    "wrapped, payload not an event": json.dumps({"id": "act_1", "payload": {"no": "type"}}).encode(),
    "deeply nested": b"[" * 100_000 + b"]" * 100_000,
    "huge": b'{"type": "' + KNOWN.encode() + b'", "pad": "' + b"x" * (MAX_BODY + 1) + b'"}',
}


@pytest.mark.parametrize("what", sorted(UNUSABLE))
def test_signed_unusable_bodies_raise_only_the_payload_error(what: str) -> None:
    body = UNUSABLE[what]
    with pytest.raises(WebhookPayloadError) as caught:
        verify(body, sign(body, SECRET), SECRET)
    assert isinstance(caught.value, TopoError) and str(caught.value).startswith(("body", "`$"))
    assert SECRET not in str(caught.value)


def test_wrong_field_type_names_the_field() -> None:
    body = UNUSABLE["wrong field type (int for str)"]
    with pytest.raises(WebhookPayloadError, match=re.escape(f"$.{STR_FIELD}")):
        verify(body, sign(body, SECRET), SECRET)


def test_a_huge_body_is_refused_before_the_signature_is_computed() -> None:
    with pytest.raises(WebhookPayloadError, match="max_body"):
        verify(UNUSABLE["huge"], {"X-Topo-Signature": "sha256=00"}, SECRET)


def test_new_event_types_and_enum_values_are_still_accepted() -> None:
    body = json.dumps({"type": "brand.new.event", "anything": [1, {"x": None}]}).encode()
    assert isinstance(verify(body, sign(body, SECRET), SECRET), UnknownEvent)


@pytest.fixture
def receiver(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """The README's receiver app, behind Starlette's TestClient."""
    monkeypatch.setenv("TOPO_WEBHOOK_SECRET", SECRET)
    section = README.read_text().split("## Receiving webhooks", 1)[1]
    code = re.search(r"```python\n(.*?)```", section, re.S)
    assert code, "the README's receiver example is gone"
    namespace: dict[str, Any] = {}
    exec(compile(code.group(1), "README.md", "exec"), namespace)  # the README's own example
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")  # wants httpx2
        from starlette.testclient import TestClient

        with TestClient(namespace["app"]) as client:
            yield client


@pytest.mark.parametrize("what", sorted(UNUSABLE))
def test_the_readme_receiver_answers_400_to_signed_unusable_bodies(receiver: Any, what: str) -> None:
    body = UNUSABLE[what]
    response = receiver.post("/topo/webhooks", content=body, headers=sign(body, SECRET))
    assert response.status_code == 400


def test_the_readme_receiver_answers_400_to_bad_signatures_and_204_to_a_good_delivery(receiver: Any) -> None:
    good = json.dumps({"type": KNOWN, STR_FIELD: "x"}).encode()
    assert receiver.post("/topo/webhooks", content=good, headers={"X-Topo-Signature": "sha256=00"}).status_code == 400
    assert receiver.post("/topo/webhooks", content=good, headers=sign(good, SECRET)).status_code == 204


def test_only_our_errors_for_any_signed_bytes() -> None:
    # A sweep of odd but correctly signed bodies: none is an event, so each is the payload error (never the
    # verification error: the signature is right) and nothing else escapes; a well-formed one still verifies.
    samples = [b"", b" ", b"\x00", b"{", b"}", b"[]", b"{}" * 3, b'{"type": null}', b'{"type": []}',
               b'{"type": "' + KNOWN.encode() + b'", "metadata": 7}', b"\xef\xbb\xbf{}", b"1e999999"]
    outcomes = {}
    for body in samples:
        try:
            outcomes[body] = type(verify(body, sign(body, SECRET), SECRET))
        except TopoError as exc:
            outcomes[body] = type(exc)
    assert outcomes == dict.fromkeys(samples, WebhookPayloadError)
    good = json.dumps({"type": KNOWN}).encode()
    assert verify(good, sign(good, SECRET), SECRET).type == KNOWN
