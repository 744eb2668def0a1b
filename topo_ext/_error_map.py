"""From a final attempt to what the caller gets: the decoded value, or the typed error (`_exceptions.py`).

Messages name the operation, the status and the kind of failure; they never quote a header value (the
Authorization header carries the key), and the key is cut out of anything the server wrote into them.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

import httpx

from . import _exceptions as exc
from ._drift import StrictValidationError
from ._limits import DEFAULT_LIMITS, BodyTooLarge, TooDeep, check_depth, redact, request_id_of
from ._options import without_userinfo
from ._retries import Attempt, BadBody, RefusedLocally, TruncatedBody, parse_retry_after

if TYPE_CHECKING:
    from ._operations import Operation

T = TypeVar("T")


def result_of(op: Operation[Any, T], outcome: Attempt, request: httpx.Request, attempts: int,
              depth: int = DEFAULT_LIMITS.max_json_depth) -> T:
    """The error a final attempt that is not a decoded 2xx raises (the transport returns those itself: only 2xx is
    success, so an answer here is a status error)."""
    err = outcome.error
    if err is None:
        response = outcome.response
        assert response is not None
        raise status_error(response, attempts, depth, guessed=op.spec.inferred)
    if isinstance(err, RefusedLocally):  # its message may quote a header value: name the kind of error only
        raise exc.InvalidRequestError(f"{request.method} {request.url.path}: refused locally before sending "
                                      f"({type(err.cause).__name__}); nothing was sent") from None
    if isinstance(err, BodyTooLarge):
        raise exc.APIResponseValidationError(f"{op.spec.operation_id}: {err}", response=err.response,
                                             request_id=request_id_of(err.response), attempts=attempts) from None
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
    elif strict or isinstance(err.cause, ValueError):  # strict drift, or over a bound (Limits): the cause says it
        what = f"differs from the spec (strict_response_validation=True): {err.cause}" if strict else str(err.cause)
    else:
        what = f"is not {op.spec.success_schema or 'the documented shape'}"
    text = (f"{op.spec.operation_id}: the {err.response.status_code} response body {what}"
            + ("" if strict or isinstance(err.cause, ValueError) else f": {type(err.cause).__name__}: {err.cause}"))
    return exc.APIResponseValidationError(
        redact(text, err.response.request), response=err.response, request_id=request_id_of(err.response),
        attempts=attempts,
    )


def _json_body(response: httpx.Response, depth: int) -> tuple[Any, str | None]:
    """The error body as JSON (None if it is not JSON), and why it was not read if it is too deep."""
    try:
        check_depth(response.content, depth)
        return json.loads(response.content), None
    except ValueError as err:  # not JSON, not UTF-8, or TooDeep
        return None, str(err) if isinstance(err, TooDeep) else None
    except RecursionError:
        return None, "is JSON nested too deeply to read"


def status_error(response: httpx.Response, attempts: int, depth: int = DEFAULT_LIMITS.max_json_depth,
                 guessed: str | None = None) -> exc.APIStatusError:
    """Build the typed error for a status that is not 2xx, tolerating non-JSON bodies (e.g. a proxy's HTML page).
    `guessed`: why the operation's endpoint is not in Topo's docs; a 404/405 then says the endpoint may not exist."""
    body, too_deep = _json_body(response, depth)
    cls = exc.status_error_class(response.status_code)
    if isinstance(body, Mapping):
        error_type = body.get("type") if isinstance(body.get("type"), str) else None
        message = str(body.get("message") or response.reason_phrase or "error")
        message = message if len(message) <= 1000 else message[:1000] + "... (cut at 1000 characters)"
        data = body.get("data")
    else:
        error_type, data = None, None
        content_type = response.headers.get("content-type", "unknown content type").split(";")[0]
        snippet = response.text[:120].replace("\n", " ").strip() if response.content and not too_deep else ""
        message = f"{response.reason_phrase or 'error'} with a non-JSON body ({content_type})" + (
            f": {snippet!r}" if snippet else "")
        if too_deep:
            message = f"{response.reason_phrase or 'error'}: the body {too_deep}"
    if cls is exc.UnexpectedStatusError:
        location = response.headers.get("location")
        kind = "a redirect" if 300 <= response.status_code < 400 else "a status"
        message = (f"unexpected status {response.status_code}: {kind} the client does not follow or accept (only 2xx "
                   f"is success)" + (f"; Location: {without_userinfo(location)!r}" if location else "")
                   + f"; {message}")
    request = response._request  # absent on a hand-built response
    if guessed and response.status_code in (404, 405) and request is not None:
        from topo_client._schema import NOT_IN_DOCS  # the error path only: not loaded at `import topo_ext`

        message += (f" [the endpoint itself is a guess: {request.method} {request.url.path} may not exist at Topo. "
                    f"{NOT_IN_DOCS} {guessed}]")
    error = cls(
        redact(message, request),
        response=response,
        body=body,
        error_type=redact(error_type, request) if error_type else None,
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
