"""Reliability run (`make reliability`): export 10,000 activities through injected faults; print the figures.

Everything runs against the local sandbox (`topo_tools.sandbox`) on 127.0.0.1, with its fault injection:
429 (Retry-After / retry-after-ms), 500/503 (JSON), 502 (nginx HTML page), connection resets, slow answers
(held `SLOW_SECONDS`, longer than the client's `TIMEOUT`), truncated JSON and 200 HTML pages.

1. Export: 10,000 seeded activities, exported with `client.activities.stream()` and with plain iteration of
   `client.activities.list(...)`, while 30% of API requests get a fault. Client: `max_retries=6` (at 30% faults a
   page needs 7 faults in a row to fail: about 2 in 10,000 requests). If a call still fails, the export resumes
   the documented way: `stream(cursor=stream.cursor)`, or for the list, from the page after the last item
   consumed. The same exports also run with `max_retries=1` so that the resume path is actually exercised.
   Each export must deliver every id exactly once, and send at most 1.5 x ideal + faults hit requests (ideal = the
   same export's request count without faults; faults hit = faults the sandbox injected, each needing one retry).
2. Error mapping: each fault kind forced on every request, with `max_retries=0`, for a GET and a POST: the error
   must be the documented class, carry the request id when there was a response, and show it in `str(err)`.
3. Retry counts: each fault kind forced with `max_retries=2`: a GET makes exactly 3 attempts; a POST is retried
   only on 429 (the only fault where the server certainly did nothing), else it makes 1 attempt.
4. Exactly once across kills (`exactly_once.py`): `topo activities export -o FILE --cursor-file C`
   (JSON lines, CSV) and the README's transactional SQLite example, each SIGKILLed 20+ times over 5,000
   activities with arrivals during the runs and resumed: every id exactly once in FILE / the user's table.
5. Unknown rate limit: a list() walk at 5 and 20 req/s (integer Retry-After, 50 ms latency), sequential and async
   prefetch, the client not told the limit, 30% faults: 0 lost, 0 duplicated. Time and limiter 429s are reported;
   the time is mostly the faults' (1 s timeouts on slow answers, backoff), and the fault-injected 429s (3.75% of
   requests, indistinguishable from the limit's) also cut the learned rate.
6. Hostile answers (`hostile.py`): redirects, garbage Retry-After, deep JSON, a gzip bomb, broken gzip, pages that
   never progress, a key echoed back, through Topo, AsyncTopo and the CLI: counts of probes ending as documented.

    python -m topo_tools.reliability --readme README.md [--seed 7] [--activities 10000]
"""

from __future__ import annotations

import argparse
import itertools
import math
import re
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from topo_ext import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APITimeoutError,
    InternalServerError,
    RateLimitError,
    Topo,
)
from topo_ext.models import SortOrder

from ..sandbox import FAULT_KINDS, FaultConfig, Sandbox

FAULT_RATE = 0.3
MAX_RETRIES = 6
RESUME_PATH_RETRIES = 1
SLOW_SECONDS = 2.0  # how long the sandbox holds a "slow" answer ...
TIMEOUT = 1.0  # ... which the client gives up on first
PAGE_SIZE = 100
MAX_RESUMES = 200  # a safety net: an export that needs more is broken, not unlucky
REQUEST_ID = re.compile(r"^req_[a-z0-9]{26}$")

# What a fault that is not retried away must surface as: (exact class, whether a request id is expected).
EXPECTED: dict[str, tuple[type[APIError], bool]] = {
    "429": (RateLimitError, True),
    "500": (InternalServerError, True),
    "502": (InternalServerError, True),
    "503": (InternalServerError, True),
    "reset": (APIConnectionError, False),  # no response, so no request id
    "slow": (APITimeoutError, False),
    "truncated": (APIResponseValidationError, True),
    "html": (APIResponseValidationError, True),
}


# --- pure bookkeeping (tested in tests/topo_tools/reliability) ------------------------------------------------


def resume_point(done: int, size: int) -> tuple[int, int]:
    """Where a plain list export continues after `done` items: (page number, items of that page to skip)."""
    page, skip = divmod(done, size)
    return page + 1, skip


def lost_and_duplicated(expected: set[str], got: list[str]) -> tuple[int, int]:
    """How many expected ids never arrived, and how many arrivals repeated an id."""
    return len(expected - set(got)), len(got) - len(set(got))


def storm_limit(ideal: int, faults_hit: int) -> float:
    """The most requests an export may send: 1.5 x its fault-free count, plus one retry per injected fault."""
    return 1.5 * ideal + faults_hit


def retry_attempts(kind: str, method: str, max_retries: int) -> int:
    """Attempts the documented retry rule makes when `kind` hits every try of a `method` request."""
    if method == "GET" or kind == "429":  # POST: only a 429 proves the server did nothing
        return max_retries + 1
    return 1


# --- exports ----------------------------------------------------------------------------------------------


@dataclass
class Export:
    ids: list[str] = field(default_factory=list)
    resumes: Counter[str] = field(default_factory=Counter)  # error class that forced a resume -> count


def export_stream(client: Topo) -> Export:
    """Every activity via `stream()`; after an error, resume from the stream's cursor."""
    out = Export()
    cursor = None
    while True:
        stream = client.activities.stream(cursor=cursor)
        try:
            with stream:
                for activity in stream:
                    out.ids.append(str(activity.id))
            return out
        except APIError as err:
            _count_resume(out, err)
            cursor = stream.cursor


def export_list(client: Topo) -> Export:
    """Every activity by iterating `list()` (it walks the pages); after an error, resume after the last item."""
    out = Export()
    while True:
        page, skip = resume_point(len(out.ids), PAGE_SIZE)
        try:
            items = client.activities.list(page=page, size=PAGE_SIZE, sort_by="created_at", sort_order=SortOrder.ASC)
            for activity in itertools.islice(items, skip, None):
                out.ids.append(str(activity.id))
            return out
        except APIError as err:
            _count_resume(out, err)


def _count_resume(out: Export, err: APIError) -> None:
    out.resumes[type(err).__name__] += 1
    if out.resumes.total() > MAX_RESUMES:
        raise SystemExit(f"reliability: more than {MAX_RESUMES} resumes; last error: {err}") from err


@dataclass
class ExportRun:
    name: str
    max_retries: int
    ids: int
    lost: int
    duplicated: int
    resumes: Counter[str]
    requests: int
    ideal: int
    faults: Counter[str]
    seconds: float

    @property
    def faults_hit(self) -> int:
        return self.faults.total()

    @property
    def excess(self) -> int:
        """Requests beyond ideal + one per fault: 0 for a client that retries exactly what failed."""
        return self.requests - self.ideal - self.faults_hit

    @property
    def ok(self) -> bool:
        return self.lost == 0 and self.duplicated == 0 and self.requests <= storm_limit(self.ideal, self.faults_hit)


def run_export(sb: Sandbox, name: str, exporter: Callable[[Topo], Export], client: Topo, ideal: int,
               faults: FaultConfig, expected: set[str]) -> ExportRun:
    sb.faults = faults  # a new config object restarts its seeded sequence
    sb.stats.reset()
    started = time.monotonic()
    result = exporter(client)
    seconds = time.monotonic() - started
    sb.faults = None
    stats = sb.stats.snapshot()
    lost, dup = lost_and_duplicated(expected, result.ids)
    return ExportRun(name, client.max_retries, len(result.ids), lost, dup, result.resumes, stats["requests"], ideal,
                     Counter(stats["faults"]), seconds)


def ideal_requests(sb: Sandbox, exporter: Callable[[Topo], Export], client: Topo) -> int:
    sb.faults = None
    sb.stats.reset()
    exporter(client)
    return int(sb.stats.snapshot()["requests"])


# --- error mapping and retry counts ------------------------------------------------------------------------


@dataclass
class Check:
    kind: str
    method: str
    ok: bool
    detail: str


_emails = itertools.count()


def _call(client: Topo, method: str) -> None:
    if method == "GET":
        client.activities.list(size=5)
    else:  # a fresh address each time: slow/truncated faults let the create happen
        client.contact_exclusions.create(email=f"reliability-{next(_emails)}@example.com", reason="OTHER")


def check_mapping(sb: Sandbox, client: Topo, kind: str, method: str) -> Check:
    """With max_retries=0, a forced `kind` fault must raise its documented class, with the request id."""
    cls, has_id = EXPECTED[kind]
    sb.faults = FaultConfig(rate=1.0, kinds=(kind,), slow_seconds=SLOW_SECONDS)
    try:
        _call(client.with_options(max_retries=0), method)
    except APIError as err:
        problems = []
        if type(err) is not cls:
            problems.append(f"expected {cls.__name__}")
        if err.attempts != 1:
            problems.append(f"attempts={err.attempts}, expected 1")
        request_id = getattr(err, "request_id", None)
        if has_id:
            response = getattr(err, "response", None)
            header = response.headers.get("x-request-id") if response is not None else None
            if not (isinstance(request_id, str) and REQUEST_ID.match(request_id) and request_id == header):
                problems.append(f"request_id={request_id!r}, expected the response's x-request-id {header!r}")
            elif request_id not in str(err):
                problems.append("str(err) does not show the request id")
        if kind == "502" and "non-JSON" not in err.message:
            problems.append("the message does not say the body was not JSON")
        shown = f"{type(err).__name__}: {str(err)[:110]}"
        return Check(kind, method, not problems, "; ".join([*problems, shown]))
    finally:
        sb.faults = None
    return Check(kind, method, False, "no error raised")


def check_retries(sb: Sandbox, client: Topo, kind: str, method: str, max_retries: int = 2) -> Check:
    """With every try faulted, the client makes exactly the attempts its retry rule allows, and no more."""
    expected = retry_attempts(kind, method, max_retries)
    sb.faults = FaultConfig(rate=1.0, kinds=(kind,), slow_seconds=SLOW_SECONDS)
    sb.stats.reset()
    try:
        _call(client.with_options(max_retries=max_retries), method)
    except APIError as err:
        sent = sb.stats.snapshot()["requests"]
        ok = err.attempts == expected == sent
        return Check(kind, method, ok, f"attempts={err.attempts} requests={sent} expected={expected}")
    finally:
        sb.faults = None
    return Check(kind, method, False, "no error raised")


# --- report ------------------------------------------------------------------------------------------------


def _resumes(counter: Counter[str]) -> str:
    return str(counter.total()) + (f" ({', '.join(f'{k} {v}' for k, v in sorted(counter.items()))})"
                                   if counter else "")


def report(exports: list[ExportRun], mapping: list[Check], retries: list[Check], total: int, seed: int,
           seconds: float) -> bool:
    print("\n" + "=" * 100)
    print("RELIABILITY FIGURES")
    print(f"sandbox: {total:,} activities; faults on {FAULT_RATE:.0%} of API requests, kinds {', '.join(FAULT_KINDS)} "
          f"(seed {seed}); slow = {SLOW_SECONDS}s held vs client timeout {TIMEOUT}s; page size {PAGE_SIZE} "
          f"({math.ceil(total / PAGE_SIZE)} pages)")
    print("ideal = the export's request count without faults (stream(): each keyset request re-reads the boundary "
          "activity, hence a little over the page count)\n")
    head = (f"{'export':<30}{'retries':>8}{'ids':>8}{'lost':>6}{'dup':>5}{'requests':>10}{'ideal':>7}"
            f"{'faults':>8}{'excess':>8}{'limit':>8}{'time':>8}  resumes")
    print(head)
    for e in exports:
        print(f"{e.name:<30}{e.max_retries:>8}{e.ids:>8}{e.lost:>6}{e.duplicated:>5}{e.requests:>10}{e.ideal:>7}"
              f"{e.faults_hit:>8}{e.excess:>8}{storm_limit(e.ideal, e.faults_hit):>8.0f}{e.seconds:>7.1f}s  "
              f"{_resumes(e.resumes)}")
    hit: Counter[str] = Counter()
    for e in exports:
        hit.update(e.faults)
    print("faults hit by kind (all exports): " + ", ".join(f"{k} {hit[k]}" for k in FAULT_KINDS))

    print("\nunrecoverable faults (max_retries=0) -> error raised")
    for c in mapping:
        print(f"  {'ok  ' if c.ok else 'FAIL'} {c.kind:<10}{c.method:<5}{c.detail}")
    print("\npersistent faults (max_retries=2) -> attempts (GET: 3; POST: 3 on 429, else 1)")
    for c in retries:
        print(f"  {'ok  ' if c.ok else 'FAIL'} {c.kind:<10}{c.method:<5}{c.detail}")

    main = [e for e in exports if e.max_retries == MAX_RETRIES]
    resume_runs = [e for e in exports if e.max_retries != MAX_RETRIES]
    criteria = [
        (f"export of {total:,} with {FAULT_RATE:.0%} faults, max_retries={MAX_RETRIES}: 0 lost, 0 duplicated",
         all(e.lost == 0 == e.duplicated and e.ids == total for e in main)),
        ("resume path (max_retries=1): 0 lost, 0 duplicated",
         all(e.lost == 0 == e.duplicated and e.ids == total for e in resume_runs)),
        ("no retry storm: requests <= 1.5 x ideal + faults hit, every export", all(e.ok for e in exports)),
        ("every unrecoverable fault raises its documented class with the request id", all(c.ok for c in mapping)),
        ("retries stop at max_retries; POST retried only on 429", all(c.ok for c in retries)),
    ]
    print()
    for text, ok in criteria:
        print(f"  {'PASS' if ok else 'FAIL'}  {text}")
    if not any(e.resumes for e in resume_runs):
        print("  note: no export needed a resume, so the resume path was not exercised this run")
    passed = all(ok for _, ok in criteria)
    print(f"\nreliability: {'PASS' if passed else 'FAIL'} in {seconds:.0f}s")
    print("=" * 100)
    return passed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m topo_tools.reliability",
                                     description="Export activities through injected faults (see the docstring).")
    parser.add_argument("--readme", type=Path, required=True,
                        help="the README whose exactly-once example section 4 runs (README.md)")
    parser.add_argument("--seed", type=int, default=7, help="fault injection seed (default 7)")
    parser.add_argument("--activities", type=int, default=10_000, help="activities to seed (default 10000)")
    opts = parser.parse_args(argv)
    started = time.monotonic()
    with Sandbox(seed=1, activities=opts.activities) as sb:
        expected = set(sb.state.activities)
        with Topo(api_key=sb.api_key, base_url=sb.base_url, timeout=TIMEOUT, max_retries=MAX_RETRIES,
                  log_drift=False) as client:
            exporters = [("stream()", export_stream), ("list() iteration", export_list)]
            ideals = {name: ideal_requests(sb, fn, client) for name, fn in exporters}
            exports = []
            for n, (retries, (name, fn)) in enumerate(itertools.product((MAX_RETRIES, RESUME_PATH_RETRIES),
                                                                        exporters)):
                faults = FaultConfig(rate=FAULT_RATE, seed=opts.seed + n, slow_seconds=SLOW_SECONDS)
                label = name if retries == MAX_RETRIES else f"{name} resume path"
                run = run_export(sb, label, fn, client.with_options(max_retries=retries), ideals[name], faults,
                                 expected)
                print(f"{label}: {run.ids} ids, {run.requests} requests, {run.faults_hit} faults, "
                      f"{run.resumes.total()} resumes, {run.seconds:.1f}s", flush=True)
                exports.append(run)
            mapping = [check_mapping(sb, client, kind, method) for kind in FAULT_KINDS for method in ("GET", "POST")]
            retries_checks = [check_retries(sb, client, kind, method)
                              for kind in FAULT_KINDS for method in ("GET", "POST")]
    ok = report(exports, mapping, retries_checks, len(expected), opts.seed, time.monotonic() - started)
    from .limited_walks import limited_walks, report_limited  # section 5

    ok = report_limited(limited_walks(opts.seed, opts.activities)) and ok
    from .hostile import hostile_report  # issue 29: crafted answers, in-process and cheap

    ok = hostile_report() and ok
    ok = exactly_once_report(opts.seed, opts.readme) and ok
    record_latest(opts.readme, time.monotonic() - started, ok)
    return 0 if ok else 1


LATEST = re.compile(r"(<!-- reliability-latest -->).*?(<!-- /reliability-latest -->)", re.S)


def record_latest(readme: Path, seconds: float, passed: bool) -> None:
    """Write this run's duration and verdict into `readme` between the `reliability-latest` markers (never typed)."""
    import os

    text = readme.read_text(encoding="utf-8")
    if not LATEST.search(text):
        print(f"reliability: {readme} has no <!-- reliability-latest --> marker; duration not recorded")
        return
    line = (f"last run {time.strftime('%Y-%m-%d')}: {seconds / 60:.1f} min on {os.cpu_count()} CPUs, "
            f"{'PASS' if passed else 'FAIL'}")
    readme.write_text(LATEST.sub(lambda m: f"{m.group(1)}{line}{m.group(2)}", text, count=1), encoding="utf-8")


# --- exactly once across kills (section 4) -----------------------------------------------------------------


def exactly_once_report(seed: int, readme: Path) -> bool:
    """Kill-and-resume series of the file export and the README's SQLite example; print their figures."""
    import tempfile

    from .exactly_once import describe, export_series, readme_series

    print("\nEXACTLY ONCE ACROSS KILLS (SIGKILL at random moments and between write and commit, then resume)")
    with Sandbox(seed=23, activities=5000) as sb, tempfile.TemporaryDirectory() as tmp:
        outcomes = [export_series(sb, Path(tmp), "jsonl", seed=seed),
                    export_series(sb, Path(tmp), "csv", seed=seed + 1),
                    readme_series(sb, Path(tmp), readme, seed=seed + 2)]
    for o in outcomes:
        print(f"  {'PASS' if o.ok else 'FAIL'}  {describe(o)}")
    passed = all(o.ok for o in outcomes)
    print(f"exactly once: {'PASS' if passed else 'FAIL'}")
    return passed


