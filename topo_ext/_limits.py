"""Bounds on what an answer may cost: body size after decompression, JSON nesting depth, pages walked without
progress. `Limits` is a client option (`Topo(limits=Limits(...))`, `with_options(limits=...)`); a body or a page
over a bound ends the call as `APIResponseValidationError` (or its `PaginationError`) naming the bound.
Also what of an answer may be shown (`request_id_of`, `redact`, `printable`): here, beside the reading, so that a
warm call runs through no extra module for it.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import httpx

__all__ = ["BodyTooLarge", "Limits", "PageProgress", "TooDeep", "api_key_of", "aread_capped", "check_depth",
           "printable", "read_capped", "redact", "request_id_of"]


@dataclass(frozen=True)
class Limits:
    """What one answer may cost. Defaults fit any documented Topo response many times over.

    - `max_body_bytes`: a response body, after decompression (read in chunks; reading stops at the bound, so a
      gzip bomb costs at most this much memory, and such a response is never retried).
    - `max_json_depth`: nesting of arrays/objects in a JSON body (success and error bodies).
    - `max_stalled_pages`: pages in a row a list walk (or `activities.stream()`) accepts that bring nothing new
      (the same items as the page before, in any order) before it stops with `PaginationError`; a page past
      `total_pages` while `has_more` is true always stops it.
    """

    max_body_bytes: int = 64 * 2**20
    max_json_depth: int = 64
    max_stalled_pages: int = 0

    def __post_init__(self) -> None:
        for name, low in (("max_body_bytes", 1), ("max_json_depth", 1), ("max_stalled_pages", 0)):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < low:
                raise ValueError(f"Limits.{name}: must be an int >= {low}, got {value!r}")


DEFAULT_LIMITS = Limits()


class BodyTooLarge(Exception):
    """The body grew past `max_body_bytes` while being read (internal: the transport turns it into our error)."""

    def __init__(self, response: httpx.Response, limit: int) -> None:
        super().__init__(f"the {response.status_code} response body is larger than {limit} bytes after "
                         f"decompression (Limits.max_body_bytes); it was not read further")
        self.response = response


class TooDeep(ValueError):
    """JSON nested deeper than `max_json_depth`."""


#: A key shorter than this is not cut out of server text: it could match ordinary words of the text.
MIN_REDACTED = 8
#: Where an answer's request id may be, in order.
REQUEST_ID_HEADERS = ("x-request-id", "request-id")
#: A request id longer than this is cut: real ones are a UUID or a short token (under 100 characters), and this
#: one string is repeated in every error message and log line of the call, so a huge header must not be.
MAX_REQUEST_ID = 256
#: Control and bidi characters: shown as escapes wherever server text meets a terminal or a log line.
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """`text` with control and bidi characters shown as escapes (`\\x1b`, `\\n`): no terminal escapes or forged log
    lines (also the CLI's rule for what it writes to stderr)."""
    return CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def request_id_of(response: httpx.Response, body: Any = None) -> str | None:
    """The answer's request id (the body's `request_id`, else a request-id header), safe to show: without the
    request's API key (a server or proxy may echo it), control characters escaped, at most `MAX_REQUEST_ID` long."""
    if isinstance(body, Mapping) and isinstance(body.get("request_id"), str):
        found = str(body["request_id"])
    else:
        for name in REQUEST_ID_HEADERS:
            if found := response.headers.get(name):
                break
        else:
            return None
    text = printable(redact(found, response._request))  # _request: absent on a hand-built response
    return text if len(text) <= MAX_REQUEST_ID else text[:MAX_REQUEST_ID] + "...(cut)"


def redact(text: str, request: httpx.Request | None) -> str:
    """`text` (something the server wrote) without the API key the request carried."""
    key = api_key_of(request)
    return text.replace(key, "[redacted]") if key and key in text else text


def api_key_of(request: httpx.Request | None) -> str | None:
    """The API key the request carried (its Authorization header), None if none long enough to look for."""
    auth = request.headers.get("authorization", "") if request is not None else ""
    key = auth.partition(" ")[2] or auth
    return key if len(key) >= MIN_REDACTED else None


_DROP = bytes(b for b in range(256) if b not in b'[]{}"')  # what the depth check throws away
_ONE_KIND = bytes.maketrans(b"{}", b"[]")  # JSON that mixes them up is not JSON: the decoder says so


def check_depth(raw: bytes, limit: int) -> None:
    """Raise `TooDeep` if `raw` nests arrays/objects deeper than `limit`.

    Done in C-speed passes that never recurse (so any depth is safe to measure) and cost a few percent of decoding:
    keep only brackets and quotes (escaped quotes dropped first), drop strings, then remove the innermost `[]`
    pairs once per level."""
    if len(raw) <= limit:
        return
    if b"\\" in raw:
        raw = raw.replace(b"\\\\", b"").replace(b'\\"', b"")
    marks = raw.translate(_ONE_KIND, _DROP)
    if marks.count(b'""') * 2 == marks.count(b'"'):  # every string is a `""` pair here: none holds a bracket
        marks = marks.translate(None, b'"')
    else:  # a string holding brackets: drop every quoted part (rare, slower)
        marks = b"".join(marks.split(b'"')[::2])
    for _ in range(limit):
        inner = marks.replace(b"[]", b"")
        if inner == marks:
            return  # empty, or unbalanced: not JSON, the decoder says so
        marks = inner
    if b"[]" in marks:
        raise TooDeep(f"is JSON nested deeper than {limit} levels (Limits.max_json_depth); not decoded")


#: Compressed bytes handed to the decoder at a time: at most ~1000x that comes out of one step (deflate's bound),
#: so a bomb never inflates more than a few MiB past the limit before the check sees it.
_PIECE = 8192


def _pieces(response: httpx.Response, raw: bytes) -> list[bytes]:
    if response.headers.get("content-encoding", "identity").strip().lower() in ("", "identity"):
        return [raw]
    return [raw[i:i + _PIECE] for i in range(0, len(raw), _PIECE)]


class _Body:
    """The decoded body so far, refusing to grow past the limit."""

    def __init__(self, response: httpx.Response, limit: int) -> None:
        self.response, self.limit, self.size = response, limit, 0
        self.chunks: list[bytes] = []
        self.decoder = response._get_content_decoder()  # httpx's own gzip/deflate/br/zstd, fed in small pieces

    def add(self, raw: bytes) -> None:
        for piece in _pieces(self.response, raw):
            self._keep(self.decoder.decode(piece))

    def _keep(self, data: bytes) -> None:
        self.size += len(data)
        if self.size > self.limit:
            raise BodyTooLarge(self.response, self.limit)
        self.chunks.append(data)

    def finish(self) -> None:
        self._keep(self.decoder.flush())
        self.response._content = b"".join(self.chunks)  # what httpx's own read() stores


def _already_read(response: httpx.Response, limit: int) -> bool:
    """A response that holds its body already (built with `content=`, e.g. by a test transport): only its size
    is left to check."""
    if not hasattr(response, "_content"):
        return False
    if len(response.content) > limit:
        raise BodyTooLarge(response, limit)
    return True


def read_capped(response: httpx.Response, limit: int) -> None:
    """Read a streamed response's body, decoded, stopping at `limit` bytes (`BodyTooLarge`)."""
    if _already_read(response, limit):
        return
    body = _Body(response, limit)
    try:
        for raw in response.iter_raw():
            body.add(raw)
        body.finish()
    finally:
        response.close()


async def aread_capped(response: httpx.Response, limit: int) -> None:
    if _already_read(response, limit):
        return
    body = _Body(response, limit)
    try:
        async for raw in response.aiter_raw():
            body.add(raw)
        body.finish()
    finally:
        await response.aclose()


def _identity(item: Any) -> Hashable:
    ident = getattr(item, "id", None)
    return ident if isinstance(ident, str) else repr(item)


def _identities(items: Sequence[Any]) -> tuple[Hashable, ...]:
    """Each item's `id` (its repr where it has no string id). Every page of a long walk passes here, so the usual
    case, a page of models with ids, is one pass of C-level calls rather than a Python call per item."""
    try:
        ids = tuple(map(_ID, items))
    except AttributeError:
        return tuple(map(_identity, items))
    return ids if set(map(type, ids)) <= {str} else tuple(map(_identity, items))


_ID = operator.attrgetter("id")


class PageProgress:
    """Whether a walk over pages is getting anywhere: a page with the same items as the page before (in any order)
    is a stall, and more than `allowed` stalls in a row, or a page number past `total_pages`, end the walk."""

    def __init__(self, allowed: int) -> None:
        self.allowed = allowed
        self.stalls = 0
        self.last: tuple[Hashable, ...] | None = None

    def problem(self, page: int, total_pages: int | None, items: Sequence[Any]) -> str | None:
        """What is wrong with this page (None: it is progress)."""
        if isinstance(total_pages, int) and page > max(total_pages, 1):
            return f"page {page} is past total_pages={total_pages} and has_more is still true"
        seen, last = _identities(items), self.last
        # The same ids in another order bring nothing new either. The sets are built only when the first id is on
        # the page before, which a walk that moves on never has: one C-level scan of a tuple per page.
        if seen and last and (seen == last or (seen[0] in last and frozenset(seen) == frozenset(last))):
            self.stalls += 1
            if self.stalls > self.allowed:
                return (f"page {page} repeats the items of the page before ({self.stalls} such page(s) in a row; "
                        f"Limits.max_stalled_pages={self.allowed})")
        else:
            self.stalls = 0
        self.last = seen
        return None
