"""One error hierarchy for everything the client raises, chosen by HTTP status (then by the API's error `type`)."""

from __future__ import annotations

from typing import Any

import httpx

from ._limits import api_key_of

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "BatchError",
    "ClientClosedError",
    "ConflictError",
    "CursorError",
    "InternalServerError",
    "InvalidRequestError",
    "NotFoundError",
    "PaginationError",
    "PermissionDeniedError",
    "RateLimitError",
    "TopoError",
    "UnexpectedStatusError",
    "UnprocessableEntityError",
]


class TopoError(Exception):
    """Base class of every error raised by topo_ext."""

    def __reduce__(self) -> tuple[Any, ...]:
        # Keyword-only constructors defeat Exception's default pickling (Celery, multiprocessing): rebuild from
        # the message and the attributes instead.
        # No API key is pickled: not the request's Authorization header, nor the key echoed by a server or proxy
        # in anything it wrote (body, headers, message), which the redacted message and repr do not cover.
        request = self.__dict__.get("request") or getattr(self.__dict__.get("response"), "_request", None)
        key = api_key_of(request)
        state = {k: _without_key(v, key) for k, v in self.__dict__.items()}
        return _rebuild, (type(self), _without_key(self.args, key), state)


def _without_key(value: Any, key: str | None) -> Any:
    """`value` with the Authorization header left out and `key` replaced wherever the server may have echoed it."""
    if isinstance(value, httpx.Request):
        headers = [(k, _without_key(v, key)) for k, v in value.headers.multi_items() if k.lower() != "authorization"]
        return httpx.Request(value.method, _without_key(str(value.url), key), headers=headers,
                             content=_without_key(value.content, key),
                             extensions={k: v for k, v in value.extensions.items() if k != "trace"})
    if isinstance(value, httpx.Response):
        request = _without_key(value.request, key) if value._request is not None else None
        # The content is decoded (and maybe redacted): its encoding and length headers no longer describe it, and a
        # gzip header would have httpx decode it again.
        headers = [(k, _without_key(v, key)) for k, v in value.headers.multi_items()
                   if k.lower() not in ("content-encoding", "content-length")]
        return httpx.Response(value.status_code, headers=headers, content=_without_key(value.content, key),
                              request=request)
    if key is None:
        return value
    if isinstance(value, str):
        return value.replace(key, "[redacted]")
    if isinstance(value, bytes):
        return value.replace(key.encode(), b"[redacted]")
    if isinstance(value, dict):
        return {_without_key(k, key): _without_key(v, key) for k, v in value.items()}
    if type(value) in (list, tuple):
        return type(value)(_without_key(v, key) for v in value)
    return value


def _rebuild(cls: type[TopoError], args: tuple[Any, ...], state: dict[str, Any]) -> TopoError:
    error = cls.__new__(cls)
    Exception.__init__(error, *args)
    error.__dict__.update(state)
    return error


class ClientClosedError(TopoError):
    """The client (or the client a `with_options()` copy came from) was closed; create a new one."""


CLOSED = "this client was closed (close() or the end of its `with` block); create a new client"


class InvalidRequestError(TopoError, ValueError):
    """The request could not be sent as built (e.g. a header value with a line break); nothing was sent.

    Never retried, and never quoting header values: the Authorization header carries the API key.
    """


class CursorError(TopoError, ValueError):
    """A stored stream position (a cursor file, a cursor store's row or table) cannot be used: not what
    `Cursor.to_json()` writes, over the size bound, or the store's table is not usable. The message names the file or
    the store and table; a database error is the `__cause__`. Never "start from the beginning" instead."""


class APIError(TopoError):
    """A request was made and did not give a usable answer."""

    message: str
    request: httpx.Request | None
    attempts: int

    def __init__(self, message: str, *, request: httpx.Request | None = None, attempts: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.request = request
        self.attempts = attempts

    def __str__(self) -> str:
        suffix = f" (after {self.attempts} attempts)" if self.attempts > 1 else ""
        return f"{self.message}{suffix}"

    def __repr__(self) -> str:
        fields = {name: getattr(self, name, None) for name in ("status_code", "type", "request_id")}
        shown = ", ".join(f"{k}={v!r}" for k, v in fields.items() if v is not None)
        return f"{type(self).__name__}({shown + ', ' if shown else ''}message={self.message!r})"


class APIConnectionError(APIError):
    """The server could not be reached, or the connection broke before a response arrived."""


class APITimeoutError(APIConnectionError):
    """The request timed out."""


class APIStatusError(APIError):
    """The API answered with a status other than 2xx (4xx, 5xx, or an unexpected 1xx/3xx). Carries the error body's
    fields and the response."""

    status_code: int
    type: str | None
    data: Any
    request_id: str | None
    response: httpx.Response
    body: Any

    def __init__(
        self,
        message: str,
        *,
        response: httpx.Response,
        body: Any,
        error_type: str | None,
        data: Any = None,
        request_id: str | None = None,
        attempts: int = 1,
    ) -> None:
        super().__init__(message, request=response._request, attempts=attempts)  # None: a hand-built response
        self.status_code = response.status_code
        self.type = error_type
        self.data = data
        self.request_id = request_id
        self.response = response
        self.body = body

    def __str__(self) -> str:
        parts = [f"{self.status_code}"]
        if self.type:
            parts.append(self.type)
        text = f"{' '.join(parts)}: {self.message}"
        if self.request_id:
            text += f" [request_id={self.request_id}]"
        if self.attempts > 1:
            text += f" (after {self.attempts} attempts)"
        return text


class BadRequestError(APIStatusError):
    """400 `ValidationIssue`: the body or query failed validation."""


class AuthenticationError(APIStatusError):
    """401 `UnauthorizedIssue`: the API key is missing, malformed or invalid."""


class PermissionDeniedError(APIStatusError):
    """403 `UnauthorizedIssue`: the key lacks the scope the operation needs (see `required_scope`)."""

    required_scope: str | None = None

    def __str__(self) -> str:
        text = super().__str__()
        if self.required_scope and self.required_scope not in self.message:
            text += f" (missing scope {self.required_scope})"
        return text


class NotFoundError(APIStatusError):
    """404 `NotFoundIssue`: no such resource in this workspace."""


class ConflictError(APIStatusError):
    """409 `CommitIssue`: conflict with the resource's current state."""


class UnprocessableEntityError(APIStatusError):
    """422 `BusinessIssue`: the operation is not allowed in the resource's current state."""


class RateLimitError(APIStatusError):
    """429: too many requests; `retry_after` holds the server's hint in seconds, if it gave one."""

    retry_after: float | None = None


class InternalServerError(APIStatusError):
    """5xx: a fault on Topo's side (or a proxy in front of it)."""


class UnexpectedStatusError(APIStatusError):
    """A status that is neither success (2xx) nor a documented error: a redirect (never followed, so the key never
    goes to another host), a 1xx, or a code outside 100-599. The message names the status and any `Location`."""


class APIResponseValidationError(APIError):
    """A response arrived but its body is not what the spec describes (e.g. truncated or non-JSON)."""

    response: httpx.Response
    status_code: int
    request_id: str | None

    def __init__(self, message: str, *, response: httpx.Response, request_id: str | None = None,
                 attempts: int = 1) -> None:
        super().__init__(message, request=response._request, attempts=attempts)  # None: a hand-built response
        self.response = response
        self.status_code = response.status_code
        self.request_id = request_id

    def __str__(self) -> str:
        text = super().__str__()
        return f"{text} [request_id={self.request_id}]" if self.request_id else text


class PaginationError(APIResponseValidationError):
    """A list walk (or `activities.stream()`) stopped because the pages made no progress: a page repeating the one
    before, or one past `total_pages` that still says `has_more` (see `Limits.max_stalled_pages`)."""


class BatchError(TopoError):
    """A chunk of a chunked batch call failed. Says which input items it covered and keeps what succeeded before."""

    def __init__(self, message: str, *, start: int, stop: int, succeeded: list[Any], cause: BaseException) -> None:
        super().__init__(message)
        self.start = start
        self.stop = stop
        self.succeeded = succeeded
        self.__cause__ = cause


_BY_STATUS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def status_error_class(status: int) -> type[APIStatusError]:
    """The exception class for a status that is not 2xx."""
    if not 400 <= status < 600:
        return UnexpectedStatusError
    if status >= 500:
        return InternalServerError
    return _BY_STATUS.get(status, APIStatusError)
