"""The cursor stores against hostile input: a cursor file, row or table that is not what `Cursor.to_json()` and the
store wrote raises `CursorError` naming the file or the store and table, never a raw parser or driver error and never
a silent start from the beginning; symlinked cursor files; the table name check."""

from __future__ import annotations

import json
import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from topo_ext import Cursor, CursorError, DBAPICursorStore, FileCursorStore, SQLiteCursorStore, TopoError
from topo_ext._cursor import MAX_CURSOR_BYTES, MAX_SEEN

T0 = datetime(2025, 6, 1, tzinfo=UTC)
WHEN = T0.isoformat()

HOSTILE: dict[str, tuple[bytes, str]] = {  # file content -> what the error must say
    "empty": (b"", "not JSON"),
    "truncated": (b'{"created_at": "2025-06-01T00:00:00+00:00", "seen": {', "not JSON"),
    "a list": (b"[1, 2]", "JSON object"),
    "created_at a number": (b'{"created_at": 5}', "created_at"),
    "created_at zero": (b'{"created_at": 0, "seen": {}}', "created_at"),  # was: start from the beginning
    "created_at false": (b'{"created_at": false}', "created_at"),
    "created_at empty": (b'{"created_at": "", "floor": 0}', "created_at"),
    "created_at naive": (b'{"created_at": "2025-06-01T00:00:00"}', "no UTC offset"),
    "floor an object": (b'{"floor": {"x": 1}}', "floor"),
    "floor naive": (b'{"floor": "2025-06-01T00:00:00"}', "floor"),
    "seen a list": (b'{"created_at": "2025-06-01T00:00:00+00:00", "seen": []}', "seen"),  # was: seen={}
    "seen zero": (b'{"created_at": "2025-06-01T00:00:00+00:00", "seen": 0}', "seen"),
    "seen null": (b'{"created_at": "2025-06-01T00:00:00+00:00", "seen": null}', "seen"),
    "seen time a number": (b'{"seen": {"a": 5}}', "seen['a']"),
    "seen time not a date": (b'{"seen": {"a": "not a date"}}', "seen['a']"),
    "seen time null": (b'{"seen": {"a": null}}', "seen['a']"),
    "seen_json a string": (b'{"seen_json": "abc"}', "seen_json"),
    "deeply nested": (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    "not UTF-8": (b"\xff\xfe{}", "UTF-8"),
}


@pytest.mark.parametrize("content", [v[0] for v in HOSTILE.values()], ids=list(HOSTILE))
def test_a_hostile_cursor_file_raises_cursor_error_naming_the_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "cursor.json"
    path.write_bytes(content)
    with pytest.raises(CursorError) as caught:
        FileCursorStore(path).load()
    said = dict(HOSTILE.values())[content]
    assert str(path) in str(caught.value) and said in str(caught.value)
    assert isinstance(caught.value, ValueError) and isinstance(caught.value, TopoError)


def test_only_a_null_or_absent_created_at_means_no_position_yet(tmp_path: Path) -> None:
    for text in ('{"created_at": null, "seen": {}, "floor": null}', "{}", Cursor().to_json()):
        assert Cursor.from_json(text) == Cursor()
    cursor = Cursor(T0, {"a": T0, "b": T0}, T0)
    assert Cursor.from_json(cursor.to_json()) == cursor
    extra = json.dumps({**json.loads(cursor.to_json()), "output": {"bytes": 5}})  # what the CLI adds
    assert Cursor.from_json(extra) == cursor


def test_a_directory_at_the_cursor_path_raises_cursor_error(tmp_path: Path) -> None:
    (tmp_path / "cursor.json").mkdir()
    with pytest.raises(CursorError, match=r"cursor\.json: is a directory"):
        FileCursorStore(tmp_path / "cursor.json").load()


def test_a_missing_cursor_file_is_no_position_yet(tmp_path: Path) -> None:
    assert FileCursorStore(tmp_path / "none" / "cursor.json").load() is None


def test_a_cursor_file_is_read_within_a_bound(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "cursor.json"
    path.write_text(json.dumps({"created_at": WHEN, "seen": {}, "pad": "x" * MAX_CURSOR_BYTES}))
    read: list[int] = []
    real_open = open

    def spying_open(*args: object, **kwargs: object) -> object:
        handle = real_open(*args, **kwargs)  # type: ignore[call-overload]
        real_read = handle.read
        handle.read = lambda n=-1: read.append(n) or real_read(n)  # type: ignore[method-assign]
        return handle

    monkeypatch.setattr("builtins.open", spying_open)
    with pytest.raises(CursorError, match=r"cursor\.json: over 8,388,608 bytes"):
        FileCursorStore(path).load()
    assert read == [MAX_CURSOR_BYTES + 1]  # never the whole file


def test_a_cursor_with_too_many_seen_ids_is_refused_on_load_and_on_save(tmp_path: Path) -> None:
    seen = {f"a{i}": WHEN for i in range(MAX_SEEN + 1)}
    with pytest.raises(CursorError, match="seen ids"):
        Cursor.from_json(json.dumps({"created_at": WHEN, "seen": seen}), source="here")
    store = FileCursorStore(tmp_path / "cursor.json")
    with pytest.raises(CursorError, match=r"cursor\.json: not saved"):
        store.save(Cursor(T0, {f"a{i}": T0 for i in range(MAX_SEEN + 1)}))
    assert not (tmp_path / "cursor.json").exists() and list(tmp_path.iterdir()) == []  # no temporary file left


def test_saving_through_a_symlink_replaces_its_target(tmp_path: Path) -> None:
    real = tmp_path / "shared" / "cursor.json"
    real.parent.mkdir()
    real.write_text(Cursor().to_json())
    real.chmod(0o640)
    link = tmp_path / "cursor.json"
    link.symlink_to(real)
    FileCursorStore(link).save(Cursor.starting_at(T0))
    assert link.is_symlink() and Cursor.from_json(real.read_text()) == Cursor.starting_at(T0)
    assert FileCursorStore(real).load() == Cursor.starting_at(T0)
    assert sorted(p.name for p in real.parent.iterdir()) == ["cursor.json"]  # written beside the target
    assert (real.stat().st_mode & 0o777) == 0o640  # its permissions kept


# --- SQLite and DB-API stores ----------------------------------------------------------------------------------


def test_the_dbapi_store_on_a_table_of_the_wrong_shape_fails_when_made() -> None:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE topo_stream_cursors (a INTEGER)")
    with pytest.raises(CursorError, match="topo_stream_cursors") as caught:
        DBAPICursorStore(db)
    assert isinstance(caught.value.__cause__, sqlite3.OperationalError)
    store = DBAPICursorStore(db, create_table=False)  # not checked when made: it may be inside your transaction
    with pytest.raises(CursorError, match="topo_stream_cursors") as caught:
        store.load()
    assert isinstance(caught.value.__cause__, sqlite3.OperationalError)
    with pytest.raises(CursorError, match="topo_stream_cursors"):
        store.save(Cursor())


@pytest.mark.parametrize("value", [5, b"\xff\x00", "", "[1]", '{"created_at": "2025-06-01T00:00:00"}'])
def test_a_hostile_dbapi_row_raises_cursor_error_naming_the_table_and_row(value: object) -> None:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE sync_cursors (stream_name TEXT, cursor_json)")
    db.execute("INSERT INTO sync_cursors VALUES ('crm', ?)", (value,))
    with pytest.raises(CursorError, match=r"table sync_cursors, row 'crm'"):
        DBAPICursorStore(db, name="crm", table="sync_cursors").load()


def test_a_dbapi_row_of_utf8_bytes_loads() -> None:
    db = sqlite3.connect(":memory:")
    DBAPICursorStore(db).save(Cursor(T0, {"a": T0}))
    db.execute("UPDATE topo_stream_cursors SET cursor_json = CAST(cursor_json AS BLOB)")
    assert DBAPICursorStore(db).load() == Cursor(T0, {"a": T0})


@pytest.mark.parametrize("setup", ["wrong shape", "not a database", "a directory", "a bad row"])
def test_a_hostile_sqlite_store_raises_cursor_error_naming_the_file(tmp_path: Path, setup: str) -> None:
    path = tmp_path / "cursors.db"
    if setup == "wrong shape":
        db = sqlite3.connect(path)
        db.execute("CREATE TABLE topo_cursors (x)")
        db.commit()
        db.close()
    elif setup == "not a database":
        path.write_text("hello, this is not SQLite " * 10)
    elif setup == "a directory":
        path.mkdir()
    else:
        db = sqlite3.connect(path)
        db.execute("CREATE TABLE topo_cursors (name TEXT PRIMARY KEY, cursor TEXT NOT NULL)")
        db.execute("INSERT INTO topo_cursors VALUES ('activities', '{\"seen\": []}')")
        db.commit()
        db.close()
    with pytest.raises(CursorError, match=r"cursors\.db") as caught:
        SQLiteCursorStore(path).load()
    assert "topo_cursors" in str(caught.value)
    assert setup == "a bad row" or isinstance(caught.value.__cause__, sqlite3.Error)


@pytest.mark.parametrize("table", ["a..b", ".a", "a.", "select", "sync.order", "Table", "a-b", "é", "a.b.c.d", ""])
def test_the_dbapi_store_refuses_a_table_name_that_is_not_a_plain_identifier(table: str) -> None:
    with pytest.raises(ValueError, match="table: expected a plain SQL identifier"):
        DBAPICursorStore(sqlite3.connect(":memory:"), table=table)


def test_the_dbapi_store_takes_schema_qualified_and_keyword_like_names() -> None:
    db = sqlite3.connect(":memory:")
    for table in ("main.sync_cursors", "selected", "_x1"):
        DBAPICursorStore(db, table=table).save(Cursor(T0))
        assert DBAPICursorStore(db, table=table).load() == Cursor(T0)


@pytest.mark.parametrize(("name", "error"), [(5, TypeError), ("", ValueError), ("x" * 201, ValueError)])
def test_the_stores_check_the_stream_name(tmp_path: Path, name: object, error: type[Exception]) -> None:
    with pytest.raises(error, match="name"):
        DBAPICursorStore(sqlite3.connect(":memory:"), name=name)  # type: ignore[arg-type]
    with pytest.raises(error, match="name"):
        SQLiteCursorStore(tmp_path / "c.db", name=name)  # type: ignore[arg-type]


def test_a_failed_save_keeps_the_file_and_leaves_no_temporary_file(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    store = FileCursorStore(tmp_path / "cursor.json")
    store.save(Cursor(T0))

    def fail(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError, match="No space"):
        store.save(Cursor(T0, {"a": T0}))
    assert store.load() == Cursor(T0) and [p.name for p in tmp_path.iterdir()] == ["cursor.json"]
