"""`topo activities export`: the activity stream to JSON lines or CSV; resumable with a cursor file, and exactly once
when the output is a file (the cursor records the file's committed length; a resume cuts the file back to it)."""

from __future__ import annotations

import argparse
import io
import json
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO, Any

from topo_client.events import Activity
from topo_client.models import ActivityChannel, ActivityEventTypeFilter, ActivityResourceType

from .._exceptions import CursorError
from ..streaming import ActivityStream, Cursor, FileCursorStore
from ._contacts import output_format
from ._core import (
    EXIT_OK,
    Context,
    UsageError,
    aware_datetime,
    command_group,
    enum_choice,
    log,
    positive_float,
    positive_int,
    uuid_text,
)
from ._output import Progress, cell, csv_writer, json_line, jsonable

#: CSV columns taken from the activity and its payload; every other payload field goes into the JSON `data` column.
CSV_COLUMNS = ("id", "created_at", "type", "person_id", "sequence_id", "channel", "resource_type")
_PAYLOAD_COLUMNS = CSV_COLUMNS[2:]

FILTERS = ("event_type", "resource_type", "channel", "person_id", "sequence_id")


def add_activities(subparsers: Any, common: argparse.ArgumentParser) -> None:
    actions = command_group(subparsers, "activities", "the activity stream")
    parser = actions.add_parser(
        "export", parents=[common], help="export activities as JSON lines or CSV (resumable)",
        description=(
            "Export every activity created after --since (oldest first) as JSON lines or CSV. With --cursor-file "
            "the export is resumable: re-running the same command continues where the last run stopped (Ctrl-C, "
            "--limit, a crash, even kill -9). With --output FILE as well, it is exactly once: the cursor file "
            "records how many bytes of FILE are committed, a resumed run cuts FILE back to that length before "
            "appending, so FILE holds every activity once (and a CSV header once). Standard output cannot be cut "
            "back: a resumed export to stdout can repeat the activity in flight when the last run died, so use "
            "--output for exactly once. A progress bar is drawn on stderr when it is a terminal."))
    parser.add_argument("--since", type=aware_datetime, metavar="DATETIME",
                        help="start after this ISO 8601 instant; a timezone is required (e.g. 2025-01-31T00:00:00Z). "
                             "Ignored when --cursor-file already holds a cursor")
    parser.add_argument("--until", type=aware_datetime, metavar="DATETIME",
                        help="stop before this ISO 8601 instant (exclusive); with --part, fixes the range every "
                             "worker splits the same way")
    parser.add_argument("--part", type=part_spec, metavar="I/N",
                        help="export only part I of N (1-based) of the range --since..--until, split into N parts "
                             "of about equal size (activities.partition); run one worker per part, each with its "
                             "own --output and --cursor-file")
    parser.add_argument("--event-type", type=enum_choice(ActivityEventTypeFilter, "event type"), metavar="TYPE",
                        help=f"only this event type: {', '.join(ActivityEventTypeFilter)}")
    parser.add_argument("--resource-type", type=enum_choice(ActivityResourceType, "resource type"), metavar="TYPE",
                        help=f"only this resource type: {', '.join(ActivityResourceType)}")
    parser.add_argument("--channel", type=enum_choice(ActivityChannel, "channel"), metavar="CHANNEL",
                        help=f"only this channel: {', '.join(ActivityChannel)}")
    parser.add_argument("--person-id", type=uuid_text, metavar="UUID", help="only this contact's activities")
    parser.add_argument("--sequence-id", type=uuid_text, metavar="UUID", help="only this sequence run's activities")
    parser.add_argument("--format", choices=("jsonl", "csv"), default=None, help="output format (default: jsonl)")
    parser.add_argument("--csv-formulas", action="store_true",
                        help="CSV: write cells verbatim (default: a formula-like cell gets a leading ')")
    parser.add_argument("--output", "-o", metavar="FILE",
                        help="write to FILE instead of stdout (recommended with --cursor-file: exactly once)")
    parser.add_argument("--cursor-file", metavar="PATH",
                        help="keep the stream position here; makes the export resumable (appends to --output, "
                             "after cutting off anything the last run wrote but did not commit)")
    parser.add_argument("--follow", action="store_true", help="keep polling for new activities until interrupted")
    parser.add_argument("--interval", type=positive_float, default=5.0, metavar="SECONDS",
                        help="seconds between polls with --follow (default: 5)")
    parser.add_argument("--limit", type=positive_int, metavar="N", help="stop after N activities (resume later)")
    parser.set_defaults(handler=run_export)


#: A file export commits (fsync, then the cursor file) after this many rows or seconds, and when it stops.
COMMIT_ROWS = 500
COMMIT_SECONDS = 1.0


def run_export(ctx: Context) -> int:
    args = ctx.args
    fmt = output_format(ctx, "jsonl")
    if args.since is not None and args.until is not None and args.since >= args.until:
        raise UsageError(f"--until {args.until.isoformat()} is not after --since {args.since.isoformat()}: the range "
                         "is empty")
    filters = {name: getattr(args, name) for name in FILTERS if getattr(args, name) is not None}
    export: _FileExport | _StdoutExport
    if args.output:
        export = _FileExport(Path(args.output), Path(args.cursor_file) if args.cursor_file else None, fmt)
    else:
        export = _StdoutExport(ctx, FileCursorStore(args.cursor_file) if args.cursor_file else None, fmt)
    resumed = export.resumed
    if resumed is not None and args.since is not None:
        log.warning("resuming from %s (after %s); --since is ignored", args.cursor_file,
                    resumed.created_at.isoformat() if resumed.created_at else "the start")
    client = ctx.client()
    since = args.since
    if args.part:
        if args.follow:
            raise UsageError("--part exports a fixed range; it cannot be combined with --follow")
        index, parts = args.part
        part = client.activities.partition(since=args.since, until=args.until, parts=parts, **filters)[index - 1]
        ctx.err.write(f"topo: {part} (about {part.expected:,} activities)\n")
        since, filters["created_at_before"] = part.after, part.before
    elif args.until:
        filters["created_at_before"] = args.until
    stream = client.activities.stream(since=None if resumed else since, cursor=resumed, store=export.store,
                                      follow=args.follow, interval=args.interval, **filters)
    progress = Progress(ctx.err, "activities")
    if progress.enabled and not args.follow:
        progress.total = _remaining(ctx, stream.cursor, filters, args.limit)
    with export.open(stream) as write:
        try:
            with stream:  # leaving it normally (--limit) counts the last activity as done
                for activity in stream:
                    write(activity)
                    progress.advance()
                    export.written(stream)
                    if args.limit and progress.count >= args.limit:
                        break
        finally:
            export.stop(stream)
            progress.close()
            ctx.err.write(f"topo: wrote {progress.count:,} activities to {export.where}\n")
    return EXIT_OK


class _StdoutExport:
    """Rows to stdout; the cursor, if any, saved by the stream as it moves on (at-least-once on resume)."""

    def __init__(self, ctx: Context, store: FileCursorStore | None, fmt: str) -> None:
        self.out, self.store, self.fmt = ctx.out, store, fmt
        self.resumed = _load(store.path) if store else None
        self.where = "standard output"

    @contextmanager
    def open(self, stream: ActivityStream) -> Iterator[Callable[[Activity], None]]:
        rows = _Rows(self.fmt)
        if self.resumed is None and rows.header():  # a resumed run appends rows: no second header
            self.out.write(rows.header())

        def write(activity: Activity) -> None:
            self.out.write(rows.render(activity))
            self.out.flush()  # before the stream saves the cursor past this activity

        yield write

    def written(self, stream: ActivityStream) -> None:
        pass  # the stream saves the cursor when the loop asks for the next activity

    def stop(self, stream: ActivityStream) -> None:
        pass


class _FileExport:
    """Rows to FILE, committed in batches: rows flushed and fsynced, then the cursor file replaced atomically with
    the stream position and FILE's length. A resumed run cuts FILE back to that length, so whatever a killed run
    wrote after its last commit is written again exactly once."""

    def __init__(self, path: Path, cursor_path: Path | None, fmt: str) -> None:
        self.path, self.cursor_path, self.fmt = path, cursor_path, fmt
        self.where = str(path)
        self.store = None  # the export commits the cursor itself, with FILE's length
        self.resumed: Cursor | None = None
        self.committed: int | None = None  # FILE's committed length; None: start a new file
        if cursor_path is not None:
            self.resumed = _load(cursor_path)
            self.committed = _committed_length(cursor_path, path, fmt) if self.resumed else None
        self._handle: IO[bytes] | None = None
        self._size = 0  # bytes of complete rows
        self._in_row = False
        self._rows_since = 0
        self._since = time.monotonic()

    @contextmanager
    def open(self, stream: ActivityStream) -> Iterator[Callable[[Activity], None]]:
        first_run = self.cursor_path is not None and self.resumed is None
        try:
            if self.cursor_path is None:
                handle = self.path.open("w+b")
            else:  # resumed, or a first run appending to an existing FILE: never truncate what came before
                handle = os.fdopen(os.open(self.path, os.O_RDWR | os.O_CREAT, 0o666), "r+b")
        except OSError as err:
            raise UsageError(f"--output {self.path}: {err.strerror or err}") from None
        with handle:
            if first_run:
                self.committed = handle.seek(0, os.SEEK_END)
                self._handle, self._size = handle, self.committed
                self._commit(stream)  # so that a run killed before its first commit is cut back to this length
            if self.committed is not None:
                size = handle.seek(0, os.SEEK_END)
                if size < self.committed:
                    raise UsageError(
                        f"--output {self.path}: holds {size:,} bytes but {self.cursor_path} says {self.committed:,} "
                        "were committed; the file was changed or replaced since, so resuming would lose activities "
                        "(start a new export with another --cursor-file)")
                if size > self.committed:
                    log.warning("%s: dropping %d bytes the last run wrote after its last commit; they are written "
                                "again", self.path, size - self.committed)
                    handle.truncate(self.committed)
                handle.seek(self.committed)
            self._handle, self._size = handle, self.committed or 0
            rows = _Rows(self.fmt)

            def add(text: str) -> None:
                data = text.encode("utf-8")
                handle.write(data)
                self._size += len(data)

            def write(activity: Activity) -> None:
                self._in_row = True  # until the row is whole, a commit would claim an activity FILE does not hold
                add(rows.render(activity))
                self._in_row = False

            if self._size == 0 and rows.header():
                add(rows.header())
            yield write

    def written(self, stream: ActivityStream) -> None:
        self._rows_since += 1
        if self._rows_since >= COMMIT_ROWS or time.monotonic() - self._since >= COMMIT_SECONDS:
            self._commit(stream)

    def stop(self, stream: ActivityStream) -> None:
        # After a row that failed (full disk, an unexpected value) nothing is committed: the last commit stands,
        # and the next run cuts the file back to it.
        if not self._in_row:
            self._commit(stream)

    def _commit(self, stream: ActivityStream) -> None:
        assert self._handle is not None
        self._handle.flush()
        if self.cursor_path is not None:
            os.fsync(self._handle.fileno())  # the rows are on disk before the cursor says they are
            record = {**json.loads(stream.commit().to_json()), "output": {"bytes": self._size, "format": self.fmt}}
            _replace_atomically(self.cursor_path, json.dumps(record))
        self._rows_since, self._since = 0, time.monotonic()


class _Rows:
    """Activities rendered as JSON lines or CSV rows, one string each."""

    def __init__(self, fmt: str) -> None:
        self.fmt = fmt
        self._buffer = io.StringIO()
        self._csv = csv_writer(self._buffer)

    def header(self) -> str:
        """The CSV header line ('' for JSON lines)."""
        return self._csv_line([*CSV_COLUMNS, "data"]) if self.fmt == "csv" else ""

    def render(self, activity: Activity) -> str:
        return json_line(activity_row(activity)) if self.fmt == "jsonl" else self._csv_line(csv_row(activity))

    def _csv_line(self, values: list[str]) -> str:
        self._csv.writerow(values)
        text = self._buffer.getvalue()
        self._buffer.seek(0)
        self._buffer.truncate()
        return text


#: What reading a damaged or hand-edited cursor file can raise (UnicodeError is a ValueError; RecursionError comes
#: from deeply nested JSON).
_BAD_CURSOR = (ValueError, TypeError, AttributeError, RecursionError)


def _bad_cursor(path: str | os.PathLike[str], why: object) -> UsageError:
    return UsageError(f"--cursor-file {path}: not a cursor written by topo ({why})")


def _load(path: str | os.PathLike[str]) -> Cursor | None:
    store = FileCursorStore(path)
    try:
        return store.load()
    except CursorError as err:  # a damaged, hand-edited or oversized cursor, naive times too; it names the file
        raise UsageError(f"--cursor-file {store.path}: {str(err).removeprefix(f'cursor file {store.path}: ')}") \
            from None
    except _BAD_CURSOR as err:
        raise _bad_cursor(store.path, err) from None
    except OSError as err:
        raise UsageError(f"--cursor-file {store.path}: {err.strerror or err}") from None


def _committed_length(cursor_path: Path, output: Path, fmt: str) -> int | None:
    """FILE's committed length from the cursor file, or None for a cursor saved without one (then appended to)."""
    try:
        data = json.loads(cursor_path.read_text(encoding="utf-8"))
    except _BAD_CURSOR as err:
        raise _bad_cursor(cursor_path, err) from None
    record = data.get("output") if isinstance(data, dict) else None
    if record is None:
        log.warning("%s was saved by an export to stdout or an older topo: appending to %s without cutting it "
                    "back, so the activity in flight when that run stopped may appear twice", cursor_path, output)
        return output.stat().st_size if output.exists() else 0
    length = record.get("bytes") if isinstance(record, dict) else None
    if type(length) is not int or length < 0 or record.get("format", fmt) not in ("jsonl", "csv"):
        raise _bad_cursor(cursor_path, 'expected "output": {"bytes": a whole number >= 0, "format": "jsonl" or "csv"}')
    if record.get("format", fmt) != fmt:
        raise UsageError(f"--format {fmt}: {cursor_path} belongs to a {record['format']} export; resume it with "
                         f"--format {record['format']}")
    return length


def _replace_atomically(path: Path, text: str) -> None:
    """Write `path` so that a crash leaves the old or the new content, never a mix; durable once this returns."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    with suppress(OSError):  # the rename itself survives a power cut (where directories can be fsynced)
        directory = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)


def activity_row(activity: Activity) -> dict[str, Any]:
    """One activity as JSON: id, created_at, the payload (unknown event types and fields kept), unknown fields."""
    data: dict[str, Any] = jsonable(activity)
    return {"id": data.pop("id"), "created_at": data.pop("created_at"), **data}


def csv_row(activity: Activity) -> list[str]:
    data = activity_row(activity)
    payload = dict(data.pop("payload", None) or {})
    values = [cell(data.pop("id", None)), cell(data.pop("created_at", None))]
    values += [cell(payload.pop(name, None)) for name in _PAYLOAD_COLUMNS]
    if data:  # fields the API added to the activity itself
        payload["activity_extra"] = data
    values.append(json.dumps(payload, ensure_ascii=False, default=str) if payload else "")
    return values


def _remaining(ctx: Context, cursor: Cursor, filters: dict[str, Any], limit: int | None) -> int | None:
    """How many activities the export will write, from one size=1 list call (for the progress bar only)."""
    after: dict[str, Any] = {"created_at_after": cursor.created_at} if cursor.created_at else {}
    total = ctx.client().activities.list(size=1, **after, **filters).total_count
    return min(total, limit) if limit else total


def part_spec(text: str) -> tuple[int, int]:
    """`I/N` with 1 <= I <= N: which of N parts to export."""
    index, _, parts = text.partition("/")
    try:
        i, n = int(index), int(parts)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected I/N such as 2/4, got {text!r}") from None
    if not 1 <= i <= n <= 1000:
        raise argparse.ArgumentTypeError(f"expected 1 <= I <= N <= 1000, got {text!r}")
    return i, n
