"""Calls to endpoints the spec does not have yet: `client.get/post/patch/delete(path, ...)` on both clients.

Topo adds endpoints within /v1 without notice. These methods send one request through the client's own transport
(auth, retries by the same rule, rate gate, typed errors, telemetry, request log) and decode the answer into
`cast_to`: a response model (leniently, drift to the client's record, strict mode honoured), `dict` (the JSON
object), or `httpx.Response` (the answer itself). The path is relative to the client's `base_url`; an absolute URL
is accepted only under it, so the key is never sent to another host.
"""

from __future__ import annotations

import typing
from collections.abc import Mapping
from typing import Any, TypeVar
from urllib.parse import unquote

import httpx

from ._drift import DecodeOptions
from ._limits import check_depth
from ._options import check_query

T = TypeVar("T")


class Request:
    """What the transport needs of an `Operation` (`spec`, `request_kwargs`, `decode`), for one request that the
    spec does not describe. Its operation id, in errors, logs and spans, is `"<METHOD> <path>"`."""

    def __init__(self, base_url: str, method: str, path: str, cast_to: Any, query: Mapping[str, Any] | None,
                 body: Any, extra_headers: Mapping[str, str] | None, timeout: float | httpx.Timeout | None) -> None:
        from ._arguments import _to_jsonable, check_options  # on the first call: not at `import topo_ext`
        from ._spec import OperationSpec

        path = relative_path(base_url, path)
        self.cast_to = cast_to
        self.decodes = _decoding(cast_to)
        self.spec = OperationSpec(operation_id=f"{method} {path}", method=method, path=path, resource=None,
                                  python_method=method.lower(), scopes=(),
                                  success_schema=getattr(cast_to, "__name__", None) if self.decodes else None)
        if query is not None and not isinstance(query, Mapping):
            raise TypeError(f"query: expected a mapping of query parameters, got {type(query).__name__}")
        options = check_options({"extra_headers": extra_headers, "timeout": timeout})
        self.kwargs: dict[str, Any] = {"method": method, "url": path}
        if query:
            self.kwargs["params"] = _to_jsonable(dict(query), "query")
            check_query(self.kwargs["params"], "query")
        if body is not None:
            self.kwargs["json"] = _to_jsonable(body)
        if "extra_headers" in options:
            self.kwargs["headers"] = dict(options["extra_headers"])
        if "timeout" in options:
            self.kwargs["timeout"] = options["timeout"]

    def request_kwargs(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> dict[str, Any]:
        return dict(self.kwargs)  # the transport pops from it

    def decode(self, raw: bytes, options: DecodeOptions | None = None) -> Any:
        if options is not None and options.max_depth is not None:  # every answer, whatever the caller takes
            check_depth(raw, options.max_depth)
        if not self.decodes or not raw:  # httpx.Response: the caller takes the response; no body: None
            return None
        import msgspec  # the decoder's modules load on the first call, not at `import topo_ext`

        from ._decoding import ShapeError, decode_value

        data = msgspec.json.decode(raw)
        if self.cast_to is dict:
            if not isinstance(data, dict):
                raise ShapeError(f"expected a JSON object, got {type(data).__name__}")
            return data
        return decode_value(self.cast_to, data, options)

    def result(self, value: Any, response: httpx.Response) -> Any:
        return response if self.cast_to is httpx.Response else value


def _decoding(cast_to: Any) -> bool:
    """Whether the body is decoded (False: the caller gets the httpx.Response); anything else is a TypeError."""
    if cast_to is httpx.Response:
        return False
    from topo_client._decode import event_union, is_model

    inner = typing.get_args(cast_to)[0] if typing.get_origin(cast_to) is list and typing.get_args(cast_to) else cast_to
    if cast_to is dict or is_model(inner) or event_union(inner) is not None:
        return True
    raise TypeError(f"cast_to: expected a response model (topo_ext.models), dict or httpx.Response, got {cast_to!r}")


def relative_path(base_url: str, path: str) -> str:
    """`path` relative to `base_url` ("/contacts"); an absolute URL must lie under `base_url`."""
    if not isinstance(path, str) or not path:
        raise TypeError(f"path: expected a non-empty str such as '/contacts', got {path!r}")
    if "://" in path:
        if not (path == base_url or path.startswith(base_url + "/")):
            raise ValueError(f"path: an absolute URL must start with this client's base_url ({base_url}); refusing "
                             "to send the API key elsewhere")
        path = path[len(base_url):]
    if path.startswith("//") or "\\" in path:
        raise ValueError("path: must be a path under base_url such as '/contacts', not another host")
    if "?" in path or "#" in path:
        raise ValueError("path: pass query parameters as query= (the path may not contain '?' or '#')")
    path = path if path.startswith("/") else "/" + path
    base, url = httpx.URL(base_url), httpx.URL(base_url + path)
    if (url.scheme, url.host, url.port) != (base.scheme, base.host, base.port) or not (
            url.path + "/").startswith(base.path.rstrip("/") + "/") or _climbs(path):
        raise ValueError(f"path: {path!r} leads outside base_url ({base_url})")
    return path


def _climbs(path: str) -> bool:
    """Whether `path`, percent-decoded (as a server may do before resolving dot segments), goes above its start:
    `/%2e%2e/admin` is `/../admin` to such a server, though httpx sends it as it is."""
    decoded = path
    for _ in range(3):  # a server may decode more than once; `%252e` is `%2e` after one pass
        decoded, before = unquote(decoded), decoded
        if decoded == before:
            break
    depth = 0
    for segment in decoded.replace("\\", "/").split("/"):
        if segment == "..":
            depth -= 1
            if depth < 0:
                return True
        elif segment not in ("", "."):
            depth += 1
    return False


def _call(client: Any, method: str, path: str, cast_to: Any, query: Any, body: Any, extra_headers: Any,
          timeout: Any) -> Request:
    return Request(client.base_url, method, path, cast_to, query, body, extra_headers, timeout)


class SyncRequests:
    """`get/post/patch/delete` on `Topo` (see the module docstring)."""

    def get(self, path: str, *, cast_to: type[T], query: Mapping[str, Any] | None = None,
            extra_headers: Mapping[str, str] | None = None, timeout: float | httpx.Timeout | None = None) -> T:
        """GET `path` (relative to base_url) and decode the answer into `cast_to` (a model, dict or
        httpx.Response); retried, rate-gated and logged like every generated method."""
        return self._request("GET", path, cast_to, query, None, extra_headers, timeout)

    def post(self, path: str, *, cast_to: type[T], body: Any = None, query: Mapping[str, Any] | None = None,
             extra_headers: Mapping[str, str] | None = None, timeout: float | httpx.Timeout | None = None) -> T:
        """POST `body` (JSON) to `path`; never re-sent once the server may have acted (see `get`)."""
        return self._request("POST", path, cast_to, query, body, extra_headers, timeout)

    def patch(self, path: str, *, cast_to: type[T], body: Any = None, query: Mapping[str, Any] | None = None,
              extra_headers: Mapping[str, str] | None = None, timeout: float | httpx.Timeout | None = None) -> T:
        """PATCH `path` with `body` (JSON); see `get`."""
        return self._request("PATCH", path, cast_to, query, body, extra_headers, timeout)

    def delete(self, path: str, *, cast_to: type[T], body: Any = None, query: Mapping[str, Any] | None = None,
               extra_headers: Mapping[str, str] | None = None, timeout: float | httpx.Timeout | None = None) -> T:
        """DELETE `path`; an answer without a body gives None (`cast_to=httpx.Response` for the answer)."""
        return self._request("DELETE", path, cast_to, query, body, extra_headers, timeout)

    def _request(self, method: str, path: str, cast_to: type[T], query: Any, body: Any, extra_headers: Any,
                 timeout: Any) -> T:
        op = _call(self, method, path, cast_to, query, body, extra_headers, timeout)
        value, response = self._send(op, (), {})  # type: ignore[attr-defined]
        result: T = self._result(op.result(value, response), response)  # type: ignore[attr-defined]
        return result


class AsyncRequests:
    """`get/post/patch/delete` on `AsyncTopo`, awaited (see `SyncRequests`)."""

    async def get(self, path: str, *, cast_to: type[T], query: Mapping[str, Any] | None = None,
                  extra_headers: Mapping[str, str] | None = None, timeout: float | httpx.Timeout | None = None) -> T:
        """See `Topo.get`."""
        return await self._request("GET", path, cast_to, query, None, extra_headers, timeout)

    async def post(self, path: str, *, cast_to: type[T], body: Any = None, query: Mapping[str, Any] | None = None,
                   extra_headers: Mapping[str, str] | None = None, timeout: float | httpx.Timeout | None = None) -> T:
        """See `Topo.post`."""
        return await self._request("POST", path, cast_to, query, body, extra_headers, timeout)

    async def patch(self, path: str, *, cast_to: type[T], body: Any = None, query: Mapping[str, Any] | None = None,
                    extra_headers: Mapping[str, str] | None = None,
                    timeout: float | httpx.Timeout | None = None) -> T:
        """See `Topo.patch`."""
        return await self._request("PATCH", path, cast_to, query, body, extra_headers, timeout)

    async def delete(self, path: str, *, cast_to: type[T], body: Any = None, query: Mapping[str, Any] | None = None,
                     extra_headers: Mapping[str, str] | None = None,
                     timeout: float | httpx.Timeout | None = None) -> T:
        """See `Topo.delete`."""
        return await self._request("DELETE", path, cast_to, query, body, extra_headers, timeout)

    async def _request(self, method: str, path: str, cast_to: type[T], query: Any, body: Any, extra_headers: Any,
                       timeout: Any) -> T:
        op = _call(self, method, path, cast_to, query, body, extra_headers, timeout)
        value, response = await self._send(op, (), {})  # type: ignore[attr-defined]
        result: T = self._result(op.result(value, response), response)  # type: ignore[attr-defined]
        return result
