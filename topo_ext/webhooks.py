"""Receive webhook deliveries: verify the HMAC-SHA256 signature, then parse the body into the typed event.

The docs say deliveries are signed with HMAC-SHA256 and are cut off before naming the header or the signed
content. The defaults below are our inference (also recorded in the spec's `webhooks` section as
`x-topo-source: inferred`), and every part is configurable through `SignatureScheme`:

- `X-Topo-Signature`: hex HMAC-SHA256 of the signed content, optionally prefixed `sha256=`; several signatures
  may be sent separated by commas or spaces (e.g. during secret rotation), any one matching is enough.
- `X-Topo-Timestamp` (optional): Unix seconds. When present, the signed content is `<timestamp>.<raw body>` and
  deliveries older (or newer) than `tolerance` seconds are rejected as replays; otherwise it is the raw body.

    event = topo_ext.webhooks.verify(request_body, request_headers, secret=os.environ["TOPO_WEBHOOK_SECRET"])
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from ._exceptions import TopoError
from .events import Event, parse_event

__all__ = ["DEFAULT_SCHEME", "SignatureScheme", "WebhookVerificationError", "sign", "verify"]


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
) -> Event:
    """Check the delivery's signature and return its typed event.

    Args:
        body: the raw request body, exactly as received (do not re-serialise parsed JSON).
        headers: the request headers (any mapping or list of pairs; names are matched case-insensitively).
        secret: the subscription's signing secret, or several (any may match, for rotation).
        tolerance: maximum age in seconds of a timestamped delivery; None disables the replay check.

    Raises:
        WebhookVerificationError: missing/malformed header, wrong signature, or a stale timestamp.
    """
    raw = body.encode() if isinstance(body, str) else body
    if not isinstance(raw, bytes):
        raise TypeError(f"body: expected the raw bytes of the request, got {type(body).__name__}")
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
            return parse_event(raw)
    raise WebhookVerificationError("signature mismatch: the body was altered or the secret is wrong")


def sign(body: bytes, secret: str | bytes, *, timestamp: int | None = None,
         scheme: SignatureScheme = DEFAULT_SCHEME) -> dict[str, str]:
    """The headers a delivery of `body` carries (used by the sandbox and by tests of your receiver)."""
    stamp = str(timestamp if timestamp is not None else int(time.time())) if scheme.timestamp_header else None
    headers = {scheme.signature_header: scheme.prefix + scheme.digest(secret, scheme.signed_content(body, stamp))}
    if stamp is not None and scheme.timestamp_header:
        headers[scheme.timestamp_header] = stamp
    return headers
