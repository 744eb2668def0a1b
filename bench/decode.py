"""Decode: one 100-activity page (all 16 event types, as the sandbox serves them) into typed objects.

Candidates, each timed per page as a ratio to `json.loads` alone:
- the generated openapi-python-client models (`ActivityPage.from_dict(json.loads(raw))`, union tried per variant);
- topo_ext's event path (`decode_activity_page(raw)`, msgspec);
- pydantic v2 models of the same JSON Schema, generated here by datamodel-codegen (`TypeAdapter.validate_json`),
  once as generated (ids as `uuid.UUID`) and once with ids as `str` (what topo_ext's models hold);
- topo_ext's tolerant path: the same page with camelCase keys and one unknown field per item (API drift).
The drift record must not be touched by a clean page; its cost there is measured against a bare msgspec decoder.
"""

from __future__ import annotations

import importlib.util
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WORK = HERE / ".work"
PAGE_SIZE = 100


def _loops(fn: Callable[[], Any], target: float) -> int:
    """How many calls of `fn` take about `target` seconds."""
    fn()  # warm caches (msgspec decoders, pydantic validators, functools.cache)
    loops = 1
    while True:
        start = time.perf_counter()
        for _ in range(loops):
            fn()
        elapsed = time.perf_counter() - start
        if elapsed >= target / 4:
            return max(1, round(loops * target / elapsed))
        loops *= 4


def timed_rounds(candidates: dict[str, Callable[[], Any]], *, target: float = 0.1,
                 repeats: int = 9) -> dict[str, list[float]]:
    """Seconds per call of each candidate, per round. Every round runs every candidate back to back, so load from
    elsewhere on the machine hits all of them alike and per-round ratios stay fair."""
    loops = {name: _loops(fn, target) for name, fn in candidates.items()}
    times: dict[str, list[float]] = {name: [] for name in candidates}
    for _ in range(repeats):
        for name, fn in candidates.items():
            n = loops[name]
            start = time.perf_counter()
            for _ in range(n):
                fn()
            times[name].append((time.perf_counter() - start) / n)
    return times


def ratio(times: dict[str, list[float]], name: str, baseline: str) -> float:
    """Median over rounds of `name`'s time / `baseline`'s time in the same round."""
    return statistics.median(t / b for t, b in zip(times[name], times[baseline], strict=True))


# ---- the page --------------------------------------------------------------------------------------------


def sandbox_page() -> bytes:
    """100 consecutive-ish activities from the sandbox's first pages, covering all 16 event types.

    Walks the sandbox's list (newest first, as served) until every type has appeared, keeps the first activity of
    each type, fills up to 100 with the earliest others, and serializes the envelope the way the sandbox does.
    """
    import httpx

    from topo_ext.sandbox import EVENT_TYPES, Sandbox

    walked: list[dict[str, Any]] = []
    with Sandbox(seed=1, activities=2000) as sb, httpx.Client(base_url=sb.base_url) as http:
        headers = {"Authorization": f"Bearer {sb.api_key}"}
        page, envelope = 1, {}
        while {a["payload"]["type"] for a in walked} != set(EVENT_TYPES):
            envelope = http.get("/activities", params={"size": PAGE_SIZE, "page": page}, headers=headers).json()
            if not envelope["items"]:
                raise RuntimeError("the sandbox's activities do not cover every event type")
            walked += envelope["items"]
            page += 1
    first_of_type = {}
    for position, activity in enumerate(walked):
        first_of_type.setdefault(activity["payload"]["type"], position)
    keep = set(first_of_type.values())
    keep |= set([p for p in range(len(walked)) if p not in keep][: PAGE_SIZE - len(keep)])
    items = [walked[p] for p in sorted(keep)]
    body = {"items": items, "total_count": envelope["total_count"], "total_pages": envelope["total_pages"],
            "has_more": True}
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()


def _camel(key: str) -> str:
    head, *rest = key.split("_")
    return head + "".join(part.title() for part in rest)


def drifted_page(raw: bytes, *, camel_case: bool = True) -> bytes:
    """The same page as a drifted API would send it: one field the spec lacks in every payload, camelCase keys."""

    def camel(value: Any) -> Any:
        if isinstance(value, dict) and camel_case:
            return {_camel(k): camel(v) for k, v in value.items()}
        return value

    body = json.loads(raw)
    items = []
    for activity in body["items"]:
        item = camel(activity)
        item["payload"]["sentimentScore"] = 0.5  # unknown to the spec: kept in .extra, reported to the drift record
        items.append(item)
    body["items"] = items
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()


# ---- the pydantic peer -------------------------------------------------------------------------------------


def pydantic_models(uuid_as_str: bool) -> Any:
    """Generate (into bench/.work/) and import pydantic v2 models of the event JSON Schema; return the page type."""
    sys.path.insert(0, str(ROOT / "generator"))
    try:
        import events as generator_events  # generator/events.py
    finally:
        sys.path.remove(str(ROOT / "generator"))
    from importlib.resources import files

    spec = json.loads((files("topo_client") / "openapi.json").read_text())
    WORK.mkdir(exist_ok=True)
    schema = WORK / "events.schema.json"
    schema.write_text(json.dumps(generator_events.json_schema(spec), indent=1, sort_keys=True))
    name = "events_pydantic_str" if uuid_as_str else "events_pydantic"
    out = WORK / f"{name}.py"
    cmd = [str(Path(sys.executable).parent / "datamodel-codegen"), "--input", str(schema),
           "--input-file-type", "jsonschema", "--output", str(out),
           "--output-model-type", "pydantic_v2.BaseModel", "--target-python-version", "3.11",
           "--output-datetime-class", "datetime", "--use-standard-collections", "--use-union-operator",
           "--disable-timestamp", "--formatters", "builtin"]
    if uuid_as_str:
        cmd += ["--type-mappings", "string+uuid=string"]
    result = subprocess.run(cmd, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"datamodel-codegen failed:\n{result.stdout}{result.stderr}")
    module_spec = importlib.util.spec_from_file_location(name, out)
    assert module_spec is not None
    assert module_spec.loader is not None
    module = importlib.util.module_from_spec(module_spec)
    sys.modules[name] = module
    module_spec.loader.exec_module(module)

    from pydantic import BaseModel, TypeAdapter

    class PageModel(BaseModel):
        items: list[module.Activity]  # type: ignore[name-defined]
        total_count: int
        total_pages: int
        has_more: bool

    return TypeAdapter(PageModel)


# ---- the benchmark -----------------------------------------------------------------------------------------


class _Spy:
    """Counts drift-record reports, optionally without recording them (to price the record itself)."""

    def __init__(self, record: Any) -> None:
        self.original = record.report
        self.calls = 0
        self.forward = True

    def __call__(self, *args: Any, **kwargs: Any) -> None:
        self.calls += 1
        if self.forward:
            self.original(*args, **kwargs)


def run() -> list[dict[str, Any]]:
    import msgspec

    from topo_client.models import ActivityPage as AttrsPage
    from topo_ext import events

    raw = sandbox_page()
    drifted = drifted_page(raw)
    new_field = drifted_page(raw, camel_case=False)
    items = json.loads(raw)["items"]
    assert len(items) == PAGE_SIZE
    assert len({a["payload"]["type"] for a in items}) == 16, "the page must hold all 16 event types"
    pyd = pydantic_models(uuid_as_str=False)
    pyd_str = pydantic_models(uuid_as_str=True)
    bare = msgspec.json.Decoder(events.ActivityPage)

    # Every candidate decodes the whole page into typed objects (checked, so the timings compare like with like).
    assert type(AttrsPage.from_dict(json.loads(raw)).items[5].payload).__name__.endswith("Event")
    assert len(events.decode_activity_page(raw).items) == PAGE_SIZE
    assert len(pyd.validate_json(raw).items) == PAGE_SIZE
    assert len(pyd_str.validate_json(raw).items) == PAGE_SIZE
    for page in (drifted, new_field):
        tolerant = events.decode_activity_page(page)
        assert all(a.payload.extra == {"sentimentScore": 0.5} for a in tolerant.items)
        assert tolerant.items[-1].to_dict()["payload"]["sequence_id"] == items[-1]["payload"]["sequence_id"]

    record = events.drift_record()
    spy = _Spy(record)
    record.report = spy  # type: ignore[method-assign]

    def unrecorded() -> Any:  # the tolerant path with the drift record's own work taken out
        spy.forward = False
        try:
            return events.decode_activity_page(drifted)
        finally:
            spy.forward = True

    clean = {
        "json": lambda: json.loads(raw),
        "attrs": lambda: AttrsPage.from_dict(json.loads(raw)),
        "topo": lambda: events.decode_activity_page(raw),
        "pydantic": lambda: pyd.validate_json(raw),
        "pydantic_str": lambda: pyd_str.validate_json(raw),
        "msgspec_bare": lambda: bare.decode(raw),
    }
    try:
        for fn in clean.values():  # a clean page must never reach the drift record
            for _ in range(10):
                fn()
        clean_reports = spy.calls
        reports = {}
        for key, page in (("tolerant", drifted), ("tolerant_new_field", new_field)):
            spy.calls = 0
            events.decode_activity_page(page)
            reports[key] = spy.calls
        times = timed_rounds({
            **clean,
            "tolerant": lambda: events.decode_activity_page(drifted),
            "tolerant_new_field": lambda: events.decode_activity_page(new_field),
            "tolerant_unrecorded": unrecorded,
        })
    finally:
        del record.report
    record.clear()
    timings = {name: statistics.median(values) for name, values in times.items()}

    def row(key: str, name: str, goal: str | None = None, met: bool | None = None, **extra: Any) -> dict[str, Any]:
        return {"id": f"decode.{key}", "name": name, "seconds": timings[key], "ratio": ratio(times, key, "json"),
                "baseline": "json.loads", "goal": goal, "met": met, **extra}

    beats_peer = ratio(times, "topo", "pydantic") <= 1 and ratio(times, "topo", "pydantic_str") <= 1
    clean_overhead = ratio(times, "topo", "msgspec_bare")
    return [
        row("json", "decode: json.loads (the floor), per page"),
        row("attrs", "decode: openapi-python-client models (from_dict)"),
        row("pydantic", "decode: pydantic v2 from datamodel-codegen (ids as UUID)"),
        row("pydantic_str", "decode: pydantic v2 from datamodel-codegen (ids as str)"),
        row("topo", "decode: topo_ext decode_activity_page", "<= pydantic peer (both variants)", beats_peer),
        row("tolerant", "decode: topo_ext tolerant path, camelCase + 1 unknown field/item",
            drift_reports_per_page=reports["tolerant"]),
        row("tolerant_new_field", "decode: topo_ext tolerant path, 1 unknown field/item only",
            drift_reports_per_page=reports["tolerant_new_field"]),
        {"id": "decode.drift_clean", "name": "decode: drift record on a clean page (reports; cost vs bare msgspec)",
         "seconds": timings["topo"], "ratio": clean_overhead, "baseline": "msgspec.json.Decoder(ActivityPage)",
         "goal": "0 reports, <= 1.05x", "met": clean_reports == 0 and clean_overhead <= 1.05,
         "drift_reports": clean_reports},
        {"id": "decode.drift_tolerant", "name": "decode: drift record share of the tolerant path",
         "seconds": statistics.median(t - u for t, u in zip(times["tolerant"], times["tolerant_unrecorded"],
                                                               strict=True)),
         "ratio": ratio(times, "tolerant", "tolerant_unrecorded"),
         "baseline": "tolerant path with reports discarded", "goal": None, "met": None},
    ]
