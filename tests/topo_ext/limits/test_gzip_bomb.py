"""A 1 MB gzip body that inflates to 1 GiB: read up to `Limits.max_body_bytes` and refused, with a bounded peak
memory, measured in a fresh process (resource.getrusage) against a real local HTTP server (sync and async)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

PEAK_MB = 300

SCRIPT = textwrap.dedent("""
    import asyncio, json, resource, struct, sys, threading, zlib
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    # gzip of 1 GiB of zeros, built fast: after a full flush the compressor starts afresh, so every further MiB
    # compresses to the same bytes; the trailer's CRC and length are those of the whole GiB (a valid gzip file).
    zero, packer, crc = bytes(2**20), zlib.compressobj(9, zlib.DEFLATED, 31), 0
    first = packer.compress(zero) + packer.flush(zlib.Z_FULL_FLUSH)
    again = packer.compress(zero) + packer.flush(zlib.Z_FULL_FLUSH)
    for _ in range(1024):
        crc = zlib.crc32(zero, crc)
    bomb = first + again * 1023 + packer.flush()[:-8] + struct.pack("<II", crc, 2**30 % 2**32)

    class Bomb(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(bomb)))
            self.end_headers()
            for start in range(0, len(bomb), 16384):
                self.wfile.write(bomb[start:start + 16384])

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Bomb)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/v1"

    from topo_ext import APIResponseValidationError, AsyncTopo, Topo

    def sync():
        with Topo(api_key="topo_test_key_do_not_leak_4f9a", base_url=base, max_retries=2) as client:
            client.me()

    async def run_async():
        async with AsyncTopo(api_key="topo_test_key_do_not_leak_4f9a", base_url=base, max_retries=2) as client:
            await client.me()

    try:
        sync() if sys.argv[1] == "sync" else asyncio.run(run_async())
        outcome = "no error"
    except APIResponseValidationError as err:
        outcome = str(err)
    print(json.dumps({"bomb": len(bomb), "outcome": outcome,
                      "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
""")


#: Linux carries a process's RSS high-water mark into a child it forks and across exec, so a child of this (large)
#: test process would report the test process's RSS: the measured process is started by a small intermediate one.
HOP = "import subprocess, sys; sys.exit(subprocess.call(sys.argv[1:]))"


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_a_gzip_bomb_is_refused_at_the_size_limit_with_bounded_memory(mode: str) -> None:
    done = subprocess.run([sys.executable, "-c", HOP, sys.executable, "-c", SCRIPT, mode], capture_output=True,
                          text=True, check=True, timeout=300)
    result = json.loads(done.stdout)
    assert result["bomb"] < 2 * 2**20  # the compressed body is small ...
    assert "Limits.max_body_bytes" in result["outcome"] and "after decompression" in result["outcome"]
    assert result["peak_mb"] < PEAK_MB, result  # ... and inflating it stopped at the limit
