"""From a final attempt to what the caller gets: the decoded value, or the typed error (`_exceptions.py`).

Messages name the operation, the status and the kind of failure; they never quote a header value (the
Authorization header carries the key).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

import httpx

from topo_client._struct import TopoStruct

from . import _exceptions as exc
from ._models import StrictValidationError
from ._retries import Attempt, BadBody, RefusedLocally, TruncatedBody, parse_retry_after

if TYPE_CHECKING:
    from ._operations import Operation

T = TypeVar("T")


def request_id_of(response: httpx.Response, body: Any = None) -> str | None:
    if isinstance(body, Mapping) and isinstance(body.get("request_id"), str):
        return str(body["request_id"])
    header: str | None = response.headers.get("x-request-id") or response.headers.get("request-id")
    return header


def result_of(op: Operation[Any, T], outcome: Attempt, request: httpx.Request, attempts: int) -> T:
    """The decoded value of the final attempt, or the error it raises."""
    err = outcome.error
    if err is None:
        response = outcome.response
        assert response is not None
        if response.status_code >= 400:
            raise status_error(response, attempts)
        value: T = outcome.value
        if isinstance(value, TopoStruct) and (request_id := request_id_of(response)) is not None:
            value.__dict__["_request_id_"] = request_id  # once per answer: `model._request_id`
        return value
    if isinstance(err, RefusedLocally):  # its message may quote a header value: name the kind of error only
        raise exc.InvalidRequestError(f"{request.method} {request.url.path}: refused locally before sending "
                                      f"({type(err.cause).__name__}); nothing was sent") from None
    if isinstance(err, BadBody):
        raise body_error(op, err, attempts) from err.cause
    raise transport_error(err, request, attempts) from err


def body_error(op: Operation[Any, Any], err: BadBody, attempts: int) -> exc.APIResponseValidationError:
    """A 2xx whose body is not JSON, not the documented shape, or (strict mode) not exactly the spec."""
    strict = isinstance(err.cause, StrictValidationError)
    if isinstance(err, TruncatedBody):
        content_type = err.response.headers.get("content-type", "no content type").split(";")[0]
        snippet = err.response.text[:80].replace("\n", " ").strip()
        what = f"is not valid JSON ({content_type}, truncated or not JSON at all: {snippet!r})"
    elif strict:
        what = f"differs from the spec (strict_response_validation=True): {err.cause}"
    else:
        what = f"is not {op.spec.success_schema or 'the documented shape'}"
    return exc.APIResponseValidationError(
        f"{op.spec.operation_id}: the {err.response.status_code} response body {what}"
        + ("" if strict else f": {type(err.cause).__name__}: {err.cause}"),
        response=err.response, request_id=request_id_of(err.response), attempts=attempts,
    )


def status_error(response: httpx.Response, attempts: int) -> exc.APIStatusError:
    """Build the typed error for a 4xx/5xx response, tolerating non-JSON bodies (e.g. a proxy's HTML page)."""
    body: Any = None
    try:
        body = response.json()
    except (json.JSONDecodeError, UnicodeDecodeError):
        body = None
    cls = exc.status_error_class(response.status_code)
    if isinstance(body, Mapping):
        error_type = body.get("type") if isinstance(body.get("type"), str) else None
        message = str(body.get("message") or response.reason_phrase or "error")
        data = body.get("data")
    else:
        error_type, data = None, None
        content_type = response.headers.get("content-type", "unknown content type").split(";")[0]
        snippet = response.text[:120].replace("\n", " ").strip() if response.content else ""
        message = (
            f"{response.reason_phrase or 'error'} with a non-JSON body ({content_type})"
            + (f": {snippet!r}" if snippet else "")
        )
    error = cls(
        message,
        response=response,
        body=body,
        error_type=error_type,
        data=data,
        request_id=request_id_of(response, body),
        attempts=attempts,
    )
    if isinstance(error, exc.PermissionDeniedError) and isinstance(data, Mapping):
        scope = data.get("required_scope") or data.get("scope") or data.get("missing_scope")
        error.required_scope = str(scope) if scope else None
    if isinstance(error, exc.RateLimitError):
        error.retry_after = parse_retry_after(response.headers)
    return error


def transport_error(err: Exception, request: httpx.Request, attempts: int) -> exc.APIConnectionError:
    where = f"{request.method} {request.url.path}"
    if isinstance(err, httpx.TimeoutException):
        return exc.APITimeoutError(f"Request timed out: {where} ({type(err).__name__})", request=request,
                                   attempts=attempts)
    return exc.APIConnectionError(f"Connection error: {where}: {type(err).__name__}: {err}", request=request,
                                  attempts=attempts)
