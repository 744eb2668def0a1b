"""activities.stream() at its edges: the cursor's floor and overlap window against servers that answer more than
asked, sub-millisecond timestamps, drifted pages, pages that make no progress, stores and the driver's paramstyle,
`with` blocks that end in an exception, and the async stream's follow mode."""

from __future__ import annotations

import asyncio
import json
import sqlite3
import sys
import tempfile
import types
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.specdata import iso
from tests.topo_ext.streaming.test_stream import T0, Feed, RecordingConnection, client_for
from topo_ext import AsyncTopo, Cursor, DBAPICursorStore, FileCursorStore, Limits, SQLiteCursorStore, Topo, streaming
from topo_ext import _exceptions as exc
from topo_ext.streaming import OVERLAP

Handler = Callable[[httpx.Request], httpx.Response]


def client(handler: Handler, **options: Any) -> Topo:
    return Topo(api_key="topo_k", base_url="https://t/v1", log_drift=False, max_retries=0,
                http_client=httpx.Client(transport=httpx.MockTransport(handler)), **options)


def async_client(handler: Handler, **options: Any) -> AsyncTopo:
    return AsyncTopo(api_key="topo_k", base_url="https://t/v1", log_drift=False, max_retries=0,
                     http_client=httpx.AsyncClient(transport=httpx.MockTransport(handler)), **options)


def page(items: Any, *, has_more: bool = False, total_pages: int = 1) -> httpx.Response:
    count = len(items) if isinstance(items, list) else 0
    return httpx.Response(200, json={"items": items, "total_count": count, "total_pages": total_pages,
                                     "has_more": has_more})


def row(activity_id: str, when: datetime) -> dict[str, Any]:
    return {"id": activity_id, "created_at": iso(when), "payload": {"type": "message.sent", "person_id": "p"}}


# --- the cursor ------------------------------------------------------------------------------------------------


def test_a_cursor_that_has_yielded_nothing_round_trips_through_json() -> None:
    for cursor in (Cursor(), Cursor(floor=T0)):
        assert Cursor.from_json(cursor.to_json()) == cursor



def test_ids_of_other_json_types_round_trip_through_the_file_store_and_are_not_delivered_again(
        tmp_path: Path) -> None:
    # Lenient decoding keeps an id as sent: 5 must not collide with "5", nor True with 1, nor crash the sort.
    ids: list[Any] = ["a1", 5, "5", True, 1, 1.5, ["x"]]
    rows = [{**row("?", T0), "id": i} for i in ids]
    store = FileCursorStore(tmp_path / "cursor.json")
    assert [a.id for a in client(lambda _: page(rows)).activities.stream(store=store)] == ids
    saved = json.loads((tmp_path / "cursor.json").read_text())
    assert saved["seen"] == dict.fromkeys(["5", "a1"], T0.isoformat())
    assert sorted(saved["seen_json"]) == ["1", "1.5", "5", '["x"]', "true"]
    assert list(client(lambda _: page(rows)).activities.stream(store=store)) == []  # resumed: nothing again
    cursor = store.load()
    assert cursor is not None and Cursor.from_json(cursor.to_json()) == cursor


def test_a_cursor_of_string_ids_keeps_the_format_earlier_versions_wrote_and_read() -> None:
    old = json.dumps({"created_at": T0.isoformat(), "seen": {"5": T0.isoformat()}, "floor": None})
    cursor = Cursor.from_json(old)
    assert cursor.to_json() == old and "seen_json" not in old
    rows = [{**row("?", T0), "id": i} for i in ("5", 5)]
    assert [a.id for a in client(lambda _: page(rows)).activities.stream(cursor=cursor)] == [5]  # "5" was seen
    again = Cursor.from_json(cursor.to_json())  # now with both: the string "5" and the number 5
    assert list(client(lambda _: page(rows)).activities.stream(cursor=again)) == []

def test_since_asks_the_server_only_for_what_is_after_it() -> None:
    feed = Feed(0)
    feed.add(T0 - timedelta(seconds=1))
    later = feed.add(T0 + timedelta(seconds=1))
    asked: list[httpx.QueryParams] = []

    def spy(request: httpx.Request) -> httpx.Response:
        asked.append(request.url.params)
        return feed(request)

    assert [a.id for a in client(spy).activities.stream(since=T0)] == [later]
    assert datetime.fromisoformat(asked[0]["created_at_after"]) == T0  # not earlier: nothing it would drop


def test_a_cursor_with_only_a_floor_delivers_only_what_is_after_it() -> None:
    # Cursor(floor=T) has no created_at, so the first request asks for everything: the floor is applied here.
    feed = Feed(0)
    for when in (T0 - timedelta(seconds=1), T0, T0):
        feed.add(when)
    later = [feed.add(T0 + timedelta(seconds=1)), feed.add(T0 + timedelta(seconds=2))]
    assert [a.id for a in client_for(feed).activities.stream(cursor=Cursor(floor=T0))] == later


def test_a_server_that_answers_more_than_asked_gets_nothing_delivered_twice() -> None:
    # The first walk leaves the cursor at T with the overlap window [T - OVERLAP, T] remembered by id. A server that
    # ignores created_at_after then answers everything again, plus one activity stamped inside the window that the
    # first walk never saw (a clock-precision latecomer) and one after it: only those two are new.
    t = T0 + timedelta(seconds=10)
    old = [row("a", t - 2 * OVERLAP), row("b", t - OVERLAP), row("x", t)]
    first = client(lambda request: page(old)).activities.stream()
    assert [a.id for a in first] == ["a", "b", "x"]
    everything = [*old, row("c", t - OVERLAP), row("d", t + timedelta(seconds=1))]
    resumed = client(lambda request: page(everything)).activities.stream(cursor=first.cursor)
    assert [a.id for a in resumed] == ["c", "d"]


def test_sub_millisecond_timestamps_across_page_boundaries_come_once() -> None:
    # 0.3 ms apart: every re-anchored request (after the cursor minus 1 ms) returns the last few already yielded.
    feed = Feed(0)
    for n in range(450):
        feed.add(T0 + timedelta(microseconds=300 * n))
    ids = [a.id for a in client_for(feed).activities.stream()]
    assert ids == [r["id"] for r in feed.in_order()]


# --- drifted pages and pages without progress -----------------------------------------------------------------


def test_every_item_of_drifted_pages_is_delivered_in_order() -> None:
    # Lenient decoding hands over whatever arrives: items without an id, without a time, or not objects at all.
    # None of them moves the cursor, so none of them hides a later one.
    pages = [[{"created_at": iso(T0)}, 42, {"id": "no-time"}],
             [{"created_at": iso(T0 + OVERLAP)}, row("fine", T0 + timedelta(seconds=1))]]
    requests: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        requests.append(1)
        return page(pages[len(requests) - 1], has_more=len(requests) < len(pages), total_pages=len(pages))

    got = list(client(handler).activities.stream())
    assert len(got) == sum(map(len, pages)) and len(requests) == len(pages)
    assert [getattr(a, "created_at", None) for a in (got[0], got[3])] == [T0, T0 + OVERLAP]
    assert got[1] == 42 and [getattr(a, "id", None) for a in (got[0], got[2], got[3], got[4])] == [
        None, "no-time", None, "fine"]


def test_a_page_without_a_list_of_items_ends_the_walk() -> None:
    requests: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        requests.append(1)
        return page(None)

    assert list(client(handler).activities.stream()) == [] and len(requests) == 1


@pytest.mark.parametrize("has_more", [True, False])
def test_the_walk_ends_on_an_empty_page_or_on_has_more_false(has_more: bool) -> None:
    rows = [row(f"a{n}", T0 + timedelta(seconds=n)) for n in range(3)]
    requests: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        requests.append(1)
        return page([] if has_more else rows, has_more=has_more, total_pages=5)

    got = [a.id for a in client(handler).activities.stream()]
    assert got == ([] if has_more else [r["id"] for r in rows]) and len(requests) == 1


def lying_past_total_pages(requests: list[int]) -> Handler:
    """Every page holds one activity the resumed cursor has seen, with has_more true past total_pages=1."""

    def handler(request: httpx.Request) -> httpx.Response:
        requests.append(int(request.url.params["page"]))
        if len(requests) > 6:
            return page([])  # a backstop: the stream should have stopped long before
        return page([row("abc"[len(requests) % 3], T0)], has_more=True, total_pages=1)

    return handler


def test_pages_past_total_pages_end_the_stream_with_the_response() -> None:
    requests: list[int] = []
    cursor = Cursor(T0, dict.fromkeys("abc", T0))
    with pytest.raises(exc.PaginationError, match="total_pages") as caught:
        list(client(lying_past_total_pages(requests)).activities.stream(cursor=cursor))
    assert requests == [1, 2]
    assert caught.value.response is not None and caught.value.response.status_code == 200


def stalling(requests: list[int]) -> Handler:
    """The same two seen activities on every page, four times (page numbers ignored), then one new one."""

    def handler(request: httpx.Request) -> httpx.Response:
        requests.append(int(request.url.params["page"]))
        if len(requests) > 4:
            return page([row("c", T0 + timedelta(seconds=1))])
        return page([row("a", T0), row("b", T0)], has_more=True, total_pages=100)

    return handler


def test_stalled_pages_end_the_stream_unless_allowed() -> None:
    with pytest.raises(exc.PaginationError):
        list(client(stalling([])).activities.stream())  # the default allows none
    requests: list[int] = []
    stream = client(stalling(requests), limits=Limits(max_stalled_pages=2)).activities.stream()
    assert [a.id for a in stream] == ["a", "b", "c"] and requests == [1, 1, 2, 3, 4]


async def test_async_stalled_pages_end_the_stream_unless_allowed() -> None:
    async with async_client(stalling([])) as topo:
        with pytest.raises(exc.PaginationError):
            [a async for a in topo.activities.stream()]
    async with async_client(stalling([]), limits=Limits(max_stalled_pages=2)) as topo:
        assert [a.id async for a in topo.activities.stream()] == ["a", "b", "c"]



def test_the_same_activities_reordered_on_every_page_end_the_stream() -> None:
    # A server that ignores page and created_at_after and swaps the order each time: no page brings anything new.
    requests: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        requests.append(int(request.url.params["page"]))
        rows = [row("a", T0), row("b", T0)]
        return page(rows if len(requests) % 2 else rows[::-1], has_more=len(requests) < 50, total_pages=100)

    stream = client(handler).activities.stream()
    got: list[Any] = []
    with pytest.raises(exc.PaginationError, match="repeats the items"):
        got.extend(a.id for a in stream)
    assert got == ["a", "b"] and requests == [1, 1, 2]

# --- stores ----------------------------------------------------------------------------------------------------


def test_the_file_store_writes_beside_the_cursor_file_not_in_the_temp_dir(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    # os.replace is atomic only within one filesystem: the temporary file must not go to the system temp dir.
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "no-such-temp-dir"))
    store = FileCursorStore(tmp_path / "state" / "cursor.json")
    store.save(Cursor(T0, {"a": T0}))
    assert store.load() == Cursor(T0, {"a": T0}) and sorted(p.name for p in (tmp_path / "state").iterdir()) == [
        "cursor.json"]


def test_the_sqlite_store_keeps_its_row_in_the_given_file(tmp_path: Path) -> None:
    path = tmp_path / "cursors.db"
    store = SQLiteCursorStore(path)
    store.save(Cursor(T0, {"a": T0}))
    store.close()
    other = sqlite3.connect(path)
    assert [name for (name,) in other.execute("SELECT name FROM topo_cursors")] == ["activities"]  # the default
    other.close()
    again = SQLiteCursorStore(path, name="activities")
    assert again.load() == Cursor(T0, {"a": T0}) and SQLiteCursorStore(path, name="other").load() is None
    again.close()


def driver_connection(monkeypatch: pytest.MonkeyPatch, **module_attributes: Any) -> RecordingConnection:
    """A connection whose class lives in a submodule of a registered driver package `fakedb`."""
    driver = types.ModuleType("fakedb")
    for name, value in module_attributes.items():
        setattr(driver, name, value)
    monkeypatch.setitem(sys.modules, "fakedb", driver)
    connection_class = type("Connection", (RecordingConnection,), {"__module__": "fakedb.core.connection"})
    return connection_class()


def test_the_dbapi_store_takes_the_paramstyle_of_the_connection_s_driver(monkeypatch: pytest.MonkeyPatch) -> None:
    conn = driver_connection(monkeypatch, paramstyle="numeric")
    store = DBAPICursorStore(conn)
    assert store.paramstyle == "numeric"
    store.load()
    assert conn.executed[-1][0].endswith("stream_name = :1")


def test_the_dbapi_store_defaults_to_qmark_for_a_driver_that_does_not_say(monkeypatch: pytest.MonkeyPatch) -> None:
    conn = driver_connection(monkeypatch)
    store = DBAPICursorStore(conn)
    assert store.paramstyle == "qmark"
    store.load()
    assert conn.executed[-1][0].endswith("stream_name = ?")


# --- with blocks and async follow ------------------------------------------------------------------------------


def test_a_with_block_left_without_reading_saves_nothing(tmp_path: Path) -> None:
    feed = Feed(5)
    with client_for(feed).activities.stream(store=FileCursorStore(tmp_path / "c.json")):
        pass
    assert not (tmp_path / "c.json").exists() and feed.requests == 0


class Crash(Exception):
    pass


def test_a_with_block_that_fails_keeps_the_activity_in_hand(tmp_path: Path) -> None:
    feed = Feed(30)
    store = FileCursorStore(tmp_path / "c.json")
    handled: list[str] = []

    def handle_ten_then_fail() -> None:
        with client_for(feed).activities.stream(store=store) as stream:
            for activity in stream:
                if len(handled) == 10:
                    raise Crash  # the 11th was not handled: it must come again
                handled.append(activity.id)

    with pytest.raises(Crash):
        handle_ten_then_fail()
    rest = [a.id for a in client_for(feed).activities.stream(store=store)]
    assert handled + rest == [r["id"] for r in feed.in_order()]


async def test_async_with_blocks_save_on_a_normal_exit_only(tmp_path: Path) -> None:
    feed = Feed(30)
    store = FileCursorStore(tmp_path / "c.json")
    handled: list[str] = []
    async with async_client(feed) as topo:
        async with topo.activities.stream(store=store) as stream:
            async for activity in stream:
                handled.append(activity.id)
                if len(handled) == 5:
                    break  # left normally: the 5th was handled

        async def handle_seven_more_then_fail() -> None:
            async with topo.activities.stream(store=store) as stream:
                async for activity in stream:
                    if len(handled) == 12:
                        raise Crash  # the 13th was not handled
                    handled.append(activity.id)

        with pytest.raises(Crash):
            await handle_seven_more_then_fail()
        rest = [a.id async for a in topo.activities.stream(store=store)]
    assert handled + rest == [r["id"] for r in feed.in_order()]


async def test_async_follow_keeps_polling_every_interval(monkeypatch: pytest.MonkeyPatch) -> None:
    feed = Feed(5)
    polls: list[float] = []
    real_sleep = asyncio.sleep

    async def fake_sleep(seconds: float) -> None:
        polls.append(seconds)
        feed.add(T0 + timedelta(days=len(polls)))  # something new arrives while we wait
        await real_sleep(0)

    monkeypatch.setattr(streaming, "asyncio", types.SimpleNamespace(sleep=fake_sleep))  # this module's sleeps only
    got: list[str] = []
    async with async_client(feed) as topo:
        async for activity in topo.activities.stream(follow=True, interval=2.0):
            got.append(activity.id)
            if len(got) == 8:
                break
    assert len(set(got)) == 8 and polls == [2.0, 2.0, 2.0]
