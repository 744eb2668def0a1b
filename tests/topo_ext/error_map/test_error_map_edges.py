"""The error map's edges: the depth limit for error bodies, an oversized body's error, and
which keys are cut out of what the server wrote."""

from __future__ import annotations

import httpx
import pytest

from tests.specdata import UUID_A, MockAPI
from topo_ext import APIResponseValidationError, Limits, NotFoundError, Topo
from topo_ext._error_map import MIN_REDACTED, redact


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
