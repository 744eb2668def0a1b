"""The activity stream's position (`Cursor`): plain data, and its JSON form that the cursor stores keep."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from topo_client.events import Activity

#: How far before the cursor each request reaches back. Covers clock precision differences between the cursor we
#: send (microseconds) and the server's stored timestamps (milliseconds in the docs' examples).
OVERLAP = timedelta(milliseconds=1)


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
    def from_json(cls, text: str) -> Cursor:
        data = json.loads(text)
        if not isinstance(data, dict):
            raise ValueError("cursor: expected a JSON object from Cursor.to_json()")
        created, floor = data.get("created_at"), data.get("floor")
        seen = {str(i): datetime.fromisoformat(t) for i, t in (data.get("seen") or {}).items()}
        seen.update({_JSONId(i): datetime.fromisoformat(t) for i, t in (data.get("seen_json") or {}).items()})
        return cls(datetime.fromisoformat(created) if created else None, seen,
                   datetime.fromisoformat(floor) if floor else None)

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
