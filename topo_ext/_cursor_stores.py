"""Where a stream keeps its `Cursor`: a JSON file, a SQLite table, or a table of your own database (DB-API).

What a store reads back is hostile input (edited, cut short, swapped for something else): it is read within
`MAX_CURSOR_BYTES`, parsed strictly, and any problem raises `CursorError` naming the file or the store and table,
never a silent "start from the beginning". A database error is wrapped the same way, with the driver's exception as
the `__cause__`. `OSError` is left for real I/O failures (e.g. no permission), and it names the file.
"""

from __future__ import annotations

import os
import re
import sqlite3
import stat
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, Protocol

from ._cursor import MAX_CURSOR_BYTES, MAX_SEEN, Cursor
from ._exceptions import CursorError


class CursorStore(Protocol):
    def load(self) -> Cursor | None: ...
    def save(self, cursor: Cursor) -> None: ...


def _text_of(cursor: Cursor, where: str) -> str:
    """`cursor.to_json()`, refused if over the bounds `Cursor.from_json` reads within: what is saved can be loaded."""
    text = cursor.to_json()
    if len(cursor.seen) > MAX_SEEN or len(text) > MAX_CURSOR_BYTES:
        raise CursorError(f"{where}: not saved: the cursor holds {len(cursor.seen):,} seen ids ({len(text):,} "
                          f"characters), over what a cursor may hold ({MAX_SEEN:,} ids, {MAX_CURSOR_BYTES:,})")
    return text


@contextmanager
def _wrapped(where: str, errors: type[Exception] | tuple[type[Exception], ...]) -> Iterator[None]:
    """Raise a database error as `CursorError` naming the store, the driver's exception as its cause."""
    try:
        yield
    except CursorError:
        raise
    except errors as err:
        raise CursorError(f"{where}: {type(err).__name__}: {err}") from err


class FileCursorStore:
    """Keeps the cursor in a small JSON file, replaced atomically on every save (through a symlink: its target)."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)

    def load(self) -> Cursor | None:
        where = f"cursor file {self.path}"
        try:
            with open(self.path, "rb") as handle:
                data = handle.read(MAX_CURSOR_BYTES + 1)
        except FileNotFoundError:
            return None
        except IsADirectoryError:
            raise CursorError(f"{where}: is a directory, not a cursor file") from None
        if len(data) > MAX_CURSOR_BYTES:
            raise CursorError(f"{where}: over {MAX_CURSOR_BYTES:,} bytes, far more than a cursor holds")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as err:
            raise CursorError(f"{where}: not UTF-8 text (byte {err.start})") from None
        return Cursor.from_json(text, source=where)

    def save(self, cursor: Cursor) -> None:
        text = _text_of(cursor, f"cursor file {self.path}")
        # Replace the symlink's target, not the link: the file it points to is the one others read.
        target = Path(os.path.realpath(self.path))
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
            with suppress(FileNotFoundError):  # keep the file's permissions (mkstemp makes it 0600)
                os.chmod(tmp, stat.S_IMODE(os.stat(target).st_mode))
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


class SQLiteCursorStore:
    """Keeps named cursors in a SQLite table `topo_cursors` (one row per stream name)."""

    def __init__(self, path: str | os.PathLike[str], name: str = "activities") -> None:
        _check_name(name)
        self.name = name
        self._where = f"SQLite cursor store {os.fspath(path)} (table topo_cursors)"
        with _wrapped(self._where, sqlite3.Error):
            self._db = sqlite3.connect(str(path))
        try:
            with _wrapped(self._where, sqlite3.Error):
                self._db.execute("CREATE TABLE IF NOT EXISTS topo_cursors "
                                 "(name TEXT PRIMARY KEY, cursor TEXT NOT NULL)")
                self._db.execute("SELECT name, cursor FROM topo_cursors WHERE 0").fetchone()  # the shape: now, once
                self._db.commit()
        except CursorError:
            self._db.close()
            raise

    def load(self) -> Cursor | None:
        with _wrapped(self._where, sqlite3.Error):
            row = self._db.execute("SELECT cursor FROM topo_cursors WHERE name = ?", (self.name,)).fetchone()
        return Cursor.from_json(row[0], source=f"{self._where}, row {self.name!r}") if row else None

    def save(self, cursor: Cursor) -> None:
        text = _text_of(cursor, self._where)
        with _wrapped(self._where, sqlite3.Error):
            self._db.execute(
                "INSERT INTO topo_cursors (name, cursor) VALUES (?, ?) "
                "ON CONFLICT(name) DO UPDATE SET cursor = excluded.cursor",
                (self.name, text),
            )
            self._db.commit()

    def close(self) -> None:
        self._db.close()


class DBAPICursorStore:
    """Keeps the cursor in a table of your database, written through your DB-API 2.0 connection (sqlite3, psycopg,
    mysqlclient, ...) and never committed here: the transactional store.

    The stream saves into it only when you call `stream.commit()`, which you do inside the transaction that records
    the activity's effect; committing the connection then makes the effect and the position durable together, and
    a rollback or crash undoes both, so the activity comes again. Each activity takes effect exactly once.

    The table (`topo_stream_cursors` unless `table=` says otherwise: a plain identifier, optionally schema-qualified,
    not an SQL keyword; one row per stream `name`) is created if it is missing when the store is made, its columns
    checked, and that is committed at once: make the store before your first transaction. `paramstyle` defaults to
    the driver module's own (`sqlite3.paramstyle`, `psycopg.paramstyle`, ...). A database error in the store raises
    `CursorError` naming the table (the driver's error is its `__cause__`).
    """

    #: The stream does not save by itself when the consumer moves on; it saves on `stream.commit()`.
    transactional = True

    def __init__(self, connection: Any, name: str = "activities", *, table: str = "topo_stream_cursors",
                 paramstyle: str | None = None, create_table: bool = True) -> None:
        _check_table(table)
        _check_name(name)
        driver = sys.modules.get(type(connection).__module__.partition(".")[0])
        self.paramstyle = str(paramstyle or getattr(driver, "paramstyle", None) or "qmark")
        if self.paramstyle not in _PLACEHOLDERS:
            raise ValueError(f"paramstyle: expected one of {', '.join(_PLACEHOLDERS)}, got {self.paramstyle!r}")
        self.connection = connection
        self.name = name
        error = getattr(driver, "Error", None)  # DB-API: every driver error derives from the module's `Error`
        self._errors = error if isinstance(error, type) and issubclass(error, Exception) else Exception
        self._where = f"cursor store table {table}"
        # `table` is a checked identifier, never user data, so formatting it into the SQL is safe.
        self._select = f"SELECT cursor_json FROM {table} WHERE stream_name = {{}}"  # noqa: S608
        self._update = f"UPDATE {table} SET cursor_json = {{}} WHERE stream_name = {{}}"  # noqa: S608
        self._insert = f"INSERT INTO {table} (stream_name, cursor_json) VALUES ({{}}, {{}})"  # noqa: S608
        if create_table:
            try:
                self._run(f"CREATE TABLE IF NOT EXISTS {table} "
                          "(stream_name VARCHAR(200) PRIMARY KEY, cursor_json TEXT NOT NULL)")
                self._run(f"SELECT stream_name, cursor_json FROM {table} WHERE 1 = 0").fetchone()  # noqa: S608
            except CursorError:
                with suppress(Exception):  # the error to report is the one above
                    connection.rollback()  # a failed statement can leave the transaction aborted (PostgreSQL)
                raise
            connection.commit()

    def _run(self, sql: str, *params: str) -> Any:
        """Execute `sql`, whose `{}` marks are the parameters, in the driver's paramstyle."""
        mark = _PLACEHOLDERS[self.paramstyle]
        args: Any = params
        if self.paramstyle == "named":
            args = {f"p{n}": value for n, value in enumerate(params, 1)}
        with _wrapped(self._where, self._errors):
            handle = self.connection.cursor()
            handle.execute(sql.format(*(mark.format(n) for n in range(1, len(params) + 1))), args)
        return handle

    def load(self) -> Cursor | None:
        with _wrapped(self._where, self._errors):
            row = self._run(self._select, self.name).fetchone()
        if not row:
            return None
        value = row[0]
        if isinstance(value, bytes | bytearray | memoryview):  # a driver that returns text as bytes
            try:
                value = bytes(value).decode("utf-8")
            except UnicodeDecodeError:
                raise CursorError(f"{self._where}, row {self.name!r}: cursor_json is not UTF-8 text") from None
        return Cursor.from_json(value, source=f"{self._where}, row {self.name!r}")

    def save(self, cursor: Cursor) -> None:
        """Write the cursor in the connection's current transaction (no commit: that is the caller's)."""
        text = _text_of(cursor, self._where)
        with _wrapped(self._where, self._errors):
            if self._run(self._update, text, self.name).rowcount == 0:  # a portable upsert: no row for it yet
                self._run(self._insert, self.name, text)


#: DB-API paramstyle -> placeholder (`{0}` is the 1-based parameter number).
_PLACEHOLDERS = {"qmark": "?", "format": "%s", "pyformat": "%s", "numeric": ":{0}", "named": ":p{0}"}

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
#: Reserved in standard SQL or a common engine (SQLite, PostgreSQL, MySQL): refused rather than quoted, because
#: quoting differs between engines (MySQL's backticks) and changes case folding (PostgreSQL).
_RESERVED = frozenset({
    "ABORT", "ADD", "ALL", "ALTER", "ANALYZE", "AND", "ANY", "AS", "ASC", "AUTOINCREMENT", "BEGIN", "BETWEEN",
    "BOTH", "BY", "CASCADE", "CASE", "CAST", "CHECK", "COLLATE", "COLUMN", "COMMIT", "CONSTRAINT", "CREATE",
    "CROSS", "CURRENT", "CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP", "CURRENT_USER", "CURSOR", "DATABASE",
    "DEFAULT", "DEFERRABLE", "DELETE", "DESC", "DISTINCT", "DROP", "ELSE", "END", "ESCAPE", "EXCEPT", "EXISTS",
    "EXPLAIN", "FALSE", "FETCH", "FOR", "FOREIGN", "FROM", "FULL", "GLOB", "GRANT", "GROUP", "HAVING", "IF",
    "ILIKE", "IN", "INDEX", "INNER", "INSERT", "INTERSECT", "INTO", "IS", "ISNULL", "JOIN", "KEY", "LEADING",
    "LEFT", "LIKE", "LIMIT", "LOCALTIME", "LOCALTIMESTAMP", "MATCH", "NATURAL", "NOT", "NOTNULL", "NULL", "OF",
    "OFFSET", "ON", "OR", "ORDER", "OUTER", "OVER", "PARTITION", "PRIMARY", "RAISE", "RANGE", "RECURSIVE",
    "REFERENCES", "REGEXP", "REINDEX", "RELEASE", "RENAME", "REPLACE", "RETURNING", "REVOKE", "RIGHT", "ROLLBACK",
    "ROW", "ROWS", "SAVEPOINT", "SCHEMA", "SELECT", "SESSION_USER", "SET", "SOME", "TABLE", "THEN", "TO",
    "TRAILING", "TRANSACTION", "TRIGGER", "TRUE", "UNION", "UNIQUE", "UPDATE", "USER", "USING", "VACUUM", "VALUES",
    "VIEW", "WHEN", "WHERE", "WINDOW", "WITH",
})


def _check_table(table: object) -> None:
    parts = table.split(".") if isinstance(table, str) else []
    if not 1 <= len(parts) <= 3 or not all(_IDENTIFIER.match(p) and p.upper() not in _RESERVED for p in parts):
        raise ValueError(f"table: expected a plain SQL identifier (optionally schema.table) that is not an SQL "
                         f"keyword, such as topo_stream_cursors; got {table!r}")


def _check_name(name: object) -> None:
    if not isinstance(name, str):
        raise TypeError(f"name: expected a str (the stream's name), got {type(name).__name__}")
    if not 1 <= len(name) <= 200:  # the key column is VARCHAR(200)
        raise ValueError(f"name: expected 1 to 200 characters, got {len(name)}")
