"""Test the services that use this client: sandbox fixtures, fault injection, scoped keys, signed webhook
deliveries and safe cassettes. Install `topo-tools[testing]`; the pytest plugin then loads by itself.

    def test_sync_exports_new_activities(topo_sandbox, topo):        # a fresh, seeded sandbox per test
        topo_sandbox.fail_next("429", "503", path="/activities")      # this test only
        run_my_job(topo)

Fixtures: `topo_sandbox` (`TopoSandbox`), `topo`, `async_topo`, `topo_cassette` (`TopoCassette`). Without pytest:
`vcr_config()`, `check_cassette()`, `deliver_webhook()`. See README "Testing your service".
"""

from ._cassettes import (
    PLACEHOLDER_KEY,
    PLACEHOLDER_SECRET,
    REPLAY_BASE_URL,
    CassetteLeakError,
    TopoCassette,
    check_cassette,
    find_secrets,
    record_mode,
    scrub_request,
    scrub_response,
    vcr_config,
)
from ._webhooks import adeliver_webhook, deliver_webhook, encode_payload

__all__ = [
    "PLACEHOLDER_KEY",
    "PLACEHOLDER_SECRET",
    "REPLAY_BASE_URL",
    "CassetteLeakError",
    "FaultScript",
    "TopoCassette",
    "TopoSandbox",
    "adeliver_webhook",
    "check_cassette",
    "deliver_webhook",
    "encode_payload",
    "find_secrets",
    "record_mode",
    "scrub_request",
    "scrub_response",
    "vcr_config",
]


def __getattr__(name: str) -> object:
    # The sandbox (starlette, uvicorn) loads only when asked for, so `vcr_config` works without the extra.
    if name in ("TopoSandbox", "FaultScript"):
        from . import _sandbox

        return getattr(_sandbox, name)
    raise AttributeError(f"module 'topo_tools.testing' has no attribute {name!r}")
