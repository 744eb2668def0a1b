"""From a final attempt to the caller's value or typed error: request ids, error fields, scopes, chained causes."""

from __future__ import annotations

import httpx
import pytest

from tests.conftest import TEST_KEY
from tests.specdata import UUID_A, MockAPI
from topo_ext import (
    APIConnectionError,
    APIResponseValidationError,
    APITimeoutError,
    NotFoundError,
    PermissionDeniedError,
    Topo,
)


def answer(api: MockAPI, response: httpx.Response | Exception) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if isinstance(response, Exception):
            raise response
        return httpx.Response(response.status_code, headers=response.headers, content=response.content)

    api.override["get_contact"] = handler


@pytest.mark.parametrize("header", ["x-request-id", "request-id"])
def test_the_request_id_comes_from_the_body_else_from_a_header(client: Topo, api: MockAPI, header: str) -> None:
    answer(api, httpx.Response(404, headers={header: "req_from_header"}, content=b"<html>gone</html>"))
    with pytest.raises(NotFoundError) as caught:
        client.contacts.get(UUID_A)
    assert caught.value.request_id == "req_from_header"
    answer(api, httpx.Response(404, headers={header: "req_from_header"},
                               json={"type": "NotFoundIssue", "message": "no", "request_id": "req_body"}))
    with pytest.raises(NotFoundError) as caught:
        client.contacts.get(UUID_A)
    assert caught.value.request_id == "req_body"


def test_error_fields_from_an_odd_json_body(client: Topo, api: MockAPI) -> None:
    answer(api, httpx.Response(404, json={"type": 5, "data": {"a": 1}}))
    with pytest.raises(NotFoundError) as caught:
        client.contacts.get(UUID_A)
    err = caught.value
    assert err.type is None and err.data == {"a": 1}  # a non-string type is not passed off as one
    assert err.message == "Not Found"  # no message in the body: the status' reason phrase


def test_a_non_json_error_body_is_described_not_parsed(client: Topo, api: MockAPI) -> None:
    answer(api, httpx.Response(404, headers={"content-type": "text/html; charset=utf-8"}, content=b"<h1>Gone</h1>"))
    with pytest.raises(NotFoundError) as caught:
        client.contacts.get(UUID_A)
    assert caught.value.type is None and caught.value.data is None
    assert "text/html" in caught.value.message and "<h1>Gone</h1>" in caught.value.message
    answer(api, httpx.Response(404))  # no body at all: nothing to quote
    with pytest.raises(NotFoundError) as caught:
        client.contacts.get(UUID_A)
    assert "''" not in caught.value.message and caught.value.message.startswith("Not Found")


@pytest.mark.parametrize("key", ["required_scope", "scope", "missing_scope"])
def test_the_missing_scope_is_read_from_any_of_its_spellings(client: Topo, api: MockAPI, key: str) -> None:
    answer(api, httpx.Response(403, json={"type": "UnauthorizedIssue", "message": "no", "data": {key: "x:read"}}))
    with pytest.raises(PermissionDeniedError) as caught:
        client.contacts.get(UUID_A)
    assert caught.value.required_scope == "x:read"


def test_no_scope_given_means_none(client: Topo, api: MockAPI) -> None:
    answer(api, httpx.Response(403, json={"type": "UnauthorizedIssue", "message": "no", "data": {"scope": ""}}))
    with pytest.raises(PermissionDeniedError) as caught:
        client.contacts.get(UUID_A)
    assert caught.value.required_scope is None
    answer(api, httpx.Response(404, json={"type": "NotFoundIssue", "message": "no", "data": {"scope": "x:read"}}))
    with pytest.raises(NotFoundError) as caught:
        client.contacts.get(UUID_A)
    assert "required_scope" not in vars(caught.value)  # only a 403 carries one


@pytest.mark.parametrize(("failure", "error"), [(httpx.ConnectError("refused"), APIConnectionError),
                                                (httpx.ReadTimeout("slow"), APITimeoutError)])
def test_transport_errors_carry_the_request_the_attempts_and_the_cause(api: MockAPI, no_sleep: list[float],
                                                                       failure: Exception,
                                                                       error: type[Exception]) -> None:
    answer(api, failure)
    with Topo(api_key=TEST_KEY, base_url="https://t/v1", max_retries=1,
              http_client=httpx.Client(transport=httpx.MockTransport(api))) as client, \
            pytest.raises(error) as caught:
        client.contacts.get(UUID_A)
    err = caught.value
    assert type(err.__cause__) is type(failure)  # type: ignore[attr-defined]
    assert err.request is not None and err.request.url.path.endswith(UUID_A)  # type: ignore[attr-defined]
    assert err.attempts == 2  # type: ignore[attr-defined]


def test_an_undecodable_body_says_how_many_attempts_it_took(api: MockAPI, no_sleep: list[float]) -> None:
    answer(api, httpx.Response(200, content=b'{"id": "cut'))
    with Topo(api_key=TEST_KEY, base_url="https://t/v1", max_retries=2,
              http_client=httpx.Client(transport=httpx.MockTransport(api))) as client, \
            pytest.raises(APIResponseValidationError) as caught:
        client.contacts.get(UUID_A)
    assert caught.value.attempts == 3 and caught.value.__cause__ is not None
