"""Compare recorded API responses with the spec and print what the spec does not describe (`make drift`).

    python -m topo_tools.drift INPUT... [--spec SPEC [--bundler generator/bundle.py]] [--json] [--patch OUT.yaml]
    python -m topo_tools.drift --apply PATCH.yaml --spec-dir spec

INPUT is a file or a directory (searched recursively for *.yaml, *.yml, *.json, *.jsonl):

- **vcrpy cassettes** (`*.yaml`, `*.yml`): every interaction's request method + uri and response status + body.
- **captures** (`*.jsonl`: one record per line; `*.json`: one record or a list of records). A record is
  `{"method": "GET", "path": "/v1/contacts/42", "status": 200, "body": {...}}` (`path` may be a full URL; a
  leading server path like `/v1` is ignored), or `{"operation": "get_contact", "status": 200, "body": {...}}`
  (an operationId instead of method + path), or `{"schema": "ActivityPayload", "body": {...}}` (any component
  schema, e.g. for webhook deliveries). `status` defaults to the operation's documented success status, `body` may
  be a JSON string, and an optional `recorded_at` (ISO date) is used as the first-seen date. A `.json` file that
  holds a bare response body is matched by its name: `<operationId>[.<status>].json` or `<Schema>.json`.
- **drift reports** saved from a client (`client.drift.to_json()`), re-checked against the spec.

SPEC (default: the spec shipped in `topo_client`) is a bundled `openapi.json`, or a spec directory / root YAML file
(bundled with the `generator/bundle.py` named by `--bundler`; `make drift` passes the checkout's). It is one
document: every `$ref` must be local (`#/...`) and lead somewhere without looping; a bad one is a usage error.

Reported: unknown fields (`Contact.favorite_color`), unknown enum values (`ExclusionReason="SPAM_TRAP"`), unknown
event types (`ActivityPayload.type="message.bounced"`), values of another JSON type than documented, documented
required fields that were missing, undocumented endpoints and status codes. Where the client accepts camelCase
keys (the activity and event schemas), a camelCase spelling of a known snake_case field counts as known.

`--patch OUT.yaml` writes the spec changes that would describe the new fields, enum values and event types, for a
person to review. The file is a list of `add` operations at JSON pointers into the bundled spec; the same pointer
addresses the `spec/` file that defines the component (`beside` names an existing neighbour for a brand-new one):

    operations:
      - op: add
        path: /components/schemas/Contact/properties/favorite_color
        why: Contact.favorite_color (seen 3x)
        value: {type: [string, 'null'], x-topo-source: observed, x-topo-first-seen: '2025-06-01', x-topo-reason: ...}

A new value is described recursively: objects with their properties, arrays with their items, and an object with
the same keys seen at several places as one component schema they all refer to. Where every string seen at a place
is a date-time, date, UUID, email or URI, the matching `format` is proposed and said so in its `x-topo-reason`
(mixed shapes: no format). Which keys a schema describes comes from `topo_client._schema` (`keys.py`: per
schema).

Everything added carries `x-topo-source: observed`, `x-topo-first-seen` and `x-topo-reason` (an enum value's
provenance goes in its schema's `x-topo-observed` map). A new event type becomes a new event schema (the common
base of the other variants plus the fields seen), a `oneOf` entry and a discriminator `mapping` entry, and is added
to every enum listing all event types and to `webhooks`. `--apply` edits the YAML files in place, keeping comments
and layout, and skips operations already applied; then run `make generate`. Types, missing required fields and
undocumented endpoints or statuses need a person: they are reported, not patched. Example values are never printed
or written (they may be personal data).

A drift report entry of a kind this tool does not know (from a newer client) is reported as it is, in its own
section, and counts as drift. Input files and bodies (after gunzip) are bounded like the client's answers
(`topo_ext._limits.Limits`: 64 MiB, JSON nested at most 64 levels); beyond that, or not UTF-8, is a usage error.

Exit status: 0 when the spec describes everything, 1 when drift was found, 2 on usage errors (bad input: one line
naming the file and what is wrong).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from topo_ext._limits import printable

from .apply import apply_patch
from .check import SECTIONS, Drift
from .inputs import Inputs, load_inputs
from .patch import build_patch, write_patch
from .spec import UsageError, load_spec


def render(drift: Drift, inputs: Inputs) -> Iterator[str]:
    findings = drift.ordered()
    unknown = [f for f in findings if f.kind not in SECTIONS]
    for kind, title in SECTIONS.items():
        group = [f for f in findings if f.kind == kind]
        if group:
            yield f"{title}:"
            for f in group:
                yield f"  {printable(f.key)}  ({f.count}x; {printable('; '.join(f.seen_in))})"
    if unknown:  # shown, never dropped: a newer client reports something this tool cannot check yet
        yield "drift of a kind this tool does not know (from a newer client?):"
        for f in unknown:
            yield f"  [{printable(f.kind)}] {printable(f.key)}  ({f.count}x; {printable('; '.join(f.seen_in))})"
    checked = f"{drift.responses} response(s), {len(inputs.reports)} drift report entries, {inputs.files} file(s)"
    verdict = f"{len(findings)} thing(s) the spec does not describe" if findings else "the spec describes everything"
    yield f"drift: {verdict} ({checked}; spec {drift.spec.version})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m topo_tools.drift", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="*", help="cassettes, captures or drift reports (files or directories)")
    parser.add_argument("--spec", help="bundled openapi.json or spec directory (default: the one in topo_client)")
    parser.add_argument("--json", action="store_true", help="print the findings as JSON")
    parser.add_argument("--patch", type=Path, metavar="OUT", help="write the proposed spec change (YAML) here")
    parser.add_argument("--apply", type=Path, metavar="PATCH", help="apply a --patch file to --spec-dir")
    parser.add_argument("--spec-dir", type=Path, help="spec directory for --apply (`make drift`: spec)")
    parser.add_argument("--bundler", type=Path, help="generator/bundle.py, to bundle a spec directory given to --spec")
    args = parser.parse_args(argv)
    try:
        if args.apply is not None:
            if args.inputs or args.patch:
                raise UsageError("--apply takes only --spec-dir")
            if args.spec_dir is None:
                raise UsageError("--apply needs --spec-dir (the spec directory to edit)")
            print(apply_patch(args.apply, args.spec_dir))
            return 0
        if not args.inputs:
            raise UsageError("name at least one cassette, capture or drift report (file or directory)")
        spec = load_spec(args.spec, args.bundler)
        inputs = load_inputs(args.inputs, spec)
        for note in inputs.notes:
            print(f"drift: note: {note}", file=sys.stderr)
        if not inputs.exchanges and not inputs.reports:
            raise UsageError(f"no responses or drift report entries found in {', '.join(args.inputs)}")
        drift = Drift(spec)
        for exchange in inputs.exchanges:
            drift.check_exchange(exchange)
        for source, entry in inputs.reports:
            drift.check_report_entry(source, entry)
    except UsageError as exc:
        print(f"drift: {exc}", file=sys.stderr)
        return 2
    findings = drift.ordered()
    if args.json:
        rows = [{"kind": f.kind, "key": f.key, "count": f.count, "seen_in": f.seen_in, "first_seen": f.first_seen}
                for f in findings]
        print(json.dumps({"spec_version": spec.version, "responses": drift.responses, "findings": rows}, indent=2))
    else:
        print("\n".join(render(drift, inputs)))
    if args.patch is not None:
        ops, manual = build_patch(spec, findings)
        try:
            write_patch(args.patch, spec, ops, manual)
        except (UsageError, OSError) as exc:
            print(f"drift: --patch {args.patch}: {exc}", file=sys.stderr)
            return 2
        print(f"drift: wrote {len(ops)} proposed spec change(s) to {args.patch}"
              + (f"; {len(manual)} finding(s) need a person" if manual else ""), file=sys.stderr)
    return 1 if findings else 0

