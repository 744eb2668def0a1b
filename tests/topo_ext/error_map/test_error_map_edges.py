"""The error map's edges: the depth limit for error bodies, an oversized body's error, and
which keys are cut out of what the server wrote."""

from __future__ import annotations

import httpx
import pytest

from tests.conftest import TEST_KEY
from tests.specdata import UUID_A, MockAPI
from topo_ext import APIResponseValidationError, Limits, NotFoundError, Topo
from topo_ext._limits import MAX_REQUEST_ID, MIN_REDACTED, redact


def test_an_error_body_deeper_than_the_configured_limit_is_not_read(client: Topo, api: MockAPI) -> None:
    body = {"type": "NotFound", "message": "gone", "data": {"a": {"b": {"c": {"d": 1}}}}}
    api.override["get_contact"] = lambda request: httpx.Response(404, json=body)
    with pytest.raises(NotFoundError) as default:
        client.contacts.get(UUID_A)
    assert default.value.body == body  # within the default depth: read
    with pytest.raises(NotFoundError) as limited:
        client.with_options(limits=Limits(max_json_depth=3)).contacts.get(UUID_A)
    assert limited.value.body is None and limited.value.type is None  # deeper than the client's limit


def test_a_body_over_the_size_limit_is_an_error_with_its_response_request_id_and_attempts(
        client: Topo, api: MockAPI, no_sleep: list[float]) -> None:
    limit = Limits(max_body_bytes=1000)
    answers = iter([httpx.Response(503, json={"message": "try later"}),
                    httpx.Response(200, json={"id": UUID_A, "email": "x" * (limit.max_body_bytes * 2)},
                                   headers={"x-request-id": "req_big"})])
    api.override["get_contact"] = lambda request: next(answers)
    with pytest.raises(APIResponseValidationError) as caught:
        client.with_options(limits=limit, max_retries=2).contacts.get(UUID_A)
    err = caught.value
    assert err.response.status_code == 200 and err.response.headers["x-request-id"] == "req_big"
    assert err.request_id == "req_big" and err.attempts == 2  # the 503, then the oversized answer (not retried)


def key_request(key: str) -> httpx.Request:
    return httpx.Request("GET", "https://t/v1/me", headers={"Authorization": f"Bearer {key}"})


def test_a_key_the_server_echoes_is_cut_out() -> None:
    key = "k" * MIN_REDACTED
    assert redact(f"bad key {key}.", key_request(key)) == "bad key [redacted]."
    assert redact("nothing of it here", key_request(key)) == "nothing of it here"


def test_a_key_too_short_to_tell_from_words_is_left_in() -> None:
    key = "k" * (MIN_REDACTED - 1)
    assert redact(f"bad key {key}.", key_request(key)) == f"bad key {key}."


def test_a_request_without_a_key_cuts_nothing() -> None:
    request = httpx.Request("GET", "https://t/v1/me")
    assert redact("the whole message", request) == "the whole message"
    assert redact("the whole message", None) == "the whole message"


def _me_answering(api: MockAPI, status: int, body: dict[str, str], request_id: str | None = None) -> None:
    headers = {"x-request-id": request_id} if request_id is not None else {}
    api.override["get_me"] = lambda request: httpx.Response(status, json=body, headers=headers)


@pytest.mark.parametrize("where", ["header", "body"])
def test_a_key_the_server_echoes_as_the_request_id_is_cut_out(client: Topo, api: MockAPI, where: str) -> None:
    body = {"type": "NotFoundIssue", "message": "nope", **({"request_id": TEST_KEY} if where == "body" else {})}
    _me_answering(api, 404, body, TEST_KEY if where == "header" else None)
    with pytest.raises(NotFoundError) as caught:
        client.with_options(max_retries=0).me()
    err = caught.value
    assert err.request_id == "[redacted]"
    assert TEST_KEY not in str(err) and TEST_KEY not in repr(err)


@pytest.mark.parametrize(("header", "body", "shown"), [
    ("req_1\x1b[2J\r\nLOG forged", {}, "req_1\\x1b[2J\\r\\nLOG forged"),
    (None, {"request_id": "req_\u202egnp.exe\x00"}, "req_\\u202egnp.exe\\x00"),
])
def test_a_request_id_with_control_characters_is_escaped(client: Topo, api: MockAPI, header: str | None,
                                                         body: dict[str, str], shown: str) -> None:
    _me_answering(api, 404, {"type": "NotFoundIssue", "message": "nope", **body}, header)
    with pytest.raises(NotFoundError) as caught:
        client.with_options(max_retries=0).me()
    assert caught.value.request_id == shown
    assert not any(char in str(caught.value) for char in "\x1b\r\n\u202e\x00")


def test_a_huge_request_id_is_cut(client: Topo, api: MockAPI) -> None:
    _me_answering(api, 404, {"type": "NotFoundIssue", "message": "nope"}, "r" * 200_000)
    with pytest.raises(NotFoundError) as caught:
        client.with_options(max_retries=0).me()
    request_id = caught.value.request_id
    assert request_id is not None and request_id.startswith("r" * MAX_REQUEST_ID) and request_id.endswith("(cut)")
    assert len(request_id) < MAX_REQUEST_ID + 20 and len(str(caught.value)) < MAX_REQUEST_ID + 100


def test_a_decoded_models_request_id_is_made_safe_the_same_way(client: Topo, api: MockAPI) -> None:
    api.override["get_me"] = lambda request: httpx.Response(
        200, content=api.respond(request).content, headers={"x-request-id": f"req_\x1b[2J{TEST_KEY}" + "r" * 1000})
    model = client.me()
    raw = client.with_raw_response.me()
    for request_id in (model._request_id, raw.request_id):
        assert request_id is not None and request_id.startswith("req_\\x1b[2J[redacted]rrr")
        assert len(request_id) < MAX_REQUEST_ID + 20
