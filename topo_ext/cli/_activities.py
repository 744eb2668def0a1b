"""`topo activities export`: the activity stream to JSON lines or CSV, resumable through a cursor file."""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from topo_client.events import Activity
from topo_client.models import ActivityChannel, ActivityEventTypeFilter, ActivityResourceType

from ..streaming import Cursor, FileCursorStore
from ._contacts import output_format
from ._core import (
    EXIT_OK,
    Context,
    UsageError,
    aware_datetime,
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
    group = subparsers.add_parser("activities", help="the activity stream", description="Activities.")
    actions = group.add_subparsers(dest="action", metavar="ACTION", required=True)
    parser = actions.add_parser(
        "export", parents=[common], help="export activities as JSON lines or CSV (resumable)",
        description=(
            "Export every activity created after --since (oldest first, each exactly once) as JSON lines or CSV. "
            "With --cursor-file, the export is resumable: re-running the same command continues where the last "
            "run stopped (Ctrl-C, --limit, a crash) and appends to --output. A progress bar is drawn on stderr "
            "when it is a terminal."))
    parser.add_argument("--since", type=aware_datetime, metavar="DATETIME",
                        help="start after this ISO 8601 instant; a timezone is required (e.g. 2025-01-31T00:00:00Z). "
                             "Ignored when --cursor-file already holds a cursor")
    parser.add_argument("--event-type", type=enum_choice(ActivityEventTypeFilter, "event type"), metavar="TYPE",
                        help=f"only this event type: {', '.join(ActivityEventTypeFilter)}")
    parser.add_argument("--resource-type", type=enum_choice(ActivityResourceType, "resource type"), metavar="TYPE",
                        help=f"only this resource type: {', '.join(ActivityResourceType)}")
    parser.add_argument("--channel", type=enum_choice(ActivityChannel, "channel"), metavar="CHANNEL",
                        help=f"only this channel: {', '.join(ActivityChannel)}")
    parser.add_argument("--person-id", type=uuid_text, metavar="UUID", help="only this contact's activities")
    parser.add_argument("--sequence-id", type=uuid_text, metavar="UUID", help="only this sequence run's activities")
    parser.add_argument("--format", choices=("jsonl", "csv"), default=None, help="output format (default: jsonl)")
    parser.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of stdout")
    parser.add_argument("--cursor-file", metavar="PATH",
                        help="keep the stream position here; makes the export resumable (appends to --output)")
    parser.add_argument("--follow", action="store_true", help="keep polling for new activities until interrupted")
    parser.add_argument("--interval", type=positive_float, default=5.0, metavar="SECONDS",
                        help="seconds between polls with --follow (default: 5)")
    parser.add_argument("--limit", type=positive_int, metavar="N", help="stop after N activities (resume later)")
    parser.set_defaults(handler=run_export)


def run_export(ctx: Context) -> int:
    args = ctx.args
    fmt = output_format(ctx, "jsonl")
    filters = {name: getattr(args, name) for name in FILTERS if getattr(args, name) is not None}
    store = FileCursorStore(args.cursor_file) if args.cursor_file else None
    resumed = _load(store) if store else None
    if resumed is not None and args.since is not None:
        log.warning("resuming from %s (after %s); --since is ignored", args.cursor_file,
                    resumed.created_at.isoformat() if resumed.created_at else "the start")
    client = ctx.client()
    stream = client.activities.stream(since=None if resumed else args.since, cursor=resumed, store=store,
                                      follow=args.follow, interval=args.interval, **filters)
    with _output(ctx, append=store is not None) as (out, fresh):
        # A CSV header starts a new file, or stdout when this is not a resumed run (whose rows are appended).
        write = _writer(fmt, out, header=fresh if args.output else resumed is None)
        progress = Progress(ctx.err, "activities")
        if progress.enabled and not args.follow:
            progress.total = _remaining(ctx, stream.cursor, filters, args.limit)
        try:
            # The stream records an activity as delivered (and saves the cursor) only when the loop asks for the
            # next one or the block ends normally: an activity whose write failed is exported again on resume.
            with stream:
                for activity in stream:
                    write(activity)
                    out.flush()
                    progress.advance()
                    if args.limit and progress.count >= args.limit:
                        break
        finally:
            progress.close()
    log.debug("exported %d activities", progress.count)
    return EXIT_OK


def _load(store: FileCursorStore) -> Cursor | None:
    try:
        return store.load()
    except (ValueError, TypeError, AttributeError) as err:
        raise UsageError(f"--cursor-file {store.path}: not a cursor written by topo ({err})") from None
    except OSError as err:
        raise UsageError(f"--cursor-file {store.path}: {err.strerror or err}") from None


@contextmanager
def _output(ctx: Context, *, append: bool) -> Iterator[tuple[IO[str], bool]]:
    """The output stream, and whether it is fresh (no earlier rows, so a CSV header is due)."""
    if not ctx.args.output:
        yield ctx.out, True
        return
    path = Path(ctx.args.output)
    try:
        fresh = not append or not path.exists() or path.stat().st_size == 0
        handle = path.open("a" if append else "w", encoding="utf-8", newline="")
    except OSError as err:
        raise UsageError(f"--output {path}: {err.strerror or err}") from None
    with handle:
        yield handle, fresh


def _writer(fmt: str, out: IO[str], *, header: bool) -> Any:
    if fmt == "jsonl":
        return lambda activity: out.write(json_line(activity_row(activity)))
    writer = csv_writer(out)
    if header:
        writer.writerow([*CSV_COLUMNS, "data"])

    def write_csv(activity: Activity) -> None:
        writer.writerow(csv_row(activity))

    return write_csv


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
