"""One error hierarchy, chosen by status, carrying the error body's fields and the response."""

from __future__ import annotations

import httpx
import pytest

from tests.specdata import UUID_A, MockAPI
from topo_ext import (
    APIResponseValidationError,
    APIStatusError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    Topo,
    TopoError,
    UnprocessableEntityError,
)

CASES = [
    (400, "ValidationIssue", BadRequestError, {"field": "size"}),
    (401, "UnauthorizedIssue", AuthenticationError, None),
    (403, "UnauthorizedIssue", PermissionDeniedError, {"required_scope": "contacts:read"}),
    (404, "NotFoundIssue", NotFoundError, None),
    (409, "CommitIssue", ConflictError, {"conflicting_id": UUID_A}),
    (422, "BusinessIssue", UnprocessableEntityError, None),
    (429, "RateLimitIssue", RateLimitError, {"limit": 10}),
    (500, "InternalIssue", InternalServerError, None),
    (418, "TeapotIssue", APIStatusError, None),
]


@pytest.mark.parametrize(("status", "error_type", "cls", "data"), CASES, ids=[str(c[0]) for c in CASES])
def test_error_class_and_fields_from_a_real_shaped_body(api: MockAPI, status: int, error_type: str,
                                                        cls: type[APIStatusError], data: object) -> None:
    body = {"status_code": status, "type": error_type, "message": "it went wrong", "request_id": "req_abc",
            "trace_id": "t1"}
    if data is not None:
        body["data"] = data
    api.override["get_contact"] = lambda r: httpx.Response(status, json=body)
    client = Topo(api_key="topo_k", base_url="https://t/v1", max_retries=0,
                  http_client=httpx.Client(transport=httpx.MockTransport(api)))
    with pytest.raises(cls) as caught:
        client.contacts.get(UUID_A)
    err = caught.value
    assert type(err) is cls and isinstance(err, TopoError)
    assert (err.status_code, err.type, err.message, err.request_id) == (status, error_type, "it went wrong", "req_abc")
    assert err.data == data and err.response.status_code == status and err.body == body
    assert f"{status} {error_type}" in str(err) and "req_abc" in str(err)
    if cls is PermissionDeniedError:
        assert isinstance(err, PermissionDeniedError)
        assert err.required_scope == "contacts:read" and "contacts:read" in str(err)


def test_an_html_error_page_from_a_proxy_gives_a_clear_error(api: MockAPI) -> None:
    api.override["get_contact"] = lambda r: httpx.Response(
        502, text="<html><body><h1>502 Bad Gateway</h1></body></html>", headers={"content-type": "text/html"})
    client = Topo(api_key="topo_k", base_url="https://t/v1", max_retries=0,
                  http_client=httpx.Client(transport=httpx.MockTransport(api)))
    with pytest.raises(InternalServerError) as caught:
        client.contacts.get(UUID_A)
    assert caught.value.type is None and caught.value.body is None
    assert "non-JSON body (text/html)" in str(caught.value) and "502 Bad Gateway" in str(caught.value)


def test_request_id_falls_back_to_the_header(api: MockAPI) -> None:
    api.override["get_contact"] = lambda r: httpx.Response(404, text="nope", headers={"x-request-id": "req_hdr"})
    client = Topo(api_key="topo_k", base_url="https://t/v1",
                  http_client=httpx.Client(transport=httpx.MockTransport(api)))
    with pytest.raises(NotFoundError) as caught:
        client.contacts.get(UUID_A)
    assert caught.value.request_id == "req_hdr"


def test_a_success_body_that_is_not_the_documented_shape(client: Topo, api: MockAPI) -> None:
    api.override["get_contact"] = lambda r: httpx.Response(200, json=["not", "an", "object"],
                                                           headers={"x-request-id": "req_x"})
    with pytest.raises(APIResponseValidationError) as caught:
        client.contacts.get(UUID_A)
    assert "get_contact" in str(caught.value) and caught.value.request_id == "req_x"


@pytest.mark.parametrize(("status", "error_type", "cls", "data"), CASES, ids=[str(c[0]) for c in CASES])
def test_errors_from_a_hand_built_response(status: int, error_type: str, cls: type[APIStatusError],
                                           data: object) -> None:
    # A service's own tests fake Topo's errors with `httpx.Response(...)` and no request: `response.request`
    # raises there, so neither the error classes nor the error map may read it.
    from topo_ext._error_map import status_error

    body = {"type": error_type, "message": "it went wrong", "request_id": "req_abc", "data": data}
    error = status_error(httpx.Response(status, json=body), 1)
    assert type(error) is cls
    assert (error.request, error.status_code, error.type, error.request_id) == (None, status, error_type, "req_abc")
    assert "req_abc" in str(error)
    made = cls("it went wrong", response=httpx.Response(status), body=None, error_type=None)
    assert (made.request, made.status_code) == (None, status)
    invalid = APIResponseValidationError("not the documented shape", response=httpx.Response(200))
    assert (invalid.request, invalid.status_code) == (None, 200)
