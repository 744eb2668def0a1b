"""A small stateful fake of the Topo API (httpx.MockTransport handler) and a `run` fixture for the CLI."""

from __future__ import annotations

import io
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from tests.conftest import BASE_URL, TEST_KEY
from tests.unknowns import EXTRA_FIELD, EXTRA_VALUE
from topo_ext.cli import main

ORG = "0190a000-0000-7000-8000-000000000001"
PERSON = "0190a000-0000-7000-8000-0000000000aa"
SEQUENCE = "0190a000-0000-7000-8000-0000000000bb"
T0 = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


def iso(ts: datetime) -> str:
    return ts.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def activity(n: int, when: datetime, **payload: Any) -> dict[str, Any]:
    body = {"type": "message.sent", "organization_id": ORG, "person_id": PERSON, "sequence_id": SEQUENCE,
            "channel": "EMAIL", "resource_type": "MESSAGE", "message_id": f"msg_{n}", "metadata": None}
    return {"id": f"act_{n:03d}", "created_at": iso(when), "payload": {**body, **payload}}


def default_activities() -> list[dict[str, Any]]:
    """25 activities; several share a created_at (the stream must neither skip nor repeat them)."""
    items = [activity(n, T0 + timedelta(seconds=n // 3)) for n in range(25)]
    items[4]["payload"] = {**items[4]["payload"], "type": "message.replied",
                           "metadata": {"reply_category": "INTERESTED", "sentiment": "warm"}}
    items[7]["payload"] = {"type": "meeting.rescheduled", "person_id": PERSON, "calendar_event_id": "cal_9",
                           "new_time": "2025-03-09T10:00:00Z"}
    items[9]["payload"]["shiny_new_field"] = {"a": 1}
    return items


def error(status: int, type_: str, message: str, data: dict[str, Any] | None = None) -> httpx.Response:
    body: dict[str, Any] = {"status_code": status, "type": type_, "message": message, "request_id": f"req_{status}"}
    if data is not None:
        body["data"] = data
    return httpx.Response(status, json=body)


@dataclass
class FakeTopo:
    """Answers /me, /contacts, /activities (created_at_after and created_at_before exclusive), /contact-exclusions and
    /account-exclusions; records requests."""

    activities: list[dict[str, Any]] = field(default_factory=default_activities)
    contacts: list[dict[str, Any]] = field(default_factory=list)
    excluded: dict[str, dict[str, Any]] = field(default_factory=dict)
    requests: list[httpx.Request] = field(default_factory=list)
    override: dict[str, Callable[[httpx.Request], httpx.Response]] = field(default_factory=dict)
    page_cap: int = 100  # the largest page the fake serves, whatever `size` asks for

    def __post_init__(self) -> None:
        if not self.contacts:
            self.contacts = [
                {"id": str(uuid.UUID(int=i + 1)), "email": f"person{i}@example.com", "first_name": f"First{i}",
                 "last_name": f"Last{i}", "company_name": "Acme", "job_title": "CTO" if i % 2 else None}
                for i in range(7)
            ]
            self.contacts[0][EXTRA_FIELD] = EXTRA_VALUE  # a field the spec does not describe

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        assert request.headers["authorization"] == f"Bearer {TEST_KEY}"
        path = request.url.path.removeprefix("/v1")
        if path in self.override:
            return self.override[path](request)
        if path == "/me":
            return httpx.Response(200, json={
                "id": "0190a000-0000-7000-8000-0000000000cc", "name": "CI export key", "key_prefix": "topo_ab12",
                "organization_id": ORG, "scopes": ["activities:read", "contacts:read"],
                "created_at": "2025-01-01T00:00:00Z", "last_used_at": None})
        if path == "/contacts":
            items = self.contacts
            if "email" in request.url.params:
                items = [c for c in items if c.get("email") == request.url.params["email"]]
            return self.page(request, items)
        if path == "/activities":
            return self.page(request, self.select_activities(request.url.params))
        if path in ("/contact-exclusions", "/account-exclusions") and request.method == "POST":
            return self.exclude(path, json.loads(request.content))
        raise AssertionError(f"unexpected request {request.method} {request.url}")

    def select_activities(self, params: httpx.QueryParams) -> list[dict[str, Any]]:
        assert params.get("sort_order") in (None, "asc")
        items = sorted(self.activities, key=lambda a: (a["created_at"], a["id"]))
        if "created_at_after" in params:
            after = datetime.fromisoformat(params["created_at_after"])
            items = [a for a in items if datetime.fromisoformat(a["created_at"]) > after]
        if "created_at_before" in params:
            before = datetime.fromisoformat(params["created_at_before"])
            items = [a for a in items if datetime.fromisoformat(a["created_at"]) < before]
        if "event_type" in params:
            wanted = params["event_type"].lower()
            items = [a for a in items if a["payload"]["type"].split(".")[-1] == wanted]
        return items

    def page(self, request: httpx.Request, items: list[dict[str, Any]]) -> httpx.Response:
        page = int(request.url.params.get("page", 1))
        size = min(int(request.url.params.get("size", 10)), self.page_cap)
        chunk = items[(page - 1) * size: page * size]
        pages = max(1, -(-len(items) // size))
        return httpx.Response(200, json={"items": chunk, "total_count": len(items), "total_pages": pages,
                                         "has_more": page < pages}, headers={"x-request-id": "req_page"})

    def exclude(self, path: str, body: dict[str, Any]) -> httpx.Response:
        key = body.get("domain") or body.get("email") or body.get("linkedin_url")
        if not key:
            return error(400, "ValidationIssue", "email or linkedin_url is required")
        if key in self.excluded:
            return error(409, "CommitIssue", f"{key} is already excluded")
        if str(key).endswith("@blocked.example"):
            return error(422, "BusinessIssue", "this address cannot be excluded")
        now = "2025-03-01T00:00:00Z"
        record = {"id": str(uuid.uuid4()), "reason": body["reason"], "message": body.get("message"),
                  "until": body.get("until"), "created_at": now, "updated_at": now}
        if path == "/account-exclusions":
            record["domain"] = body["domain"]
        else:
            record["email"] = body.get("email")
            record["linkedin_url"] = body.get("linkedin_url")
        self.excluded[str(key)] = body
        return httpx.Response(201, json=record)


@dataclass
class Result:
    code: int
    out: str
    err: str

    @property
    def lines(self) -> list[str]:
        return self.out.splitlines()


class TTY(io.StringIO):
    """A stream that says it is a terminal (for the progress bar)."""

    def isatty(self) -> bool:
        return True


@pytest.fixture
def fake() -> FakeTopo:
    return FakeTopo()


@pytest.fixture
def run(fake: FakeTopo, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    monkeypatch.setenv("TOPO_API_KEY", TEST_KEY)
    monkeypatch.setenv("TOPO_BASE_URL", BASE_URL)
    monkeypatch.delenv("TOPO_WEBHOOK_SECRET", raising=False)

    def invoke(*argv: str, stderr: io.StringIO | None = None, handler: Any = None) -> Result:
        out, err = io.StringIO(), stderr if stderr is not None else io.StringIO()
        with httpx.Client(transport=httpx.MockTransport(handler or fake)) as http:
            code = main(list(argv), http_client=http, stdout=out, stderr=err)
        return Result(code, out.getvalue(), err.getvalue())

    return invoke
