"""Contract run: call every client operation against Prism's mock of the bundled spec (`make contract`).

Prism (`@stoplight/prism-cli`, `--prism`) serves the bundled spec (`--spec`) on 127.0.0.1 with
dynamic, schema-random responses (`-d`) and `--errors`, so a request that violates the spec is answered with an
error (its `sl-violations` header says why) instead of a mock. Every operation is called `--calls` times through
`topo_ext.Topo` with the valid arguments of `topo_tools.specdata`; every other call also fills every query parameter
(random enum members), so filter serialization is checked too. A call fails the contract when:

- Prism rejects the request (error status, with what Prism said),
- the client sends a query parameter the spec does not define (Prism does not check that), or
- the client cannot decode Prism's answer; the body is then checked against the spec's schema so the report says
  whose fault it is (Prism's generator or our client).

Prism also validates its own generated answer and sends a 500 with `response` violations when it is invalid
(json-schema-faker 0.5.9 can exceed `maxProperties`, e.g. on ContactVariableMap). That is no verdict on the client:
the call is re-sampled (up to `--resample` extra tries per operation) and counted in the `prism-bad` column.

Prism mounts the paths at its root (it ignores the `/v1` of `servers`), so the client's base_url is
`http://127.0.0.1:<port>` without `/v1`.

    python -m topo_tools.contract --spec generated/topo_client/openapi.json --prism node_modules/.bin/prism \
        [--calls 5] [--seed S] [--verbose]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import jsonschema  # type: ignore[import-untyped]

from topo_ext import Topo, TopoError
from topo_ext._exceptions import APIResponseValidationError, APIStatusError
from topo_ext._spec import OperationSpec, document, operations, resolve

from .specdata import arguments, client_operations, instance, method_for

HOST = "127.0.0.1"
# Any non-empty bearer token satisfies Prism: it checks that the security scheme is used, not the key.
API_KEY = "topo_contract_not_a_real_key"


# --- arguments ---------------------------------------------------------------------------------------------


def sample(schema: dict[str, Any], rng: random.Random) -> Any:
    """A valid value for a query parameter schema: a random member for enums, else specdata's instance."""
    schema = resolve(schema)
    if "enum" in schema:
        return rng.choice(schema["enum"])
    if schema.get("type") == "array":
        return [sample(schema.get("items", {}), rng) for _ in range(rng.randint(1, 2))]
    return instance(schema)


def query_arguments(op: OperationSpec, rng: random.Random) -> dict[str, Any]:
    """Every query parameter of `op`, filled with a valid value."""
    return {name: sample(p.schema, rng) for name, p in op.params.items() if p.location == "query"}


def unknown_query(request: httpx.Request) -> list[str]:
    """Query parameters of a client request that its spec operation does not define."""
    op = operations().get(str(request.extensions.get("operation_id", "")))
    if op is None:
        return []
    known = {name for name, p in op.params.items() if p.location == "query"}
    return sorted(set(request.url.params) - known)


# --- Prism -------------------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


@contextmanager
def prism(binary: Path, spec: Path, seed: str | None, startup_timeout: float = 60.0) -> Iterator[str]:
    """Run `prism mock -d --errors` of `spec` on a free loopback port; yield its base URL; always stop it."""
    if not binary.exists():
        raise SystemExit(f"contract: Prism is not installed ({binary} missing): run `make install`")
    if not spec.is_file():
        raise SystemExit(f"contract: no spec at {spec}")
    port = free_port()
    cmd = [str(binary), "mock", "-d", "--errors", "-h", HOST, "-p", str(port), "-v", "warn", str(spec)]
    if seed is not None:
        cmd += ["--seed", seed]
    with tempfile.TemporaryFile(mode="w+") as log:
        # Own process group, so stopping it stops whatever Prism forked, and nothing else.
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        base_url = f"http://{HOST}:{port}"
        try:
            _wait_ready(proc, base_url, startup_timeout, log)
            yield base_url
        finally:
            _stop(proc)


def _wait_ready(proc: subprocess.Popen[bytes], base_url: str, timeout: float, log: Any) -> None:
    deadline = time.monotonic() + timeout
    while True:
        if proc.poll() is not None:
            log.seek(0)
            raise SystemExit(f"contract: Prism exited with {proc.returncode} before listening:\n{log.read()[-2000:]}")
        try:
            httpx.get(base_url + "/__ready__", timeout=1.0)  # any HTTP answer (a 404) means it listens
            return
        except httpx.TransportError:
            if time.monotonic() > deadline:
                raise SystemExit(f"contract: Prism did not listen on {base_url} within {timeout:.0f}s") from None
            time.sleep(0.2)


def _stop(proc: subprocess.Popen[bytes]) -> None:
    for sig in (signal.SIGTERM, signal.SIGKILL):
        if proc.poll() is not None:
            return
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            proc.wait(5.0)
        except subprocess.TimeoutExpired:
            continue


def violations(response: httpx.Response) -> list[dict[str, Any]]:
    """What Prism found wrong with the request or with its own answer (`sl-violations`), if anything."""
    raw = response.headers.get("sl-violations")
    if not raw:
        return []
    try:
        found = json.loads(raw)
    except ValueError:
        return [{"severity": "Error", "message": raw, "location": ["?"]}]
    return found if isinstance(found, list) else [found]


def describe(found: list[dict[str, Any]]) -> str:
    return "; ".join(
        f"[{v.get('severity', '?')}] {'.'.join(map(str, v.get('location', [])))}: {v.get('message', v)}"
        for v in found
    )


def prism_output_only(found: list[dict[str, Any]]) -> bool:
    """Whether every violation is about Prism's own generated response (not our request)."""
    return bool(found) and all((v.get("location") or ["?"])[0] == "response" for v in found)


def schema_errors(op: OperationSpec, body: bytes) -> list[str]:
    """The spec's verdict on a body the client rejected: [] means the body is valid and the client is wrong."""
    if op.success_body is None:
        return ["the spec declares no body, but one was sent"] if body else []
    try:
        data = json.loads(body)
    except ValueError as err:
        return [f"not JSON: {err}"]
    schema = {**op.success_body, "components": document()["components"]}
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    return [f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message[:200]}"
            for e in validator.iter_errors(data)][:5]


# --- the run -----------------------------------------------------------------------------------------------


@dataclass
class Result:
    op: str
    calls: int = 0
    ok: int = 0
    prism_bad: int = 0
    failures: list[str] = field(default_factory=list)
    prism_notes: list[str] = field(default_factory=list)


def call_once(client: Topo, op: OperationSpec, seen: list[httpx.Response], rng: random.Random,
              full_query: bool) -> tuple[str, str | None]:
    """One call: ("ok", None), ("fail", why) or ("prism", why) when Prism generated an invalid answer."""
    seen.clear()
    args, kwargs = arguments(op)
    if full_query:
        kwargs.update(query_arguments(op, rng))
    try:
        method_for(client, op)(*args, **kwargs)
    except APIStatusError as err:
        found = violations(err.response)
        if err.status_code == 500 and prism_output_only(found):
            return "prism", describe(found)
        return "fail", f"Prism answered {err.status_code}: " + (describe(found) if found else str(err))
    except APIResponseValidationError as err:
        verdict = schema_errors(op, err.response.content)
        whose = (f"Prism sent a body the spec rejects ({'; '.join(verdict)})" if verdict
                 else "the body is VALID per the spec: client bug")
        return "fail", f"client could not decode the response: {err} -- {whose}"
    except TopoError as err:
        return "fail", f"{type(err).__name__}: {err}"
    except (TypeError, ValueError) as err:  # the client refused our arguments: a test-data bug, still a failure
        return "fail", f"client rejected the arguments {kwargs}: {type(err).__name__}: {err}"
    for response in seen:
        if extra := unknown_query(response.request):
            return "fail", f"client sent query parameter(s) not in the spec: {', '.join(extra)}"
        if found := violations(response):
            return "fail", f"Prism reported violations: {describe(found)}"
    return "ok", None


def run(client: Topo, seen: list[httpx.Response], calls: int, resample: int, rng: random.Random) -> list[Result]:
    results = []
    for op in client_operations():
        result = Result(op.operation_id)
        tries = 0
        while result.calls < calls and tries < calls + resample:
            tries += 1
            status, why = call_once(client, op, seen, rng, full_query=result.calls % 2 == 1)
            if status == "prism":
                result.prism_bad += 1
                result.prism_notes.append(why or "")
                continue
            result.calls += 1
            if status == "ok":
                result.ok += 1
            else:
                result.failures.append(why or "")
        if result.calls < calls:
            result.failures.append(f"only {result.calls} of {calls} calls got a valid answer from Prism "
                                   f"in {tries} tries")
        results.append(result)
    return results


def report(results: list[Result], verbose: bool, elapsed: float, spec: Path) -> bool:
    width = max(len(r.op) for r in results)
    print(f"\n{'operation':<{width}}  calls  ok  failures  prism-bad")
    for r in results:
        print(f"{r.op:<{width}}  {r.calls:>5}  {r.ok:>2}  {len(r.failures):>8}  {r.prism_bad:>9}")
    failed = [r for r in results if r.failures]
    for r in failed:
        shown = r.failures if verbose else r.failures[:1]
        for text in shown:
            print(f"\nFAIL {r.op}: {text}")
        if len(r.failures) > len(shown):
            print(f"  (+{len(r.failures) - len(shown)} more; --verbose shows all)")
    for r in (r for r in results if r.prism_bad):
        print(f"\nprism-bad {r.op} (re-sampled, not a client failure): {r.prism_notes[0]}")
    total = sum(r.calls for r in results)
    ok = sum(r.ok for r in results)
    bad = sum(r.prism_bad for r in results)
    print(f"\ncontract: {len(results)} operations, {total} calls, {ok} ok, {total - ok} failed "
          f"({len(failed)} operation(s) failing); {bad} invalid answer(s) generated by Prism re-sampled; "
          f"{elapsed:.1f}s against Prism mock -d --errors of {spec}")
    return not failed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m topo_tools.contract",
                                     description="Call every operation against Prism (see the module docstring).")
    parser.add_argument("--spec", type=Path, required=True, help="the bundled spec Prism serves (openapi.json)")
    parser.add_argument("--prism", type=Path, required=True, help="the prism executable (node_modules/.bin/prism)")
    parser.add_argument("--calls", type=int, default=5, help="calls per operation (default 5)")
    # Prism's answer for ContactVariableMap is valid about one time in three, in runs: 60 tries once ran out (61
    # invalid, 4 of 5 valid). 300 costs seconds only when that happens and makes a CI failure from it negligible.
    parser.add_argument("--resample", type=int, default=300,
                        help="extra tries per operation when Prism generates an invalid answer (default 300)")
    parser.add_argument("--seed", help="seed Prism's generator and ours, to reproduce a run")
    parser.add_argument("--verbose", action="store_true", help="print every failure, not only the first per op")
    opts = parser.parse_args(argv)
    rng = random.Random(opts.seed)
    seen: list[httpx.Response] = []
    started = time.monotonic()
    with prism(opts.prism, opts.spec, opts.seed) as base_url:
        http = httpx.Client(event_hooks={"response": [seen.append]})
        # No retries: every answer Prism gives is a verdict.
        with http, Topo(api_key=API_KEY, base_url=base_url, http_client=http, max_retries=0,
                        log_drift=False) as client:
            results = run(client, seen, opts.calls, opts.resample, rng)
    return 0 if report(results, opts.verbose, time.monotonic() - started, opts.spec) else 1


if __name__ == "__main__":
    sys.exit(main())
