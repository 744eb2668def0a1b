"""`python -m topo_tools.sandbox`: serve the sandbox on 127.0.0.1 until Ctrl-C (or --exit-after seconds)."""

from __future__ import annotations

import argparse
import math
import sys
import time
from collections.abc import Callable

from ._faults import FAULT_KINDS, FaultConfig
from ._server import Sandbox

# Bounds of the numeric flags, checked at parse time: a value outside them is one usage error naming the flag, not
# a sandbox that hangs on every request, exits at once or seeds until memory runs out.
MAX_ACTIVITIES = 1_000_000  # ~1.3 KB and ~45 us each: a million is ~1.3 GB and ~45 s to seed; no run needs more
MAX_WAIT = 300.0  # seconds of latency or of a slow fault: past every client timeout worth testing, yet a run ends
MAX_RATE = 1_000_000.0  # requests/s: far above what one local process serves (leave --rate-limit out for no limit)


def _number(kind: type[int] | type[float], ok: Callable[[float], bool], rule: str) -> Callable[[str], float]:
    """An argparse type: `kind(text)`, refused (argparse names the flag) unless finite and `ok`; nan never is."""
    def convert(text: str) -> float:
        value = kind(text)  # a ValueError is argparse's "invalid int/float value"
        if not (math.isfinite(value) and ok(value)):
            raise argparse.ArgumentTypeError(f"must be {rule}, got {text}")
        return value
    convert.__name__ = kind.__name__
    return convert


def _kinds(text: str) -> tuple[str, ...]:
    kinds = tuple(k for k in text.split(",") if k)
    unknown = [k for k in kinds if k not in FAULT_KINDS]
    if unknown or not kinds:
        raise argparse.ArgumentTypeError(f"unknown {','.join(unknown) or 'or empty'} ({text!r}); choose from "
                                         f"{','.join(FAULT_KINDS)}")
    return kinds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m topo_tools.sandbox", description=__doc__)
    parser.add_argument("--port", type=_number(int, lambda v: 0 <= v <= 65535, "0 to 65535"), default=8080,
                        help="port on 127.0.0.1 (0 = any free port)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the demo data (any integer)")
    parser.add_argument("--seed-activities", default=2000, metavar="N",
                        type=_number(int, lambda v: 0 <= v <= MAX_ACTIVITIES, f"0 to {MAX_ACTIVITIES}"),
                        help=f"activities to seed (at most {MAX_ACTIVITIES}: each costs memory and start-up time)")
    parser.add_argument("--rate-limit", metavar="N", type=_number(float, lambda v: 0 < v <= MAX_RATE,
                                                                  f"above 0 and at most {MAX_RATE:.0f}"),
                        help=f"requests per second per API key (above 0, at most {MAX_RATE:.0f})")
    parser.add_argument("--retry-after-ms", action="store_true", help="also send retry-after-ms on 429s")
    parser.add_argument("--latency-ms", default=0.0, metavar="N",
                        type=_number(float, lambda v: 0 <= v <= MAX_WAIT * 1000, f"0 to {MAX_WAIT * 1000:.0f}"),
                        help=f"added to every response (0 to {MAX_WAIT * 1000:.0f}: five minutes)")
    parser.add_argument("--faults", type=_number(float, lambda v: 0 <= v <= 1, "between 0 and 1"), default=0.0,
                        metavar="RATE", help="fraction of requests to break (0 to 1)")
    parser.add_argument("--fault-kinds", type=_kinds, default=",".join(FAULT_KINDS), metavar="K,K",
                        help=f"which faults to inject (default: all of {','.join(FAULT_KINDS)})")
    parser.add_argument("--slow-seconds", default=2.0, metavar="S",
                        type=_number(float, lambda v: 0 <= v <= MAX_WAIT, f"0 to {MAX_WAIT:.0f}"),
                        help=f"how long a 'slow' fault stalls (0 to {MAX_WAIT:.0f}: five minutes)")
    parser.add_argument("--exit-after", metavar="SECONDS", type=_number(float, lambda v: v > 0, "a number above 0"),
                        help="stop by itself after this long (above 0; without it: until Ctrl-C)")
    args = parser.parse_args(argv)
    try:
        faults = FaultConfig(rate=args.faults, kinds=args.fault_kinds, seed=args.seed,
                             slow_seconds=args.slow_seconds) if args.faults else None
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
