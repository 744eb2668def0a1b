"""activities.stream(): each activity exactly once across page boundaries with shared timestamps, inserts during
the walk, and crash/resume from a saved cursor."""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.specdata import iso
from topo_ext import AsyncTopo, Cursor, FileCursorStore, SQLiteCursorStore, Topo

T0 = datetime(2025, 3, 1, tzinfo=UTC)


class Feed:
    """GET /activities over an in-memory, growing list; honours sort_order, created_at_after (exclusive), paging."""

    def __init__(self, count: int, *, seed: int = 7) -> None:
        rng = random.Random(seed)
        self.rows: list[dict[str, Any]] = []
        ts = T0
        while len(self.rows) < count:
            ts += timedelta(milliseconds=rng.choice([0, 0, 1, 250]))  # many shared timestamps
            for _ in range(rng.choice([1, 1, 2, 5])):
                self.add(ts)
        del self.rows[count:]
        self.requests = 0
        self.on_request: Any = None

    def add(self, ts: datetime) -> str:
        activity_id = f"act-{len(self.rows):05d}"
        self.rows.append({"id": activity_id, "created_at": iso(ts),
                          "payload": {"type": "message.sent", "person_id": "p"}})
        return activity_id

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests += 1
        if self.on_request:
            self.on_request(self)
        params = request.url.params
        assert params["sort_order"] == "asc"
        rows = sorted(self.rows, key=lambda r: r["created_at"])  # stable: insertion order within a timestamp
        if "created_at_after" in params:
            after = datetime.fromisoformat(params["created_at_after"])
            rows = [r for r in rows if datetime.fromisoformat(r["created_at"]) > after]
        page, size = int(params["page"]), int(params["size"])
        chunk = rows[(page - 1) * size: page * size]
        pages = -(-len(rows) // size)
        return httpx.Response(200, json={"items": chunk, "total_count": len(rows), "total_pages": pages,
                                         "has_more": page < pages})


def client_for(feed: Feed) -> Topo:
    return Topo(api_key="topo_k", base_url="https://t/v1", http_client=httpx.Client(transport=httpx.MockTransport(feed)))


def test_every_activity_exactly_once_with_shared_timestamps_and_inserts() -> None:
    feed = Feed(1000)
    shared = sum(1 for a, b in zip(feed.rows, feed.rows[1:], strict=False) if a["created_at"] == b["created_at"])
    assert shared > 100  # the feed really has many activities sharing a created_at
    inserted: list[str] = []

    def insert_during_walk(f: Feed) -> None:
        if f.requests in (3, 6, 9):  # new activities arrive mid-walk, some sharing the newest timestamp
            newest = datetime.fromisoformat(max(r["created_at"] for r in f.rows))
            inserted.extend(f.add(newest) for _ in range(3))
            inserted.append(f.add(newest + timedelta(seconds=1)))

    feed.on_request = insert_during_walk
    ids = [a.id for a in client_for(feed).activities.stream()]
    assert len(ids) == len(set(ids))  # nothing twice
    assert set(ids) == {r["id"] for r in feed.rows}  # nothing lost, inserts included
    assert set(inserted) <= set(ids)


def test_page_boundary_inside_a_group_of_equal_timestamps() -> None:
    feed = Feed(0)
    for _ in range(250):
        feed.add(T0)  # 250 activities, one timestamp: every page boundary falls inside the group
    feed.add(T0 + timedelta(seconds=1))
    ids = [a.id for a in client_for(feed).activities.stream()]
    assert len(ids) == 251 == len(set(ids))


def test_resume_after_a_crash_loses_and_repeats_nothing(tmp_path: Path) -> None:
    feed = Feed(500, seed=3)
    store = FileCursorStore(tmp_path / "cursor.json")
    delivered: list[str] = []

    class Crash(Exception):
        pass

    def handle_until_crash() -> None:
        for activity in client_for(feed).activities.stream(store=store):
            if len(delivered) == 237:
                raise Crash  # dies while handling the 238th activity: it was not processed
            delivered.append(activity.id)

    with pytest.raises(Crash):
        handle_until_crash()
    saved = json.loads((tmp_path / "cursor.json").read_text())
    assert saved["created_at"]
    for activity in client_for(feed).activities.stream(store=store):  # a new process, same store
        delivered.append(activity.id)
    assert delivered == [r["id"] for r in sorted(feed.rows, key=lambda r: r["created_at"])]


def test_a_consumer_that_stops_early_resumes_after_the_last_one(tmp_path: Path) -> None:
    feed = Feed(300, seed=5)
    store = SQLiteCursorStore(tmp_path / "cursors.db", name="crm-sync")
    first = []
    with client_for(feed).activities.stream(store=store) as stream:
        for activity in stream:
            first.append(activity.id)
            if len(first) == 120:
                break
    rest = [a.id for a in client_for(feed).activities.stream(store=store)]
    assert first + rest == [r["id"] for r in sorted(feed.rows, key=lambda r: r["created_at"])]
    store.close()


def test_cursor_round_trips_through_json() -> None:
    feed = Feed(50)
    with client_for(feed).activities.stream() as stream:
        taken = [a.id for _, a in zip(range(20), stream, strict=False)]
    restored = Cursor.from_json(stream.cursor.to_json())
    rest = [a.id for a in client_for(feed).activities.stream(cursor=restored)]
    assert len(taken) == 20 and sorted(taken + rest) == sorted(r["id"] for r in feed.rows)


def test_since_starts_strictly_after_and_filters_are_passed_through() -> None:
    feed = Feed(0)
    feed.add(T0)
    later = feed.add(T0 + timedelta(seconds=5))
    seen: list[httpx.QueryParams] = []
    original = feed.__call__

    def spy(request: httpx.Request) -> httpx.Response:
        seen.append(request.url.params)
        return original(request)

    client = Topo(api_key="topo_k", base_url="https://t/v1", http_client=httpx.Client(transport=httpx.MockTransport(spy)))
    ids = [a.id for a in client.activities.stream(since=T0, event_type="SENT")]
    assert ids == [later] and seen[0]["event_type"] == "SENT"


def test_stream_arguments_are_checked() -> None:
    client = client_for(Feed(1))
    with pytest.raises(ValueError, match="naive"):
        client.activities.stream(since=datetime(2025, 1, 1))
    with pytest.raises(TypeError, match="sort_order"):
        client.activities.stream(sort_order="desc")
    with pytest.raises(ValueError, match="person_id"):
        client.activities.stream(person_id="nope")


async def test_async_stream_exactly_once() -> None:
    feed = Feed(400, seed=11)
    async with AsyncTopo(api_key="topo_k", base_url="https://t/v1",
                         http_client=httpx.AsyncClient(transport=httpx.MockTransport(feed))) as client:
        ids = [a.id async for a in client.activities.stream()]
    assert len(ids) == 400 == len(set(ids))


def test_follow_keeps_polling(monkeypatch: pytest.MonkeyPatch) -> None:
    feed = Feed(5)
    polls: list[float] = []

    def fake_sleep(seconds: float) -> None:
        polls.append(seconds)
        feed.add(T0 + timedelta(days=len(polls)))  # something new arrives while we wait

    monkeypatch.setattr("topo_ext.streaming.time.sleep", fake_sleep)
    got = []
    for activity in client_for(feed).activities.stream(follow=True, interval=2.0):
        got.append(activity.id)
        if len(got) == 8:
            break
    assert len(set(got)) == 8 and polls == [2.0, 2.0, 2.0]


def test_a_plain_break_redelivers_the_last_activity_rather_than_lose_it(tmp_path: Path) -> None:
    feed = Feed(30)
    store = FileCursorStore(tmp_path / "c.json")
    first = []
    for activity in client_for(feed).activities.stream(store=store):
        first.append(activity.id)
        if len(first) == 10:
            break  # no `with`: the stream cannot know the 10th was handled, so it is not committed
    rest = [a.id for a in client_for(feed).activities.stream(store=store)]
    assert rest[0] == first[-1] and len(first) + len(rest) == 31
