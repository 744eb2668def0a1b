"""Import cost: `import topo_ext` (lazy, PEP 562) and `from topo_ext import Topo`, as ratios to `import httpx`.

Each figure is the median over fresh interpreters of the cumulative time `python -X importtime` reports for the
statement's modules (interpreter start-up excluded). Issue #17 asks `import topo_ext` to cost at most 150 ms here;
the goal is stated as a ratio to httpx measured in the same run, with the absolute figure in the detail column.
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
from typing import Any

RUNS = 9
# Both sides as installed: pip byte-compiles a wheel's modules (httpx's are), so bytecode is written here even where
# PYTHONDONTWRITEBYTECODE is set, and a first untimed import of each statement writes it. Otherwise the figure for
# topo_ext would include compiling its source, which no installed service pays.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
GOAL = 0.5  # `import topo_ext` costs at most half of `import httpx` (which it used to exceed)
STATEMENTS = {"httpx": "import httpx", "topo_ext": "import topo_ext", "topo": "from topo_ext import Topo"}


def import_seconds(statement: str) -> float:
    """Seconds spent importing for `statement` in a fresh interpreter: the sum of the top-level entries' cumulative
    times that -X importtime reports (modules already loaded at start-up are not counted)."""
    done = subprocess.run([sys.executable, "-X", "importtime", "-c", statement], capture_output=True, text=True,
                          check=True, env=ENV)
    start = subprocess.run([sys.executable, "-X", "importtime", "-c", "pass"], capture_output=True, text=True,
                           check=True, env=ENV)
    baseline = {m.group(2) for m in re.finditer(r"\|\s*(\d+) \| (\S+)$", start.stderr, re.M)}
    total = 0
    for line in done.stderr.splitlines():
        match = re.match(r"import time:\s+\d+ \|\s+(\d+) \| (\S.*)$", line)  # top level: no indentation
        if match and match.group(2) not in baseline:
            total += int(match.group(1))
    return total / 1e6


def run() -> list[dict[str, Any]]:
    times: dict[str, list[float]] = {key: [] for key in STATEMENTS}
    for statement in STATEMENTS.values():  # untimed: writes the bytecode the timed runs read
        subprocess.run([sys.executable, "-c", statement], check=True, env=ENV)
    for _ in range(RUNS):  # interleaved, so load on the machine hits each statement alike
        for key, statement in STATEMENTS.items():
            times[key].append(import_seconds(statement))
    median = {key: statistics.median(values) for key, values in times.items()}
    lazy, topo = median["topo_ext"] / median["httpx"], median["topo"] / median["httpx"]
    return [
        {"id": "imports.httpx", "name": "import: import httpx", "seconds": median["httpx"], "ratio": 1.0,
         "baseline": "import httpx", "goal": None, "met": None},
        {"id": "imports.topo_ext", "name": "import: import topo_ext (lazy)", "seconds": median["topo_ext"],
         "ratio": lazy, "baseline": "import httpx", "goal": f"<= {GOAL}x", "met": lazy <= GOAL},
        {"id": "imports.topo", "name": "import: from topo_ext import Topo", "seconds": median["topo"],
         "ratio": topo, "baseline": "import httpx", "goal": None, "met": None},
    ]
