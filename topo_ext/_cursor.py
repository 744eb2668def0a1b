"""The activity stream's position (`Cursor`): plain data, and its JSON form that the cursor stores keep."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from ._exceptions import CursorError

if TYPE_CHECKING:
    from topo_client.events import Activity

#: How far before the cursor each request reaches back. Covers clock precision differences between the cursor we
#: send (microseconds) and the server's stored timestamps (milliseconds in the docs' examples).
OVERLAP = timedelta(milliseconds=1)

#: Bounds on a stored cursor, which is hostile input (a file anyone may have edited, cut short or swapped). `seen`
#: holds only the ids delivered inside the 1 ms overlap window, so a real cursor is a few hundred bytes; these leave
#: room for tens of thousands of activities stamped with one millisecond while refusing a file that would take
#: hundreds of MB to parse. The stores refuse to save a cursor over them, so what they save they can load.
MAX_CURSOR_BYTES = 8 * 1024 * 1024
MAX_SEEN = 50_000


class _JSONId(str):
    """An id the API sent as another JSON type than a string (kept as sent by lenient decoding), as its JSON text:
    a key of `Cursor.seen` that never equals a string id, so 5, "5" and 5.0 stay apart (and sort without a
    TypeError)."""

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        return type(other) is _JSONId and str.__eq__(self, other)

    def __ne__(self, other: object) -> bool:  # str's own would say "5" != _JSONId("5") is False
        return not self.__eq__(other)

    def __hash__(self) -> int:
        return hash((_JSONId, str(self)))


def _key(ident: object) -> str:
    """`Cursor.seen`'s key for an activity id: used both to record and to look up, so they always agree."""
    if isinstance(ident, str):
        return str(ident)
    return _JSONId(json.dumps(ident, sort_keys=True, default=repr))


def _times(seen: dict[str, datetime], odd: bool) -> dict[str, str]:
    """The ids of one kind (strings, or the others' JSON text) with their times, sorted (plain strings only)."""
    return {i: t.isoformat() for i, t in sorted((str(i), t) for i, t in seen.items() if isinstance(i, _JSONId) is odd)}


@dataclass
class Cursor:
    """Where a stream has got to: the newest `created_at` yielded, and the activities yielded inside the overlap
    window just before it (by id, with their `created_at`), which a later request can return again.

    `to_json()`: `{"created_at", "seen": {id: time}, "floor"}`, plus `"seen_json": {JSON text of the id: time}` for
    ids that came as another JSON type than a string (only then; earlier versions ignore it)."""

    created_at: datetime | None = None
    seen: dict[str, datetime] = field(default_factory=dict)
    #: Everything created at or before this instant counts as delivered (set by `since=`).
    floor: datetime | None = None

    def to_json(self) -> str:
        data: dict[str, Any] = {"created_at": self.created_at.isoformat() if self.created_at else None,
                                "seen": _times(self.seen, False),
                                "floor": self.floor.isoformat() if self.floor else None}
        if odd := _times(self.seen, True):
            data["seen_json"] = odd
        return json.dumps(data)

    @classmethod
    def from_json(cls, text: str, *, source: str = "cursor") -> Cursor:
        """Parse what `to_json()` wrote, strictly: anything else raises `CursorError` naming `source` (e.g. the
        file) and what is wrong. Only a null or absent `created_at` means "no position yet"."""
        if not isinstance(text, str):
            raise CursorError(f"{source}: expected JSON text, got {type(text).__name__}")
        if len(text) > MAX_CURSOR_BYTES:
            raise CursorError(f"{source}: {len(text):,} characters, over the {MAX_CURSOR_BYTES:,} a cursor may have")
        try:
            data = json.loads(text)
        except RecursionError:
            raise CursorError(f"{source}: not a cursor (JSON nested too deeply)") from None
        except ValueError as err:
            raise CursorError(f"{source}: not JSON ({err}) (empty or cut short?)") from None
        if not isinstance(data, dict):
            raise CursorError(f"{source}: expected a JSON object as Cursor.to_json() writes, got "
                              f"{type(data).__name__}")
        seen = {str(i): t for i, t in _seen(data, "seen", source).items()}
        seen.update({_JSONId(i): t for i, t in _seen(data, "seen_json", source).items()})
        if len(seen) > MAX_SEEN:
            raise CursorError(f"{source}: {len(seen):,} seen ids, over the {MAX_SEEN:,} a cursor may hold")
        return cls(_time(data.get("created_at"), "created_at", source), seen,
                   _time(data.get("floor"), "floor", source))

    @classmethod
    def starting_at(cls, since: datetime) -> Cursor:
        """A cursor that yields activities created strictly after `since` (timezone-aware)."""
        if not isinstance(since, datetime):
            raise TypeError(f"since: expected a datetime, got {type(since).__name__}")
        if since.tzinfo is None:
            raise ValueError("since: naive datetime; pass a timezone-aware datetime (e.g. UTC)")
        return cls(since, {}, since)

    def has_seen(self, activity: Activity) -> bool:
        return _key(getattr(activity, "id", None)) in self.seen  # an item may be anything under lenient decoding

    def advance(self, activity: Activity) -> None:
        """Record that `activity` was delivered."""
        when, key = getattr(activity, "created_at", None), getattr(activity, "id", None)
        if not isinstance(when, datetime) or key is None:
            return  # decoded leniently without an id or a time (reported as drift): it cannot move the cursor
        if self.created_at is None or when > self.created_at:
            self.created_at = when
            floor = when - OVERLAP
            self.seen = {i: t for i, t in self.seen.items() if t >= floor}
        self.seen[_key(key)] = when


def _time(value: object, what: str, source: str) -> datetime | None:
    """A time as `to_json()` writes it (timezone-aware ISO 8601), or None for null."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise CursorError(f"{source}: {what}: expected an ISO 8601 time or null, got {type(value).__name__}")
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        raise CursorError(f"{source}: {what}: {value[:40]!r} is not an ISO 8601 time") from None
    if when.utcoffset() is None:  # a naive time cannot be compared with the API's: the stream would fail later
        raise CursorError(f"{source}: {what}: {value[:40]!r} has no UTC offset")
    return when


def _seen(data: dict[str, Any], what: str, source: str) -> dict[str, datetime]:
    """`seen` or `seen_json`: absent, or an object of id -> time."""
    value = data.get(what, {})
    if not isinstance(value, dict):
        raise CursorError(f"{source}: {what}: expected an object of id -> time, got {type(value).__name__}")
    if len(value) > MAX_SEEN:
        raise CursorError(f"{source}: {len(value):,} {what} ids, over the {MAX_SEEN:,} a cursor may hold")
    seen: dict[str, datetime] = {}
    for ident, text in value.items():
        if (when := _time(text, f"{what}[{ident[:40]!r}]", source)) is None:
            raise CursorError(f"{source}: {what}[{ident[:40]!r}]: expected an ISO 8601 time, got null")
        seen[ident] = when
    return seen
