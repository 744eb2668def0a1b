"""Receive webhook deliveries: verify the HMAC-SHA256 signature, then parse the body into the typed event.

Topo's docs say only that deliveries are signed with HMAC-SHA256; they are cut off before the header names, the
signed string, the encoding and the replay rule. Every one of those is a guess, named in `SignatureScheme.GUESSES`
and settable on `SignatureScheme` (also recorded in the spec's `webhooks` section as `x-topo-source: inferred`).
Defaults: `X-Topo-Signature: sha256=<hex>` over `<X-Topo-Timestamp>.<raw body>`, 300 s tolerance.

    event = topo_ext.webhooks.verify(request_body, request_headers, secret=os.environ["TOPO_WEBHOOK_SECRET"])

`verify` raises only `WebhookVerificationError` (not verified: answer 400 and drop it; `.part` says which part
failed, `.looked_for` and `.present` name the headers) and `WebhookPayloadError` (signed, but a body this client
cannot use: answer 400 and look at the delivery); a bad argument (a `secret` that is None, a negative
`tolerance`) is a TypeError/ValueError naming it. If every real delivery fails verification, a guess is wrong:
`topo webhooks listen --inspect` prints a delivery's header names and body shape without verifying it.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import math
import re
import time
import types
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import Enum
from itertools import islice
from typing import Any, ClassVar, Literal

import msgspec

from topo_client._decode import strip
from topo_client._struct import TopoStruct

from ._exceptions import TopoError
from .events import EVENT_TYPES, Event, parse_event

__all__ = ["DEFAULT_SCHEME", "MAX_BODY", "SignatureScheme", "WebhookPayloadError", "WebhookVerificationError", "sign",
           "verify"]

MAX_BODY = 1_000_000  # bytes: an event is a few hundred; anything near this is not a delivery
MAX_HEADERS = 500  # more header lines than any real request carries
MAX_SIGNATURES = 16  # signatures in one header (secret rotation sends two or three)
MAX_NAMES = 40  # header names a failure lists (`.present`) ...
MAX_NAME_CHARS = 60  # ... each cut to this many characters
_TIMESTAMP = re.compile(r"[0-9]{1,15}")  # Unix seconds (or milliseconds); longer is not a time
Headers = Mapping[str, str] | Mapping[bytes, bytes] | Iterable[tuple[str, str]] | Iterable[tuple[bytes, bytes]]


class WebhookPayloadError(TopoError, ValueError):
    """A correctly signed delivery whose body is unusable: not JSON, not an object, no `type`, wrong field types.

    Also raised, before the signature is checked, for a body over `max_body` bytes. A ValueError too, as the
    decoder errors it replaces were.
    """


class WebhookVerificationError(TopoError):
    """The delivery is not verified. `part` says what failed: "headers" (not a header mapping), "signature_header"
    (none of `looked_for` is among `present`, the delivery's header names), "signature" (malformed),
    "timestamp" (malformed), "stale", "future" or "mismatch". Never includes the secret or a header value."""

    def __init__(self, message: str, *, part: str, looked_for: tuple[str, ...] = (),
                 present: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.part = part
        self.looked_for = looked_for
        self.present = present


def check_tolerance(value: Any) -> None:
    """A tolerance is None or a finite number of seconds >= 0: a negative one would refuse every fresh delivery."""
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"tolerance: expected seconds (a number) or None, got {type(value).__name__}")
    if not (math.isfinite(value) and value >= 0):
        raise ValueError(f"tolerance: must be a finite number of seconds, 0 or more (or None), got {value!r}")


@dataclass(frozen=True)
class SignatureScheme:
    """How deliveries are signed. Topo documents only HMAC-SHA256: every field is a guess (see `GUESSES`).

    - `signature_header`: the header holding the signature; several comma- or space-separated signatures are
      accepted (secret rotation), any one matching is enough.
    - `timestamp_header`: the header holding the send time in Unix seconds, or None. When a delivery carries
      it, it is part of the signed string and a delivery more than `tolerance` seconds old (or ahead) is refused.
      **Replays**: when it is None, or a delivery has no such header, nothing signed dates the delivery, so a
      captured delivery verifies at any age; deduplicate on the event's id if that matters.
    - `signed_string`: what is signed when there is a timestamp: `{timestamp}` and `{body}` (the raw bytes)
      stand for themselves; without a timestamp the raw body alone is signed.
    - `encoding`: "hex" or "base64" for the HMAC digest; `prefix`: text before it (`sha256=`, or "").
    - `tolerance`: seconds a timestamped delivery may be away from now; None disables the replay check.
    """

    GUESSES: ClassVar[tuple[str, ...]] = ("signature_header", "timestamp_header", "signed_string", "encoding",
                                          "prefix", "tolerance")

    signature_header: str = "X-Topo-Signature"
    timestamp_header: str | None = "X-Topo-Timestamp"
    encoding: Literal["hex", "base64"] = "hex"
    prefix: str = "sha256="
    signed_string: str = "{timestamp}.{body}"
    tolerance: float | None = 300

    def __post_init__(self) -> None:
        if self.encoding not in ("hex", "base64"):
            raise ValueError(f"encoding: must be 'hex' or 'base64', got {self.encoding!r}")
        if self.signed_string.count("{body}") != 1:
            raise ValueError("signed_string: must contain {body} exactly once, e.g. '{timestamp}.{body}'")
        if re.sub(r"\{(timestamp|body)\}", "", self.signed_string).count("{"):
            raise ValueError("signed_string: only {timestamp} and {body} can be filled in")
        if not self.signature_header:
            raise ValueError("signature_header: a header name is required")
        check_tolerance(self.tolerance)

    def signed_content(self, body: bytes, timestamp: str | None) -> bytes:
        """The bytes the HMAC covers: `signed_string` filled in, or the raw body when there is no timestamp."""
        if timestamp is None:
            return body
        before, after = self.signed_string.split("{body}")
        return before.replace("{timestamp}", timestamp).encode() + body + after.replace("{timestamp}",
                                                                                      timestamp).encode()

    def digest(self, secret: str | bytes, content: bytes) -> str:
        key = secret.encode() if isinstance(secret, str) else secret
        mac = hmac.new(key, content, hashlib.sha256).digest()
        return mac.hex() if self.encoding == "hex" else base64.b64encode(mac).decode()

    def describe(self) -> str:
        """One line naming every guess, for messages: what this scheme looked for."""
        signed = self.signed_string if self.timestamp_header else "{body}"
        return (f"{self.encoding} HMAC-SHA256 in {self.signature_header} (prefix {self.prefix!r}) over {signed!r}"
                + (f" with {{timestamp}} from {self.timestamp_header}" if self.timestamp_header else ""))


DEFAULT_SCHEME = SignatureScheme()


def _text(value: Any) -> str:
    if isinstance(value, bytes):  # ASGI raw headers; HTTP header bytes are Latin-1 (RFC 9110)
        return value.decode("latin-1")
    if isinstance(value, str):
        return value
    raise TypeError(type(value).__name__)


def header_pairs(headers: Any) -> list[tuple[str, str]]:
    """The (name, value) pairs of any header mapping (dict, Starlette, httpx, ...) or list of pairs, str or bytes
    (ASGI `scope["headers"]`); WebhookVerificationError for anything else. Names keep their spelling."""
    try:
        items = headers.items() if isinstance(headers, Mapping) else iter(headers)
        pairs = [(_text(name), _text(value)) for name, value in islice(items, MAX_HEADERS + 1)]
    except (TypeError, ValueError) as err:
        raise WebhookVerificationError(
            f"headers: expected a mapping or (name, value) pairs of str or bytes ({type(err).__name__}: {err})",
            part="headers") from None
    if len(pairs) > MAX_HEADERS:
        raise WebhookVerificationError(f"headers: more than {MAX_HEADERS}; not a delivery", part="headers")
    return pairs


def header_names(pairs: Iterable[tuple[str, str]], limit: int = MAX_NAMES) -> tuple[str, ...]:
    """The header names, safe to print: printable ASCII only, each cut short, at most `limit` of them."""
    names = [re.sub(r"[^\x21-\x7e]", "?", name)[:MAX_NAME_CHARS] for name, _ in pairs]
    return tuple(names[:limit]) + ((f"... {len(names) - limit} more",) if len(names) > limit else ())


def _find(pairs: list[tuple[str, str]], name: str) -> str | None:
    wanted = name.lower()
    return next((value for key, value in pairs if key.lower() == wanted), None)


def _secrets(secret: str | bytes | Iterable[str | bytes]) -> list[str | bytes]:
    """The secret(s) to try, checked; errors name the type, never the value."""
    if isinstance(secret, str | bytes):
        found: list[Any] = [secret]
    elif isinstance(secret, Iterable) and not isinstance(secret, Mapping):
        found = list(secret)
    else:  # None is the usual case: os.environ.get(...) of a variable that is not set
        raise TypeError(f"secret: expected the webhook secret as str or bytes (or a list of them), got "
                        f"{type(secret).__name__}")
    if wrong := [type(s).__name__ for s in found if not isinstance(s, str | bytes)]:
        raise TypeError(f"secret: each secret must be str or bytes, got {wrong[0]}")
    if not found or any(not s for s in found):
        raise ValueError("secret: a non-empty webhook secret is required")
    for index, item in enumerate(found):
        if isinstance(item, str):  # bytes may be a raw key, any byte allowed
            check_secret(item, "secret" if len(found) == 1 else f"secret[{index}]")
    return found


def check_secret(secret: str, source: str = "secret") -> None:
    """Raise ValueError naming `source` (never the value) if `secret` has surrounding whitespace or a control
    character: a secret pasted with its line break would fail every genuine delivery as a signature mismatch."""
    if secret != secret.strip() or not secret.isprintable():
        raise ValueError(f"{source}: the webhook secret has leading or trailing whitespace or a control character "
                         "(a line break?); copy it again, without surrounding spaces or line breaks")


def verify(
    body: bytes | str,
    headers: Headers,
    secret: str | bytes | Iterable[str | bytes],
    *,
    tolerance: float | types.EllipsisType | None = ...,
    scheme: SignatureScheme = DEFAULT_SCHEME,
    now: float | None = None,
    max_body: int = MAX_BODY,
) -> Event:
    """Check the delivery's signature and return its typed event.

    Args:
        body: the raw request body, exactly as received (do not re-serialise parsed JSON).
        headers: the request headers: any mapping (names matched case-insensitively) or (name, value) pairs, str
            or bytes (ASGI raw headers).
        secret: the subscription's signing secret, or several (any may match, for rotation).
        tolerance: overrides `scheme.tolerance` (seconds; None disables the replay check).
        scheme: the signing scheme; every part of it is a guess (`SignatureScheme.GUESSES`).
        max_body: bodies longer than this many bytes are refused before any work is spent on them.

    Raises:
        WebhookVerificationError: which part failed (`.part`), naming the headers looked for and present.
        WebhookPayloadError: the body is too large, or correctly signed but not a usable event (not JSON, not an
            object, no string `type`, a field of the wrong type). Unknown event types and enum values are fine.
        TypeError, ValueError: a bad argument (`secret` not str/bytes or empty, `tolerance` not None or a finite
            number >= 0, `scheme` not a SignatureScheme), named in the message; never the secret's value.
    """
    raw = body.encode() if isinstance(body, str) else body
    if not isinstance(raw, bytes):
        raise TypeError(f"body: expected the raw bytes of the request, got {type(body).__name__}")
    if len(raw) > max_body:
        raise WebhookPayloadError(f"body is {len(raw):,} bytes, more than max_body={max_body:,}: not a delivery")
    secrets = _secrets(secret)
    if not isinstance(scheme, SignatureScheme):
        raise TypeError(f"scheme: expected a SignatureScheme, got {type(scheme).__name__}")
    if tolerance is not ...:
        check_tolerance(tolerance)
    pairs = header_pairs(headers)
    looked_for = tuple(filter(None, (scheme.signature_header, scheme.timestamp_header)))

    def failed(part: str, message: str) -> WebhookVerificationError:
        return WebhookVerificationError(message, part=part, looked_for=looked_for, present=header_names(pairs))

    header = _find(pairs, scheme.signature_header)
    if not header:
        raise failed("signature_header", (
            f"no signature header: looked for {scheme.signature_header}"
            + (f" (and {scheme.timestamp_header})" if scheme.timestamp_header else "")
            + f"; these names are guesses (set them with SignatureScheme); the delivery has "
            f"{', '.join(header_names(pairs)) or 'no headers'}"))
    timestamp = _find(pairs, scheme.timestamp_header) if scheme.timestamp_header else None
    if timestamp is not None:
        timestamp = timestamp.strip()
        if not _TIMESTAMP.fullmatch(timestamp):
            raise failed("timestamp", f"malformed {scheme.timestamp_header} header: not Unix seconds")
        limit = scheme.tolerance if tolerance is ... else tolerance
        age = (time.time() if now is None else now) - int(timestamp)
        if limit is not None and abs(age) > limit:
            unit = " (milliseconds, not seconds? set SignatureScheme)" if int(timestamp) > 10**11 else ""
            raise failed("stale" if age > 0 else "future", (
                f"stale delivery: {scheme.timestamp_header} is {age:,.0f}s old, over the {limit:g}s tolerance "
                "(replay?)" if age > 0 else
                f"delivery from the future: {scheme.timestamp_header} is {-age:,.0f}s ahead of this clock, over the "
                f"{limit:g}s tolerance{unit}"))
    candidates = [part.strip().removeprefix(scheme.prefix) for part in header.replace(" ", ",").split(",")]
    candidates = [c for c in candidates if c]
    if not candidates or len(candidates) > MAX_SIGNATURES or not all(c.isascii() for c in candidates):
        raise failed("signature", f"malformed {scheme.signature_header} header (empty, not ASCII, or too many parts)")
    content = scheme.signed_content(raw, timestamp)
    for key in secrets:
        expected = scheme.digest(key, content).encode()
        if any(hmac.compare_digest(expected, candidate.encode()) for candidate in candidates):
            return _event(raw)
    raise failed("mismatch", f"signature mismatch: the body was altered, the secret is wrong, or a guess is wrong "
                             f"(this scheme: {scheme.describe()}){_encoding_hint(scheme, candidates)}")


def _encoding_hint(scheme: SignatureScheme, candidates: list[str]) -> str:
    """Name the other encoding when the signature sent cannot be the scheme's (32 bytes, hex or base64)."""
    def decodes(text: str, encoding: str) -> bool:
        try:
            return len(bytes.fromhex(text) if encoding == "hex" else base64.b64decode(text, validate=True)) == 32
        except (ValueError, binascii.Error):
            return False

    other = "base64" if scheme.encoding == "hex" else "hex"
    if not any(decodes(c, scheme.encoding) for c in candidates) and any(decodes(c, other) for c in candidates):
        return f"; the signature sent is {other}, not {scheme.encoding}: try SignatureScheme(encoding={other!r})"
    return ""


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
        value, where, inner = data[name], f"{path}.{name}", strip(field.type)
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
