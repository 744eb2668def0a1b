"""Decoding a response body into the generated models, for one client: lenient by default, strict on request.

The machinery (convert in C, then a compiled walk over the plain data) is `topo_client._decode`; this module binds
it to a client: what the walk finds goes to that client's drift record, once per distinct key with its count, or,
with `strict_response_validation=True`, raises `StrictValidationError` naming the model, the field and the problem
(the transport turns it into `APIResponseValidationError` naming the operation).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import msgspec

from topo_client._decode import ShapeError, decode_data
from topo_client._fast import body_decoder

from ._drift import DecodeOptions, StrictValidationError
from ._limits import check_depth
from ._sink import Collect
from ._spec import OperationSpec

T = TypeVar("T")
_JSON = msgspec.json.Decoder()


def decoder(tp: type[T] | None) -> Callable[[bytes, DecodeOptions], T]:
    """A body decoder for responses of model `tp` (None: a response without a body): a body that conforms to the
    spec in one pass of msgspec's decoder (`topo_client._fast.body_decoder`), any other through the lenient walk.
    Both hold the body to `options.max_depth`."""
    if tp is None:
        return _no_body

    def lenient(raw: bytes, options: DecodeOptions, depth_checked: bool = False) -> T:
        if options.max_depth is not None and not depth_checked:
            check_depth(raw, options.max_depth)
        value: T = decode_value(tp, _JSON.decode(raw), options)  # not JSON: msgspec.DecodeError
        return value

    lenient.__qualname__ = f"decoder({getattr(tp, '__name__', None)})"
    return body_decoder(tp, lenient, check_depth) or lenient


def _no_body(raw: bytes, options: DecodeOptions) -> Any:
    """No body documented: whatever came is still held to the limit."""
    if options.max_depth is not None:
        check_depth(raw, options.max_depth)
    return None


def model_for(spec: OperationSpec) -> Any:
    """The response model of an operation's success body, as the spec names it (None: no body)."""
    from topo_client import responses

    if spec.success_schema:
        return getattr(responses, spec.success_schema)
    body = spec.success_body or {}
    ref = body.get("items", {}).get("$ref") if body.get("type") == "array" else None
    return list[getattr(responses, ref.rsplit("/", 1)[-1])] if isinstance(ref, str) else None  # type: ignore[misc]


def decode_value(tp: Any, data: Any, options: DecodeOptions | None = None) -> Any:
    """Build `tp` (a model, a list of models, an event union) from plain data; the wrong kind raises ShapeError."""
    options = options or DecodeOptions()
    sink = Collect(options.strict)
    value = decode_data(tp, data, sink)
    if sink.found or sink.shapes:
        sink.flush(options.record)
    return value


def decode_json(tp: type[T], raw: bytes | str, options: DecodeOptions | None = None) -> T:
    """Decode a JSON body into `tp` as a client would (drift to the process-wide record by default)."""
    return decoder(tp)(raw.encode() if isinstance(raw, str) else raw, options or DecodeOptions())


__all__ = ["DecodeOptions", "ShapeError", "StrictValidationError", "decode_json", "decode_value", "decoder",
           "model_for"]
