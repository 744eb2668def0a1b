"""Pagination envelope and bounds, filters, sorting, created_at bounds."""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

import httpx
import pytest

from tests.unknowns import absent
from topo_ext._spec import operations
from topo_tools.sandbox import Sandbox

UNLISTED_FIELD, UNLISTED_PARAM = absent("unlisted_field"), absent("unlisted_param")


def test_pages_cover_everything_once(api: httpx.Client, sb: Sandbox) -> None:
    seen: list[str] = []
    page = 1
    while True:
        body = api.get("/contacts", params={"page": page, "size": 7}).json()
        assert body["total_count"] == len(sb.state.contacts)
        assert body["total_pages"] == math.ceil(len(sb.state.contacts) / 7)
        assert body["has_more"] == (page < body["total_pages"])
        seen += [c["id"] for c in body["items"]]
        if not body["has_more"]:
            break
        page += 1
    assert sorted(seen) == sorted(sb.state.contacts)
    past = api.get("/contacts", params={"page": page + 1, "size": 7}).json()
    assert past["items"] == [] and past["has_more"] is False


def test_default_size_is_the_specs(api: httpx.Client) -> None:
    assert len(api.get("/contacts").json()["items"]) == operations()["list_contacts"].params["size"].schema["default"]


@pytest.mark.parametrize(("params", "field"), [({"size": 0}, "size"), ({"size": 101}, "size"), ({"page": 0}, "page"),
                                               ({"size": "ten"}, "size"), ({"sort_order": "up"}, "sort_order"),
                                               ({"sort_by": UNLISTED_FIELD}, "sort_by"),
                                               ({UNLISTED_PARAM: "teal"}, UNLISTED_PARAM)])
def test_bad_query_is_a_validation_issue_naming_the_field(api: httpx.Client, params: dict[str, Any],
                                                          field: str) -> None:
    response = api.get("/contacts", params=params)
    assert response.status_code == 400
    assert response.json()["type"] == "ValidationIssue"
    assert response.json()["data"] == {"field": field}


def test_size_100_is_allowed(api: httpx.Client) -> None:
    assert len(api.get("/activities", params={"size": 100}).json()["items"]) == 100


def test_sort_order_is_case_insensitive_and_sorts(api: httpx.Client) -> None:
    up = api.get("/contact-lists", params={"sort_by": "name", "sort_order": "ASC", "size": 100}).json()["items"]
    down = api.get("/contact-lists", params={"sort_by": "name", "sort_order": "desc", "size": 100}).json()["items"]
    names = [i["name"] or "" for i in up]
    assert names == sorted(names) and [i["id"] for i in down] == [i["id"] for i in reversed(up)]


def test_activities_default_to_newest_first(api: httpx.Client) -> None:
    items = api.get("/activities", params={"size": 50}).json()["items"]
    stamps = [a["created_at"] for a in items]
    assert stamps == sorted(stamps, reverse=True)


def test_created_at_after_is_exclusive_with_shared_timestamps(api: httpx.Client, sb: Sandbox) -> None:
    shared = Counter(a["created_at"] for a in sb.state.activities.values())
    stamp = next(t for t, n in sorted(shared.items()) if n > 1)
    params: dict[str, Any] = {"sort_order": "asc", "size": 100}
    after = api.get("/activities", params={**params, "created_at_after": stamp}).json()["items"]
    before = api.get("/activities", params={**params, "created_at_before": stamp, "sort_order": "desc"}).json()
    assert after and all(a["created_at"] > stamp for a in after)
    assert all(a["created_at"] < stamp for a in before["items"])
    expected_before = sum(1 for a in sb.state.activities.values() if a["created_at"] < stamp)
    assert before["total_count"] == expected_before


def test_activity_filters(api: httpx.Client, sb: Sandbox) -> None:
    sent = api.get("/activities", params={"event_type": "SENT", "size": 100}).json()
    assert {a["payload"]["type"] for a in sent["items"]} == {"message.sent", "invitation.sent"}
    assert sent["total_count"] == sum(1 for a in sb.state.activities.values()
                                      if a["payload"]["type"] in ("message.sent", "invitation.sent"))
    person = next(iter(sb.state.activities.values()))["payload"]["person_id"]
    mine = api.get("/activities", params={"person_id": person, "channel": "EMAIL", "size": 100}).json()["items"]
    assert mine and all(a["payload"]["person_id"] == person and a["payload"]["channel"] == "EMAIL" for a in mine)
    bad = api.get("/activities", params={"event_type": "sent"})
    assert bad.status_code == 400 and bad.json()["data"] == {"field": "event_type"}


def test_contact_filters(api: httpx.Client, sb: Sandbox) -> None:
    contact = next(c for c in sb.state.contacts.values() if c["email"] and c["linkedin_url"])
    by_email = api.get("/contacts", params={"email": contact["email"].upper()}).json()["items"]
    url = contact["linkedin_url"].replace("https://www.", "http://") + "/"
    by_url = api.get("/contacts", params={"linkedin_url": url}).json()["items"]
    assert [c["id"] for c in by_email] == [c["id"] for c in by_url] == [contact["id"]]


def test_exclusion_and_task_filters(api: httpx.Client, sb: Sandbox) -> None:
    for reason in ("LEFT_COMPANY", "REFERRAL"):
        items = api.get("/contact-exclusions", params={"reason": reason}).json()["items"]
        assert items and {e["reason"] for e in items} == {reason}
    tasks = api.get("/tasks", params=[("types", "CALL"), ("types", "EMAIL_REPLY"), ("size", 100)]).json()
    assert tasks["items"] and {t["type"] for t in tasks["items"]} <= {"CALL", "EMAIL_REPLY"}
    assert tasks["total_count"] == sum(1 for t in sb.state.tasks.values() if t["type"] in ("CALL", "EMAIL_REPLY"))


def test_get_by_id_404_and_malformed_400(api: httpx.Client) -> None:
    missing = api.get("/sequences/018f1a2b-3c4d-7e8f-9a0b-1c2d3e4f5a6b")
    assert missing.status_code == 404 and missing.json()["type"] == "NotFoundIssue"
    malformed = api.get("/sequences/42")
    assert malformed.status_code == 400 and malformed.json()["data"] == {"field": "sequence_id"}


def test_body_validation_names_the_field(api: httpx.Client) -> None:
    cases = [
        ({"email": "a@b.co"}, "reason"),
        ({"reason": "NOPE", "email": "a@b.co"}, "reason"),
        ({"reason": "OTHER"}, "email"),
        ({"reason": "OTHER", "email": "a@b.co", "until": "tomorrow"}, "until"),
    ]
    for body, field in cases:
        response = api.post("/contact-exclusions", json=body)
        assert response.status_code == 400, body
        assert response.json()["data"] == {"field": field}, body
    not_json = api.post("/contact-exclusions", content=b"{", headers={"content-type": "application/json"})
    assert not_json.status_code == 400 and not_json.json()["data"] == {"field": "body"}
