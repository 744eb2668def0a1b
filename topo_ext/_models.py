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
from topo_client._fast import MISS, conforming_depth, fast_decoder

from ._drift import DecodeOptions, StrictValidationError
from ._limits import check_depth
from ._sink import Collect
from ._spec import OperationSpec

T = TypeVar("T")
_JSON = msgspec.json.Decoder()

def decoder(tp: type[T] | None) -> Callable[[bytes, DecodeOptions], T]:
    """A body decoder for responses of model `tp` (None: a response without a body): a body that conforms to the
    spec in one pass of msgspec's decoder (`topo_client._fast`), any other through the lenient walk."""
    model: Any = tp
    fast = fast_decoder(model) if tp is not None else None
    # A body that decodes on the fast path is at most this deep (None: a free-form value leaves it unbounded), so
    # under a limit at least that deep it needs no depth check: only a body that takes the lenient walk does.
    bound = conforming_depth(model) if fast is not None else None

    def decode(raw: bytes, options: DecodeOptions) -> T:
        limit = options.max_depth
        if tp is None:  # no body documented: whatever came is still held to the limit
            if limit is not None:
                check_depth(raw, limit)
            return None  # type: ignore[return-value]
        if limit is not None and (bound is None or bound > limit):
            check_depth(raw, limit)
            limit = None  # checked
        if fast is not None and (quick := fast(raw)) is not MISS:
            value: T = quick
            return value
        if limit is not None:  # left for the lenient walk
            check_depth(raw, limit)
        value = decode_value(tp, _JSON.decode(raw), options)  # not JSON: msgspec.DecodeError
        return value

    decode.__qualname__ = f"decoder({getattr(tp, '__name__', None)})"
    return decode


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
