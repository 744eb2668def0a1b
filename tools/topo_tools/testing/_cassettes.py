"""Safe cassettes: a vcrpy configuration that redacts keys and webhook secrets at record time, and a scanner
that fails on anything key-shaped left in a cassette.

    import vcr
    from topo_tools.testing import vcr_config

    my_vcr = vcr.VCR(**vcr_config(cassette_dir="tests/cassettes"))   # replays; vcr_config(record="sandbox") records

With pytest-recording, return `vcr_config()` from your `vcr_config` fixture. Recorded hosts are rewritten to
`REPLAY_BASE_URL`, so a cassette recorded against the sandbox or the real API replays the same way.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

__all__ = [
    "PLACEHOLDER_KEY",
    "PLACEHOLDER_SECRET",
    "RECORD_MODES",
    "REPLAY_BASE_URL",
    "CassetteLeakError",
    "check_cassette",
    "find_secrets",
    "record_mode",
    "scrub_request",
    "scrub_response",
    "scrub_text",
    "vcr_config",
]

RecordMode = Literal["none", "sandbox", "live"]
RECORD_MODES: tuple[str, ...] = ("none", "sandbox", "live")
REPLAY_BASE_URL = "http://sandbox.topo.test/v1"
PLACEHOLDER_KEY = "topo_REDACTED"
PLACEHOLDER_SECRET = "whsec_REDACTED"

# What a leak looks like. Keys start `topo_` (the docs' `topo_live_sk_…`, the sandbox's `topo_sbx_…`); a short
# `key_prefix` ("topo_xxxx") or `secret_prefix` ("whsec_529f") is meant to be shown and does not match.
_PATTERNS: dict[str, re.Pattern[str]] = {
    "an API key": re.compile(r"topo_(?!REDACTED)[A-Za-z0-9_\-]{12,}"),
    "a bearer token": re.compile(r"Bearer\s+(?!topo_REDACTED\b)[^\s'\"\]]+"),
    "a webhook secret field": re.compile(r'"secret"\s*:\s*"(?!whsec_REDACTED")[^"]+"'),
    "a webhook secret": re.compile(r"whsec_(?!REDACTED)[A-Za-z0-9_\-]{12,}"),
}
_SECRET_FIELD = re.compile(r'("secret"\s*:\s*)"[^"]*"')
_HOST = re.compile(r"^https?://[^/]+/v1(?=/|$)")
_REPLAY_HOST = "sandbox.topo.test"
_SECRET_HEADERS = {"authorization", "x-api-key", "cookie", "set-cookie", "proxy-authorization"}


class CassetteLeakError(AssertionError):
    """A cassette holds something key-shaped. The message names the file, line and kind, never the value."""


def record_mode(value: str | bool | None = None) -> RecordMode:
    """"none" (replay only), "sandbox" or "live"; from `value`, else the TOPO_RECORD environment variable."""
    raw = os.environ.get("TOPO_RECORD", "") if value is None else value
    if raw is True:
        return "sandbox"
    text = str(raw).strip().lower()
    if text in ("", "0", "none", "false", "no"):
        return "none"
    if text in ("1", "sandbox"):
        return "sandbox"
    if text == "live":
        return "live"
    raise ValueError(f"record mode: {raw!r} is not one of {', '.join(RECORD_MODES)}")


def scrub_text(text: str) -> str:
    """Replace webhook secrets, bearer tokens and key-shaped values with the placeholders (every pattern the
    scanner looks for, so what is written never holds one)."""
    text = _SECRET_FIELD.sub(rf'\1"{PLACEHOLDER_SECRET}"', text)
    text = _PATTERNS["a bearer token"].sub(f"Bearer {PLACEHOLDER_KEY}", text)
    text = _PATTERNS["a webhook secret"].sub(PLACEHOLDER_SECRET, text)
    return _PATTERNS["an API key"].sub(PLACEHOLDER_KEY, text)


def _scrub_body(body: Any) -> Any:
    if isinstance(body, bytes):
        try:
            return scrub_text(body.decode()).encode()
        except UnicodeDecodeError:
            return body
    return scrub_text(body) if isinstance(body, str) else body


def scrub_request(request: Any) -> Any:
    """vcrpy `before_record_request`: host → REPLAY_BASE_URL, credentials → placeholders (in the URL's query and
    every header too, whatever its name)."""
    request.uri = scrub_text(_HOST.sub(REPLAY_BASE_URL, request.uri))
    request.headers = {k: (f"Bearer {PLACEHOLDER_KEY}" if k.lower() == "authorization" else
                           "REDACTED" if k.lower() in _SECRET_HEADERS else
                           _REPLAY_HOST if k.lower() == "host" else _scrub_body(v))
                       for k, v in request.headers.items()}
    request.body = _scrub_body(request.body)
    return request


def scrub_response(response: dict[str, Any]) -> dict[str, Any]:
    """vcrpy `before_record_response`: webhook secrets and key-shaped values in the body become placeholders."""
    body = response.get("body") or {}
    if "string" in body:
        body["string"] = _scrub_body(body["string"])
    headers = response.get("headers") or {}
    for name in list(headers):
        if name.lower() in _SECRET_HEADERS:
            headers[name] = ["REDACTED"]
        elif isinstance(headers[name], list):
            headers[name] = [_scrub_body(value) for value in headers[name]]
    return response


def vcr_config(*, record: str | bool | None = None, cassette_dir: str | os.PathLike[str] | None = None,
               **overrides: Any) -> dict[str, Any]:
    """Keyword arguments for `vcr.VCR(...)` (or pytest-recording's `vcr_config` fixture).

    Requests match on method, path, query and body. `record` ("none", "sandbox", "live", or TOPO_RECORD when
    omitted) turns recording on: existing cassettes are overwritten; otherwise a request not in the cassette fails.
    """
    config: dict[str, Any] = {
        "record_mode": "none" if record_mode(record) == "none" else "all",
        "match_on": ["method", "path", "query", "body"],
        "before_record_request": scrub_request,
        "before_record_response": scrub_response,
        "decode_compressed_response": True,
    }
    if cassette_dir is not None:
        config["cassette_library_dir"] = str(cassette_dir)
    config.update(overrides)
    return config


def _texts(text: str) -> Iterator[tuple[int, str]]:
    """(line number, text) of each line, plus the decoded contents of YAML `!!binary` bodies (line 0)."""
    yield from enumerate(text.splitlines(), start=1)
    if "!!binary" in text:
        import yaml  # type: ignore[import-untyped]

        def walk(node: Any) -> Iterator[str]:
            if isinstance(node, bytes):
                yield node.decode("utf-8", "replace")
            elif isinstance(node, dict):
                for value in node.values():
                    yield from walk(value)
            elif isinstance(node, list):
                for value in node:
                    yield from walk(value)

        for decoded in walk(yaml.safe_load(text)):
            yield from ((0, line) for line in decoded.splitlines())


def find_secrets(text: str) -> list[str]:
    """Where `text` (a cassette) holds something key-shaped: "line N: an API key", never the value itself."""
    found = []
    for number, line in _texts(text):
        for kind, pattern in _PATTERNS.items():
            if pattern.search(line):
                found.append(f"{'line ' + str(number) if number else 'a binary body'}: {kind}")
    return found


def check_cassette(path: str | os.PathLike[str]) -> None:
    """Raise `CassetteLeakError` if the cassette at `path` holds anything key-shaped (a missing file is fine)."""
    file = Path(path)
    if not file.exists():
        return
    found = find_secrets(file.read_text(errors="replace"))
    if found:
        raise CassetteLeakError(f"cassette {file} holds secrets: {'; '.join(found)}. Delete it, fix the redaction "
                                "and re-record (topo_tools.testing.vcr_config redacts keys and webhook secrets).")


class TopoCassette:
    """One test's cassette (the `topo_cassette` fixture): where the service under test should point its client.

    Replaying: `base_url` is `REPLAY_BASE_URL` and `api_key` the placeholder. Recording against the sandbox: a
    fresh sandbox's URL and key. Recording live: TOPO_BASE_URL (default the real API) and TOPO_API_KEY.
    """

    def __init__(self, path: Path, mode: RecordMode, *, base_url: str, api_key: str, sandbox: Any = None) -> None:
        self.path = path
        self.sandbox = sandbox  # the TopoSandbox being recorded against, else None
        self.mode = mode
        self.base_url = base_url
        self.api_key = api_key
        self.cassette: Any = None
        self._context: Any = None
        self._clients: list[Any] = []

    def __repr__(self) -> str:  # never the key
        return f"TopoCassette({str(self.path)!r}, mode={self.mode!r})"

    def client(self, **options: Any) -> Any:
        """A `Topo` client for this cassette (closed when the test ends); `options` go to `Topo`."""
        from topo_ext import Topo

        options.setdefault("log_drift", False)
        client = Topo(api_key=self.api_key, base_url=self.base_url, **options)
        self._clients.append(client)
        return client

    def __enter__(self) -> TopoCassette:
        import vcr  # type: ignore[import-untyped]

        if self.mode == "none" and not self.path.exists():
            raise FileNotFoundError(f"cassette {self.path} does not exist: record it with `pytest --topo-record="
                                    "sandbox` (or TOPO_RECORD=sandbox; `live` records against the real API)")
        recorder = vcr.VCR(**vcr_config(record=self.mode, cassette_dir=self.path.parent))
        self._context = recorder.use_cassette(self.path.name, allow_playback_repeats=False)
        self.cassette = self._context.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop recording or replaying (a recording is saved here), then check the file holds no secrets."""
        for client in self._clients:
            client.close()
        self._clients.clear()
        context, self._context = self._context, None
        if context is None:
            return
        context.__exit__(None, None, None)
        check_cassette(self.path)
