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

Cost: a span that is not sampled gets no attributes, events or exception details (metrics still count it); a
recorded one gets its closing attributes in one call; the operation counter is observable (counted here, read at
collection), since each synchronous measurement costs about as much as a span.
"""

from __future__ import annotations

import threading
import time
import weakref
from collections.abc import MutableMapping
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from opentelemetry import context as otel_context
from opentelemetry import metrics, propagate, trace
from opentelemetry.trace import Link, SpanContext, SpanKind, Status, StatusCode, TraceFlags

from . import _telemetry
from ._limits import request_id_of
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
        self.count = _operation_counter(meter_provider or metrics.get_meter_provider(), meter)
        self.duration = histogram("topo.client.operation.duration", "s", "Operation time, retries and waits included")
        self.retries = counter("topo.client.retries", "{retry}", "Attempts retried, by reason")
        self.rate_limited = counter("topo.client.rate_limited", "{response}", "429 responses received")
        self.gate_wait = histogram("topo.client.rate_gate.wait", "s", "Time an attempt waited at the client rate gate")
        self.drift_seen = counter("topo.client.drift", "{key}", "New unknown fields, enum values or event types seen")
        self._described: dict[tuple[Any, str], tuple[str, dict[str, Any]]] = {}
        self._labels: dict[str, dict[str, str]] = {}

    def __repr__(self) -> str:
        return "OpenTelemetry()"

    def start(self, op: Operation[Any, Any], kwargs: dict[str, Any], url: str) -> _telemetry.OperationSpan:
        return _Span(self, op, kwargs, url)

    def describe(self, op: Operation[Any, Any], url: str) -> tuple[str, dict[str, Any]]:
        """The span name and the attributes every span of `op` against `url` starts with, worked out once."""
        found = self._described.get((op, url))
        if found is None:
            spec = op.spec
            name = f"topo.{spec.resource}.{spec.python_method}" if spec.resource else f"topo.{spec.python_method}"
            host, port = _server(url)
            found = self._described[(op, url)] = (name, {
                "http.request.method": spec.method, "url.template": spec.path, "topo.operation_id": spec.operation_id,
                "server.address": host, "server.port": port,
            })
        return found

    def labels(self, name: str) -> dict[str, str]:
        """The metric labels of a successful operation (built once per operation)."""
        found = self._labels.get(name)
        if found is None:
            found = self._labels[name] = {"topo.operation": name, "topo.outcome": "ok"}
        return found

    def drift(self, kind: str, model: str) -> None:
        self.drift_seen.add(1, {"topo.drift.kind": kind, "topo.drift.model": model})


class _Counts:
    """Operations finished, counted here and reported when metrics are collected (an observable counter): a
    synchronous counter costs as much per call as the span itself. One per meter provider, shared by every
    `OpenTelemetry` on it (a provider keeps the first callback registered under a name)."""

    def __init__(self, meter: metrics.Meter) -> None:
        self.counts: dict[tuple[str, str], int] = {}
        self.lock = threading.Lock()
        meter.create_observable_counter("topo.client.operations", [self.observe], "{operation}",
                                        "Operations finished, by outcome")

    def __call__(self, name: str, outcome: str) -> None:
        with self.lock:
            self.counts[(name, outcome)] = self.counts.get((name, outcome), 0) + 1

    def observe(self, options: metrics.CallbackOptions) -> list[metrics.Observation]:
        with self.lock:
            counts = list(self.counts.items())
        return [metrics.Observation(n, {"topo.operation": name, "topo.outcome": outcome})
                for (name, outcome), n in counts]


_COUNTS: weakref.WeakKeyDictionary[Any, _Counts] = weakref.WeakKeyDictionary()
_COUNTS_LOCK = threading.Lock()


def _operation_counter(provider: Any, meter: metrics.Meter) -> _Counts:
    with _COUNTS_LOCK:
        counts = _COUNTS.get(provider)
        if counts is None:
            counts = _COUNTS[provider] = _Counts(meter)
        return counts


class _Span(_telemetry.OperationSpan):
    def __init__(self, owner: OpenTelemetry, op: Operation[Any, Any], kwargs: dict[str, Any], url: str) -> None:
        self.owner = owner
        self.started = time.perf_counter()
        self.attempts = 0
        self.gate_wait = 0.0
        name, attributes = owner.describe(op, url)
        if op.spec.paginated and isinstance(kwargs.get("page"), int):
            attributes = {**attributes, "topo.page": kwargs["page"]}
        if chunk := _telemetry.chunk():
            attributes = {**attributes, "topo.batch.start": chunk[0], "topo.batch.stop": chunk[1]}
        self.name, self.labels = name, owner.labels(name)
        self.span = owner.tracer.start_span(name, kind=SpanKind.CLIENT, attributes=attributes)
        # Not sampled (or no SDK): no attributes, events or exception details to build for it; metrics still count.
        self.recording = self.span.is_recording()
        self.token = otel_context.attach(trace.set_span_in_context(self.span))

    def attempt(self, number: int) -> None:
        self.attempts = number

    def waited(self, seconds: float, reason: str) -> None:
        if reason == "rate_gate" and seconds > 0:
            self.gate_wait += seconds
            self.owner.gate_wait.record(seconds, {"topo.operation": self.name})

    def retry(self, attempt: int, reason: str, delay: float) -> None:
        if self.recording:
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
            if self.recording:
                attributes: dict[str, Any] = {"topo.attempts": max(self.attempts, 1),
                                              "topo.rate_gate.wait_s": round(self.gate_wait, 6)}
                if response is not None:
                    attributes["http.response.status_code"] = response.status_code
                    attributes["url.full"] = str(response.request.url)
                    if request_id := request_id_of(response):  # made safe: bounded, escaped, no key
                        attributes["topo.request_id"] = request_id
                span.set_attributes(attributes)  # one call: each set_attribute takes the span's lock
            if error is not None:
                outcome = type(error).__name__
                self._describe_error(error)
            labels = self.labels if outcome == "ok" else {**self.labels, "topo.outcome": outcome}
            self.owner.count(self.name, outcome)
            self.owner.duration.record(time.perf_counter() - self.started, labels)
        finally:
            otel_context.detach(self.token)
            span.end()

    def _describe_error(self, error: BaseException) -> None:
        status = getattr(error, "status_code", None)
        if status == 429:
            self.owner.rate_limited.add(1, {"topo.operation": self.name})
        if not self.recording:
            return
        span = self.span
        span.set_status(Status(StatusCode.ERROR, str(error)[:200]))
        span.set_attribute("error.type", type(error).__name__)
        span.record_exception(error)
        if isinstance(status, int):
            span.set_attribute("http.response.status_code", status)
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
