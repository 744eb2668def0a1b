"""The HOSTILE ANSWERS section of the reliability run (`make reliability`, issue 29): crafted answers (a broken
proxy, an attacker) through `Topo`, `AsyncTopo` and the `topo` CLI. Each probe must end in our documented error
class, with a message naming the problem, no traceback and no key. In-process (httpx.MockTransport): cheap."""

from __future__ import annotations

import asyncio
import io
import json
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx

from topo_ext import AsyncTopo, Topo
from topo_ext import _exceptions as exc
from topo_ext.cli import main as cli_main

KEY = "topo_hostile_probe_key_0123456789"
BASE_URL = "https://api.topo.test/v1"
Handler = Callable[[httpx.Request], httpx.Response]


def gzip_bomb(mib: int) -> bytes:
    """gzip of `mib` MiB of zeros, built without holding them (every MiB after a full flush compresses alike)."""
    zero, packer, crc = bytes(2**20), zlib.compressobj(9, zlib.DEFLATED, 31), 0
    first = packer.compress(zero) + packer.flush(zlib.Z_FULL_FLUSH)
    again = packer.compress(zero) + packer.flush(zlib.Z_FULL_FLUSH)
    for _ in range(mib):
        crc = zlib.crc32(zero, crc)
    return first + again * (mib - 1) + packer.flush()[:-8] + struct.pack("<II", crc, (mib * 2**20) % 2**32)


def _same_page(total_pages: int) -> Handler:
    body = {"items": [{"id": "p1", "created_at": "2025-01-01T00:00:00Z"}], "total_pages": total_pages,
            "has_more": True, "total_count": 1}
    return lambda r: httpx.Response(200, json=body)


def _echo(request: httpx.Request) -> httpx.Response:
    return httpx.Response(401, json={"type": "UnauthorizedIssue", "message": f"bad {request.headers['authorization']}"})


@dataclass(frozen=True)
class Probe:
    name: str
    handler: Handler
    action: str  # "me", "list" or "stream"
    error: type[Exception]
    says: str


DEEP = b"[" * 100_000 + b"]" * 100_000
BOMB = gzip_bomb(80)  # inflates past the default 64 MiB Limits.max_body_bytes
PROBES = [
    Probe("redirect to another host", lambda r: httpx.Response(302, headers={"Location": "https://x.example/"}), "me",
          exc.UnexpectedStatusError, "unexpected status 302"),
    Probe("304 on a list", lambda r: httpx.Response(304), "list", exc.UnexpectedStatusError, "unexpected status 304"),
    Probe("Retry-After: soon", lambda r: httpx.Response(429, headers={"Retry-After": "soon"}), "me",
          exc.RateLimitError, "429"),
    Probe("100k-deep JSON, 200", lambda r: httpx.Response(200, content=DEEP), "me", exc.APIResponseValidationError,
          "max_json_depth"),
    Probe("100k-deep JSON, 500", lambda r: httpx.Response(500, content=DEEP), "me", exc.InternalServerError,
          "max_json_depth"),
    Probe("gzip bomb (80 KB -> 80 MiB)", lambda r: httpx.Response(200, stream=httpx.ByteStream(BOMB),  # unread
                                                                  headers={"Content-Encoding": "gzip"}),
          "me", exc.APIResponseValidationError, "max_body_bytes"),
    Probe("broken gzip", lambda r: httpx.Response(200, stream=httpx.ByteStream(b"\x1f\x8bnot gzip"),
                                                  headers={"Content-Encoding": "gzip"}),
          "me", exc.APIConnectionError, "DecodingError"),
    Probe("truncated JSON", lambda r: httpx.Response(200, content=b'{"id": "x", "na'), "me",
          exc.APIResponseValidationError, "not valid JSON"),
    Probe("proxy HTML page, 502", lambda r: httpx.Response(502, text="<html>Bad gateway</html>"), "me",
          exc.InternalServerError, "non-JSON body"),
    Probe("key echoed in a 401", _echo, "me", exc.AuthenticationError, "[redacted]"),
    Probe("same page forever", _same_page(10**18), "list", exc.PaginationError, "repeats the items"),
    Probe("has_more past total_pages", _same_page(1), "list", exc.PaginationError, "past total_pages=1"),
    Probe("stream: same page forever", _same_page(10**18), "stream", exc.PaginationError, "repeats the items"),
]


def _sync(probe: Probe) -> BaseException | None:
    http = httpx.Client(transport=httpx.MockTransport(probe.handler))
    with Topo(api_key=KEY, base_url=BASE_URL, http_client=http, max_retries=0, log_drift=False) as client:
        actions: dict[str, Callable[[], Any]] = {"me": client.me, "list": lambda: list(client.contacts.list()),
                                                 "stream": lambda: list(client.activities.stream())}
        try:
            actions[probe.action]()
        except BaseException as err:  # the point: what comes out, whatever it is
            return err
    return None


def _async(probe: Probe) -> BaseException | None:
    async def run() -> BaseException | None:
        http = httpx.AsyncClient(transport=httpx.MockTransport(probe.handler))
        async with AsyncTopo(api_key=KEY, base_url=BASE_URL, http_client=http, max_retries=0,
                             log_drift=False) as client:
            try:
                if probe.action == "me":
                    await client.me()
                else:
                    walk: Any = client.contacts.list() if probe.action == "list" else client.activities.stream()
                    _ = [item async for item in walk]
            except BaseException as err:  # the point: what comes out, whatever it is
                return err
        return None

    return asyncio.run(run())


def _library_ok(probe: Probe, err: BaseException | None) -> bool:
    return (isinstance(err, probe.error) and probe.says in str(err) and KEY not in str(err) + repr(err))


def _cli_ok(probe: Probe) -> bool:
    argv = {"me": ["me"], "list": ["contacts", "list"], "stream": ["activities", "export"]}[probe.action]
    out, err = io.StringIO(), io.StringIO()
    try:
        with httpx.Client(transport=httpx.MockTransport(probe.handler)) as http:
            code = cli_main(["--api-key", KEY, "--base-url", BASE_URL, "--max-retries", "0", *argv],
                            http_client=http, stdout=out, stderr=err)
    except BaseException:  # a traceback: not ok
        return False
    lines = err.getvalue().splitlines()
    return (code != 0 and bool(lines) and lines[-1].startswith("topo: error:") and probe.says in lines[-1]
            and KEY not in err.getvalue() + out.getvalue())


def hostile_report() -> bool:
    """Run every probe through the three paths; print the section; True if all ended as documented."""
    print("\nHOSTILE ANSWERS (each probe through Topo, AsyncTopo and the CLI: our error class, the problem named, "
          "no traceback, no key)")
    counts = {"sync": 0, "async": 0, "cli": 0}
    for probe in PROBES:
        results = {"sync": _library_ok(probe, _sync(probe)), "async": _library_ok(probe, _async(probe)),
                   "cli": _cli_ok(probe)}
        for path, ok in results.items():
            counts[path] += ok
        marks = "  ".join(f"{path} {'ok' if ok else 'FAIL'}" for path, ok in results.items())
        print(f"  {'PASS' if all(results.values()) else 'FAIL'}  {probe.name:<32}{probe.error.__name__:<28}{marks}")
    total = len(PROBES)
    print(f"hostile answers: {total} probes; as documented: library sync {counts['sync']}/{total}, async "
          f"{counts['async']}/{total}, CLI {counts['cli']}/{total}: "
          f"{'PASS' if all(n == total for n in counts.values()) else 'FAIL'}")
    return all(n == total for n in counts.values())


if __name__ == "__main__":
    print(json.dumps(hostile_report()))
