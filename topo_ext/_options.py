"""What a client is configured with, checked once when it is made: the API key (`Secret`), `Options`, header values.

Every check names the setting and never quotes a key or a header value (the Authorization header carries the key).
"""

from __future__ import annotations

import math
import os
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import Enum, IntEnum, StrEnum
from typing import TYPE_CHECKING, Any, Protocol

import httpx

from . import _exceptions as exc
from ._limits import DEFAULT_LIMITS, Limits

if TYPE_CHECKING:
    from ._rate import Gate

DEFAULT_BASE_URL = "https://api.topo.io/v1"
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0)
DEFAULT_MAX_RETRIES = 2
MAX_PREFETCH = 32


class _Named(Protocol):
    """An operation as the checks name it (`OperationSpec`)."""

    @property
    def operation_id(self) -> str: ...


class Secret:
    """Holds the API key; its repr and str never show the value."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def get(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "Secret('**********')"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)


@dataclass(frozen=True)
class Options:
    """Per-client settings; `with_options()` copies them with changes."""

    base_url: str
    timeout: httpx.Timeout
    max_retries: int
    backoff_base: float = 0.5
    backoff_cap: float = 8.0
    max_retry_after: float = 60.0
    rate_limit: float | None = None
    default_headers: Mapping[str, str] = field(default_factory=dict)
    default_query: Mapping[str, Any] = field(default_factory=dict)
    limits: Limits = DEFAULT_LIMITS


def resolve_api_key(api_key: str | None) -> Secret:
    source = "api_key" if api_key is not None else "TOPO_API_KEY"
    key = api_key if api_key is not None else os.environ.get("TOPO_API_KEY")
    if not key:
        raise exc.TopoError(
            "No API key: pass api_key=... or set the TOPO_API_KEY environment variable "
            "(create a key under Settings -> Developers -> API Keys)"
        )
    if not isinstance(key, str):
        raise TypeError(f"api_key: expected str, got {type(key).__name__}")
    check_api_key(key, source)
    return Secret(key)


def check_api_key(key: str, source: str = "api_key") -> None:
    """Raise ValueError if `key` cannot go in an HTTP header as it is; the message shows at most a short prefix."""
    problem = _header_problem(key, inner_spaces=False)  # a key never has spaces, even where a header could
    if problem is None:
        return
    if key != key.strip() and key.strip() and _header_problem(key.strip(), inner_spaces=False) is None:
        where = "leading" if key[0].isspace() else "trailing"
        problem = f"{where} whitespace ({_describe(key[0] if where == 'leading' else key[-1])})"
    raise ValueError(
        f"{source}: the API key {_key_hint(key)} contains {problem}; copy the key again, without "
        "surrounding spaces or line breaks"
    )


_FRAMING_HEADERS = frozenset({"content-length", "transfer-encoding"})


def merge_headers(base: Mapping[str, str], extra: Mapping[str, str], where: str) -> dict[str, str]:
    """`base` with `extra` on top, names compared case-insensitively (one header per name, `extra`'s spelling).
    Authorization is the client's (from the API key): a caller's is refused, never sent next to it. So are the
    framing headers, which the client sets from the body it sends: h11 would fail mid-request on any other value."""
    merged = dict(base)
    lower = {name.lower(): name for name in merged}
    for name, value in extra.items():
        if not isinstance(name, str):
            raise TypeError(f"{where}: header names must be str, got {type(name).__name__}")
        if name.lower() == "authorization":
            raise ValueError(
                f"{where}: the Authorization header is set from the API key; pass api_key= (to "
                "Topo(...) or with_options(...)) instead"
            )
        if name.lower() in _FRAMING_HEADERS:
            raise ValueError(f"{where}: the {name} header is set from the body that is sent; leave it out")
        if (old := lower.pop(name.lower(), None)) is not None:
            del merged[old]
        merged[name] = value
        lower[name.lower()] = name
    return merged


def check_headers(op: _Named, headers: Mapping[str, Any]) -> None:
    """h11 would refuse a bad header value later, quoting it (maybe the key): refuse it first, naming the header."""
    for name, value in headers.items():
        if isinstance(value, str) and (problem := _header_problem(value)):
            raise exc.InvalidRequestError(f"{op.operation_id}: header {name!r} contains {problem}; nothing was sent")


def check_query(query: Mapping[Any, Any], where: str) -> None:
    """Refuse what httpx would send as a Python repr (`{'a': 1}`, `<object at 0x...>`) or as nan/inf. Allowed, and
    sent as httpx sends them: str, int, finite float, bool (true/false), None (empty), a list or tuple of these."""
    for key, value in query.items():
        if not isinstance(key, str):
            raise TypeError(f"{where}: parameter names must be str, got {type(key).__name__}")
        for item in value if isinstance(value, list | tuple) else (value,):
            if isinstance(item, Enum) and not isinstance(item, StrEnum | IntEnum):
                # a (str, Enum) member passes as a str, but httpx would send its str(), "Color.RED", not its value
                raise TypeError(f"{where}: {key!r} is the enum member {item}; pass its .value")
            if item is None or isinstance(item, str | int):
                continue
            if isinstance(item, float):
                if math.isfinite(item):
                    continue
                raise ValueError(f"{where}: {key!r} must be a finite number, got {item!r}")
            raise TypeError(f"{where}: {key!r} is a {type(item).__name__}; a query value must be a str, int, float, "
                            "bool, None, or a list or tuple of these")


def _header_problem(value: str, inner_spaces: bool = True) -> str | None:
    """What makes `value` unusable in an HTTP header (printable ASCII, and inner spaces only), or None."""
    if (
        value.isascii()
        and value.isprintable()
        and not (value[:1] == " " or value[-1:] == " ")
        and (inner_spaces or " " not in value)
    ):
        return None  # the usual case, checked in C: every request checks its headers
    for position, char in enumerate(value):
        if char == " " and inner_spaces and 0 < position < len(value) - 1:
            continue
        if not "!" <= char <= "~":
            return f"{_describe(char)} at position {position + 1}"
    return None


def _describe(char: str) -> str:
    names = {
        "\n": "a line break (\\n)",
        "\r": "a carriage return (\\r)",
        "\t": "a tab",
        "\0": "a NUL character",
        " ": "a space",
    }
    if char in names:
        return names[char]
    if ord(char) > 127:
        return "a non-ASCII character"
    return f"a control character (U+{ord(char):04X}, {unicodedata.name(char, 'unnamed')})"


def _key_hint(key: str) -> str:
    """At most a short, printable prefix of a key (a third of it, 11 characters at most), for error messages."""
    prefix = ""
    for char in key[: min(11, len(key) // 3)]:
        if not "!" <= char <= "~":
            break
        prefix += char
    return f"starting {prefix!r}..." if prefix else "(prefix not shown)"


_USERINFO = re.compile(r"^([^/?#]*//)?[^/?#@]*@")


def without_userinfo(url: str) -> str:
    """`url` with any `user:password@` replaced by `***@`: how a URL is shown in messages and logs."""
    return _USERINFO.sub(r"\1***@", url)


def resolve_options(
    base_url: str | None,
    timeout: float | httpx.Timeout | None,
    max_retries: int | None,
    rate_limit: float | Gate | None,
) -> Options:
    if base_url is not None:  # None: TOPO_BASE_URL, then the default; anything given must be a URL itself
        if not isinstance(base_url, str):
            raise TypeError(f"base_url: expected a str URL, got {type(base_url).__name__}")
        if not base_url.strip():  # never the production default in its place: the key would go there
            raise ValueError("base_url: is empty; pass a URL, or None for TOPO_BASE_URL or the default")
    url = base_url if base_url is not None else os.environ.get("TOPO_BASE_URL") or DEFAULT_BASE_URL
    shown = without_userinfo(url)
    if not url.startswith(("http://", "https://")):
        raise ValueError(f"base_url: {shown!r} is not an http(s) URL")
    if any(char.isspace() or not char.isprintable() for char in url):
        raise ValueError(f"base_url: {shown!r} contains whitespace or control characters")
    if shown != url:  # httpx would send Basic auth from it instead of the Bearer key, and show it in URLs
        raise ValueError(
            f"base_url: {shown!r} holds credentials (user:password@); the API key goes in api_key= "
            "or TOPO_API_KEY, never in the URL"
        )
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL as err:
        raise ValueError(f"base_url: {shown!r} is not a valid URL: {err}") from None
    if not parsed.host or (parsed.port is not None and not 0 < parsed.port < 65536):
        raise ValueError(f"base_url: {shown!r} has no host or an impossible port")
    if "?" in url or "#" in url:  # every path would be appended inside the query or fragment
        raise ValueError(f"base_url: {shown!r} has a query or fragment; pass query parameters as default_query=")
    if not isinstance(rate_limit, int | float) or isinstance(rate_limit, bool):
        rate_limit = None  # a Gate (e.g. SharedBudget) carries its own rate; see _rate.gate_for
    if rate_limit is not None and not (math.isfinite(rate_limit) and rate_limit > 0):
        raise ValueError(f"rate_limit: must be a positive, finite number of requests per second, got {rate_limit!r}")
    return Options(
        base_url=url.rstrip("/"),
        timeout=as_timeout(timeout),
        max_retries=DEFAULT_MAX_RETRIES if max_retries is None else check_max_retries(max_retries),
        rate_limit=rate_limit,
    )


def as_timeout(value: float | httpx.Timeout | None) -> httpx.Timeout:
    """A client's or a request's `timeout=` (None: the default), checked: the one place for both."""
    if value is None:
        return DEFAULT_TIMEOUT
    if isinstance(value, httpx.Timeout):
        for phase, seconds in value.as_dict().items():  # None: no limit for that phase
            if seconds is not None and not (math.isfinite(seconds) and seconds > 0):
                raise ValueError(f"timeout: the httpx.Timeout's {phase} must be a positive, finite number of "
                                 f"seconds or None, got {seconds!r}")
        return value
    if isinstance(value, bool) or not isinstance(value, int | float) or not (math.isfinite(value) and value > 0):
        raise ValueError(f"timeout: must be a positive, finite number of seconds or an httpx.Timeout, got {value!r}")
    return httpx.Timeout(float(value))


def check_max_retries(value: int) -> int:
    """`max_retries=` of `Topo(...)` and `with_options(...)` alike."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"max_retries: must be a non-negative int, got {value!r}")
    return value


def check_prefetch(value: int) -> int:
    """`prefetch=` of `AsyncTopo(...)`, `with_options(...)` and `AsyncPage.iter_pages(...)`."""
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_PREFETCH:
        raise ValueError(f"prefetch: must be an int between 0 and {MAX_PREFETCH}, got {value!r}")
    return value


def updated_options(
    options: Options,
    *,
    timeout: float | httpx.Timeout | None = None,
    max_retries: int | None = None,
    base_url: str | None = None,
    default_headers: Mapping[str, str] | None = None,
    default_query: Mapping[str, Any] | None = None,
    limits: Limits | None = None,
) -> Options:
    """`options` with the given settings changed (None: unchanged); default headers and query are merged."""
    changes: dict[str, Any] = {}
    if limits is not None:
        if not isinstance(limits, Limits):
            raise TypeError(f"limits: expected a topo_ext.Limits, got {type(limits).__name__}")
        changes["limits"] = limits
    if timeout is not None:
        changes["timeout"] = as_timeout(timeout)
    if max_retries is not None:
        changes["max_retries"] = check_max_retries(max_retries)
    if base_url is not None:
        changes["base_url"] = resolve_options(base_url, None, None, None).base_url
    for name, value in (("default_headers", default_headers), ("default_query", default_query)):
        if value is None:
            continue
        if not isinstance(value, Mapping):
            raise TypeError(f"{name}: expected a mapping, got {type(value).__name__}")
        if name == "default_headers":
            if not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
                raise TypeError("default_headers: names and values must be str")
            changes[name] = merge_headers(options.default_headers, value, "default_headers")
        else:
            check_query(value, "default_query")
            changes[name] = {**options.default_query, **value}
    return replace(options, **changes)
