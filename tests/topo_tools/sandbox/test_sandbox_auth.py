"""Bearer auth and scopes, request ids, error bodies."""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest

from topo_tools.sandbox import Sandbox

REQUEST_ID = re.compile(r"^req_[a-z0-9]{26}$")


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer topo_wrong"}, {"Authorization": "Basic abc"},
                                     {"Authorization": "Bearer"}])
def test_missing_or_invalid_key_is_401(sb: Sandbox, headers: dict[str, str], validate: Any) -> None:
    with httpx.Client(base_url=sb.base_url, headers=headers, trust_env=False) as client:
        response = client.get("/contacts")
    assert response.status_code == 401
    body = response.json()
    assert body["type"] == "UnauthorizedIssue" and body["status_code"] == 401 and body["message"]
    assert REQUEST_ID.match(body["request_id"])
    assert body["request_id"] == response.headers["x-request-id"]
    validate(body, "Error")


def test_401_comes_before_validation_and_404(sb: Sandbox) -> None:
    with httpx.Client(base_url=sb.base_url, trust_env=False) as client:
        assert client.get("/contacts", params={"size": 1000}).status_code == 401
        assert client.get("/contacts/not-a-uuid").status_code == 401


def test_key_without_the_scope_gets_403_naming_it(sb: Sandbox, client_for: Any, validate: Any) -> None:
    key = sb.make_key(scopes=["contacts:read"])
    with client_for(sb, key) as client:
        assert client.get("/contacts").status_code == 200
        denied = client.post("/contact-exclusions", json={"reason": "OTHER", "email": "a@b.co"})
        tasks = client.get("/tasks")
    assert denied.status_code == 403
    assert denied.json()["type"] == "UnauthorizedIssue"
    assert denied.json()["data"] == {"required_scope": "exclusions:write"}
    assert tasks.json()["data"] == {"required_scope": "tasks:read"}
    validate(denied.json(), "Error")


def test_me_needs_no_scope_and_reports_the_keys_scopes(sb: Sandbox, client_for: Any) -> None:
    key = sb.make_key(scopes=[], name="bare")
    with client_for(sb, key) as client:
        me = client.get("/me").json()
    assert me["scopes"] == [] and me["name"] == "bare"
    assert key.startswith(me["key_prefix"]) and len(me["key_prefix"]) < len(key)
    assert me["organization_id"] == sb.state.organization_id


def test_make_key_rejects_unknown_scopes(sb: Sandbox) -> None:
    with pytest.raises(ValueError, match="contact:read"):
        sb.make_key(scopes=["contact:read"])
    with pytest.raises(TypeError):
        sb.make_key(scopes="contacts:read")


def test_every_response_carries_a_request_id(sb: Sandbox, api: httpx.Client) -> None:
    answers = [api.get("/me"), api.get("/nope"), api.delete("/me"), api.get("/contacts/" + "0" * 36),
               api.get(f"/contacts/{'1' * 8}-0000-4000-8000-{'0' * 12}")]
    ids = [r.headers["x-request-id"] for r in answers]
    assert [r.status_code for r in answers] == [200, 404, 405, 400, 404]
    assert all(REQUEST_ID.match(i) for i in ids) and len(set(ids)) == len(ids)
    assert answers[3].json()["data"] == {"field": "contact_id"}
    assert answers[4].json()["type"] == "NotFoundIssue"


def test_keys_are_not_in_reprs(sb: Sandbox) -> None:
    key = sb.state.keys[sb.api_key]
    assert sb.api_key not in repr(key) and sb.api_key not in repr(sb)


def test_head_is_answered_like_get(api: httpx.Client) -> None:
    response = api.head("/contacts")
    assert response.status_code == 200 and response.content == b""
    assert api.options("/contacts").status_code == 405
