"""The `topo` command line.

    topo me
    topo contacts list [--email E] [--limit N] [--format table|jsonl|csv]
    topo activities export [--since DATETIME] [--event-type T] [--format jsonl|csv] [--output FILE]
                           [--cursor-file PATH] [--follow] [--limit N]
    topo exclusions import FILE.csv [--kind contact|account] [--reason R] [--dry-run] [--email-column NAME] ...
    topo webhooks create --url URL --event-type T ... | list | test ID | update ID ... | delete ID
    topo webhooks listen [--port P] [--host H] [--secret S] [--count N]
    topo api <resource>.<method> [flags] [--body JSON|@FILE] [--jsonl] [--raw]     (every operation of the spec)

Configuration: TOPO_API_KEY (or --api-key, discouraged: it ends up in shell history and `ps`), TOPO_BASE_URL (or
--base-url), TOPO_WEBHOOK_SECRET (or --secret). Global options (--timeout, --max-retries, -v, --json) go before
or after the command. Data goes to stdout; notices, progress and errors go to stderr.

Exit codes (stable; scripts may rely on them):
    0    success
    1    API error (the message names the HTTP status, the error type and the request_id); also an exclusions
         import in which some rows were rejected
    2    usage or bad input: unknown option, bad CSV, naive date-time, unknown enum value, unreadable file
    3    authentication or permission: no API key, 401, 403 (the message names the missing scope)
    4    connection error or timeout
    130  interrupted (Ctrl-C)
Every error is one line on stderr starting with `topo: error: `. API keys and webhook secrets are never printed.
"""

from __future__ import annotations

import argparse
import functools
import logging
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import IO, cast

import httpx

from .. import _exceptions as exc
from .. import _logs
from .._limits import printable
from .._version import __version__
from ._activities import add_activities
from ._api import add_api
from ._contacts import add_contacts, add_me
from ._core import (
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    CLIError,
    Context,
    Parser,
    RedactingFilter,
    Redactor,
    classify,
    non_negative_int,
    positive_float,
)
from ._exclusions import add_exclusions
from ._output import CSV_FORMULAS
from ._webhooks import add_webhooks

__all__ = ["build_parser", "main"]

EPILOG = """\
environment:
  TOPO_API_KEY          the API key (preferred over --api-key)
  TOPO_BASE_URL         the API base URL (default https://api.topo.io/v1)
  TOPO_WEBHOOK_SECRET   the signing secret for `webhooks listen`

exit codes:
  0    success
  1    API error (message names status, error type, request_id); some rows of an import rejected
  2    usage or bad input (options, CSV rows, naive date-times, enum values, files)
  3    authentication or permission (no API key, 401, 403 with the missing scope)
  4    connection error or timeout
  130  interrupted

Errors are one line on stderr starting with 'topo: error: '.
"""

SECRET_OPTIONS = ("--api-key", "--secret")
SECRET_ENV = ("TOPO_API_KEY", "TOPO_WEBHOOK_SECRET")


def _global_options(parser: argparse.ArgumentParser, *, top: bool) -> None:
    """Options accepted before and after the command (subcommands must not reset what the top level parsed)."""

    def default(value: object) -> object:
        return value if top else argparse.SUPPRESS

    group = parser.add_argument_group("global options")
    group.add_argument("--api-key", metavar="KEY", default=default(None),
                       help="API key; prefer the TOPO_API_KEY environment variable (a key on the command line ends "
                            "up in shell history and process listings)")
    group.add_argument("--base-url", metavar="URL", default=default(None),
                       help="API base URL (default: $TOPO_BASE_URL, then https://api.topo.io/v1)")
    group.add_argument("--timeout", type=positive_float, metavar="SECONDS", default=default(None),
                       help="timeout per request attempt (default: 30)")
    group.add_argument("--max-retries", type=non_negative_int, metavar="N", default=default(None),
                       help="retries after a failed attempt (default: 2)")
    group.add_argument("-v", "--verbose", action="store_true", default=default(False),
                       help="debug logging on stderr (requests, retries; never keys)")
    group.add_argument("--json", action="store_true", default=default(False),
                       help="machine-readable output (JSON / JSON lines)")


def build_parser(out: IO[str] | None = None) -> argparse.ArgumentParser:
    # Every (sub)parser writes help to `out`; typed as the class it builds.
    parser_class = cast(type[Parser], functools.partial(Parser, out=out))
    parser = parser_class(
        prog="topo", description="Command line for the Topo API.", epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"topo {__version__}")
    _global_options(parser, top=True)
    common = argparse.ArgumentParser(add_help=False, allow_abbrev=False)
    _global_options(common, top=False)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True, parser_class=parser_class)
    add_me(commands, common)
    add_contacts(commands, common)
    add_activities(commands, common)
    add_exclusions(commands, common)
    add_webhooks(commands, common)
    add_api(commands, common)
    return parser


def main(argv: Sequence[str] | None = None, *, http_client: httpx.Client | None = None,
         stdout: IO[str] | None = None, stderr: IO[str] | None = None) -> int:
    """Run `topo` with `argv` (default: sys.argv[1:]) and return the exit code.

    `http_client` replaces the HTTP client (tests pass one with an httpx.MockTransport); `stdout` and `stderr`
    replace the output streams.
    """
    args_list = list(sys.argv[1:] if argv is None else argv)
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    redact = Redactor.for_invocation(args_list, SECRET_OPTIONS, SECRET_ENV)
    try:
        args = build_parser(out).parse_args(args_list)
    except CLIError as failure:
        err.write(printable(redact(f"topo: error: {failure.message}")) + "\n")
        return failure.code
    except SystemExit as done:  # --help and --version
        return done.code if isinstance(done.code, int) else EXIT_OK
    problem = _needs(args, args_list) or _log_setting()
    if problem:
        err.write(printable(redact(f"topo: error: {problem}")) + "\n")
        return EXIT_USAGE
    redact.add(args.api_key)
    CSV_FORMULAS.set(bool(getattr(args, "csv_formulas", False)))
    ctx = Context(args=args, out=out, err=err, redact=redact, http_client=http_client)
    with _logging(ctx):
        try:
            code: int = args.handler(ctx)
            return code
        except CLIError as failure:
            ctx.error(failure.message)
            return failure.code
        except exc.TopoError as error:
            mapped = classify(error, ctx.key_source)
            ctx.error(mapped.message)
            return mapped.code
        except KeyboardInterrupt:
            ctx.error("interrupted")
            return EXIT_INTERRUPTED
        except BrokenPipeError:
            # The reader went away (`topo ... | head`): nothing left to do. Point stdout at /dev/null so the
            # interpreter's final flush does not complain.
            if out is sys.stdout:
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return EXIT_OK
        except OSError as error:  # local files and streams: unwritable output, full disk, cursor file
            where = f": {error.filename}" if error.filename else ""
            ctx.error(f"{error.strerror or error}{where}")
            return EXIT_USAGE
        finally:
            ctx.close()


#: Options that only mean something together with another one: (command, action, option, the option it needs).
REQUIRES = [("activities", "export", "--interval", "--follow"), ("activities", "export", "--part", "--since"),
            ("activities", "export", "--part", "--until")]


def _needs(args: argparse.Namespace, argv: Sequence[str]) -> str | None:
    """A usage error when an option was given without the option it depends on (it would be silently ignored)."""
    tokens = argv[: argv.index("--")] if "--" in argv else argv
    given = {token.split("=", 1)[0] for token in tokens}
    for command, action, option, needed in REQUIRES:
        wanted = (args.command, getattr(args, "action", None)) == (command, action) and option in given
        if wanted and not getattr(args, needed.lstrip("-").replace("-", "_"), False):
            return f"{option} only applies with {needed} (see 'topo {command} {action} --help')"
    return None


@contextmanager
def _logging(ctx: Context) -> Iterator[None]:
    """Route the `topo` logger to stderr for this run: warnings always, debug with -v; secrets redacted."""
    logger = logging.getLogger("topo")
    handler = logging.StreamHandler(ctx.err)
    handler.setFormatter(_Formatter())
    handler.addFilter(RedactingFilter(ctx.redact))
    saved = logger.level, logger.propagate
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG if ctx.args.verbose else _logs.level_from_env() or logging.WARNING)
    logger.propagate = False
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(saved[0])
        logger.propagate = saved[1]


def _log_setting() -> str | None:
    try:
        _logs.level_from_env()
    except ValueError as err:
        return str(err)
    return None


class _Formatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return f"topo: {record.levelname.lower()}: {record.getMessage()}"

