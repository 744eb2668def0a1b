"""`topo me` and `topo contacts list`."""

from __future__ import annotations

import argparse
import itertools
from collections.abc import Iterable
from typing import Any

from topo_client.responses import Contact

from .._spec import operations
from ._core import EXIT_OK, Context, UsageError, command_group, positive_int, subcommand
from ._output import cell, csv_writer, json_line, table


def add_me(subparsers: Any, common: argparse.ArgumentParser) -> None:
    subcommand(subparsers, common, "me", run_me, "show the API key in use",
               "Show the API key in use: its name, prefix, workspace id and scopes.")


def run_me(ctx: Context) -> int:
    me = ctx.client().me()
    if ctx.json:
        ctx.out.write(json_line(me.to_dict()))
        return EXIT_OK
    rows = [
        ("name", me.name),
        ("key_prefix", me.key_prefix),
        ("workspace_id", str(me.organization_id)),
        ("scopes", ", ".join(me.scopes or []) or "(none)"),
    ]
    for label, value in rows:
        ctx.say(f"{label + ':':<14}{value}")
    return EXIT_OK


def add_contacts(subparsers: Any, common: argparse.ArgumentParser) -> None:
    actions = command_group(subparsers, "contacts", "contacts in the workspace")
    parser = actions.add_parser(
        "list",
        parents=[common],
        help="list contacts",
        description="List contacts (every page, unless --limit is given).",
    )
    parser.add_argument("--email", help="only the contact with this email address")
    parser.add_argument("--linkedin-url", help="only the contact with this LinkedIn profile URL")
    parser.add_argument("--limit", type=positive_int, metavar="N", help="stop after N contacts")
    parser.add_argument(
        "--format",
        choices=("table", "jsonl", "csv"),
        default=None,
        help="output format (default: table; jsonl with --json)",
    )
    parser.add_argument(
        "--csv-formulas",
        action="store_true",
        help="CSV: write cells verbatim (by default a cell a spreadsheet would run as a formula, "
        "starting with = + - @, gets a leading ')",
    )
    parser.set_defaults(handler=run_contacts_list)


#: CSV columns: the Contact model's fields, in the generated order, then unknown fields as one JSON column.
CONTACT_COLUMNS = list(Contact.__struct_encode_fields__)


def run_contacts_list(ctx: Context) -> int:
    args = ctx.args
    fmt = output_format(ctx, "table")
    most = operations()["list_contacts"].max_page_size or 1
    size = min(args.limit or most, most)
    page = ctx.client().contacts.list(email=args.email, linkedin_url=args.linkedin_url, size=size)
    contacts: Iterable[Contact] = itertools.islice(page, args.limit) if args.limit else page
    if fmt == "jsonl":
        for contact in contacts:
            ctx.out.write(json_line(contact.to_dict()))
    elif fmt == "csv":
        writer = csv_writer(ctx.out)
        writer.writerow([*CONTACT_COLUMNS, "extra"])
        for contact in contacts:
            data = contact.to_dict()
            writer.writerow([cell(data.get(c)) for c in CONTACT_COLUMNS] + [cell(contact.extra)])
    else:
        rows = []
        for contact in contacts:
            data = contact.to_dict()
            name = " ".join(cell(data.get(k)) for k in ("first_name", "last_name") if data.get(k))
            rows.append(
                [
                    cell(data.get("id")),
                    cell(data.get("email")),
                    name,
                    cell(data.get("company_name")),
                    cell(data.get("job_title")),
                ]
            )
        table(ctx.out, ["ID", "EMAIL", "NAME", "COMPANY", "TITLE"], rows)
    return EXIT_OK


def output_format(ctx: Context, default: str) -> str:
    """--format, or jsonl under --json; the two disagreeing is a usage error."""
    fmt: str | None = ctx.args.format
    if ctx.json:
        if fmt not in (None, "jsonl"):
            raise UsageError(f"--json conflicts with --format {fmt}")
        return "jsonl"
    return fmt or default
