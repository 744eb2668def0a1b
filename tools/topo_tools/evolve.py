"""`make evolve DRIFT_INPUT=...`: the README's whole "When Topo changes" walk in one command.

    python -m topo_tools.evolve INPUT... --spec-dir spec --bundler generator/bundle.py --changelog CHANGELOG.md
                                [--patch drift-patch.yaml] [--make "make VENV=.venv"] [--python PY]

Steps, each printed as the command a person would type: (1) write the spec patch for review (`--patch`), (2)
apply it to the spec, (3) `make generate`, (4) drift against the edited spec is clean, (5) `make api-diff`, (6) a
CHANGELOG entry drafted under [Unreleased], (7) `make test`. It stops at the first step that fails, saying what to
do next; what it changed stays in the working tree for review (`git diff`). Nothing here knows where the spec, the
bundler or the changelog live: the Makefile passes the paths.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shlex
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .drift.spec import _pyyaml

#: What to do when a step fails, by step name.
NEXT = {
    "patch": "fix the input (the message above says what is wrong with it), then run `make evolve` again",
    "apply": "the patch conflicts with the spec: edit {patch} (or the spec) and run `make evolve` again",
    "generate": "the generator failed on the patched spec: fix the spec (see the error above; `git diff spec`) and "
                "run `make generate`, then `make evolve` again",
    "drift clean": "what is still reported needs a person (type changes, missing required fields, new endpoints): "
                   "describe it in spec/ by hand, `make generate`, then `make evolve` again",
    "api-diff": "a breaking change: undo it in the patch/spec, or accept it in api-diff-accepted.yaml with a reason "
                "(and a CHANGELOG 'Changed'/'Removed' entry), then `make evolve` again",
    "changelog": "add the entry under ## [Unreleased] in {changelog} by hand",
    "test": "a test assumes the old spec or the change broke something: fix it (tests take what they expect from "
            "the spec and derive their unknown names: tests/unknowns.py), then `make test`",
}


class StepFailed(Exception):
    """What went wrong in a step (the walk names the step: `run` does not know which one it serves)."""


def run(command: Sequence[str], *, ok: Sequence[int] = (0,)) -> int:
    print("$ " + shlex.join(command), flush=True)
    code = subprocess.run(list(command), check=False).returncode
    if code not in ok:
        raise StepFailed(f"`{shlex.join(command)}` exited with {code}")
    return code


def patch_entries(patch: Path) -> list[str]:
    """The distinct things a patch describes (`Contact.favorite_color`, `ExclusionReason="SPAM_TRAP"`), in order."""
    doc: Any = _pyyaml().safe_load(patch.read_text(encoding="utf-8")) or {}
    seen: dict[str, None] = {}
    for op in doc.get("operations") or []:
        why = str(op.get("why") or op.get("path", ""))
        seen[why.split(" (seen", 1)[0]] = None
    return list(seen)


def draft_changelog(changelog: Path, entries: list[str], source: str, today: dt.date) -> int:
    """Add a bullet per entry not yet listed under ## [Unreleased] (one drafted section); returns how many."""
    text = changelog.read_text(encoding="utf-8")
    head, marker, rest = text.partition("## [Unreleased]\n")
    if not marker:
        raise StepFailed(f"{changelog} has no '## [Unreleased]' heading")
    unreleased = rest.split("\n## ", 1)[0]
    new = [e for e in entries if f"`{e}`" not in unreleased]
    if not new:
        return 0
    lines = [f"- `{e}` (observed in `{source}`; `x-topo-source: observed` in the spec)" for e in new]
    title = "### Added (observed API changes, drafted by `make evolve`: review the wording)"
    if title in unreleased:
        rest = rest.replace(f"{title}\n\n", f"{title}\n\n" + "\n".join(lines) + "\n", 1)
    else:
        rest = f"\n{title}\n\n" + "\n".join(lines) + f"\n\nDrafted on {today.isoformat()}.\n" + rest
    changelog.write_text(head + marker + rest, encoding="utf-8")
    return len(new)


def changelog(args: argparse.Namespace) -> None:
    source = " ".join(map(str, args.inputs))
    added = draft_changelog(args.changelog, patch_entries(args.patch), source, dt.date.today())
    print(f"drafted {added} new line(s) under [Unreleased] in {args.changelog}")


def walk(args: argparse.Namespace) -> int:
    py, make = args.python, shlex.split(args.make)
    # Against the spec directory itself (not the spec bundled into generated/): the spec is the source of truth.
    drift = [py, "-m", "topo_tools.drift", "--spec", str(args.spec_dir), "--spec-dir", str(args.spec_dir),
             "--bundler", str(args.bundler), *map(str, args.inputs)]
    steps: list[tuple[str, Any]] = [
        ("patch", lambda: run([*drift, "--patch", str(args.patch)], ok=(0, 1))),
        ("apply", lambda: run([py, "-m", "topo_tools.drift", "--apply", str(args.patch), "--spec-dir",
                               str(args.spec_dir)])),
        ("generate", lambda: run([*make, "generate"])),
        ("drift clean", lambda: run(drift)),
        ("api-diff", lambda: run([*make, "api-diff"])),
        ("changelog", lambda: changelog(args)),
        ("test", lambda: run([*make, "test"])),
    ]
    for number, (name, step) in enumerate(steps, 1):
        print(f"\nevolve [{number}/{len(steps)}] {name}", flush=True)
        try:
            result = step()
        except StepFailed as failed:
            hint = NEXT[name].format(patch=args.patch, changelog=args.changelog)
            print(f"\nevolve: step {number} ({name}) failed: {failed}; next: {hint}", file=sys.stderr)
            return 1
        if name == "patch" and result == 0:
            print("\nevolve: the spec already describes everything in the input; nothing to do")
            return 0
    print(f"\nevolve: done. Review `git diff` ({args.patch}, spec/, generated/, {args.changelog}), bump the version "
          "(README 'When Topo changes', step 4), `make record` if requests or answers changed, and commit.")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m topo_tools.evolve", description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="+", type=Path, help="what `make drift` takes: captures, cassettes, reports")
    parser.add_argument("--spec-dir", type=Path, required=True)
    parser.add_argument("--bundler", type=Path, required=True)
    parser.add_argument("--changelog", type=Path, required=True)
    parser.add_argument("--patch", type=Path, default=Path("drift-patch.yaml"))
    parser.add_argument("--make", default="make", help="how to run make (default: make)")
    parser.add_argument("--python", default=sys.executable)
    return walk(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
