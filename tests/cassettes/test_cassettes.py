"""Replays one VCR cassette per operation, offline (`record_mode=none`); `make record` re-records them against the
local sandbox. Requests are matched on method, path, query and body, so a client change that alters what it
sends breaks the replay."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import vcr
import yaml

from tests.cassettes.scenarios import SCENARIOS
from tests.specdata import MockAPI, client_operations
from topo_ext import Topo

HERE = Path(__file__).parent
RECORDING = os.environ.get("TOPO_RECORD") == "1"
REPLAY_BASE = "http://sandbox.topo.test/v1"  # recorded hosts are rewritten to this, so cassettes are stable
PLACEHOLDER_KEY = "topo_REDACTED"
PLACEHOLDER_SECRET = "whsec_REDACTED"
KEY_SHAPED = re.compile(r"topo_(?!REDACTED)[A-Za-z0-9_\-]{12,}")
BEARER = re.compile(r"Bearer\s+(?!topo_REDACTED)\S+")
SECRET_FIELD = re.compile(r'"secret"\s*:\s*"(?!whsec_REDACTED)[^"]+"')
SECRET_SHAPED = re.compile(r"whsec_(?!REDACTED)[A-Za-z0-9_\-]{12,}")  # a 4-character `secret_prefix` is fine


def _scrub_request(request: Any) -> Any:
    request.uri = re.sub(r"^https?://[^/]+/v1", REPLAY_BASE, request.uri)
    if "authorization" in {k.lower() for k in request.headers}:
        request.headers = {k: (f"Bearer {PLACEHOLDER_KEY}" if k.lower() == "authorization" else v)
                           for k, v in request.headers.items()}
    return request


def _scrub_response(response: dict[str, Any]) -> dict[str, Any]:
    body = response.get("body", {}).get("string")
    if isinstance(body, bytes):
        body = body.decode()
    if isinstance(body, str):
        body = re.sub(r'("secret"\s*:\s*)"[^"]*"', rf'\1"{PLACEHOLDER_SECRET}"', body)
        response["body"]["string"] = KEY_SHAPED.sub(PLACEHOLDER_KEY, body).encode()
    return response


VCR = vcr.VCR(
    cassette_library_dir=str(HERE),
    record_mode="all" if RECORDING else "none",
    match_on=["method", "path", "query", "body"],
    before_record_request=_scrub_request,
    before_record_response=_scrub_response,
    decode_compressed_response=True,
)


@pytest.fixture
def recording_client() -> Iterator[Topo]:
    if RECORDING:
        from topo_ext.sandbox import Sandbox

        with Sandbox(seed=42, activities=300) as sandbox, Topo(api_key=sandbox.api_key, base_url=sandbox.base_url,
                                                               max_retries=0) as client:
            yield client
    else:
        with Topo(api_key=PLACEHOLDER_KEY, base_url=REPLAY_BASE, max_retries=0) as client:
            yield client


@pytest.mark.parametrize("operation_id", sorted(SCENARIOS))
def test_replay(operation_id: str, recording_client: Topo) -> None:
    with VCR.use_cassette(f"{operation_id}.yaml", allow_playback_repeats=False) as cassette:
        result = SCENARIOS[operation_id](recording_client)
    assert cassette.play_count == len(cassette) or RECORDING  # every recorded exchange was used
    assert result is not None or operation_id.startswith("delete_")


def _cassettes() -> list[Path]:
    return sorted(HERE.glob("*.yaml"))


def test_every_operation_has_a_scenario_and_a_cassette() -> None:
    operation_ids = {op.operation_id for op in client_operations()}
    assert set(SCENARIOS) == operation_ids
    recorded: set[str] = set()
    router = MockAPI()
    for path in _cassettes():
        for interaction in yaml.safe_load(path.read_text())["interactions"]:
            request = interaction["request"]
            recorded.add(router.route(httpx.Request(request["method"], request["uri"])).operation_id)
    assert recorded == operation_ids, f"not recorded: {sorted(operation_ids - recorded)}"


def test_cassettes_hold_no_secrets() -> None:
    assert _cassettes(), "no cassettes: run `make record`"
    for path in _cassettes():
        text = path.read_text()
        assert not KEY_SHAPED.search(text), f"{path.name} holds an API key"
        assert not BEARER.search(text), f"{path.name} holds a bearer token"
        assert not SECRET_FIELD.search(text), f"{path.name} holds a webhook secret"
        assert not SECRET_SHAPED.search(text), f"{path.name} holds a webhook secret"


def test_the_secret_scanner_catches_what_it_should() -> None:
    leaked = 'Authorization: ["Bearer topo_live_sk_1234567890abcdef"]\n{"secret": "whsec_abc123def456ghi"}'
    assert KEY_SHAPED.search(leaked) and BEARER.search(leaked) and SECRET_FIELD.search(leaked)
    assert SECRET_SHAPED.search(leaked) and not SECRET_SHAPED.search('"secret_prefix": "whsec_529f"')
    scrubbed = _scrub_response({"body": {"string": leaked.encode()}})["body"]["string"].decode()
    assert not KEY_SHAPED.search(scrubbed) and not SECRET_FIELD.search(scrubbed)


def test_a_request_the_client_changed_does_not_replay(recording_client: Topo) -> None:
    if RECORDING:
        pytest.skip("replay only")
    from vcr.errors import CannotOverwriteExistingCassetteException

    with VCR.use_cassette("list_contacts.yaml"), pytest.raises(CannotOverwriteExistingCassetteException):
        recording_client.contacts.list(size=21, sort_by="email", sort_order="asc")  # recorded with size=20
