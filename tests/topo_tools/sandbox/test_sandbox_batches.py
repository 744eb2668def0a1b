"""Batch creates: the max_items limit from x-topo-batch, all-or-nothing, the result envelope."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from topo_ext._spec import operations
from topo_tools.sandbox import Sandbox

BATCHES = sorted(op.operation_id for op in operations().values() if op.batch_max_items)


def test_spec_has_batches() -> None:
    assert BATCHES == ["create_account_entries", "create_account_lists", "create_contact_entries",
                       "create_contact_lists"]


def _item(sb: Sandbox, operation_id: str, n: int) -> dict[str, Any]:
    return {
        "create_account_entries": {"account_list_id": next(iter(sb.state.account_lists)), "domain": f"d{n}.com"},
        "create_account_lists": {"name": f"list {n}"},
        "create_contact_entries": {"contact_list_id": next(iter(sb.state.contact_lists)), "email": f"p{n}@x.io"},
        "create_contact_lists": {"name": f"list {n}"},
    }[operation_id]


def _count(sb: Sandbox) -> int:
    s = sb.state
    return len(s.account_entries) + len(s.account_lists) + len(s.contact_entries) + len(s.contact_lists)


@pytest.mark.parametrize("operation_id", BATCHES)
def test_over_the_limit_is_rejected_whole(operation_id: str, sb: Sandbox, api: httpx.Client) -> None:
    op = operations()[operation_id]
    assert op.batch_max_items is not None
    before = _count(sb)
    items = [_item(sb, operation_id, n) for n in range(op.batch_max_items + 1)]
    response = api.post(op.path, json={"items": items})
    assert response.status_code == 400
    assert response.json()["data"] == {"field": "items"}
    assert _count(sb) == before


@pytest.mark.parametrize("operation_id", BATCHES)
def test_one_bad_item_fails_the_whole_batch(operation_id: str, sb: Sandbox, api: httpx.Client) -> None:
    op = operations()[operation_id]
    items = [_item(sb, operation_id, n) for n in range(5)]
    bad = dict(items[3])
    bad.pop(next(k for k in ("domain", "name", "email") if k in bad))
    if operation_id == "create_contact_lists":
        bad["default_sequence_template_id"] = "018f1a2b-3c4d-7e8f-9a0b-1c2d3e4f5a6b"  # no such template
    items[3] = bad
    before = _count(sb)
    response = api.post(op.path, json={"items": items})
    assert response.status_code == 400, response.text
    assert response.json()["type"] == "ValidationIssue"
    assert response.json()["data"]["field"].startswith("items[3]")
    assert _count(sb) == before


def test_unknown_parent_list_fails_the_batch(sb: Sandbox, api: httpx.Client) -> None:
    before = len(sb.state.contact_entries)
    items = [{"contact_list_id": next(iter(sb.state.contact_lists)), "email": "ok@x.io"},
             {"contact_list_id": "018f1a2b-3c4d-7e8f-9a0b-1c2d3e4f5a6b", "email": "lost@x.io"}]
    response = api.post("/contact-entries", json={"items": items})
    assert response.status_code == 400 and response.json()["data"] == {"field": "items[1].contact_list_id"}
    assert len(sb.state.contact_entries) == before


def test_success_envelope_in_input_order(sb: Sandbox, api: httpx.Client, validate: Any) -> None:
    list_id = next(iter(sb.state.account_lists))
    count = sb.state.account_lists[list_id]["entries_count"]
    items = [{"account_list_id": list_id, "domain": f"Co{n}.Example.com", "name": f"Co {n}"} for n in range(3)]
    body = api.post("/account-entries", json={"items": items}).json()
    validate(body, "AccountEntryBatchResult")
    assert [r["index"] for r in body["items"]] == [0, 1, 2]
    assert all(r["status"] == "CREATED" and r["error"] is None for r in body["items"])
    assert [r["resource"]["domain"] for r in body["items"]] == [f"co{n}.example.com" for n in range(3)]
    assert body["summary"] == {"total": 3, "succeeded": 3, "failed": 0}
    assert sb.state.account_lists[list_id]["entries_count"] == count + 3
    stored = api.get(f"/account-entries/{body['items'][1]['resource']['id']}").json()
    assert stored == body["items"][1]["resource"]


def test_empty_batch_is_rejected(api: httpx.Client) -> None:
    response = api.post("/account-lists", json={"items": []})
    assert response.status_code == 400 and response.json()["data"] == {"field": "items"}
