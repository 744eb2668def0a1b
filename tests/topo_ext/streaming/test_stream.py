"""activities.stream(): each activity exactly once across page boundaries with shared timestamps, inserts during
the walk, and crash/resume from a saved cursor."""

from __future__ import annotations

import json
import random
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.specdata import iso
from topo_ext import AsyncTopo, Cursor, DBAPICursorStore, FileCursorStore, SQLiteCursorStore, Topo

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

    def in_order(self) -> list[dict[str, Any]]:
        """Oldest first by instant (not by string: "...00Z" sorts after "...00.250Z"); stable within one instant."""
        return sorted(self.rows, key=lambda r: datetime.fromisoformat(r["created_at"]))

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests += 1
        if self.on_request:
            self.on_request(self)
        params = request.url.params
        assert params["sort_order"] == "asc"
        rows = self.in_order()
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
    assert delivered == [r["id"] for r in feed.in_order()]


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
    assert first + rest == [r["id"] for r in feed.in_order()]
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


# --- transactional commit: DBAPICursorStore and stream.commit() ------------------------------------------


def test_readme_pattern_a_failed_transaction_is_redone_once(tmp_path: Path) -> None:
    feed = Feed(400, seed=13)
    db = sqlite3.connect(tmp_path / "crm.db")
    db.execute("CREATE TABLE handled (id TEXT)")

    class Crash(Exception):
        pass

    def consume(crash_at: int | None) -> None:
        stream = client_for(feed).activities.stream(store=DBAPICursorStore(db))
        for n, activity in enumerate(stream, 1):
            with db:
                db.execute("INSERT INTO handled VALUES (?)", (activity.id,))
                stream.commit()
                if n == crash_at:
                    raise Crash  # after the effect and the cursor were written: both roll back

    for crash_at in (57, 1, 130):
        with pytest.raises(Crash):
            consume(crash_at)
    consume(None)
    handled = [row[0] for row in db.execute("SELECT id FROM handled")]
    assert sorted(handled) == sorted(r["id"] for r in feed.rows) and len(handled) == len(set(handled))


def test_transactional_store_saves_only_on_commit_and_never_commits(tmp_path: Path) -> None:
    feed = Feed(60, seed=2)
    path = tmp_path / "app.db"
    db = sqlite3.connect(path)
    store = DBAPICursorStore(db, name="crm")
    with client_for(feed).activities.stream(store=store) as stream:
        first = [a.id for _, a in zip(range(10), stream, strict=False)]  # moving on saves nothing
    assert store.load() is None
    stream = client_for(feed).activities.stream(store=store)
    taken = []
    for activity in stream:
        taken.append(activity.id)
        if len(taken) == 25:
            stream.commit()
            break
    other = sqlite3.connect(path)  # another connection sees nothing until the owner commits
    assert other.execute("SELECT count(*) FROM topo_stream_cursors").fetchone() == (0,)
    db.commit()
    saved = other.execute("SELECT stream_name, cursor_json FROM topo_stream_cursors").fetchall()
    assert [name for name, _ in saved] == ["crm"]
    rest = [a.id for a in client_for(feed).activities.stream(store=DBAPICursorStore(other, name="crm"))]
    assert first == taken[:10] and taken + rest == [r["id"] for r in feed.in_order()]


def test_commit_without_a_store_returns_a_cursor_to_save_yourself() -> None:
    feed = Feed(80, seed=4)
    stream = client_for(feed).activities.stream()
    for n, activity in enumerate(stream, 1):
        if n == 30:
            saved = stream.commit().to_json()  # e.g. written in the same transaction as the effect
            last = activity.id
            break
    resumed = [a.id for a in client_for(feed).activities.stream(cursor=Cursor.from_json(saved))]
    order = [r["id"] for r in feed.in_order()]
    assert resumed == order[order.index(last) + 1:]


class RecordingConnection:
    """A DB-API connection that records what it is asked to execute (and holds no data)."""

    def __init__(self) -> None:
        self.executed: list[tuple[str, Any]] = []
        self.commits = 0

    def cursor(self) -> RecordingConnection:
        return self

    def execute(self, sql: str, params: Any = ()) -> None:
        self.executed.append((sql, params))

    rowcount = 0

    def fetchone(self) -> None:
        return None

    def commit(self) -> None:
        self.commits += 1


@pytest.mark.parametrize(("style", "mark", "params"), [
    ("qmark", "?", ("activities",)), ("pyformat", "%s", ("activities",)), ("numeric", ":1", ("activities",)),
    ("named", ":p1", {"p1": "activities"})])
def test_dbapi_store_speaks_the_drivers_paramstyle(style: str, mark: str, params: Any) -> None:
    conn = RecordingConnection()
    store = DBAPICursorStore(conn, paramstyle=style, table="sync.cursors")
    assert conn.commits == 1 and conn.executed[0][0].startswith("CREATE TABLE IF NOT EXISTS sync.cursors")
    assert store.load() is None
    assert conn.executed[-1] == (f"SELECT cursor_json FROM sync.cursors WHERE stream_name = {mark}", params)
    store.save(Cursor())
    update, insert = conn.executed[-2:]
    assert update[0].startswith("UPDATE sync.cursors") and insert[0].startswith("INSERT INTO sync.cursors")
    assert conn.commits == 1  # saving never commits


def test_dbapi_store_checks_its_arguments() -> None:
    with pytest.raises(ValueError, match="table"):
        DBAPICursorStore(RecordingConnection(), table="cursors; DROP TABLE x")
    with pytest.raises(ValueError, match="paramstyle"):
        DBAPICursorStore(RecordingConnection(), paramstyle="dollar")
    assert DBAPICursorStore(sqlite3.connect(":memory:")).paramstyle == "qmark"  # taken from the driver module


async def test_async_stream_commit_into_a_transactional_store(tmp_path: Path) -> None:
    feed = Feed(120, seed=8)
    db = sqlite3.connect(tmp_path / "a.db")
    async with AsyncTopo(api_key="topo_k", base_url="https://t/v1",
                         http_client=httpx.AsyncClient(transport=httpx.MockTransport(feed))) as client:
        stream = client.activities.stream(store=DBAPICursorStore(db))
        async for activity in stream:
            with db:
                stream.commit()
            if activity.id == feed.rows[49]["id"]:
                break
        rest = [a.id async for a in client.activities.stream(store=DBAPICursorStore(db))]
    assert len(rest) == 70 and feed.rows[49]["id"] not in rest


def test_a_since_cursor_keeps_its_floor_through_json_and_a_file(tmp_path: Path) -> None:
    # Activities at exactly `since` are not "after" it; a saved cursor must remember that before anything was yielded,
    # and keep remembering it after activities were yielded in the overlap window.
    feed = Feed(0)
    at_since = [feed.add(T0) for _ in range(3)]
    after = [feed.add(T0 + timedelta(microseconds=500)), feed.add(T0 + timedelta(seconds=2))]
    fresh = client_for(feed).activities.stream(since=T0)
    restored = Cursor.from_json(fresh.cursor.to_json())
    assert restored == fresh.cursor and restored.floor == T0
    assert [a.id for a in client_for(feed).activities.stream(cursor=restored)] == after
    store = FileCursorStore(tmp_path / "deep" / "er" / "cursor.json")  # missing folders are made
    with client_for(feed).activities.stream(since=T0, store=store) as stream:
        first = next(iter(stream))
    assert first.id == after[0] and not set(at_since) & {first.id}
    resumed = [a.id for a in client_for(feed).activities.stream(store=store)]
    assert resumed[-1] == after[1] and not set(at_since) & set(resumed)


@pytest.mark.parametrize(("reserved", "value"), [("sort_order", "desc"), ("sort_by", "created_at"), ("page", 2),
                                               ("created_at_after", T0)])
def test_the_stream_s_own_query_parameters_cannot_be_passed(reserved: str, value: object) -> None:
    # Valid values for list(): refused because the stream manages them, not because the value is wrong.
    feed = Feed(3)
    with pytest.raises(TypeError, match=reserved):
        client_for(feed).activities.stream(**{reserved: value})
    assert feed.requests == 0


def test_a_committed_cursor_is_a_snapshot_that_keeps_the_floor() -> None:
    feed = Feed(0)
    feed.add(T0)
    later = feed.add(T0 + timedelta(seconds=1))
    stream = client_for(feed).activities.stream(since=T0)
    first = next(iter(stream))
    snapshot = stream.commit()
    assert first.id == later and snapshot.floor == T0 and snapshot.created_at == T0 + timedelta(seconds=1)
    assert snapshot is not stream.cursor and snapshot.seen == stream.cursor.seen
    assert [a.id for a in client_for(feed).activities.stream(cursor=Cursor.from_json(snapshot.to_json()))] == []
