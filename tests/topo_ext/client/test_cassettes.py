"""Replays one VCR cassette per operation, offline (`record_mode=none`); `make record` re-records them against the
local sandbox. Requests are matched on method, path, query and body, so a client change that alters what it
sends breaks the replay."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import vcr
import yaml

from tests.topo_ext.client.cassette_scenarios import SCENARIOS
from tests.specdata import MockAPI, client_operations
from topo_ext import Topo
from topo_tools.testing import (
    PLACEHOLDER_KEY,
    REPLAY_BASE_URL,
    check_cassette,
    find_secrets,
    scrub_response,
    vcr_config,
)

HERE = Path(__file__).resolve().parents[2] / "cassettes"  # the recordings (data) stay in tests/cassettes
RECORDING = os.environ.get("TOPO_RECORD") == "1"
# The redaction, matching and secret scanning are the testing kit's, the same that services using the client get.
VCR = vcr.VCR(**vcr_config(record=RECORDING, cassette_dir=HERE))


@pytest.fixture
def recording_client() -> Iterator[Topo]:
    if RECORDING:
        from topo_tools.sandbox import Sandbox

        with Sandbox(seed=42, activities=300) as sandbox, Topo(api_key=sandbox.api_key, base_url=sandbox.base_url,
                                                               max_retries=0) as client:
            yield client
    else:
        with Topo(api_key=PLACEHOLDER_KEY, base_url=REPLAY_BASE_URL, max_retries=0) as client:
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
        check_cassette(path)


def test_the_secret_scanner_catches_what_it_should() -> None:
    leaked = 'Authorization: ["Bearer topo_live_sk_1234567890abcdef"]\n{"secret": "whsec_abc123def456ghi"}'
    assert {f.split(": ", 1)[1] for f in find_secrets(leaked)} == {
        "an API key", "a bearer token", "a webhook secret field", "a webhook secret"}
    assert not find_secrets('"secret_prefix": "whsec_529f"')
    scrubbed = scrub_response({"body": {"string": leaked.encode()}})["body"]["string"].decode()
    assert not find_secrets(scrubbed)


def test_a_request_the_client_changed_does_not_replay(recording_client: Topo) -> None:
    if RECORDING:
        pytest.skip("replay only")
    from vcr.errors import CannotOverwriteExistingCassetteException

    with VCR.use_cassette("list_contacts.yaml"), pytest.raises(CannotOverwriteExistingCassetteException):
        recording_client.contacts.list(size=21, sort_by="email", sort_order="asc")  # recorded with size=20
