"""Every error class pickles with its fields (Celery, multiprocessing), without the API key; repr names the error."""

from __future__ import annotations

import gzip
import inspect
import pickle

import httpx
import pytest

from tests.conftest import TEST_KEY
from topo_ext import _exceptions as exc
from topo_ext._base_client import status_error

CLASSES = [cls for _, cls in inspect.getmembers(exc, inspect.isclass) if issubclass(cls, exc.TopoError)]
REQUEST = httpx.Request("GET", "https://api.topo.test/v1/contacts/1", headers={"Authorization": f"Bearer {TEST_KEY}"})


def _response(status: int) -> httpx.Response:
    body = {"type": "SomeIssue", "message": "went wrong", "request_id": "req_42", "data": {"field": "email"}}
    return httpx.Response(status, json=body, request=REQUEST)


def _instance(cls: type[exc.TopoError]) -> exc.TopoError:
    if issubclass(cls, exc.APIStatusError):
        others = {exc.InternalServerError: 500, exc.UnexpectedStatusError: 302}
        status = next((s for s, c in exc._BY_STATUS.items() if c is cls), others.get(cls, 418))
        error = cls("went wrong", response=_response(status), body={"message": "went wrong"}, error_type="SomeIssue",
                    data={"field": "email"}, request_id="req_42", attempts=3)
        assert type(status_error(_response(status), 1)) is cls or cls is exc.APIStatusError
        return error
    if issubclass(cls, exc.APIResponseValidationError):
        return cls("bad body", response=_response(200), request_id="req_42", attempts=2)
    if issubclass(cls, exc.APIError):
        return cls("no route", request=REQUEST, attempts=2)
    if cls is exc.BatchError:
        return cls("chunk failed", start=100, stop=200, succeeded=[1, 2], cause=ValueError("x"))
    return cls("plain")


@pytest.mark.parametrize("cls", CLASSES, ids=[c.__name__ for c in CLASSES])
def test_every_error_class_round_trips_through_pickle(cls: type[exc.TopoError]) -> None:
    error = _instance(cls)
    data = pickle.dumps(error)
    assert TEST_KEY.encode() not in data
    copy = pickle.loads(data)
    assert type(copy) is cls and str(copy) == str(error)
    for name in ("status_code", "type", "message", "data", "request_id", "attempts", "start", "stop", "succeeded"):
        assert getattr(copy, name, None) == getattr(error, name, None), name
    if isinstance(error, exc.APIStatusError):
        assert copy.response.status_code == error.status_code and copy.response.json() == error.response.json()


def test_repr_shows_class_status_type_and_request_id() -> None:
    error = status_error(_response(404), 1)
    assert repr(error) == "NotFoundError(status_code=404, type='SomeIssue', request_id='req_42', message='went wrong')"
    assert TEST_KEY not in repr(error)


def test_a_key_the_server_echoed_is_not_pickled() -> None:
    """A server or proxy echoing the key in the body and a header: the pickle has none of it, and the unpickled
    error keeps its fields with the key cut out, as its message already is."""
    body = {"type": "AuthIssue", "message": f"invalid key {TEST_KEY}", "detail": TEST_KEY,
            "data": {"key": TEST_KEY, TEST_KEY: [TEST_KEY]}, "request_id": "req_7"}
    response = httpx.Response(401, json=body, headers={"www-authenticate": f'Bearer realm="{TEST_KEY}"'},
                              request=REQUEST)
    error = status_error(response, 1)
    data = pickle.dumps(error)
    assert TEST_KEY.encode() not in data
    copy = pickle.loads(data)
    assert type(copy) is exc.AuthenticationError and str(copy) == str(error) and repr(copy) == repr(error)
    assert (copy.status_code, copy.type, copy.request_id, copy.message) == (401, "AuthIssue", "req_7", error.message)
    assert copy.data == {"key": "[redacted]", "[redacted]": ["[redacted]"]}
    assert copy.body["detail"] == "[redacted]" and copy.response.json()["detail"] == "[redacted]"
    assert copy.response.headers["www-authenticate"] == 'Bearer realm="[redacted]"'
    assert copy.request is not None and "authorization" not in copy.request.headers


def test_a_gzipped_error_body_pickles() -> None:
    """httpx has decoded the body already: the unpickled response must not try to decode it again."""
    content = gzip.compress(b'{"type": "NotFoundIssue", "message": "no such contact"}')
    response = httpx.Response(404, content=content, request=REQUEST,
                              headers={"content-encoding": "gzip", "content-type": "application/json"})
    copy = pickle.loads(pickle.dumps(status_error(response, 1)))
    assert copy.message == "no such contact" and copy.response.json()["type"] == "NotFoundIssue"
