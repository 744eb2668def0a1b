"""Receive webhook deliveries: verify the HMAC-SHA256 signature, then parse the body into the typed event.

The docs say deliveries are signed with HMAC-SHA256 and are cut off before naming the header or the signed
content. The defaults below are our inference (also recorded in the spec's `webhooks` section as
`x-topo-source: inferred`), and every part is configurable through `SignatureScheme`:

- `X-Topo-Signature`: hex HMAC-SHA256 of the signed content, optionally prefixed `sha256=`; several signatures
  may be sent separated by commas or spaces (e.g. during secret rotation), any one matching is enough.
- `X-Topo-Timestamp` (optional): Unix seconds. When present, the signed content is `<timestamp>.<raw body>` and
  deliveries older (or newer) than `tolerance` seconds are rejected as replays; otherwise it is the raw body.

    event = topo_ext.webhooks.verify(request_body, request_headers, secret=os.environ["TOPO_WEBHOOK_SECRET"])

`verify` raises only `WebhookVerificationError` (not from Topo: answer 400/401 and drop it) and
`WebhookPayloadError` (signed, but a body this client cannot use: answer 400 and look at the delivery).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import time
import types
import typing
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any, Literal

import msgspec

from topo_client._struct import TopoStruct

from ._exceptions import TopoError
from .events import EVENT_TYPES, Event, parse_event

__all__ = ["DEFAULT_SCHEME", "MAX_BODY", "SignatureScheme", "WebhookPayloadError", "WebhookVerificationError", "sign",
           "verify"]

MAX_BODY = 1_000_000  # bytes: an event is a few hundred; anything near this is not a delivery


class WebhookPayloadError(TopoError, ValueError):
    """A correctly signed delivery whose body is unusable: not JSON, not an object, no `type`, wrong field types.

    Also raised, before the signature is checked, for a body over `max_body` bytes. A ValueError too, as the
    decoder errors it replaces were.
    """


class WebhookVerificationError(TopoError):
    """The delivery's signature is missing, malformed, wrong or too old. Never includes the secret."""


@dataclass(frozen=True)
class SignatureScheme:
    """How deliveries are signed. The defaults are inferred (see module docstring)."""

    signature_header: str = "X-Topo-Signature"
    timestamp_header: str | None = "X-Topo-Timestamp"
    encoding: Literal["hex", "base64"] = "hex"
    prefix: str = "sha256="

    def signed_content(self, body: bytes, timestamp: str | None) -> bytes:
        return f"{timestamp}.".encode() + body if timestamp is not None else body

    def digest(self, secret: str | bytes, content: bytes) -> str:
        key = secret.encode() if isinstance(secret, str) else secret
        mac = hmac.new(key, content, hashlib.sha256).digest()
        return mac.hex() if self.encoding == "hex" else base64.b64encode(mac).decode()


DEFAULT_SCHEME = SignatureScheme()


def _header(headers: Mapping[str, str] | Iterable[tuple[str, str]], name: str) -> str | None:
    items = headers.items() if isinstance(headers, Mapping) else headers
    wanted = name.lower()
    for key, value in items:
        if key.lower() == wanted:
            return value
    return None


def _secrets(secret: str | bytes | Iterable[str | bytes]) -> list[str | bytes]:
    found = [secret] if isinstance(secret, str | bytes) else list(secret)
    if not found or any(not s for s in found):
        raise ValueError("secret: a non-empty webhook secret is required")
    return found


def verify(
    body: bytes | str,
    headers: Mapping[str, str] | Iterable[tuple[str, str]],
    secret: str | bytes | Iterable[str | bytes],
    *,
    tolerance: float | None = 300,
    scheme: SignatureScheme = DEFAULT_SCHEME,
    now: float | None = None,
    max_body: int = MAX_BODY,
) -> Event:
    """Check the delivery's signature and return its typed event.

    Args:
        body: the raw request body, exactly as received (do not re-serialise parsed JSON).
        headers: the request headers (any mapping or list of pairs; names are matched case-insensitively).
        secret: the subscription's signing secret, or several (any may match, for rotation).
        tolerance: maximum age in seconds of a timestamped delivery; None disables the replay check.
        max_body: bodies longer than this many bytes are refused before any work is spent on them.

    Raises:
        WebhookVerificationError: missing/malformed header, wrong signature, or a stale timestamp.
        WebhookPayloadError: the body is too large, or correctly signed but not a usable event (not JSON, not an
            object, no string `type`, a field of the wrong type). Unknown event types and enum values are fine.
    """
    raw = body.encode() if isinstance(body, str) else body
    if not isinstance(raw, bytes):
        raise TypeError(f"body: expected the raw bytes of the request, got {type(body).__name__}")
    if len(raw) > max_body:
        raise WebhookPayloadError(f"body is {len(raw):,} bytes, more than max_body={max_body:,}: not a delivery")
    secrets = _secrets(secret)
    header = _header(headers, scheme.signature_header)
    if not header:
        raise WebhookVerificationError(f"missing {scheme.signature_header} header")
    timestamp = _header(headers, scheme.timestamp_header) if scheme.timestamp_header else None
    if timestamp is not None:
        try:
            sent_at = int(timestamp)
        except ValueError:
            raise WebhookVerificationError(f"malformed {scheme.timestamp_header} header: not Unix seconds") from None
        if tolerance is not None and abs((time.time() if now is None else now) - sent_at) > tolerance:
            raise WebhookVerificationError(
                f"stale delivery: {scheme.timestamp_header} is more than {tolerance:g}s away from now (replay?)"
            )
    content = scheme.signed_content(raw, timestamp)
    candidates = [part.strip().removeprefix(scheme.prefix) for part in header.replace(" ", ",").split(",")]
    candidates = [c for c in candidates if c]
    if not candidates:
        raise WebhookVerificationError(f"malformed {scheme.signature_header} header")
    for key in secrets:
        expected = scheme.digest(key, content)
        if any(hmac.compare_digest(expected, candidate) for candidate in candidates):
            return _event(raw)
    raise WebhookVerificationError("signature mismatch: the body was altered or the secret is wrong")


def _event(raw: bytes) -> Event:
    """The typed event of a signed body, or WebhookPayloadError naming what is wrong with it."""
    try:
        data = msgspec.json.decode(raw)
    except (msgspec.DecodeError, UnicodeDecodeError) as err:
        raise WebhookPayloadError(f"body is not JSON (UTF-8): {err}") from None
    except RecursionError:
        raise WebhookPayloadError("body is JSON nested too deeply to be an event") from None
    if not isinstance(data, dict):
        raise WebhookPayloadError(f"body is a JSON {_kind(data)}, expected an event object")
    if "type" not in data and isinstance(data.get("payload"), dict):  # wrapped like an activity
        data = data["payload"]
    kind = data.get("type")
    if not isinstance(kind, str) or not kind:
        raise WebhookPayloadError("body has no `type` (the event type string)" if kind is None else
                                  f"body's `type` is a JSON {_kind(kind)}, expected the event type string")
    if kind in EVENT_TYPES:
        _check_fields(EVENT_TYPES[kind], data, "$")
    try:
        return parse_event(data)
    except Exception as err:  # the decoder's own errors are not part of this function's contract
        raise WebhookPayloadError(f"body is not a valid {kind!r} event: {type(err).__name__}: {err}") from err


def _check_fields(cls: Any, data: Mapping[str, Any], path: str) -> None:
    """Refuse known fields of the wrong JSON type (the tolerant decoder would keep them as sent)."""
    for field in msgspec.structs.fields(cls):
        name = field.encode_name if field.encode_name in data else field.name
        if name not in data:
            continue
        value, where, inner = data[name], f"{path}.{name}", _strip(field.type)
        if value is None:
            ok = True
        elif isinstance(inner, type) and issubclass(inner, Enum):  # open enums: new values are fine
            ok = isinstance(value, str)
        elif isinstance(inner, type) and issubclass(inner, TopoStruct):
            ok = isinstance(value, dict)
            if ok:
                _check_fields(inner, value, where)
        else:
            try:
                msgspec.convert(value, field.type)
                ok = True
            except msgspec.ValidationError:
                ok = False
        if not ok:
            raise WebhookPayloadError(
                f"`{where}` is a JSON {_kind(value)}, which does not fit {cls.__name__}.{field.name}")


def _strip(tp: Any) -> Any:
    """The type inside `Annotated[...] | None | UnsetType` (the generated models' optional fields)."""
    for arg in typing.get_args(tp) if isinstance(tp, types.UnionType) or typing.get_origin(tp) is typing.Union else ():
        if arg not in (type(None), msgspec.UnsetType):
            return _strip(arg)
    return typing.get_args(tp)[0] if typing.get_origin(tp) is typing.Annotated else tp


def _kind(value: Any) -> str:
    names = {dict: "object", list: "array", str: "string", bool: "boolean", int: "number", float: "number"}
    return "null" if value is None else names.get(type(value), type(value).__name__)


def sign(body: bytes, secret: str | bytes, *, timestamp: int | None = None,
         scheme: SignatureScheme = DEFAULT_SCHEME) -> dict[str, str]:
    """The headers a delivery of `body` carries (used by the sandbox and by tests of your receiver)."""
    stamp = str(timestamp if timestamp is not None else int(time.time())) if scheme.timestamp_header else None
    headers = {scheme.signature_header: scheme.prefix + scheme.digest(secret, scheme.signed_content(body, stamp))}
    if stamp is not None and scheme.timestamp_header:
        headers[scheme.timestamp_header] = stamp
    return headers
