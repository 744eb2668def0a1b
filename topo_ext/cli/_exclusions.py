"""`topo exclusions import FILE.csv`: validate every row first, then create the exclusions one by one.

The API has no batch endpoint for exclusions, so each row is one POST. A 409 means the address or domain is
already excluded and counts as "already present", which also makes re-running an interrupted import safe.
"""

from __future__ import annotations

import argparse
import csv
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from topo_client.models import AccountExclusionCreate, ContactExclusionCreate, ExclusionReason

from .. import _exceptions as exc
from ._core import EXIT_API, EXIT_OK, CLIError, Context, UsageError, classify, enum_choice, known_values
from ._output import Progress, json_line

COLUMNS = {
    "contact": ("email", "linkedin_url", "reason", "message", "until"),
    "account": ("domain", "reason", "message", "until"),
}
REASONS = known_values(ExclusionReason)
MAX_LISTED = 20  # bad rows listed individually before "... and N more"

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_DOMAIN = re.compile(r"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$")

Body = ContactExclusionCreate | AccountExclusionCreate


def add_exclusions(subparsers: Any, common: argparse.ArgumentParser) -> None:
    group = subparsers.add_parser("exclusions", help="contact and account exclusions", description="Exclusions.")
    actions = group.add_subparsers(dest="action", metavar="ACTION", required=True)
    parser = actions.add_parser(
        "import", parents=[common], help="exclude the contacts (or accounts) listed in a CSV file",
        description=(
            "Create an exclusion per CSV row, e.g. from a CRM's unsubscribe export. Columns (header names are "
            "case-insensitive): contacts: email and/or linkedin_url; accounts: domain; both: optional reason, "
            "message, until (ISO 8601 with timezone). Every row is checked before anything is sent: bad rows are "
            "reported by line number and nothing is created. Rows already excluded (409) count as already present."),
        epilog=f"Reasons (case-insensitive): {', '.join(ExclusionReason)}.")
    parser.add_argument("file", metavar="FILE.csv", help="the CSV file (UTF-8, with a header row)")
    parser.add_argument("--kind", choices=("contact", "account"), default="contact",
                        help="what the rows exclude (default: contact)")
    parser.add_argument("--reason", type=enum_choice(ExclusionReason, "exclusion reason"), metavar="REASON",
                        help="reason for rows without one (e.g. unsubscribed)")
    parser.add_argument("--dry-run", action="store_true", help="check the file and report; send nothing")
    parser.set_defaults(handler=run_import)


@dataclass
class Row:
    line: int
    body: Body


@dataclass
class Parsed:
    rows: list[Row] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)  # header names this --kind does not use
    blank: int = 0


def run_import(ctx: Context) -> int:
    args = ctx.args
    parsed = read_rows(args.file, args.kind, args.reason)
    if parsed.problems:
        for problem in parsed.problems[:MAX_LISTED]:
            ctx.error(problem)
        more = len(parsed.problems) - MAX_LISTED
        unlisted = f" ({more} not listed)" if more > 0 else ""
        raise UsageError(f"{args.file}: {len(parsed.problems)} bad row(s){unlisted}; nothing was sent")
    if parsed.ignored:
        ctx.note(f"ignoring column(s) not used for --kind {args.kind}: {', '.join(parsed.ignored)}")
    if parsed.blank:
        ctx.note(f"skipped {parsed.blank} blank row(s)")
    summary = {"file": args.file, "kind": args.kind, "rows": len(parsed.rows), "created": 0, "already_present": 0,
               "failed": 0}
    if args.dry_run:
        _report(ctx, {**summary, "dry_run": True},
                f"{len(parsed.rows)} valid row(s) in {args.file}; nothing sent (--dry-run)")
        return EXIT_OK
    client = ctx.client()
    progress = Progress(ctx.err, "exclusions", total=len(parsed.rows))
    failures: list[dict[str, Any]] = []
    row: Row | None = None
    try:
        for row in parsed.rows:
            try:
                if isinstance(row.body, AccountExclusionCreate):
                    client.account_exclusions.create(body=row.body)
                else:
                    client.contact_exclusions.create(body=row.body)
                summary["created"] += 1
            except exc.ConflictError:
                summary["already_present"] += 1
            except (exc.BadRequestError, exc.NotFoundError, exc.UnprocessableEntityError) as err:
                # The API rejected this row; the others may still be fine.
                summary["failed"] += 1
                failures.append({"line": row.line, "error": str(err)})
                ctx.error(f"{args.file} line {row.line}: {err}")
            progress.advance()
    except (exc.TopoError, KeyboardInterrupt) as err:
        progress.close()
        _report(ctx, {**summary, "failures": failures, "stopped_at_line": row.line if row else None},
                _summary_text(summary) + (f"; stopped at line {row.line}" if row else ""))
        if isinstance(err, KeyboardInterrupt):
            raise
        failure = classify(err, ctx.key_source)
        raise CLIError(failure.code, f"{failure.message} (stopped at {args.file} line {row.line if row else '?'}; "
                                     "re-running the import is safe: rows already excluded count as already present)"
                       ) from err
    progress.close()
    _report(ctx, {**summary, "failures": failures}, _summary_text(summary))
    return EXIT_API if summary["failed"] else EXIT_OK


def _summary_text(summary: dict[str, Any]) -> str:
    return (f"created {summary['created']}, already present {summary['already_present']}, "
            f"failed {summary['failed']} ({summary['rows']} row(s) from {summary['file']})")


def _report(ctx: Context, data: dict[str, Any], text: str) -> None:
    ctx.out.write(json_line(data) if ctx.json else text + "\n")
    ctx.out.flush()


def read_rows(path: str, kind: str, default_reason: ExclusionReason | None) -> Parsed:
    """Every row of the file, checked; problems name the line. Structural problems raise UsageError."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:  # utf-8-sig: spreadsheets add a BOM
            return _parse(csv.reader(handle), path, kind, default_reason)
    except OSError as err:
        raise UsageError(f"{path}: {err.strerror or err}") from None
    except UnicodeDecodeError as err:
        raise UsageError(f"{path}: not UTF-8 text ({err.reason} at byte {err.start}); save it as CSV UTF-8") from None


def _parse(reader: Any, path: str, kind: str, default_reason: ExclusionReason | None) -> Parsed:
    try:
        header = next(reader, None)
        if not header or not any(h.strip() for h in header):
            raise UsageError(f"{path}: empty file; expected a header row (e.g. {','.join(COLUMNS[kind][:2])})")
        names = [_column(h) for h in header]
        known = COLUMNS[kind]
        duplicated = sorted({n for n in names if n in known and names.count(n) > 1})
        if duplicated:
            raise UsageError(f"{path}: column {', '.join(duplicated)} appears more than once")
        required = ("email", "linkedin_url") if kind == "contact" else ("domain",)
        if not any(n in names for n in required):
            raise UsageError(f"{path}: no {' or '.join(required)} column for --kind {kind} "
                             f"(columns found: {', '.join(h for h in header if h.strip()) or 'none'})")
        if "reason" not in names and default_reason is None:
            raise UsageError(f"{path}: no reason column; pass --reason (e.g. --reason unsubscribed)")
        ignored = [h.strip() for h, n in zip(header, names, strict=True) if n not in known and h.strip()]
        parsed = Parsed(ignored=ignored)
        for fields in reader:
            line = reader.line_num
            if not any(f.strip() for f in fields):
                parsed.blank += 1
                continue
            if len(fields) > len(names):
                parsed.problems.append(f"{path} line {line}: {len(fields)} fields but the header has {len(names)}")
                continue
            values = {n: f.strip() for n, f in zip(names, fields, strict=False) if n in known and f.strip()}
            try:
                parsed.rows.append(Row(line, _body(kind, values, default_reason)))
            except ValueError as err:
                parsed.problems.append(f"{path} line {line}: {err}")
        return parsed
    except csv.Error as err:
        raise UsageError(f"{path} line {reader.line_num}: not valid CSV ({err})") from None


def _column(name: str) -> str:
    return re.sub(r"[\s\-]+", "_", name.strip().casefold())


def _body(kind: str, values: dict[str, str], default_reason: ExclusionReason | None) -> Body:
    reason = _reason(values.get("reason"), default_reason)
    optional: dict[str, Any] = {}
    if "message" in values:
        optional["message"] = values["message"]
    if "until" in values:
        optional["until"] = _until(values["until"])
    if kind == "account":
        domain = values.get("domain", "").casefold()
        if not domain:
            raise ValueError("domain is empty")
        if not _DOMAIN.match(domain):
            raise ValueError(f"domain {values['domain']!r} is not a bare domain like acme.com")
        return AccountExclusionCreate(domain=domain, reason=reason, **optional)
    email, linkedin = values.get("email"), values.get("linkedin_url")
    if not email and not linkedin:
        raise ValueError("needs an email or a linkedin_url")
    if email and not _EMAIL.match(email):
        raise ValueError(f"email {email!r} is not an email address")
    if linkedin and not linkedin.startswith(("https://", "http://")):
        raise ValueError(f"linkedin_url {linkedin!r} is not a URL (https://www.linkedin.com/in/...)")
    if email:
        optional["email"] = email
    if linkedin:
        optional["linkedin_url"] = linkedin
    return ContactExclusionCreate(reason=reason, **optional)


def _reason(text: str | None, default: ExclusionReason | None) -> ExclusionReason:
    if not text:
        if default is None:
            raise ValueError("reason is empty (or pass --reason)")
        return default
    member = REASONS.get(re.sub(r"[\s\-]+", "_", text.casefold()))
    if member is None:
        raise ValueError(f"reason {text!r} is not one of {', '.join(ExclusionReason)} (case-insensitive)")
    return member


def _until(text: str) -> datetime:
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"until {text!r} is not an ISO 8601 date-time") from None
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"until {text!r} has no timezone (e.g. {value.isoformat()}Z)")
    return value
