"""What every `topo` command shares: exit codes, the error type, the run context, argument types, redaction."""

from __future__ import annotations

import argparse
import functools
import logging
import os
import re
import sys
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from typing import IO, Any, NoReturn, TypeVar

import httpx

from .. import _exceptions as exc
from .._base_client import check_api_key
from .._client import Topo
from .._limits import DEFAULT_LIMITS, printable
from .._spec import operations

log = logging.getLogger("topo")

EXIT_OK = 0
EXIT_API = 1
EXIT_USAGE = 2
EXIT_AUTH = 3
EXIT_CONNECTION = 4
EXIT_INTERRUPTED = 130

E = TypeVar("E", bound=Enum)
N = TypeVar("N", int, float)


class CLIError(Exception):
    """A failure the CLI reports as one `topo: error: ...` line and an exit code."""

    def __init__(self, code: int, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class UsageError(CLIError):
    def __init__(self, message: str) -> None:
        super().__init__(EXIT_USAGE, message)


def classify(err: exc.TopoError, key_source: str = "TOPO_API_KEY") -> CLIError:
    """The exit code and message for an error raised by the client; a 401 points at where the key came from."""
    if isinstance(err, exc.PermissionDeniedError):
        message = str(err)
        if not err.required_scope:
            needed = _scopes_of(err)
            if needed:
                message += f" (this operation needs scope {' and '.join(needed)})"
        return CLIError(EXIT_AUTH, message)
    if isinstance(err, exc.AuthenticationError):
        return CLIError(EXIT_AUTH, f"{err} (check {key_source})")
    if isinstance(err, exc.APIConnectionError):  # includes APITimeoutError
        return CLIError(EXIT_CONNECTION, str(err))
    return CLIError(EXIT_API, str(err))


def _scopes_of(err: exc.APIStatusError) -> tuple[str, ...]:
    op_id = err.response.request.extensions.get("operation_id")
    spec = operations().get(op_id) if isinstance(op_id, str) else None
    return spec.scopes if spec else ()


_SECRET_NAME = re.compile(r"key|secret|token|passw|auth", re.I)
_KEY_SHAPED = re.compile(r"(?:topo|whsec)_[A-Za-z0-9_\-]{12,}")


class Redactor:
    """Replaces known secret values (API key, webhook secret) in text the CLI writes to stderr."""

    def __init__(self) -> None:
        self._secrets: set[str] = set()

    def add(self, value: str | None) -> None:
        if value:
            self._secrets.add(value)

    def __call__(self, text: str) -> str:
        for secret in sorted(self._secrets, key=len, reverse=True):
            text = text.replace(secret, "[redacted]")
        return text

    @classmethod
    def for_invocation(cls, argv: Sequence[str], options: Iterable[str], env: Iterable[str]) -> Redactor:
        """Secrets found in argv and in the environment variables `env`: values of `options` and of any option
        whose name looks secret-bearing (a typo like `--apikey=K` is echoed by argparse), and key-shaped tokens."""
        redactor = cls()
        names = tuple(options)
        for i, token in enumerate(argv):
            name = token.split("=", 1)[0]
            if name in names or (name.startswith("-") and _SECRET_NAME.search(name)):
                if "=" in token:
                    redactor.add(token.split("=", 1)[1])
                elif i + 1 < len(argv):
                    redactor.add(argv[i + 1])
            for found in _KEY_SHAPED.findall(token):
                redactor.add(found)
        for var in env:
            redactor.add(os.environ.get(var))
        return redactor


class RedactingFilter(logging.Filter):
    def __init__(self, redact: Redactor) -> None:
        super().__init__()
        self.redact = redact

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = printable(self.redact(record.getMessage()))  # one line each, no terminal escapes
        record.args = None
        return True


class Parser(argparse.ArgumentParser):
    """argparse with one-line errors (raised, not printed) and help written to the CLI's own stream."""

    def __init__(self, *args: Any, out: IO[str] | None = None, **kwargs: Any) -> None:
        kwargs.setdefault("allow_abbrev", False)  # abbreviations would let `--api` carry a key past redaction
        super().__init__(*args, **kwargs)
        self.out = out

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")

    def add_subparsers(self, **kwargs: Any) -> Any:
        # Nested commands (`topo webhooks create`) write their help to the same stream as this parser.
        kwargs.setdefault("parser_class", functools.partial(Parser, out=self.out))
        return super().add_subparsers(**kwargs)

    def _print_message(self, message: str, file: Any = None) -> None:
        if message:
            (self.out or file or sys.stdout).write(message)


@dataclass
class Context:
    """One invocation: parsed arguments, output streams, and the client (created on first use)."""

    args: argparse.Namespace
    out: IO[str]
    err: IO[str]
    redact: Redactor
    http_client: httpx.Client | None = None
    _client: Topo | None = field(default=None, repr=False)
    _own_http: httpx.Client | None = field(default=None, repr=False)

    def client(self) -> Topo:
        if self._client is None:
            key = self.args.api_key or os.environ.get("TOPO_API_KEY")
            if not key:
                raise CLIError(EXIT_AUTH, "no API key: set the TOPO_API_KEY environment variable (or pass --api-key)")
            self.redact.add(key)
            try:  # a malformed key is a usage error before anything is sent; the message shows a prefix only
                check_api_key(key, "--api-key" if self.args.api_key else "TOPO_API_KEY")
            except ValueError as err:
                raise UsageError(str(err)) from None
            if self.http_client is None:
                self._own_http = self.http_client = httpx.Client(follow_redirects=False)
            try:
                self._client = Topo(api_key=key, base_url=self.args.base_url, timeout=self.args.timeout,
                                    max_retries=self.args.max_retries, http_client=self.http_client)
            except ValueError as err:
                raise UsageError(str(err)) from None
        return self._client

    def close(self) -> None:
        if self._own_http is not None:
            self._own_http.close()

    def note(self, message: str) -> None:
        """A one-line notice on stderr (never on stdout, which carries data), control characters escaped."""
        self.err.write(printable(self.redact(f"topo: {message}")) + "\n")
        self.err.flush()

    def error(self, message: str) -> None:
        self.note(f"error: {message}")

    def say(self, *lines: str) -> None:
        """Human-readable lines on stdout, each escaped like `note` (they carry server text: names, urls, ids)."""
        self.out.write("".join(printable(line) + "\n" for line in lines))

    @property
    def key_source(self) -> str:
        """Where the API key came from, for hints: the option or the environment variable."""
        return "--api-key" if self.args.api_key else "TOPO_API_KEY"

    @property
    def json(self) -> bool:
        return bool(self.args.json)


def command_group(subparsers: Any, name: str, help: str, description: str | None = None) -> Any:
    """`topo NAME ACTION ...`: add the command and return the sub-parsers its actions go in."""
    group = subparsers.add_parser(name, help=help, description=description or f"{name.capitalize()}.")
    return group.add_subparsers(dest="action", metavar="ACTION", required=True)


def subcommand(actions: Any, common: argparse.ArgumentParser, name: str, handler: Callable[..., int], help: str,
               description: str, epilog: str | None = None) -> argparse.ArgumentParser:
    """`topo ... NAME`: a (sub)command with the common options that runs `handler`; returns its parser."""
    parser: argparse.ArgumentParser = actions.add_parser(name, parents=[common], help=help,
                                                         description=description, epilog=epilog)
    parser.set_defaults(handler=handler)
    return parser


#: The most a file the CLI reads whole (`--body @FILE`, an imported CSV) may hold: the bound the client puts on a
#: response body. Far more than any request the API takes, and it keeps `/dev/zero` or a wrong file from
#: exhausting memory.
MAX_INPUT_BYTES = DEFAULT_LIMITS.max_body_bytes


def read_bounded(handle: IO[Any], what: str, limit: int = MAX_INPUT_BYTES) -> Any:
    """Everything `handle` holds (bytes or text), or a usage error naming `what` when that is more than `limit`."""
    data = handle.read(limit + 1)
    if len(data) > limit:
        raise UsageError(f"{what}: larger than {limit:,} bytes; not read further")
    return data


# ---- argument types (argparse calls them; ArgumentTypeError becomes a usage error naming the option) ----------


def parse_number(text: str, kind: type[N]) -> N:
    """`text` read as an int or a float, or a usage error saying which was expected."""
    try:
        return kind(text)
    except ValueError:
        expected = "a whole number" if kind is int else "a number"
        raise argparse.ArgumentTypeError(f"{text!r} is not {expected}") from None


def positive_int(text: str) -> int:
    if (value := parse_number(text, int)) < 1:
        raise argparse.ArgumentTypeError(f"{value} must be at least 1")
    return value


def non_negative_int(text: str) -> int:
    if (value := parse_number(text, int)) < 0:
        raise argparse.ArgumentTypeError(f"{value} must be 0 or more")
    return value


def positive_float(text: str) -> float:
    if not (value := parse_number(text, float)) > 0:  # `not >` also refuses nan
        raise argparse.ArgumentTypeError(f"{text} must be more than 0")
    return value


def port_number(text: str) -> int:
    value = non_negative_int(text)
    if value > 65535:
        raise argparse.ArgumentTypeError(f"{value} is not a TCP port (0-65535; 0 picks a free one)")
    return value


def aware_datetime(text: str) -> datetime:
    """An ISO 8601 date-time with a timezone; a naive one would silently mean the machine's local time."""
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not an ISO 8601 date-time (e.g. 2025-01-31T00:00:00Z)") from None
    if value.tzinfo is None or value.utcoffset() is None:
        raise argparse.ArgumentTypeError(
            f"{text!r} has no timezone; add one, e.g. {value.isoformat()}Z or {value.isoformat()}+02:00")
    return value


def uuid_text(text: str) -> str:
    try:
        return str(uuid.UUID(text))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a UUID") from None


def known_values(enum: type[E]) -> dict[str, E]:
    """The enum's documented members by case-folded value (the open enums would accept any string)."""
    return {member.value.casefold(): member for member in enum}


def enum_choice(enum: type[E], what: str) -> Callable[[str], E]:
    """An argparse type accepting the enum's known values, case-insensitively."""
    table = known_values(enum)

    def parse(text: str) -> E:
        member = table.get(text.strip().casefold())
        if member is None:
            raise argparse.ArgumentTypeError(
                f"{text!r} is not a known {what}; choose from {', '.join(str(m.value) for m in enum)}")
        return member

    parse.__name__ = what
    return parse
