"""`python -m topo_tools.sandbox`: serve the sandbox on 127.0.0.1 until Ctrl-C (or --exit-after seconds)."""

from __future__ import annotations

import argparse
import sys
import time

from ._faults import FAULT_KINDS, FaultConfig
from ._server import Sandbox


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m topo_tools.sandbox", description=__doc__)
    parser.add_argument("--port", type=int, default=8080, help="port on 127.0.0.1 (0 = any free port)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the demo data")
    parser.add_argument("--seed-activities", type=int, default=2000, metavar="N", help="activities to seed")
    parser.add_argument("--rate-limit", type=float, metavar="N", help="requests per second per API key")
    parser.add_argument("--retry-after-ms", action="store_true", help="also send retry-after-ms on 429s")
    parser.add_argument("--latency-ms", type=float, default=0.0, metavar="N", help="added to every response")
    parser.add_argument("--faults", type=float, default=0.0, metavar="RATE", help="fraction of requests to break")
    parser.add_argument("--fault-kinds", default=",".join(FAULT_KINDS), metavar="K,K",
                        help=f"which faults to inject (default: all of {','.join(FAULT_KINDS)})")
    parser.add_argument("--slow-seconds", type=float, default=2.0, metavar="S", help="how long a 'slow' fault stalls")
    parser.add_argument("--exit-after", type=float, metavar="SECONDS", help="stop by itself after this long")
    args = parser.parse_args(argv)
    try:
        faults = FaultConfig(rate=args.faults, kinds=tuple(k for k in args.fault_kinds.split(",") if k),
                             seed=args.seed, slow_seconds=args.slow_seconds) if args.faults else None
        sandbox = Sandbox(seed=args.seed, activities=args.seed_activities, rate_limit=args.rate_limit,
                          latency=args.latency_ms / 1000, faults=faults, port=args.port,
                          retry_after_ms=args.retry_after_ms)
        sandbox.start()
    except (ValueError, OSError, RuntimeError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    # The key below is minted by this sandbox process and works nowhere else.
    print(f"Topo sandbox listening on {sandbox.base_url}", flush=True)
    print(f"Sandbox API key (every scope, this process only): {sandbox.api_key}", flush=True)
    print(f"  export TOPO_BASE_URL={sandbox.base_url} TOPO_API_KEY={sandbox.api_key}", flush=True)
    print("Press Ctrl-C to stop.", flush=True)
    try:
        deadline = time.monotonic() + args.exit_after if args.exit_after else None
        while deadline is None or time.monotonic() < deadline:
            time.sleep(0.2)
    except KeyboardInterrupt:
        pass
    finally:
        sandbox.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
