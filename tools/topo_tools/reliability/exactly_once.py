"""Kill-and-resume runs for the exactly-once guarantees (tests/topo_ext/streaming/test_exactly_once.py, `make reliability`).

A consumer runs in its own process against a `Sandbox` served by this process, is killed with SIGKILL (at random
moments picked here, or by a hook at a chosen point inside the child), and is started again, the same way, until
one run finishes. Meanwhile new activities arrive in bursts sharing one `created_at`. Then every id of the
sandbox must appear exactly once in the consumer's output.

Two consumers:
- `topo activities export -o FILE --cursor-file C` (`run_cli`), JSON lines or CSV;
- the README's transactional SQLite example (`run_readme_example`), executed from the README itself.

Children are forked from a `forkserver` that has imported topo_ext already, so that a start costs milliseconds
rather than an interpreter start (these runs start 20+ processes each); each is still a separate process with its
own memory, files and sockets, killed by the kernel mid-whatever.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import multiprocessing
import os
import random
import re
import signal
import sqlite3
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from topo_tools.sandbox import EVENT_TYPES, Sandbox

#: Where the hooks kill the CLI export: around the n-th cursor save (the rows already written and fsynced).
CLI_POINTS = ("before-save", "after-save")
#: Where the hooks kill the README example while it handles the n-th activity (see `run_readme_example`).
README_POINTS = ("before-insert", "after-insert", "after-save", "after-commit")
RUN_TIMEOUT = 60.0  # one child run; far above what a run takes, so only a hang hits it
_ctx = multiprocessing.get_context("forkserver")
_ctx.set_forkserver_preload(["topo_ext.cli", "topo_tools.sandbox", "topo_tools.reliability.exactly_once"])


# --- what runs in the child --------------------------------------------------------------------------------


def _die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def run_cli(argv: list[str], env: dict[str, str], hook: tuple[str, int] | None, log: str) -> None:
    """`topo` with `argv`; `hook` = ("before-save" | "after-save", n): SIGKILL around the n-th cursor save (after
    the rows were written and fsynced, before / after the cursor file is replaced)."""
    os.environ.update(env)
    from topo_ext.cli import _activities, main

    if hook:
        where, n = hook
        real, calls = _activities._replace_atomically, 0

        def replace(path: Path, text: str) -> None:
            nonlocal calls
            calls += 1
            if calls == n and where == "before-save":
                _die()
            real(path, text)
            if calls == n and where == "after-save":
                _die()

        _activities._replace_atomically = replace
    with open(log, "a") as err:
        sys.exit(main(argv, stdout=io.StringIO(), stderr=err))


def readme_example(readme: Path) -> str:
    """The README's transactional SQLite example (the code block after the `exactly-once-example` marker)."""
    text = readme.read_text()
    found = re.search(r"<!-- exactly-once-example.*?-->\n```python\n(.*?)```", text, re.S)
    if not found:
        raise AssertionError(f"{readme}: the exactly-once-example code block is missing")
    return found.group(1)


def run_readme_example(code: str, workdir: str, env: dict[str, str], hook: tuple[str, int] | None) -> None:
    """The README example `code`, as written, in `workdir`; `hook` = (point, n): SIGKILL at `point` of the n-th
    activity: "before-insert", "after-insert" (row written, cursor not), "after-save" (both written, not committed),
    "after-commit" (committed, before the next activity)."""
    os.environ.update(env)
    os.chdir(workdir)
    from topo_ext import streaming

    point, n = hook or ("", 0)
    count = {"insert": 0, "save": 0, "commit": 0}

    def at(event: str, where: str) -> None:
        if point == where and count[event] == n:
            _die()

    class Connection(sqlite3.Connection):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            # Commits survive a killed process without fsync (the kernel keeps the written pages); only a power cut
            # needs it, and an fsync per transaction would make 5,000 of them take minutes on CI disks.
            super().execute("PRAGMA journal_mode=WAL")
            super().execute("PRAGMA synchronous=OFF")

        def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:
            inserting = sql.lstrip().upper().startswith("INSERT INTO ACTIVITIES")
            if inserting:
                count["insert"] += 1
                at("insert", "before-insert")
            result = super().execute(sql, *args)
            if inserting:
                at("insert", "after-insert")
            return result

        def __exit__(self, *exc: Any) -> Any:
            result = super().__exit__(*exc)
            count["commit"] += 1
            at("commit", "after-commit")
            return result

    real_save = streaming.DBAPICursorStore.save

    def save(self: streaming.DBAPICursorStore, cursor: streaming.Cursor) -> None:
        real_save(self, cursor)
        count["save"] += 1
        at("save", "after-save")

    streaming.DBAPICursorStore.save = save  # type: ignore[method-assign]
    sqlite3.connect = functools.partial(sqlite3.connect, factory=Connection)  # type: ignore[assignment]
    # The point is to run the README's own code, as users will copy it.
    exec(compile(code, "README.md:exactly-once-example", "exec"), {"__name__": "__readme__"})  # noqa: S102


# --- the driver --------------------------------------------------------------------------------------------


@dataclass
class Outcome:
    """What a kill-and-resume series did, and what the consumer's output holds."""

    name: str
    expected: int = 0  # activities in the sandbox at the end
    arrived: int = 0  # of which arrived during the series
    runs: int = 0
    kills: Counter[str] = field(default_factory=Counter)  # how each kill happened -> count
    ids: Counter[str] = field(default_factory=Counter)  # id -> times found in the output
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def missing(self) -> int:
        return self.expected - len(self.ids)

    @property
    def duplicated(self) -> int:
        return sum(n - 1 for n in self.ids.values() if n > 1)

    @property
    def ok(self) -> bool:
        return not self.problems and self.missing == 0 and self.duplicated == 0 and self.kills.total() >= 20


class Arrivals:
    """New activities while the consumer runs: bursts of 1-4 sharing one created_at, one burst per `every` s."""

    def __init__(self, sb: Sandbox, rng: random.Random, every: float = 0.25) -> None:
        self.sb, self.rng, self.every = sb, rng, every
        self.count = 0
        self._last = time.monotonic()

    def tick(self) -> None:
        if time.monotonic() - self._last < self.every:
            return
        self._last = time.monotonic()
        now = datetime.now(UTC)
        for _ in range(self.rng.choice([1, 1, 2, 4])):
            self.sb.state.add_activity(self.rng.choice(EVENT_TYPES), created_at=now, notify=False)
            self.count += 1


def _supervise(start: Callable[[tuple[str, int] | None], Any], plan: Callable[[int], tuple[str, Any]],
               kills: int, arrivals: Arrivals, progress: Callable[[], int], outcome: Outcome) -> None:
    """Start the consumer and kill it as `plan(n)` says for the n-th kill, until `kills` kills happened (a run
    that ends before its kill is not counted), then run it once to the end."""
    while outcome.kills.total() < kills and outcome.runs < 3 * kills:
        _run_once(start, *plan(outcome.kills.total()), arrivals, progress, outcome)
    _run_once(start, "finish", None, arrivals, progress, outcome)


def _run_once(start: Callable[[tuple[str, int] | None], Any], how: str, arg: Any, arrivals: Arrivals,
              progress: Callable[[], int], outcome: Outcome) -> None:
    proc = start(arg if how == "hook" else None)
    outcome.runs += 1
    delay, growth = arg if how == "time" else (RUN_TIMEOUT, arg if how == "grow" else None)
    target = progress() + growth if growth is not None else None
    deadline = time.monotonic() + delay
    while proc.is_alive():
        if how != "finish":
            arrivals.tick()
        if (target is not None and progress() >= target) or time.monotonic() >= deadline:
            proc.kill()  # SIGKILL
            break
        time.sleep(0.002)
    proc.join(RUN_TIMEOUT)
    if how != "time" and time.monotonic() >= deadline:
        outcome.problems.append(f"run {outcome.runs} ({how}) still running after {RUN_TIMEOUT:.0f}s")
    elif proc.exitcode == -signal.SIGKILL:
        outcome.kills[f"hook:{arg[0]}" if how == "hook" else how] += 1
    elif proc.exitcode != 0:
        outcome.problems.append(f"run {outcome.runs} ({how}) exited with {proc.exitcode}")


def export_series(sb: Sandbox, workdir: Path, fmt: str, *, seed: int, kills: int = 16, hooks: int = 4) -> Outcome:
    """Kill `topo activities export -o FILE --cursor-file C --format fmt` `kills` times at random moments and
    `hooks` times around a cursor save, resuming each time; then check FILE."""
    rng = random.Random(seed)
    out, cursor, log = workdir / f"export.{fmt}", workdir / f"cursor-{fmt}.json", workdir / f"stderr-{fmt}.log"
    argv = ["activities", "export", "--format", fmt, "-o", str(out), "--cursor-file", str(cursor)]
    env = {"TOPO_API_KEY": sb.api_key, "TOPO_BASE_URL": sb.base_url}
    outcome = Outcome(f"CLI export ({fmt})")
    json_bytes = sum(len(json.dumps(a)) for a in sb.state.activities.values()) // len(sb.state.activities)

    def size() -> int:
        return out.stat().st_size if out.exists() else 0

    def growth(n: int) -> int:
        """A random share (0-2x an even split) of what is left to write among the kills still to come, so that
        FILE is never finished before the last kill, however fast this machine is."""
        data = out.read_bytes() if out.exists() else b""
        row_bytes = len(data) // data.count(b"\n") if data.count(b"\n") >= 50 else json_bytes // 2
        left = len(sb.state.activities) * row_bytes - len(data)
        return rng.randint(1, max(2, 2 * left // (kills + hooks - n + 2)))

    # Random moments: most when FILE has grown by a random amount (anywhere inside a row, a write, a commit), some
    # after a random delay (also during start-up and requests); and kills by the hook, just before and just
    # after the cursor file is replaced (the rows already written and fsynced).
    # Hook kills come early, while far more than one commit's worth of rows is left: a run that is not killed
    # before its first save would otherwise be allowed to finish the file.
    hook_at = sorted(rng.sample(range((kills + hooks) * 3 // 5), hooks))

    def plan(n: int) -> tuple[str, Any]:
        if n in hook_at:  # alternately just before and just after the run's first cursor save
            return "hook", (CLI_POINTS[hook_at.index(n) % 2], 1)
        if rng.random() < 0.75:
            return "grow", growth(n)
        return "time", (rng.uniform(0.0, 0.5), growth(n))  # or earlier, when FILE has grown by that much

    def start(hook: tuple[str, int] | None) -> Any:
        proc = _ctx.Process(target=run_cli, args=(argv, env, hook, str(log)), daemon=True)
        proc.start()
        return proc

    started = time.monotonic()
    arrivals = Arrivals(sb, rng)
    _supervise(start, plan, kills + hooks, arrivals, size, outcome)
    outcome.seconds = time.monotonic() - started
    outcome.expected, outcome.arrived = len(sb.state.activities), arrivals.count
    text = out.read_text(encoding="utf-8")
    if fmt == "jsonl":
        for n, line in enumerate(text.splitlines(), 1):
            try:
                outcome.ids[json.loads(line)["id"]] += 1
            except (ValueError, KeyError):
                outcome.problems.append(f"{out.name} line {n} is not a whole JSON row: {line[:60]!r}")
    else:
        rows = list(csv.reader(io.StringIO(text)))
        header = rows[0] if rows else []
        if header[:2] != ["id", "created_at"]:
            outcome.problems.append(f"{out.name} does not start with the CSV header: {header[:3]}")
        if sum(1 for r in rows if r == header) != 1:
            outcome.problems.append(f"{out.name}: the header appears {sum(1 for r in rows if r == header)} times")
        for n, row in enumerate(rows[1:], 2):
            if len(row) != len(header):
                outcome.problems.append(f"{out.name} row {n} has {len(row)} cells, not {len(header)}")
            outcome.ids[row[0]] += 1
    _check_ids(sb, outcome)
    return outcome


def readme_series(sb: Sandbox, workdir: Path, readme: Path, *, seed: int, kills: int = 20) -> Outcome:
    """Kill the transactional SQLite example of `readme` (README.md) `kills` times inside its handler (at a random
    activity and point of the transaction) or at a random moment, resuming each time; then check its table."""
    rng = random.Random(seed)
    env = {"TOPO_API_KEY": sb.api_key, "TOPO_BASE_URL": sb.base_url}
    code = readme_example(readme)
    db = workdir / "crm.db"
    outcome = Outcome("README SQLite example")
    hook_at = sorted(rng.sample(range(kills), kills - kills // 4))

    def plan(n: int) -> tuple[str, Any]:
        if n in hook_at:  # each point in turn, while handling a random one of the next 150 activities
            return "hook", (README_POINTS[hook_at.index(n) % 4], rng.randint(1, 150))
        return "time", (rng.uniform(0.0, 0.3), None)

    def start(hook: tuple[str, int] | None) -> Any:
        proc = _ctx.Process(target=run_readme_example, args=(code, str(workdir), env, hook), daemon=True)
        proc.start()
        return proc

    def rows() -> int:
        return 0  # kills here come from the hooks and timers, not from the table's growth

    started = time.monotonic()
    arrivals = Arrivals(sb, rng)
    _supervise(start, plan, kills, arrivals, rows, outcome)
    outcome.seconds = time.monotonic() - started
    outcome.expected, outcome.arrived = len(sb.state.activities), arrivals.count
    with sqlite3.connect(db) as conn:
        outcome.ids.update(row[0] for row in conn.execute("SELECT id FROM activities"))
    conn.close()
    _check_ids(sb, outcome)
    return outcome


def _check_ids(sb: Sandbox, outcome: Outcome) -> None:
    unknown = set(outcome.ids) - set(sb.state.activities)
    if unknown:
        outcome.problems.append(f"{len(unknown)} ids that the sandbox never had, e.g. {sorted(unknown)[:3]}")


def describe(o: Outcome) -> str:
    kills = ", ".join(f"{k} {v}" for k, v in sorted(o.kills.items()))
    return (f"{o.name}: {o.kills.total()} kills ({kills}), {o.runs} runs, {o.expected:,} ids ({o.arrived} arrived "
            f"during the runs): {o.missing} missing, {o.duplicated} duplicated, {o.seconds:.1f}s"
            + "".join(f"\n    problem: {p}" for p in o.problems[:5]))
