"""Memory: resident memory while streaming 100,000 activities stays flat (pages are not accumulated).

The sandbox (seeded with 100,000 activities) runs in its own process, and each walk runs in a fresh child process
(`python bench/memory.py child MODE`) that reads VmRSS from /proc/self/status every 10,000 activities (and VmHWM,
the peak, at the end), so nothing else in the bench inflates the figures. The ratio is RSS after 100,000 / RSS
after 10,000.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from _sandbox import RemoteSandbox

ACTIVITIES = 100_000
EVERY = 10_000
GOAL = 1.2
MODES = {"stream": "activities.stream()", "list": "activities.list(size=100) iteration"}


def _status_mb(field: str) -> float:
    """VmRSS (resident now) or VmHWM (peak resident) of this process, in MB. (ru_maxrss would do for the peak,
    but Linux carries it over from the parent across fork + exec.)"""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no {field} in /proc/self/status")


def child(mode: str) -> None:
    from topo_ext import Topo

    client = Topo(base_url=os.environ["BENCH_BASE_URL"])  # key from TOPO_API_KEY
    walk = client.activities.stream() if mode == "stream" else client.activities.list(size=100)
    samples, count, last = [], 0, None
    start = time.perf_counter()
    for activity in walk:
        count += 1
        last = activity
        if count % EVERY == 0:
            samples.append(_status_mb("VmRSS"))
    seconds = time.perf_counter() - start
    del last
    peak = _status_mb("VmHWM")
    print(json.dumps({"count": count, "samples_mb": samples, "peak_mb": peak, "seconds": seconds}))


def run() -> list[dict[str, Any]]:
    rows = []
    with RemoteSandbox(activities=ACTIVITIES) as sb:
        for mode, name in MODES.items():
            env = {**os.environ, "BENCH_BASE_URL": sb.base_url, "TOPO_API_KEY": sb.api_key}
            result = subprocess.run([sys.executable, __file__, "child", mode], env=env, capture_output=True,
                                    text=True, check=False)
            if result.returncode != 0:
                raise RuntimeError(f"memory child ({mode}) failed:\n{result.stderr}")
            data = json.loads(result.stdout)
            samples = data["samples_mb"]
            ratio = samples[-1] / samples[0]
            complete = data["count"] == ACTIVITIES
            rows.append({
                "id": f"memory.{mode}", "name": f"memory: RSS streaming {ACTIVITIES:,} activities, {name}",
                "seconds": data["seconds"], "ratio": ratio, "baseline": f"RSS after {EVERY:,} activities",
                "goal": f"< {GOAL}x", "met": complete and ratio < GOAL, "activities": data["count"],
                "rss_mb_every_10k": [round(s, 1) for s in samples], "peak_rss_mb": round(data["peak_mb"], 1),
            })
    return rows


if __name__ == "__main__" and sys.argv[1:2] == ["child"]:
    child(sys.argv[2])
