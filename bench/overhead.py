"""Overhead: 1,000 `contacts.get(id)` calls through topo_ext vs bare httpx, sharing one connection pool.

Bare httpx sends the same GET with the same headers and does `json.loads` on the body; topo_ext adds argument
checking, the transport policy and the model parse. The sandbox (latency 0) runs in its own process. The topo_ext
loop is also profiled with cProfile; the costliest topo_ext/topo_client functions are reported.
"""

from __future__ import annotations

import cProfile
import json
import pstats
import statistics
import time
from pathlib import Path
from typing import Any

from _sandbox import RemoteSandbox

CALLS = 1_000
ROUNDS = 5
GOAL = 1.15


def _profile(client: Any, contact_id: str, total: float) -> list[dict[str, Any]]:
    """The topo_ext/topo_client functions costing most per call (cumulative), outer wrappers left out."""
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(CALLS):
        client.contacts.get(contact_id)
    profiler.disable()
    stats = pstats.Stats(profiler)
    whole = sum(tt for (_, _, tt, _, _) in stats.stats.values())  # type: ignore[attr-defined]
    rows = []
    for (filename, line, func), (_, calls, tottime, cumtime, _) in stats.stats.items():  # type: ignore[attr-defined]
        parts = Path(filename).parts
        if "topo_ext" not in parts and "topo_client" not in parts:
            continue
        if cumtime > 0.6 * whole:  # the method wrapper, _call, send: everything, says nothing
            continue
        package = "topo_ext" if "topo_ext" in parts else "topo_client"
        where = f"{package}/{Path(filename).name}:{line} {func}"
        rows.append({"function": where, "cumulative_share": cumtime / whole, "own_share": tottime / whole,
                     "calls_per_get": calls / CALLS})
    rows.sort(key=lambda r: (-r["cumulative_share"], r["function"]))
    return rows[:8]


def run() -> list[dict[str, Any]]:
    import httpx

    from topo_ext import Topo, __version__

    with RemoteSandbox(activities=100) as sb, httpx.Client() as http:
        client = Topo(api_key=sb.api_key, base_url=sb.base_url, http_client=http)
        contact_id = client.contacts.list(size=1).items[0].id
        url = f"{sb.base_url}/contacts/{contact_id}"
        headers = {"Authorization": f"Bearer {sb.api_key}", "Accept": "application/json",
                   "User-Agent": f"topo-client-python/{__version__}"}

        def bare() -> None:
            for _ in range(CALLS):
                response = http.get(url, headers=headers)
                if response.status_code != 200:
                    raise RuntimeError(f"bare GET answered {response.status_code}")
                json.loads(response.content)

        def topo() -> None:
            for _ in range(CALLS):
                client.contacts.get(contact_id)

        for fn in (bare, topo):  # warm the pool, the caches and the server
            fn()
        times: dict[str, list[float]] = {"bare": [], "topo": []}
        for _ in range(ROUNDS):  # interleaved, so drift in the machine's speed hits both alike
            for name, fn in (("bare", bare), ("topo", topo)):
                start = time.perf_counter()
                fn()
                times[name].append(time.perf_counter() - start)
        bare_s, topo_s = statistics.median(times["bare"]), statistics.median(times["topo"])
        profile = _profile(client, contact_id, topo_s)
    ratio = topo_s / bare_s
    return [
        {"id": "overhead.bare", "name": f"bare httpx GET + json.loads, {CALLS} calls", "seconds": bare_s,
         "ratio": 1.0, "baseline": "bare httpx", "goal": None, "met": None},
        {"id": "overhead.topo", "name": f"topo_ext contacts.get(id), {CALLS} calls", "seconds": topo_s,
         "ratio": ratio, "baseline": "bare httpx", "goal": f"<= {GOAL}x", "met": ratio <= GOAL,
         "per_call_overhead_us": (topo_s - bare_s) / CALLS * 1e6, "profile": profile},
    ]
