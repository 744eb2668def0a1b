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
from ._core import (
    EXIT_API,
    EXIT_OK,
    CLIError,
    Context,
    UsageError,
    classify,
    command_group,
    enum_choice,
    known_values,
)
from ._csvfile import CSVFile, match_columns, read_csv
from ._output import Progress, json_line

COLUMNS = {
    "contact": ("email", "linkedin_url", "reason", "message", "until"),
    "account": ("domain", "reason", "message", "until"),
}
#: Other names CRM and spreadsheet exports give these columns (compared after `_csvfile.normalize`).
ALIASES = {
    "email": ("email_address", "e_mail", "e_mail_address", "emailaddress", "work_email", "business_email"),
    "linkedin_url": ("linkedin", "linkedin_profile", "linkedin_profile_url", "linkedinurl", "person_linkedin_url"),
    "domain": ("company_domain", "company_domain_name", "domain_name", "email_domain"),
    "reason": ("exclusion_reason", "unsubscribe_reason", "opt_out_reason", "optout_reason"),
    "message": ("note", "notes", "comment", "comments"),
    "until": ("expires", "expires_at", "expiry", "expiry_date", "expiration_date", "excluded_until"),
}
OPTIONS = {name: f"--{name.split('_')[0]}-column" for name in ALIASES}  # --email-column, --linkedin-column, ...
REASONS = known_values(ExclusionReason)
OUTCOMES = ("created", "already_present", "failed")
MAX_LISTED = 20  # bad rows listed individually before "... and N more"

#: A bare address: no quotes, spaces or brackets anywhere (`a"b@c.co` is a broken cell, not an address).
_EMAIL = re.compile(r"^[^@\s\"<>(),;:\\\[\]]+@[^@\s\"'<>(),;:\\\[\]]+\.[^@\s\"'<>(),;:\\\[\]]+$")
_NOT_TEXT = re.compile("[\x00-\x08\x0b-\x1f\x7f]")
_DOMAIN = re.compile(r"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$")

Body = ContactExclusionCreate | AccountExclusionCreate


def add_exclusions(subparsers: Any, common: argparse.ArgumentParser) -> None:
    actions = command_group(subparsers, "exclusions", "contact and account exclusions")
    parser = actions.add_parser(
        "import", parents=[common], help="exclude the contacts (or accounts) listed in a CSV file",
        description=(
            "Create an exclusion per CSV row, e.g. from a CRM's unsubscribe export. Columns (header names are "
            "case-insensitive): contacts: email and/or linkedin_url; accounts: domain; both: optional reason, "
            "message, until (ISO 8601 with timezone). Every row is checked before anything is sent: bad rows are "
            "reported by line number and nothing is created. Rows already excluded (409) count as already present."),
        epilog=f"Reasons (case-insensitive): {', '.join(ExclusionReason)}.")
    parser.add_argument("file", metavar="FILE.csv",
                        help="the CSV file with a header row (comma, semicolon or tab; UTF-8, UTF-16 or Latin-1)")
    parser.add_argument("--kind", choices=("contact", "account"), default="contact",
                        help="what the rows exclude (default: contact)")
    parser.add_argument("--reason", type=enum_choice(ExclusionReason, "exclusion reason"), metavar="REASON",
                        help="reason for rows without one (e.g. unsubscribed)")
    parser.add_argument("--dry-run", action="store_true", help="check the file and report; send nothing")
    columns = parser.add_argument_group(
        "columns", "Which header names the values come from (case-insensitive). Without these options the usual "
                   "names are recognised: Email / Email Address / E-mail, LinkedIn URL / LinkedIn Profile, Domain / "
                   "Company Domain, Reason / Unsubscribe Reason, Message / Notes, Until / Expires.")
    for name, option in OPTIONS.items():
        columns.add_argument(option, dest=f"{name}_column", metavar="NAME", help=f"the {name} column")
    reading = parser.add_argument_group("reading the file")
    reading.add_argument("--delimiter", choices=(",", ";", "tab"),
                         help="the field separator (default: found from the header row)")
    reading.add_argument("--encoding", metavar="NAME",
                         help="the text encoding, e.g. utf-8 or cp1252 (default: found from the bytes)")
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
    source = read_csv(args.file, encoding=args.encoding, delimiter="\t" if args.delimiter == "tab" else args.delimiter)
    if source.encoding not in ("UTF-8", "UTF-8 (with BOM)") or source.delimiter != ",":
        ctx.note(f"read {args.file} as {source.describe()}")
    explicit = {name: getattr(args, f"{name}_column") for name in OPTIONS}
    parsed = read_rows(source, args.kind, args.reason, explicit)
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
    by_reason: dict[str, dict[str, int]] = {}
    for parsed_row in parsed.rows:
        tally = by_reason.setdefault(str(parsed_row.body.reason), dict.fromkeys(OUTCOMES, 0) | {"rows": 0})
        tally["rows"] += 1
    by_reason = dict(sorted(by_reason.items()))
    summary: dict[str, Any] = {"file": args.file, "kind": args.kind, "rows": len(parsed.rows),
                               **dict.fromkeys(OUTCOMES, 0), "by_reason": by_reason}
    if args.dry_run:
        lines = [f"  {reason}: {tally['rows']} row(s)" for reason, tally in by_reason.items()]
        _report(ctx, {**summary, "dry_run": True},
                "\n".join([f"{len(parsed.rows)} valid row(s) in {args.file}; nothing sent (--dry-run)", *lines]))
        return EXIT_OK
    client = ctx.client()
    progress = Progress(ctx.err, "exclusions", total=len(parsed.rows))
    failures: list[dict[str, Any]] = []
    row: Row | None = None
    try:
        for row in parsed.rows:
            try:
                if isinstance(row.body, AccountExclusionCreate):
                    client.account_exclusions.create(**row.body.to_dict())
                else:
                    client.contact_exclusions.create(**row.body.to_dict())
                outcome = "created"
            except exc.ConflictError:
                outcome = "already_present"
            except (exc.BadRequestError, exc.NotFoundError, exc.UnprocessableEntityError) as err:
                # The API rejected this row; the others may still be fine.
                outcome = "failed"
                failures.append({"line": row.line, "error": str(err)})
                ctx.error(f"{args.file} line {row.line}: {err}")
            summary[outcome] += 1
            by_reason[str(row.body.reason)][outcome] += 1
            progress.advance()
    except (exc.TopoError, KeyboardInterrupt) as err:
        progress.close()
        _report(ctx, {**summary, "failures": failures, "stopped_at_line": row.line if row else None},
                _summary_text(summary, f"; stopped at line {row.line}" if row else ""))
        if isinstance(err, KeyboardInterrupt):
            raise
        failure = classify(err, ctx.key_source)
        raise CLIError(failure.code, f"{failure.message} (stopped at {args.file} line {row.line if row else '?'}; "
                                     "re-running the import is safe: rows already excluded count as already present)"
                       ) from err
    progress.close()
    _report(ctx, {**summary, "failures": failures}, _summary_text(summary))
    return EXIT_API if summary["failed"] else EXIT_OK


def _summary_text(summary: dict[str, Any], stopped: str = "") -> str:
    """The totals, then one line per reason."""
    lines = [_counts(summary) + f" ({summary['rows']} row(s) from {summary['file']}){stopped}"]
    lines += [f"  {reason}: {_counts(tally)}" for reason, tally in summary["by_reason"].items()]
    return "\n".join(lines)


def _counts(tally: dict[str, Any]) -> str:
    return f"created {tally['created']}, already present {tally['already_present']}, failed {tally['failed']}"


def _report(ctx: Context, data: dict[str, Any], text: str) -> None:
    if ctx.json:
        ctx.out.write(json_line(data))
    else:
        ctx.say(*text.split("\n"))
    ctx.out.flush()


def read_rows(source: CSVFile, kind: str, default_reason: ExclusionReason | None,
              explicit: dict[str, str | None] | None = None) -> Parsed:
    """Every row of the file, checked; problems name the line. Structural problems raise UsageError."""
    path, reader = source.path, source.reader()
    known = COLUMNS[kind]
    explicit = explicit or {}
    for name, wanted in explicit.items():
        if wanted is not None and name not in known:
            raise UsageError(f"{OPTIONS[name]} does not apply to --kind {kind}")
    try:
        header = next(reader, None)
        if not header or not any(h.strip() for h in header):
            raise UsageError(f"{path}: empty file; expected a header row (e.g. {','.join(known[:2])})")
        try:
            columns = match_columns(header, {n: ALIASES[n] for n in known}, explicit, OPTIONS)
        except UsageError as err:
            raise UsageError(f"{path}: {err.message}") from None
        required = ("email", "linkedin_url") if kind == "contact" else ("domain",)
        if not any(n in columns for n in required):
            raise UsageError(f"{path}: no {' or '.join(required)} column for --kind {kind} "
                             f"(columns found: {', '.join(h.strip() for h in header if h.strip()) or 'none'}; "
                             f"name it with {' or '.join(OPTIONS[n] for n in required)})")
        if "reason" not in columns and default_reason is None:
            raise UsageError(f"{path}: no reason column; pass --reason (e.g. --reason unsubscribed) "
                             "or name the column with --reason-column")
        used = set(columns.values())
        parsed = Parsed(ignored=[h.strip() for i, h in enumerate(header) if i not in used and h.strip()])
        for fields in reader:
            line = reader.line_num
            if not any(f.strip() for f in fields):
                parsed.blank += 1
                continue
            if len(fields) > len(header):
                parsed.problems.append(f"{path} line {line}: {len(fields)} fields but the header has {len(header)}")
                continue
            values = {n: fields[i].strip() for n, i in columns.items() if i < len(fields) and fields[i].strip()}
            if bad := next((n for n, v in values.items() if _NOT_TEXT.search(v)), None):
                parsed.problems.append(f"{path} line {line}: the {bad} cell holds a control character (binary data?)")
                continue
            try:
                parsed.rows.append(Row(line, _body(kind, values, default_reason)))
            except ValueError as err:
                parsed.problems.append(f"{path} line {line}: {err}")
        return parsed
    except csv.Error as err:
        raise UsageError(f"{path} line {reader.line_num}: not valid CSV ({err})") from None


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
