"""Smoke test of `make bench`'s page rows: the harness runs end to end on one list operation (nothing is timed
against a goal here; the ratios are `make bench`'s business)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"


@pytest.fixture(scope="module")
def bench_modules():
    sys.path.insert(0, str(BENCH))
    try:
        import pages
        import specpages

        yield pages, specpages
    finally:
        sys.path.remove(str(BENCH))


def _spec_list_operation_ids() -> set[str]:
    """Independently of specpages: GET operations whose client method is a `list...` one."""
    from importlib.resources import files

    doc = json.loads((files("topo_client") / "openapi.json").read_text())
    return {op["operationId"] for item in doc["paths"].values() for method, op in item.items()
            if method == "get" and str(op.get("x-topo-method", "")).startswith("list")}


def test_every_list_operation_of_the_spec_gets_a_row(bench_modules):
    _, specpages = bench_modules
    assert {op.operation_id for op in specpages.list_operations()} == _spec_list_operation_ids()


def test_page_bodies_hold_a_full_page_and_the_unknown_field(bench_modules):
    _, specpages = bench_modules
    for op in specpages.list_operations():
        documented = json.loads(specpages.page_body(op))
        drifted = json.loads(specpages.page_body(op, unknown_field=True))
        items = documented if op.schema is None else documented["items"]
        drifted_items = drifted if op.schema is None else drifted["items"]
        assert len(items) == specpages.PAGE_SIZE
        assert len({json.dumps(item, sort_keys=True) for item in items}) == specpages.PAGE_SIZE  # all distinct
        name, value = specpages.UNKNOWN_FIELD
        assert all(d == {**i, name: value} for i, d in zip(items, drifted_items, strict=True))


def test_page_bodies_are_valid_against_the_spec(bench_modules):
    from jsonschema import Draft202012Validator

    _, specpages = bench_modules
    components = specpages.spec()["components"]
    for op in specpages.list_operations():
        ref = {"$ref": f"#/components/schemas/{op.schema or op.item_schema}"}
        schema = {"components": components, **(ref if op.schema else {"type": "array", "items": ref})}
        errors = list(Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
                      .iter_errors(json.loads(specpages.page_body(op))))
        assert not errors, f"{op.operation_id}: {errors[0].message} at {errors[0].json_path}"


def test_the_harness_runs_one_operation_against_the_peer(bench_modules):
    pages, specpages = bench_modules
    op = specpages.list_operations()[0]
    rows = pages.run([op.operation_id], rounds=1, target=0.001)
    variants = [*pages.VARIANTS, pages.EMPTY]
    assert [row["id"] for row in rows] == [f"pages.{op.operation_id}.{variant}" for variant in variants]
    for row in rows:
        assert row["error"] is None, row["error"]
        assert row["seconds"] > 0
        assert row["peer_seconds"] > 0
        assert row["ratio_of_minimums"] == row["seconds"] / row["peer_seconds"]
        assert row["ratio"] > 0
        assert row["floor_ratio"] > 0
    for row, variant in zip(rows, variants, strict=True):
        assert row["met"] is (row["ratio"] <= pages.GOALS[variant])
    assert rows[1]["unknown_field_kept"] is True


def test_the_floor_sends_what_ours_sent_and_decodes_nothing(bench_modules, monkeypatch):
    """The floor row is only a floor if it sends the same request ours does (URL, headers) and stops at the bytes."""
    import httpx

    pages, specpages = bench_modules
    op = next(op for op in specpages.list_operations() if op.query)
    body = specpages.page_body(op)
    ours, _, floor, close = pages._calls(op, body)
    sent: list[httpx.Request] = []
    original = httpx.Client.send

    def spy(self, request, **kwargs):
        sent.append(request)
        return original(self, request, **kwargs)

    monkeypatch.setattr(httpx.Client, "send", spy)
    try:
        ours()
        assert floor() == body  # the raw bytes, not decoded
    finally:
        close()
    mine, floors = sent
    assert "?" in str(mine.url)
    assert str(floors.url) == str(mine.url)
    assert floors.headers.multi_items() == mine.headers.multi_items()


def test_an_unknown_operation_name_is_refused(bench_modules):
    pages, _ = bench_modules
    with pytest.raises(ValueError, match="list_nothing"):
        pages.run(["list_nothing"])


def test_readme_tables_are_replaced_and_the_prose_kept(bench_modules):
    sys.path.insert(0, str(BENCH))
    try:
        import readme
    finally:
        sys.path.remove(str(BENCH))
    text = "\n".join(["# X", "## Benchmarks", "intro", "| a |", "|---|", "| 1 |", "middle", "| b |", "| 2 |", "end",
                      "## Next", "| untouched |"])
    out = readme.rewrite(text, [["| A |", "| 9 |"], ["| B |"]])
    assert out.split("\n") == ["# X", "## Benchmarks", "intro", "| A |", "| 9 |", "middle", "| B |", "end",
                               "## Next", "| untouched |"]
    with pytest.raises(ValueError, match="fewer tables"):
        readme.rewrite(text, [["| A |"], ["| B |"], ["| C |"]])


def test_documented_page_bodies_hold_only_what_the_spec_lists(bench_modules):
    """An "as documented" row must be a body the client sees no drift in (every enum value and event type one the
    spec lists), or the row measures the lenient fallback instead of the common case."""
    from topo_client import responses
    from topo_ext._decoding import DecodeOptions, decode_value
    from topo_ext._drift import DriftRecord

    _, specpages = bench_modules
    for op in specpages.list_operations():
        tp = getattr(responses, op.schema) if op.schema else list[getattr(responses, op.item_schema)]
        record = DriftRecord()
        record.log_enabled = False
        decode_value(tp, json.loads(specpages.page_body(op)), DecodeOptions(record=record))
        assert not record, f"{op.operation_id}: {[e.key for e in record.entries()][:3]}"
