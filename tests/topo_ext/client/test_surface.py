"""The calling surface (#16), for every operation in the spec: body fields as keyword arguments, per-request options,
bad input that never leaves the process (nor reaches the drift record), raw responses and real signatures."""

from __future__ import annotations

import inspect
import json
import typing
from typing import Any

import httpx
import pytest

from tests.conftest import BASE_URL, TEST_KEY
from tests.specdata import UUID_A, MockAPI, arguments, client_operations, instance, method_for
from topo_ext import APIResponse, AsyncTopo, Topo
from topo_ext._spec import OperationSpec, resolve

OPS = [op for op in client_operations() if op.python_method != "me"]
WRITES = [op for op in OPS if op.body_schema is not None]


def _ids(ops: list[OperationSpec]) -> list[str]:
    return [op.operation_id for op in ops]


def _norm(value: Any) -> Any:
    """JSON with date-times in one spelling ('Z' and '+00:00' are the same instant)."""
    if isinstance(value, dict):
        return {k: _norm(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_norm(v) for v in value]
    return value.replace("Z", "+00:00") if isinstance(value, str) and value.endswith("Z") else value


def _enum_param(op: OperationSpec) -> str | None:
    for param in op.params.values():
        schema = resolve(param.schema)
        if "enum" in schema or "enum" in resolve(schema.get("items", {})):
            return param.name
    return None


def _enum_field(op: OperationSpec) -> str | None:
    for name, prop in resolve(op.body_schema or {}).get("properties", {}).items():
        if "enum" in resolve(prop):
            return name
    return None


@pytest.mark.parametrize("op", WRITES, ids=_ids(WRITES))
def test_body_fields_as_keyword_arguments_are_the_body_sent(client: Topo, api: MockAPI, op: OperationSpec) -> None:
    args, kwargs = arguments(op)
    body = instance(op.body_schema or {}) if not op.batch_max_items else {"items": kwargs["items"]}
    fields = kwargs if op.batch_max_items else body
    method_for(client, op)(*args, **fields)
    assert _norm(json.loads(api.requests[-1].content)) == _norm(body)


@pytest.mark.parametrize("op", WRITES, ids=_ids(WRITES))
async def test_async_keyword_arguments_send_the_same_body(async_client: AsyncTopo, api: MockAPI,
                                                          op: OperationSpec) -> None:
    args, kwargs = arguments(op)
    body = instance(op.body_schema or {}) if not op.batch_max_items else {"items": kwargs["items"]}
    await method_for(async_client, op)(*args, **(kwargs if op.batch_max_items else body))
    assert _norm(json.loads(api.requests[-1].content)) == _norm(body)


def _bad_cases() -> list[tuple[OperationSpec, str, dict[str, Any], type[Exception], str]]:
    cases = []
    for op in OPS:
        _, kwargs = arguments(op)
        body = dict(kwargs) if op.batch_max_items else dict(kwargs.pop("body", {}) or {})
        cases.append((op, "unknown-argument", {**kwargs, **body, "no_such_arg": 1}, TypeError, "no_such_arg"))
        if resolve(op.body_schema or {}).get("properties") and not op.batch_max_items:  # (no properties: open)
            cases.append((op, "unknown-body-key", {"body": {**body, "no_such_key": 1}}, TypeError, "no_such_key"))
        if op.batch_max_items:
            items = [{**body["items"][0], "no_such_key": 1}]
            cases.append((op, "unknown-item-key", {"items": items}, TypeError, "no_such_key"))
        if name := _enum_param(op):
            cases.append((op, f"unknown-enum-{name}", {**kwargs, **body, name: "NO_SUCH_VALUE"}, ValueError, name))
        if (name := _enum_field(op)) and not op.batch_max_items:
            cases.append((op, f"unknown-enum-{name}", {**body, name: "NO_SUCH_VALUE"}, ValueError, name))
    return cases


BAD = _bad_cases()


@pytest.mark.parametrize(("op", "case", "kwargs", "error", "named"), BAD, ids=[f"{c[0].operation_id}-{c[1]}" for c in BAD])
def test_bad_input_raises_before_any_request_and_is_not_drift(client: Topo, api: MockAPI, op: OperationSpec,
                                                              case: str, kwargs: dict[str, Any],
                                                              error: type[Exception], named: str) -> None:
    args, _ = arguments(op)
    with pytest.raises(error) as caught:
        method_for(client, op)(*args, **kwargs)
    assert named in str(caught.value)
    assert api.requests == []
    assert not client.drift.keys()


@pytest.mark.parametrize(("op", "case", "kwargs", "error", "named"), BAD, ids=[f"{c[0].operation_id}-{c[1]}" for c in BAD])
async def test_async_bad_input_raises_before_any_request(async_client: AsyncTopo, api: MockAPI, op: OperationSpec,
                                                         case: str, kwargs: dict[str, Any], error: type[Exception],
                                                         named: str) -> None:
    args, _ = arguments(op)

    async def call() -> None:  # a list checks when called, the others when awaited
        result = method_for(async_client, op)(*args, **kwargs)
        if inspect.isawaitable(result):
            await result

    with pytest.raises(error, match=named):
        await call()
    assert api.requests == [] and not async_client.drift.keys()


def test_unlisted_enum_error_names_the_allowed_values(client: Topo, api: MockAPI) -> None:
    with pytest.raises(ValueError) as caught:
        client.tasks.list(status="DONEE")
    allowed = resolve(resolve(client.tasks.list.operation.spec.params["status"].schema))["enum"]
    assert all(value in str(caught.value) for value in allowed) and "extra_query" in str(caught.value)
    client.tasks.list(status=allowed[0].lower())  # listed values match in any case
    assert api.requests[-1].url.params["status"] == allowed[0]


def test_extras_send_values_the_spec_does_not_know(client: Topo, api: MockAPI) -> None:
    client.tasks.list(extra_query={"status": "ARCHIVED_NEW"})
    assert api.requests[-1].url.params["status"] == "ARCHIVED_NEW"
    client.contact_exclusions.create(email="a@b.co", reason="UNSUBSCRIBED", extra_body={"reason": "SPAM_TRAP",
                                                                                       "source": "crm"})
    sent = json.loads(api.requests[-1].content)
    assert sent == {"email": "a@b.co", "reason": "SPAM_TRAP", "source": "crm"}
    assert not client.drift.keys()


def test_per_request_timeout_and_headers_reach_the_wire(client: Topo, api: MockAPI) -> None:
    client.contacts.get(arguments(client.contacts.get.operation.spec)[0][0], timeout=1.5,
                        extra_headers={"X-Debug": "on"})
    request = api.requests[-1]
    assert request.headers["X-Debug"] == "on"
    assert request.extensions["timeout"]["read"] == 1.5
    client.contact_lists.create([{"name": "a"}], timeout=2.5, extra_headers={"X-Batch": "1"})
    assert api.requests[-1].extensions["timeout"]["read"] == 2.5 and api.requests[-1].headers["X-Batch"] == "1"


def _client(api: MockAPI, **kwargs: Any) -> Topo:
    return Topo(api_key=TEST_KEY, base_url=BASE_URL, http_client=httpx.Client(transport=httpx.MockTransport(api)),
                log_drift=False, **kwargs)


def test_with_options_accepts_each_option(api: MockAPI) -> None:
    client = _client(api, default_headers={"X-Team": "growth"}, default_query={"trace": "1"})
    client.me()
    assert api.requests[-1].headers["X-Team"] == "growth" and api.requests[-1].url.params["trace"] == "1"
    copy = client.with_options(api_key="topo_other_key_1234567", base_url="https://eu.topo.test/v1", timeout=4,
                               max_retries=0, default_headers={"X-Env": "ci"}, default_query={"q": "2"},
                               rate_limit=50)
    copy.me()
    sent = api.requests[-1]
    assert sent.headers["Authorization"] == "Bearer topo_other_key_1234567"
    assert sent.url.host == "eu.topo.test" and sent.extensions["timeout"]["read"] == 4
    assert (sent.headers["X-Team"], sent.headers["X-Env"]) == ("growth", "ci")
    assert (sent.url.params["trace"], sent.url.params["q"]) == ("1", "2")
    assert copy.max_retries == 0 and copy._options.rate_limit == 50 and copy._gate is not client._gate
    client.me()  # the original is unchanged
    assert api.requests[-1].headers["Authorization"] == f"Bearer {TEST_KEY}" and "X-Env" not in api.requests[-1].headers
    with pytest.raises(ValueError, match="rate_limit"):
        client.with_options(rate_limit=-1)


def test_an_injected_client_keeps_its_timeout_and_headers(api: MockAPI) -> None:
    http = httpx.Client(transport=httpx.MockTransport(api), timeout=1.25, headers={"User-Agent": "my-app/1"})
    client = Topo(api_key=TEST_KEY, base_url=BASE_URL, http_client=http)
    client.me()
    assert api.requests[-1].extensions["timeout"]["read"] == 1.25
    assert api.requests[-1].headers["User-Agent"] == "my-app/1"
    client.contacts.get(UUID_A, extra_headers={"User-Agent": "one-call/2"})
    assert api.requests[-1].headers["User-Agent"] == "one-call/2"
    Topo(api_key=TEST_KEY, base_url=BASE_URL, http_client=http, timeout=9,  # unless overridden
         default_headers={"User-Agent": "given/3"}).me()
    assert api.requests[-1].extensions["timeout"]["read"] == 9
    assert api.requests[-1].headers["User-Agent"] == "given/3"


def test_the_wrong_kind_of_http_client_raises_at_construction() -> None:
    with pytest.raises(TypeError, match="AsyncTopo"):
        Topo(api_key=TEST_KEY, http_client=httpx.AsyncClient())  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="Topo"):
        AsyncTopo(api_key=TEST_KEY, http_client=httpx.Client())  # type: ignore[arg-type]


@pytest.mark.parametrize("op", OPS, ids=_ids(OPS))
def test_with_raw_response_on_every_operation(client: Topo, api: MockAPI, op: OperationSpec) -> None:
    args, kwargs = arguments(op)
    plain = method_for(client, op)(*args, **kwargs)
    raw = method_for(client.with_raw_response, op)(*args, **kwargs)
    assert isinstance(raw, APIResponse) and raw.status_code == op.success_status
    assert type(raw.parse()) is type(plain)
    if op.batch_max_items:
        assert len(raw.parse().items) == len(plain.items)


@pytest.mark.parametrize("op", OPS, ids=_ids(OPS))
async def test_async_with_raw_response_on_every_operation(async_client: AsyncTopo, api: MockAPI,
                                                          op: OperationSpec) -> None:
    args, kwargs = arguments(op)
    plain = await method_for(async_client, op)(*args, **kwargs)
    raw = await method_for(async_client.with_raw_response, op)(*args, **kwargs)
    assert isinstance(raw, APIResponse) and raw.status_code == op.success_status
    assert type(raw.parse()) is type(plain)


def _shown(method: Any) -> inspect.Signature:
    """The signature a reader sees first: the keyword form (first overload) of a method that also takes `body=`."""
    forms = typing.get_overloads(method.__func__)
    if not forms:
        return inspect.signature(method, eval_str=True)
    signature = inspect.signature(forms[0], eval_str=True)
    return signature.replace(parameters=list(signature.parameters.values())[1:])  # bound: without self


@pytest.mark.parametrize("op", OPS, ids=_ids(OPS))
def test_signature_lists_the_spec_parameters(client: Topo, async_client: AsyncTopo, op: OperationSpec) -> None:
    expected = set(op.params) | {"extra_headers", "extra_query", "extra_body", "timeout"}
    if op.batch_max_items:
        expected |= {"items", "chunk_size", "allow_partial"} - set(op.params)
    else:
        expected |= set(resolve(op.body_schema or {}).get("properties", {}))
    for method in (method_for(client, op), method_for(async_client, op)):
        signature = _shown(method)
        assert set(signature.parameters) == expected
        assert all(p.annotation is not inspect.Parameter.empty for p in signature.parameters.values())
        required = {n for n, p in signature.parameters.items() if p.default is inspect.Parameter.empty}
        spec_required = {p.name for p in op.params.values() if p.required}
        if not op.batch_max_items:
            spec_required |= set(resolve(op.body_schema or {}).get("required", ()))
        assert spec_required - {"page", "size"} <= required | {"items"}
        if op.success_body is None:
            assert signature.return_annotation is None
        elif op.success_schema and not op.paginated:
            assert getattr(signature.return_annotation, "__name__", None) == op.success_schema
        else:
            assert signature.return_annotation is not inspect.Signature.empty
        doc = inspect.getdoc(method) or ""
        assert op.operation_id and doc.splitlines()[0]  # the spec's summary
