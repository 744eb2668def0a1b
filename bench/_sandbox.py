"""The sandbox in its own process, so its CPU time and GIL never mix with the client being measured.

`RemoteSandbox(...)` starts `python bench/_sandbox.py ...`, which serves `topo_tools.sandbox.Sandbox` on 127.0.0.1
and answers one-line commands on stdin: `stats` (prints the sandbox's stats as JSON), `reset` (zeroes the stats
and refills the rate-limit buckets). It stops on `quit`, when stdin closes (the bench died) or after `--exit-after`.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import subprocess
import sys
import threading
from pathlib import Path
from types import TracebackType
from typing import Any

HERE = Path(__file__).resolve().parent


class RemoteSandbox:
    """Client side: `with RemoteSandbox(activities=20000, latency=0.05, rate_limit=20) as sb: sb.base_url ...`."""

    def __init__(self, *, activities: int, latency: float = 0.0, rate_limit: float | None = None,
                 exit_after: float = 600.0, integer_retry_after: bool = False) -> None:
        argv = [sys.executable, str(HERE / "_sandbox.py"), "--activities", str(activities),
                "--latency", repr(latency), "--exit-after", repr(exit_after)]
        if rate_limit is not None:
            argv += ["--rate-limit", repr(rate_limit)]
        if integer_retry_after:  # only `Retry-After: <whole seconds>`, as real APIs send, no `retry-after-ms`
            argv.append("--integer-retry-after")
        self._proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
        hello = self._read()
        self.base_url: str = hello["base_url"]
        self.api_key: str = hello["api_key"]  # minted by this sandbox process; valid nowhere else

    def _read(self) -> dict[str, Any]:
        assert self._proc.stdout is not None
        line = self._proc.stdout.readline()
        if not line:
            raise RuntimeError(f"the sandbox process exited (status {self._proc.wait()})")
        data: dict[str, Any] = json.loads(line)
        return data

    def _command(self, name: str) -> dict[str, Any]:
        assert self._proc.stdin is not None
        self._proc.stdin.write(name + "\n")
        self._proc.stdin.flush()
        return self._read()

    def stats(self) -> dict[str, Any]:
        return self._command("stats")

    def reset(self) -> None:
        self._command("reset")

    def close(self) -> None:
        if self._proc.poll() is None:
            with contextlib.suppress(OSError, RuntimeError, ValueError):  # already gone
                self._command("quit")
            try:
                self._proc.wait(10)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()

    def __enter__(self) -> RemoteSandbox:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


def main() -> None:
    from topo_tools.sandbox import Sandbox
    from topo_tools.sandbox._runtime import RateLimiter

    parser = argparse.ArgumentParser()
    parser.add_argument("--activities", type=int, required=True)
    parser.add_argument("--latency", type=float, default=0.0)
    parser.add_argument("--rate-limit", type=float)
    parser.add_argument("--exit-after", type=float, default=600.0)
    parser.add_argument("--integer-retry-after", action="store_true")
    args = parser.parse_args()
    sb = Sandbox(seed=1, activities=args.activities, latency=args.latency, rate_limit=args.rate_limit,
                 retry_after_ms=not args.integer_retry_after)
    sb.start()
    done = threading.Event()
    timer = threading.Timer(args.exit_after, done.set)
    timer.daemon = True
    timer.start()

    def serve() -> None:
        print(json.dumps({"base_url": sb.base_url, "api_key": sb.api_key}), flush=True)
        for line in sys.stdin:
            command = line.strip()
            if command == "stats":
                print(json.dumps(sb.stats.snapshot()), flush=True)
            elif command == "reset":
                sb.stats.reset()
                sb.app.limiter = RateLimiter()
                print("{}", flush=True)
            elif command == "quit":
                print("{}", flush=True)
                break
        done.set()

    threading.Thread(target=serve, daemon=True).start()
    done.wait()
    sb.stop()


if __name__ == "__main__":
    main()
