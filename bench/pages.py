"""Pages: the first 100-item page of every list operation in the spec, through our public client vs a pydantic-v2 peer.

For each list operation (derived from the spec, see specpages.py) and each body variant (as documented, and with one
unknown field per item: the state right after Topo adds a field), both clients fetch the same bytes from the same
`httpx.MockTransport`:
- ours: `client.<resource>.<method>(size=100)` on `Topo(http_client=httpx.Client(transport=...))`;
- the peer: `httpx.Client(transport=...)` GET of the same URL + `PeerPageModel.model_validate_json(response.content)`
  with the models datamodel-codegen generates from the spec (peer.py);
- a floor, reported beside the ratio: a new `httpx.Request` with the URL and headers ours sent, sent through the same
  `httpx.Client` and read, nothing decoded. What any client that sends through `httpx.Client.send` pays per call
  before it does any work of its own; `floor_ratio` = floor / peer.
Time is CPU time of this process (the transport is in memory, so there is no I/O to miss), which waiting for a
core on a busy machine does not inflate. Rounds alternate the order of the two; a row's ratio is the median over
rounds of ours / peer in the same round, its times the minimum over rounds. Only the public client API is used,
so the rows measure whatever model layer the installed `topo_ext` has.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Any

import peer
import specpages
from specpages import PAGE_SIZE, UNKNOWN_FIELD, ListOperation

GOALS = {"documented": 0.5, "unknown_field": 0.8, "empty": 1.0}  # ours / peer, per body variant (issue #33)
ROUNDS = 100
TARGET = 0.0025  # CPU seconds per timed batch: short batches, finely interleaved, gave the steadiest ratios
BASE_URL = "https://api.topo.test/v1"
VARIANTS = {"documented": "as documented", "unknown_field": "+1 unknown field/item"}  # the rows with the goal
EMPTY = "empty"  # one diagnostic row: the same call on a page without items, i.e. the per-call cost of each client


def _transport(op: ListOperation, body: bytes, last: list[Any]) -> Any:
    """The bench's server: `body` for `op`'s path; `last` holds the last request it was sent."""
    import httpx

    expected = "/v1" + op.url_path

    def handler(request: httpx.Request) -> httpx.Response:
        last[:] = [request]
        if request.url.path != expected:  # both clients must ask for the same resource
            return httpx.Response(404, json={"type": "NotFoundIssue", "message": f"bench serves {expected} only"})
        return httpx.Response(200, content=body, headers={"content-type": "application/json"})

    return httpx.MockTransport(handler)


def _items(result: Any) -> list[Any]:
    """The decoded items of a page (ours or the peer's), or of a bare-array answer (a list, or a `RootModel`)."""
    if isinstance(result, list):
        return result
    root = getattr(result, "root", None)
    return list(root if isinstance(root, list) else result.items)


def _keeps_unknown(item: Any) -> bool:
    """Whether our decoded item still carries the unknown field (through the public `to_dict()`)."""
    to_dict = getattr(item, "to_dict", None)
    return callable(to_dict) and to_dict().get(UNKNOWN_FIELD[0]) == UNKNOWN_FIELD[1]


def candidates(op: ListOperation, body: bytes) -> tuple[Callable[[], Any], Callable[[], Any], Callable[[], None]]:
    """(ours, peer, close): two calls that each fetch and decode `body`, as a user of each client would."""
    ours, theirs, _, close = _calls(op, body)
    return ours, theirs, close


def _calls(op: ListOperation, body: bytes) -> tuple[Callable[[], Any], Callable[[], Any], Callable[[], Any],
                                                    Callable[[], None]]:
    """(ours, peer, floor, close); `floor` is valid once `ours` has run (it resends ours's request, undecoded)."""
    import httpx

    from topo_ext import Topo

    last: list[Any] = []
    transport = _transport(op, body, last)
    ours_http = httpx.Client(transport=transport)
    client = Topo(api_key="topo_bench_placeholder_key", base_url=BASE_URL, max_retries=0, log_drift=False,
                  http_client=ours_http)
    target: Any = client
    for part in op.attribute.split("."):
        target = getattr(target, part)
    method, kwargs = target, {**op.path_params, **op.query}

    model = peer.page_model(peer.peer_module(), op)
    http = httpx.Client(transport=transport, base_url=BASE_URL,
                        headers={"Authorization": "Bearer topo_bench_placeholder_key", "Accept": "application/json"})
    url = op.url_path

    def ours() -> Any:
        return method(**kwargs)

    def theirs() -> Any:
        response = http.get(url, params=op.query)
        response.raise_for_status()
        return model.model_validate_json(response.content)

    request: tuple[str, dict[str, str]] | None = None  # what ours sent, as the str and dict a client starts from

    def floor() -> Any:
        nonlocal request
        if request is None:
            request = str(last[0].url), dict(last[0].headers)
        return ours_http.send(httpx.Request("GET", request[0], headers=request[1])).read()

    def close() -> None:
        for each in (client, ours_http, http):
            each.close()

    return ours, theirs, floor, close


def _loops(fn: Callable[[], Any], target: float) -> int:
    fn()  # warm caches (validators, decoders, lazily built resources)
    loops = 1
    while True:
        start = time.process_time()
        for _ in range(loops):
            fn()
        elapsed = time.process_time() - start
        if elapsed >= target / 4:
            return max(1, round(loops * target / elapsed))
        loops *= 4


def measure(calls: dict[str, Callable[[], Any]], *, rounds: int = ROUNDS,
            target: float = TARGET) -> dict[str, list[float]]:
    """CPU seconds per call of each, per round; the order in which they run rotates from round to round."""
    loops = {name: _loops(fn, target) for name, fn in calls.items()}
    times: dict[str, list[float]] = {name: [] for name in calls}
    names = list(calls)
    for i in range(rounds):
        for name in names[i % len(names):] + names[:i % len(names)]:
            fn, n = calls[name], loops[name]
            start = time.process_time()
            for _ in range(n):
                fn()
            times[name].append((time.process_time() - start) / n)
    return times


def row(op: ListOperation, variant: str, *, rounds: int = ROUNDS, target: float = TARGET) -> dict[str, Any]:
    """One benchmark row: `op`'s page in `variant`, ours vs the peer (checked to decode alike before timing)."""
    size = 0 if variant == EMPTY else PAGE_SIZE
    body = specpages.page_body(op, unknown_field=variant == "unknown_field", size=size)
    label = VARIANTS.get(variant, "empty page (per-call cost: transport, envelope)")
    shown = {**dict.fromkeys(op.path_params, "..."), **{name: str(value) for name, value in op.query.items()}}
    call = f"{op.attribute}({', '.join(f'{name}={value}' for name, value in shown.items())})"
    out: dict[str, Any] = {
        "id": f"pages.{op.operation_id}.{variant}",
        "name": f"page: {call}, {label}", "seconds": None, "ratio": None, "baseline": "pydantic v2 peer",
        "goal": f"<= {GOALS[variant]:g}x peer", "met": False,
        "operation": op.operation_id, "call": call, "variant": variant, "body_bytes": len(body), "peer_seconds": None,
        "ratio_of_minimums": None, "unknown_field_kept": None, "error": None, "floor_ratio": None,
    }
    ours, theirs, floor, close = _calls(op, body)
    try:
        try:
            decoded = _items(ours())
        except Exception as exc:  # a page our client cannot read is a finding to report, not a crash of the bench
            out["error"] = f"{type(exc).__name__}: {str(exc).splitlines()[0][:160]}"
            return out
        peer_items = _items(theirs())
        if len(decoded) != size or len(peer_items) != size:
            raise AssertionError(f"{op.operation_id}: decoded {len(decoded)} (ours) / {len(peer_items)} (peer) items")
        if variant == "unknown_field":
            out["unknown_field_kept"] = all(_keeps_unknown(item) for item in decoded)
            assert all(item.model_extra == dict([UNKNOWN_FIELD]) for item in peer_items), "the peer drops it"
        times = measure({"ours": ours, "peer": theirs, "floor": floor}, rounds=rounds, target=target)
    finally:
        close()
    mine, peers = times["ours"], times["peer"]
    # Paired rounds share the machine's state of the moment, so their ratio is steadier than either time alone.
    out["ratio"] = statistics.median(m / p for m, p in zip(mine, peers, strict=True))
    out["floor_ratio"] = statistics.median(f / p for f, p in zip(times["floor"], peers, strict=True))
    out["seconds"], out["peer_seconds"] = min(mine), min(peers)
    out["ratio_of_minimums"] = out["seconds"] / out["peer_seconds"]
    out["met"] = out["ratio"] <= GOALS[variant]
    return out


def run(operations: list[str] | None = None, *, rounds: int = ROUNDS, target: float = TARGET) -> list[dict[str, Any]]:
    """A row per list operation (all of the spec's unless `operations` names some) and body variant, and the
    empty-page row for the first of them."""
    ops = specpages.list_operations()
    if operations is not None:
        unknown = set(operations) - {op.operation_id for op in ops}
        if unknown:
            raise ValueError(f"not list operations of the spec: {', '.join(sorted(unknown))}")
        ops = [op for op in ops if op.operation_id in operations]
    peer.peer_module()  # generate once, before anything is timed
    rows = [row(op, variant, rounds=rounds, target=target) for op in ops for variant in VARIANTS]
    return [*rows, row(ops[0], EMPTY, rounds=rounds, target=target)] if ops else rows
