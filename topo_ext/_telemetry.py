"""Operation-level telemetry hooks: what the transport tells an observer, with no cost when nobody listens.

The transport reports each operation (one span: its attempts, retry reasons and waits, rate-gate waits, the page
of a list walk, the chunk of a batch, the outcome) through the `OperationSpan` made current for it. With tracing
off the current span is `NOOP`, whose methods do nothing, and `opentelemetry` is never imported; the
OpenTelemetry implementation lives in `topo_ext.otel` and is loaded only when a client turns tracing on.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, MutableMapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    import httpx

    from ._operations import Operation


class OperationSpan:
    """The observer of one operation. This base class ignores everything (tracing off)."""

    def attempt(self, number: int) -> None:
        """Attempt `number` (1-based) is about to be sent."""

    def waited(self, seconds: float, reason: str) -> None:
        """The operation slept `seconds` before an attempt (`rate_gate` or `retry`)."""

    def retry(self, attempt: int, reason: str, delay: float) -> None:
        """Attempt `attempt` failed with `reason`; the next one follows in `delay` seconds."""

    def inject(self, headers: MutableMapping[str, str]) -> None:
        """Add trace-context headers (`traceparent`) to an outgoing request."""

    def finish(self, response: httpx.Response | None = None, error: BaseException | None = None) -> None:
        """The operation ended with `response` (success) or `error`."""


NOOP = OperationSpan()


class Telemetry(Protocol):
    def start(self, op: Operation[Any, Any], kwargs: dict[str, Any], url: str) -> OperationSpan: ...

    def drift(self, kind: str, model: str) -> None: ...


_current: ContextVar[OperationSpan] = ContextVar("topo_operation_span", default=NOOP)
_chunk: ContextVar[tuple[int, int] | None] = ContextVar("topo_batch_chunk", default=None)


def current() -> OperationSpan:
    """The span of the operation being sent in this context (`NOOP` when tracing is off)."""
    return _current.get()


@contextmanager
def activated(span: OperationSpan) -> Iterator[OperationSpan]:
    token = _current.set(span)
    try:
        yield span
    finally:
        _current.reset(token)


@contextmanager
def traced(telemetry: Telemetry, op: Operation[Any, Any], kwargs: dict[str, Any], url: str) -> Iterator[OperationSpan]:
    """The span of one operation, current while it runs: the caller finishes it with the response; an error that
    ends the operation finishes it here."""
    span = telemetry.start(op, kwargs, url)
    with activated(span):
        try:
            yield span
        except BaseException as err:
            span.finish(error=err)
            raise


@contextmanager
def batch_chunk(start: int, stop: int) -> Iterator[None]:
    """Mark the requests sent inside as carrying batch items [start:stop] (a span attribute when tracing)."""
    token = _chunk.set((start, stop))
    try:
        yield
    finally:
        _chunk.reset(token)


def chunk() -> tuple[int, int] | None:
    return _chunk.get()


def telemetry_for(tracing: bool | Telemetry | None) -> Telemetry | None:
    """The telemetry a new client uses: None (off) unless asked for, or an OpenTelemetry SDK is configured.

    `tracing=None` follows the OpenTelemetry convention: instrument when the application has installed a real
    tracer provider, which implies it imported `opentelemetry` already, so checking costs no import.
    """
    if tracing is False:
        return None
    if tracing is not None and tracing is not True:
        if not callable(getattr(tracing, "start", None)):
            raise TypeError(f"tracing: expected a bool or topo_ext.otel.OpenTelemetry, got {type(tracing).__name__}")
        return tracing
    if tracing is None and not _provider_configured():
        return None
    try:
        from .otel import OpenTelemetry
    except ImportError as err:  # the extra is not installed
        if tracing:
            raise ImportError("tracing=True needs OpenTelemetry: pip install 'topo-client[otel]'") from err
        return None
    return OpenTelemetry()


def _provider_configured() -> bool:
    trace = sys.modules.get("opentelemetry.trace")
    if trace is None:
        return False
    provider = trace.get_tracer_provider()
    return type(provider).__name__ not in {"ProxyTracerProvider", "NoOpTracerProvider"}
