"""Raw access to a call's HTTP response (`client.with_raw_response....`)."""

from __future__ import annotations

from typing import Generic, TypeVar

import httpx

from ._limits import request_id_of

T = TypeVar("T")


class Plain:
    """Type marker: a client (and its resources) whose methods return what the API call decodes to."""


class Raw:
    """Type marker: a `with_raw_response` client, whose methods return `APIResponse`."""


class APIResponse(Generic[T]):
    """The HTTP response of one call together with its decoded value."""

    def __init__(self, response: httpx.Response, parsed: T) -> None:
        self.http_response = response
        self.status_code: int = response.status_code
        self.headers: httpx.Headers = response.headers
        self._parsed = parsed

    @property
    def request_id(self) -> str | None:
        return request_id_of(self.http_response)

    def parse(self) -> T:
        """The value the normal (non-raw) call would have returned."""
        return self._parsed

    def __repr__(self) -> str:
        return f"<APIResponse {self.status_code} {self.http_response.request.method} {self.http_response.url.path}>"
