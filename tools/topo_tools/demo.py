"""`make demo`: start the local sandbox and walk through the main flows with the `topo` CLI and the Python client.

Runs entirely on 127.0.0.1 and cleans up after itself. Each step prints what it did; the run ends with a summary and
exits non-zero if any step did not do what it should.
"""

from __future__ import annotations

import csv
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from topo_ext import Topo
from topo_tools.sandbox import Sandbox

RESULTS: list[tuple[str, bool, str]] = []


def step(title: str) -> Callable[[Callable[[], str]], None]:
    """Run a demo step now; record whether it worked and what it showed."""

    def run(fn: Callable[[], str]) -> None:
        print(f"\n== {title}")
        try:
            detail = fn()
            ok = True
        except Exception as err:  # a demo reports failures instead of stopping at the first
            detail, ok = f"FAILED: {type(err).__name__}: {err}", False
        print(f"   -> {detail}")
        RESULTS.append((title, ok, detail))

    return run


def cli(env: dict[str, str], *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """Run the real `topo` command (python -m topo_ext.cli), as an operator would."""
    cmd = [sys.executable, "-m", "topo_ext.cli", *args]
    print("   $ topo " + " ".join(args))
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout, check=False)
    for line in (done.stdout.strip().splitlines() or [])[:6]:
        print(f"     {line}")
    if done.returncode != 0:
        raise RuntimeError(f"exit {done.returncode}: {done.stderr.strip()}")
    return done


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def main() -> int:
    print("Starting the local Topo sandbox (seeded workspace: contacts, lists, sequences, 1,500 activities) ...")
    with Sandbox(seed=7, activities=1500) as sandbox, tempfile.TemporaryDirectory(prefix="topo-demo-") as tmp:
        work = Path(tmp)
        env = {**os.environ, "TOPO_API_KEY": sandbox.api_key, "TOPO_BASE_URL": sandbox.base_url}
        client = Topo(api_key=sandbox.api_key, base_url=sandbox.base_url)
        print(f"Sandbox at {sandbox.base_url} (key in TOPO_API_KEY, never printed)")

        @step("Who am I? (topo me)")
        def _() -> str:
            done = cli(env, "me", "--json")
            me = json.loads(done.stdout)
            return f"key {me['name']!r}, {len(me['scopes'])} scopes"

        @step("Create contacts in a batch (contact_lists.entries.create, 150 rows -> chunks of 100)")
        def _() -> str:
            target = client.contact_lists.list(size=1).items[0]
            rows = ({"contact_list_id": target.id, "email": f"lead{i}@example.com", "first_name": f"Lead {i}"}
                    for i in range(150))
            result = client.contact_lists.entries.create(rows)
            assert result.summary is not None
            assert result.summary.succeeded == 150, result.summary
            return f"{result.summary.succeeded} entries created in list {target.name!r}"

        @step("Import exclusions from a CRM unsubscribe export (topo exclusions import)")
        def _() -> str:
            path = work / "unsubscribes.csv"
            with path.open("w", newline="") as handle:
                writer = csv.writer(handle)
                writer.writerow(["email", "reason", "message"])
                writer.writerows([[f"optout{i}@example.com", "unsubscribed", "CRM export"] for i in range(5)])
            done = cli(env, "exclusions", "import", str(path))
            return done.stdout.strip().splitlines()[-1] if done.stdout.strip() else "imported"

        @step("List sequences (client.sequences.list)")
        def _() -> str:
            page = client.sequences.list(size=5)
            for sequence in page.items:
                print(f"     {sequence.id}  {sequence.status}")
            return f"{page.total_count} sequence runs in the workspace"

        @step("Export every activity with the resumable poller (topo activities export)")
        def _() -> str:
            out, cursor = work / "activities.jsonl", work / "cursor.json"
            cli(env, "activities", "export", "--format", "jsonl", "--output", str(out), "--cursor-file", str(cursor))
            ids = [json.loads(line)["id"] for line in out.read_text().splitlines()]
            total = client.activities.list(size=1).total_count
            assert len(ids) == len(set(ids)) == total, (len(ids), len(set(ids)), total)
            sandbox.state.add_activity("message.replied", metadata={"reply_category": "INTERESTED"})
            cli(env, "activities", "export", "--format", "jsonl", "--output", str(out), "--cursor-file", str(cursor))
            again = out.read_text().splitlines()
            assert len(again) == total + 1, len(again)
            return f"{total} activities exported once each; a re-run picked up exactly the 1 new one"

        @step("Subscribe a webhook and receive a signed delivery (topo webhooks listen)")
        def _() -> str:
            port = free_port()
            subscription = client.webhooks.create(
                name="demo receiver", url=f"http://127.0.0.1:{port}/topo", event_types=["sequence.paused"])
            listener_env = {**env, "TOPO_WEBHOOK_SECRET": subscription.secret or ""}
            cmd = [sys.executable, "-m", "topo_ext.cli", "webhooks", "listen", "--port", str(port), "--count", "1"]
            print(f"   $ topo webhooks listen --port {port} --count 1   (secret from TOPO_WEBHOOK_SECRET)")
            with subprocess.Popen(cmd, env=listener_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  text=True) as listener:
                _wait_for_port(port)
                sequence = client.sequences.list(size=1, status="ACTIVE").items[0]
                assert sequence.id is not None
                client.sequences.pause(sequence.id, paused_until=datetime.now(UTC) + timedelta(days=2))
                out, err = listener.communicate(timeout=30)
            assert listener.returncode == 0, err
            print(f"     {out.strip()}")
            return f"delivery verified and typed: {out.strip().split()[0]}"

        client.close()
    failed = [title for title, ok, _ in RESULTS if not ok]
    print("\n== Summary")
    for title, ok, detail in RESULTS:
        print(f"   [{'ok' if ok else 'FAILED'}] {title}: {detail}")
    print(f"\n{len(RESULTS) - len(failed)} of {len(RESULTS)} steps worked.")
    return 1 if failed else 0


def _wait_for_port(port: int, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise TimeoutError(f"nothing listening on 127.0.0.1:{port}")


if __name__ == "__main__":
    raise SystemExit(main())
