"""OpenTelemetry traces and metrics per Topo operation (optional extra: `pip install 'topo-client[otel]'`).

One CLIENT span per operation, named after it (`topo.contacts.list`), with the HTTP semantic-convention
attributes, `topo.operation_id`, `topo.request_id`, the attempt count, a `topo.retry` event per retry (reason,
delay) and the time spent waiting at the rate gate; list walks carry `topo.page`, batch chunks
`topo.batch.start`/`topo.batch.stop`. A failing operation records the error class, status and Topo's error `type`,
and links to Topo's own trace when the error body carries `trace_id`/`span_id`. Every request carries the current
context as `traceparent`.

Clients turn it on with `Topo(tracing=True)` (global providers), `Topo(tracing=OpenTelemetry(tracer_provider=...,
meter_provider=...))`, or by default when the application has installed an SDK tracer provider; `tracing=False`
turns it off. Nothing here is imported unless tracing is on.
"""

from __future__ import annotations

import time
from collections.abc import MutableMapping
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from opentelemetry import context as otel_context
from opentelemetry import metrics, propagate, trace
from opentelemetry.trace import Link, SpanContext, SpanKind, Status, StatusCode, TraceFlags

from . import _telemetry
from ._version import __version__

if TYPE_CHECKING:
    import httpx

    from ._operations import Operation

__all__ = ["OpenTelemetry"]

_SCOPE = "topo_ext"


class OpenTelemetry:
    """Reports operations to OpenTelemetry: the global providers by default, or the ones given."""

    def __init__(self, *, tracer_provider: trace.TracerProvider | None = None,
                 meter_provider: metrics.MeterProvider | None = None) -> None:
        self.tracer = trace.get_tracer(_SCOPE, __version__, tracer_provider)
        meter = metrics.get_meter(_SCOPE, __version__, meter_provider)
        counter, histogram = meter.create_counter, meter.create_histogram  # (name, unit, description)
        self.operations = counter("topo.client.operations", "{operation}", "Operations finished, by outcome")
        self.duration = histogram("topo.client.operation.duration", "s", "Operation time, retries and waits included")
        self.retries = counter("topo.client.retries", "{retry}", "Attempts retried, by reason")
        self.rate_limited = counter("topo.client.rate_limited", "{response}", "429 responses received")
        self.gate_wait = histogram("topo.client.rate_gate.wait", "s", "Time an attempt waited at the client rate gate")
        self.drift_seen = counter("topo.client.drift", "{key}", "New unknown fields, enum values or event types seen")

    def __repr__(self) -> str:
        return "OpenTelemetry()"

    def start(self, op: Operation[Any, Any], kwargs: dict[str, Any], url: str) -> _telemetry.OperationSpan:
        return _Span(self, op, kwargs, url)

    def drift(self, kind: str, model: str) -> None:
        self.drift_seen.add(1, {"topo.drift.kind": kind, "topo.drift.model": model})


class _Span(_telemetry.OperationSpan):
    def __init__(self, owner: OpenTelemetry, op: Operation[Any, Any], kwargs: dict[str, Any], url: str) -> None:
        spec = op.spec
        name = f"topo.{spec.resource}.{spec.python_method}" if spec.resource else f"topo.{spec.python_method}"
        self.owner = owner
        self.name = name
        self.started = time.perf_counter()
        self.attempts = 0
        self.gate_wait = 0.0
        attributes: dict[str, Any] = {
            "http.request.method": spec.method,
            "url.template": spec.path,
            "topo.operation_id": spec.operation_id,
        }
        attributes["server.address"], attributes["server.port"] = _server(url)
        if spec.paginated and isinstance(kwargs.get("page"), int):
            attributes["topo.page"] = kwargs["page"]
        if chunk := _telemetry.chunk():
            attributes["topo.batch.start"], attributes["topo.batch.stop"] = chunk
        self.span = owner.tracer.start_span(name, kind=SpanKind.CLIENT, attributes=attributes)
        self.token = otel_context.attach(trace.set_span_in_context(self.span))

    def attempt(self, number: int) -> None:
        self.attempts = number

    def waited(self, seconds: float, reason: str) -> None:
        if reason == "rate_gate" and seconds > 0:
            self.gate_wait += seconds
            self.owner.gate_wait.record(seconds, {"topo.operation": self.name})

    def retry(self, attempt: int, reason: str, delay: float) -> None:
        self.span.add_event("topo.retry", {"topo.attempt": attempt, "topo.retry.reason": reason,
                                           "topo.retry.delay_s": round(delay, 6)})
        self.owner.retries.add(1, {"topo.operation": self.name, "topo.retry.reason": reason})
        if reason.startswith("429"):
            self.owner.rate_limited.add(1, {"topo.operation": self.name})

    def inject(self, headers: MutableMapping[str, str]) -> None:
        propagate.inject(headers)

    def finish(self, response: httpx.Response | None = None, error: BaseException | None = None) -> None:
        span = self.span
        try:
            outcome = "ok"
            span.set_attribute("topo.attempts", max(self.attempts, 1))
            span.set_attribute("topo.rate_gate.wait_s", round(self.gate_wait, 6))
            if response is not None:
                self._describe_response(response)
            if error is not None:
                outcome = type(error).__name__
                self._describe_error(error)
            seconds = time.perf_counter() - self.started
            labels = {"topo.operation": self.name, "topo.outcome": outcome}
            self.owner.operations.add(1, labels)
            self.owner.duration.record(seconds, labels)
        finally:
            otel_context.detach(self.token)
            span.end()

    def _describe_response(self, response: httpx.Response) -> None:
        self.span.set_attribute("http.response.status_code", response.status_code)
        self.span.set_attribute("url.full", str(response.request.url))
        if request_id := response.headers.get("x-request-id") or response.headers.get("request-id"):
            self.span.set_attribute("topo.request_id", request_id)

    def _describe_error(self, error: BaseException) -> None:
        span = self.span
        span.set_status(Status(StatusCode.ERROR, str(error)[:200]))
        span.set_attribute("error.type", type(error).__name__)
        span.record_exception(error)
        status = getattr(error, "status_code", None)
        if isinstance(status, int):
            span.set_attribute("http.response.status_code", status)
            if status == 429:
                self.owner.rate_limited.add(1, {"topo.operation": self.name})
        for attribute, value in (("topo.error.type", getattr(error, "type", None)),
                                 ("topo.request_id", getattr(error, "request_id", None))):
            if isinstance(value, str):
                span.set_attribute(attribute, value)
        body = getattr(error, "body", None)
        if isinstance(body, dict):
            trace_id, span_id = body.get("trace_id"), body.get("span_id")
            if isinstance(trace_id, str):
                span.set_attribute("topo.trace_id", trace_id)
            if isinstance(span_id, str):
                span.set_attribute("topo.span_id", span_id)
            if link := _remote_link(trace_id, span_id):
                span.add_link(link.context, {"topo.link": "api_trace"})


def _remote_link(trace_id: Any, span_id: Any) -> Link | None:
    """A link to Topo's own span, when its ids are W3C-shaped hex (32 and 16 digits)."""
    try:
        tid, sid = int(str(trace_id), 16), int(str(span_id), 16)
    except ValueError:
        return None
    if not (len(str(trace_id)) == 32 and len(str(span_id)) == 16 and tid and sid):
        return None
    return Link(SpanContext(tid, sid, is_remote=True, trace_flags=TraceFlags(TraceFlags.SAMPLED)))


def _server(url: str) -> tuple[str, int]:
    """Host and port of the base URL (checked when the client was made: no credentials), IPv6 brackets dropped."""
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError:  # cannot happen for a checked base_url; never let telemetry break a call
        port = None
    return parts.hostname or "", port or (443 if parts.scheme == "https" else 80)
