"""OpenTelemetry: one span per operation (pages, retries, errors, batch chunks, gather), metrics, traceparent."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from opentelemetry.sdk.metrics import MeterProvider
from opentelemetry.sdk.metrics.export import InMemoryMetricReader
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind, StatusCode

from tests.conftest import BASE_URL, TEST_KEY
from tests.specdata import UUID_A, MockAPI
from tests.topo_ext.retries.test_retries import rate_limited, script
from tests.unknowns import absent
from topo_ext import AsyncTopo, NotFoundError, Topo
from topo_ext._spec import operations
from topo_ext.otel import OpenTelemetry

CONTACT = {"id": UUID_A, "email": "alex@example.com"}
TOPO_TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736"
TOPO_SPAN_ID = "00f067aa0ba902b7"


class Recorder:
    """An OpenTelemetry SDK pipeline that keeps spans and metrics in memory."""

    def __init__(self) -> None:
        self.exporter = InMemorySpanExporter()
        self.tracer_provider = TracerProvider()
        self.tracer_provider.add_span_processor(SimpleSpanProcessor(self.exporter))
        self.reader = InMemoryMetricReader()
        self.meter_provider = MeterProvider(metric_readers=[self.reader])
        self.telemetry = OpenTelemetry(tracer_provider=self.tracer_provider, meter_provider=self.meter_provider)

    def spans(self, name: str | None = None) -> list[ReadableSpan]:
        return [s for s in self.exporter.get_finished_spans() if name is None or s.name == name]

    def metric(self, name: str) -> list[tuple[dict[str, Any], Any]]:
        """(attributes, value) per data point of metric `name` (sum for counters, count for histograms)."""
        data = self.reader.get_metrics_data()
        points = []
        for resource in data.resource_metrics if data else []:
            for scope in resource.scope_metrics:
                for metric in scope.metrics:
                    if metric.name == name:
                        for point in metric.data.data_points:
                            value = getattr(point, "value", None)
                            points.append((dict(point.attributes), value if value is not None else point.count))
        return points


@pytest.fixture
def rec() -> Recorder:
    return Recorder()


@pytest.fixture
def traced(api: MockAPI, rec: Recorder) -> Iterator[Topo]:
    http = httpx.Client(transport=httpx.MockTransport(api))
    with Topo(api_key=TEST_KEY, base_url=BASE_URL, http_client=http, log_drift=False, tracing=rec.telemetry) as c:
        yield c


def span_name(operation_id: str) -> str:
    spec = operations()[operation_id]
    return f"topo.{spec.resource}.{spec.python_method}"


def paged(api: MockAPI, total: int) -> None:
    """Serve `total` contacts in pages of the requested size."""

    def handler(request: httpx.Request) -> httpx.Response:
        template = json.loads(api.respond(request).content)
        size, page = int(request.url.params["size"]), int(request.url.params["page"])
        count = max(0, min(size, total - (page - 1) * size))
        pages = -(-total // size)
        items = [{**template["items"][0], "id": f"contact-{page}-{i}"} for i in range(count)]  # distinct, as real
        body = {**template, "items": items, "total_count": total, "total_pages": pages,
                "has_more": page < pages}
        return httpx.Response(200, json=body, headers={"x-request-id": f"req_page_{page}"})

    api.override["list_contacts"] = handler


def test_a_list_walk_is_one_span_per_page_with_its_number(traced: Topo, api: MockAPI, rec: Recorder) -> None:
    paged(api, total=250)
    assert len(list(traced.contacts.list())) == 250
    spans = rec.spans(span_name("list_contacts"))
    assert [s.attributes["topo.page"] for s in spans] == [1, 2, 3]
    first = spans[0]
    assert first.kind is SpanKind.CLIENT
    assert first.attributes["http.request.method"] == "GET"
    assert first.attributes["http.response.status_code"] == 200
    assert first.attributes["server.address"] == "api.topo.test"
    assert first.attributes["topo.operation_id"] == "list_contacts"
    assert first.attributes["topo.request_id"] == "req_page_1"
    assert first.attributes["topo.attempts"] == 1
    assert str(first.attributes["url.full"]).startswith(f"{BASE_URL}/contacts?")


def test_retries_after_429_and_503_are_events_on_one_span(
    traced: Topo, api: MockAPI, rec: Recorder, no_sleep: list[float]
) -> None:
    unavailable = httpx.Response(503, json={"status_code": 503, "type": "Unavailable", "message": "later"})
    api.override["get_contact"], _ = script(rate_limited("2"), unavailable, httpx.Response(200, json=CONTACT))
    traced.contacts.get(UUID_A)
    (span,) = rec.spans()
    assert span.name == span_name("get_contact")
    assert span.attributes["topo.attempts"] == 3
    retries = [e for e in span.events if e.name == "topo.retry"]
    assert [e.attributes["topo.retry.reason"] for e in retries] == ["429 Too Many Requests", "503 Service Unavailable"]
    assert retries[0].attributes["topo.retry.delay_s"] == 2.0
    assert sum(v for _, v in rec.metric("topo.client.retries")) == 2
    assert sum(v for _, v in rec.metric("topo.client.rate_limited")) == 1
    assert rec.metric("topo.client.operations") == [({"topo.operation": span.name, "topo.outcome": "ok"}, 1)]


def test_a_failing_call_links_to_topos_own_trace(traced: Topo, api: MockAPI, rec: Recorder) -> None:
    body = {"status_code": 404, "type": "NotFoundIssue", "message": "no such contact", "request_id": "req_404",
            "trace_id": TOPO_TRACE_ID, "span_id": TOPO_SPAN_ID}
    api.override["get_contact"] = lambda request: httpx.Response(404, json=body)
    with pytest.raises(NotFoundError):
        traced.contacts.get(UUID_A)
    (span,) = rec.spans()
    assert span.status.status_code is StatusCode.ERROR
    assert span.attributes["error.type"] == "NotFoundError"
    assert span.attributes["http.response.status_code"] == 404
    assert span.attributes["topo.error.type"] == "NotFoundIssue"
    assert span.attributes["topo.request_id"] == "req_404"
    assert span.attributes["topo.trace_id"] == TOPO_TRACE_ID
    (link,) = span.links
    assert (link.context.trace_id, link.context.span_id) == (int(TOPO_TRACE_ID, 16), int(TOPO_SPAN_ID, 16))
    assert [e.name for e in span.events] == ["exception"]
    outcome = rec.metric("topo.client.operations")[0][0]["topo.outcome"]
    assert outcome == "NotFoundError"


def test_an_error_without_w3c_ids_keeps_them_as_attributes_only(traced: Topo, api: MockAPI, rec: Recorder) -> None:
    body = {"status_code": 404, "type": "NotFoundIssue", "message": "gone", "trace_id": "abc", "span_id": "def"}
    api.override["get_contact"] = lambda request: httpx.Response(404, json=body)
    with pytest.raises(NotFoundError):
        traced.contacts.get(UUID_A)
    (span,) = rec.spans()
    assert span.attributes["topo.trace_id"] == "abc" and not span.links


def test_a_batch_create_is_one_span_per_chunk_with_its_range(traced: Topo, rec: Recorder) -> None:
    operation = next(op for op in operations().values() if op.batch_max_items and op.resource == "contact_lists")
    limit = operation.batch_max_items
    assert limit is not None
    traced.contact_lists.create([{"name": f"list {i}"} for i in range(2 * limit + 7)], allow_partial=True)
    spans = rec.spans(span_name(operation.operation_id))
    ranges = [(s.attributes["topo.batch.start"], s.attributes["topo.batch.stop"]) for s in spans]
    assert ranges == [(0, limit), (limit, 2 * limit), (2 * limit, 2 * limit + 7)]


def test_traceparent_names_the_operation_span(traced: Topo, api: MockAPI, rec: Recorder) -> None:
    traced.contacts.get(UUID_A)
    (span,) = rec.spans()
    header = api.requests[-1].headers["traceparent"]
    assert header == f"00-{span.context.trace_id:032x}-{span.context.span_id:016x}-{span.context.trace_flags:02x}"


async def test_async_gather_gives_each_call_its_own_span_under_the_callers(api: MockAPI, rec: Recorder) -> None:
    http = httpx.AsyncClient(transport=httpx.MockTransport(api))
    tracer = rec.tracer_provider.get_tracer("test")
    async with AsyncTopo(api_key=TEST_KEY, base_url=BASE_URL, http_client=http, log_drift=False,
                         tracing=rec.telemetry) as client:
        with tracer.start_as_current_span("sync job") as job:
            await asyncio.gather(*(client.contacts.get(UUID_A) for _ in range(20)))
    await http.aclose()
    spans = rec.spans(span_name("get_contact"))
    assert len(spans) == 20 and len({s.context.span_id for s in spans}) == 20
    assert {s.parent.span_id for s in spans if s.parent} == {job.get_span_context().span_id}
    sent = {r.headers["traceparent"].split("-")[2] for r in api.requests}
    assert sent == {f"{s.context.span_id:016x}" for s in spans}


def test_metrics_count_operations_and_record_durations(traced: Topo, rec: Recorder) -> None:
    for _ in range(3):
        traced.contacts.get(UUID_A)
    name = span_name("get_contact")
    assert rec.metric("topo.client.operations") == [({"topo.operation": name, "topo.outcome": "ok"}, 3)]
    assert rec.metric("topo.client.operation.duration") == [({"topo.operation": name, "topo.outcome": "ok"}, 3)]


def test_rate_gate_waits_are_recorded(api: MockAPI, rec: Recorder, no_sleep: list[float]) -> None:
    http = httpx.Client(transport=httpx.MockTransport(api))
    with Topo(api_key=TEST_KEY, base_url=BASE_URL, http_client=http, rate_limit=2, tracing=rec.telemetry,
              log_drift=False) as client:
        for _ in range(3):
            client.contacts.get(UUID_A)
    waits = [s.attributes["topo.rate_gate.wait_s"] for s in rec.spans()]
    assert waits[0] == 0 and all(w > 0 for w in waits[1:])
    assert len(rec.metric("topo.client.rate_gate.wait")) == 1


def test_tracing_off_records_nothing_and_sends_no_traceparent(api: MockAPI, rec: Recorder) -> None:
    http = httpx.Client(transport=httpx.MockTransport(api))
    with Topo(api_key=TEST_KEY, base_url=BASE_URL, http_client=http, tracing=False, log_drift=False) as client:
        client.contacts.get(UUID_A)
    assert rec.spans() == [] and "traceparent" not in api.requests[-1].headers


def test_tracing_rejects_a_value_of_the_wrong_kind() -> None:
    with pytest.raises(TypeError, match="tracing"):
        Topo(api_key=TEST_KEY, base_url=BASE_URL, tracing="yes")  # type: ignore[arg-type]


def _python(code: str) -> str:
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_importing_and_using_the_client_does_not_import_opentelemetry() -> None:
    code = (
        "import sys, httpx; from topo_ext import Topo; from tests.specdata import MockAPI\n"
        f"c = Topo(api_key='k', base_url='{BASE_URL}', http_client=httpx.Client(transport=httpx.MockTransport(MockAPI())))\n"
        "c.me()\n"
        "print(sorted(m for m in sys.modules if m.startswith('opentelemetry')))"
    )
    assert _python(code) == "[]"


def test_an_installed_sdk_provider_turns_tracing_on_by_default() -> None:
    code = (
        "from opentelemetry import trace; from opentelemetry.sdk.trace import TracerProvider\n"
        "from topo_ext import Topo\n"
        f"print(Topo(api_key='k', base_url='{BASE_URL}')._telemetry is not None)\n"
        "trace.set_tracer_provider(TracerProvider())\n"
        f"print(Topo(api_key='k', base_url='{BASE_URL}')._telemetry is not None)\n"
        f"print(Topo(api_key='k', base_url='{BASE_URL}', tracing=False)._telemetry is not None)"
    )
    assert _python(code).split() == ["False", "True", "False"]


def test_new_drift_keys_are_counted(api: MockAPI, rec: Recorder) -> None:
    field, other = absent("unlisted_field"), absent("unlisted_other")

    def contact_with_extras(request: httpx.Request) -> httpx.Response:
        body = {**json.loads(api.respond(request).content), field: "teal", other: "ok"}
        return httpx.Response(200, json=body)

    api.override["get_contact"] = contact_with_extras
    http = httpx.Client(transport=httpx.MockTransport(api))
    with Topo(api_key=TEST_KEY, base_url=BASE_URL, http_client=http, log_drift=False, tracing=rec.telemetry) as c:
        for _ in range(3):  # the same two keys each time: counted once, when first seen
            c.contacts.get(UUID_A)
        assert {e.name for e in c.drift.entries()} >= {field, other}
    points = rec.metric("topo.client.drift")
    assert sum(v for attrs, v in points if attrs["topo.drift.kind"] == "field") == 2


def test_an_unsampled_operation_builds_no_span_details_but_is_still_counted(api: MockAPI, rec: Recorder,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from opentelemetry.sdk.trace.sampling import ALWAYS_OFF
    from opentelemetry.trace import NonRecordingSpan

    provider = TracerProvider(sampler=ALWAYS_OFF)
    provider.add_span_processor(SimpleSpanProcessor(rec.exporter))
    telemetry = OpenTelemetry(tracer_provider=provider, meter_provider=rec.meter_provider)
    touched: list[str] = []
    for method in ("set_attribute", "set_attributes", "add_event", "record_exception", "set_status"):
        monkeypatch.setattr(NonRecordingSpan, method, lambda self, *a, _m=method, **k: touched.append(_m))
    http = httpx.Client(transport=httpx.MockTransport(api))
    with Topo(api_key=TEST_KEY, base_url=BASE_URL, http_client=http, log_drift=False, tracing=telemetry) as client:
        client.contacts.get(UUID_A)
        api.override["get_contact"] = lambda request: httpx.Response(404, json={"type": "NotFoundIssue"})
        with pytest.raises(NotFoundError):
            client.contacts.get(UUID_A)
    assert rec.spans() == [] and touched == []
    flags = api.requests[-1].headers["traceparent"].rsplit("-", 1)[-1]
    assert not int(flags, 16) & 1  # the context is still propagated, marked not sampled
    outcomes = sorted(labels["topo.outcome"] for labels, _ in rec.metric("topo.client.operations"))
    assert outcomes == ["NotFoundError", "ok"]


@pytest.mark.parametrize(("base_url", "host", "port"), [("https://[::1]:8443/v1", "::1", 8443),
                                                        ("http://[2001:db8::7]/v1", "2001:db8::7", 80)])
def test_an_ipv6_base_url_is_traced_with_its_host_and_port(api: MockAPI, rec: Recorder, base_url: str, host: str,
                                                          port: int) -> None:
    http = httpx.Client(transport=httpx.MockTransport(api))
    with Topo(api_key=TEST_KEY, base_url=base_url, http_client=http, log_drift=False, tracing=rec.telemetry) as c:
        c.me()
    (span,) = rec.spans()
    assert (span.attributes["server.address"], span.attributes["server.port"]) == (host, port)


def test_a_spans_request_id_is_made_safe_like_the_errors(traced: Topo, api: MockAPI, rec: Recorder) -> None:
    api.override["get_me"] = lambda request: httpx.Response(
        200, content=api.respond(request).content, headers={"x-request-id": f"req_\x1b[2J{TEST_KEY}"})
    traced.me()
    (span,) = rec.spans()
    assert span.attributes["topo.request_id"] == "req_\\x1b[2J[redacted]"
