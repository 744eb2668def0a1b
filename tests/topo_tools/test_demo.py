"""`make demo` works: every step of the walkthrough succeeds against a fresh sandbox."""

from __future__ import annotations

import re
import subprocess
import sys


def test_demo_runs_every_step() -> None:
    done = subprocess.run([sys.executable, "-m", "topo_tools.demo"], capture_output=True, text=True, timeout=180,
                          check=False)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert "6 of 6 steps worked." in done.stdout
    # The sandbox key is never printed (its 4-character key_prefix is safe to show, by design).
    assert not re.search(r"topo_sbx_[A-Za-z0-9_]{8,}", done.stdout + done.stderr)
