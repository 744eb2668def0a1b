"""Split a time range of activities into parts of about equal size, so N workers can export it together.

The plan is found with count queries only (`list(size=1, created_at_after=..., created_at_before=...).total_count`):
one for the whole range, then a bisection on time for each inner boundary. The search is written once as a
generator that yields the (after, before) ranges it wants counted, so the sync and async clients drive the same
code with their own I/O.

Exactly once across parts: `created_at_after` and `created_at_before` are both exclusive in the API, so part k
covers `(boundary_k - 1 µs, boundary_k+1)`: an activity created exactly at a boundary belongs to the later part,
and timestamps carry at most microsecond precision, so nothing falls between two parts.
"""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass
from datetime import datetime, timedelta

TICK = timedelta(microseconds=1)
#: Stop refining a boundary once its part is within this fraction of the ideal size (or the range is one tick).
TOLERANCE = 0.02

CountRequest = tuple[datetime, datetime]  # count activities strictly after [0] and strictly before [1]


@dataclass(frozen=True)
class Partition:
    """One part of a range: every activity created strictly after `after` and strictly before `before`.

    Stream it with `client.activities.stream(since=part.after, created_at_before=part.before, store=...)`, one
    cursor store per part; `expected` is the count when the plan was made.
    """

    index: int
    parts: int
    after: datetime
    before: datetime
    expected: int

    def filters(self) -> dict[str, datetime]:
        """The list filters that select this part (for `client.activities.list(**part.filters())`)."""
        return {"created_at_after": self.after, "created_at_before": self.before}

    def __str__(self) -> str:
        return f"part {self.index + 1}/{self.parts}: ({self.after.isoformat()}, {self.before.isoformat()})"


def check(since: datetime, until: datetime, parts: int) -> None:
    if isinstance(parts, bool) or not isinstance(parts, int) or not 1 <= parts <= 1000:
        raise ValueError(f"parts: must be an int between 1 and 1000, got {parts!r}")
    for name, value in (("since", since), ("until", until)):
        if not isinstance(value, datetime):
            raise TypeError(f"{name}: expected a timezone-aware datetime, got {type(value).__name__}")
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(f"{name}: naive datetime; pass a timezone-aware datetime (e.g. UTC)")
    if until <= since:
        raise ValueError(f"until: {until.isoformat()} is not after since: {since.isoformat()}")


def plan(since: datetime, until: datetime, parts: int) -> Generator[CountRequest, int, list[Partition]]:
    """Yield count requests, receive counts; return the partitions of (since, until).

    Each boundary is found by interpolation on the counts (activities are spread roughly evenly in time, so a few
    queries suffice), falling back to halving whenever an interpolated step shrinks the interval by less than half.
    """
    total = yield (since, until)
    bounds, before = [since], [0]  # before[k]: activities in (since, bounds[k])
    seen = {since: 0, until: total}  # every count so far: later boundaries start from the closest ones
    for k in range(1, parts):
        target = total * k / parts
        slack = max(1.0, total / parts * TOLERANCE)
        lo, c_lo = max(((t, c) for t, c in seen.items() if c <= target and t >= bounds[-1]), default=(since, 0))
        hi, c_hi = min(((t, c) for t, c in seen.items() if c >= target and t > lo), default=(until, total))
        best, best_count = hi, c_hi
        halve = False
        while hi - lo > TICK:
            share = 0.5 if halve or c_hi <= c_lo else min(max((target - c_lo) / (c_hi - c_lo), 0.01), 0.99)
            mid = lo + (hi - lo) * share
            if not lo < mid < hi:
                break
            count = yield (since, mid)
            seen[mid] = count
            if abs(count - target) < abs(best_count - target) or (count == best_count and mid < best):
                best, best_count = mid, count
            if abs(count - target) <= slack:
                break
            width = hi - lo
            if count < target:
                lo, c_lo = mid, count
            else:
                hi, c_hi = mid, count
            halve = (hi - lo) > width / 2
        if best <= bounds[-1]:
            best, best_count = bounds[-1], before[-1]
        bounds.append(best)
        before.append(best_count)
    bounds.append(until)
    before.append(total)
    return [
        Partition(k, parts, since if k == 0 else bounds[k] - TICK, bounds[k + 1], before[k + 1] - before[k])
        for k in range(parts)
    ]
