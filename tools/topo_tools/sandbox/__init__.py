"""A local, stateful fake of the Topo API for tests, demos and benchmarks (needs `topo-tools[sandbox]`).

    from topo_tools.sandbox import Sandbox, FaultConfig

    with Sandbox(seed=1, activities=2000) as sb:
        client = Topo(api_key=sb.api_key, base_url=sb.base_url)

Every operation of the bundled spec is served over real HTTP on 127.0.0.1, with bearer auth and scopes, the
pagination envelope, filters and sorting, all-or-nothing batches, webhook deliveries signed with
`topo_ext.webhooks.sign`, an optional per-key rate limit, added latency and fault injection (see `FaultConfig`).
From a shell: `python -m topo_tools.sandbox --port 8080`.
"""

from ._app import SandboxApp, create_app
from ._faults import FAULT_KINDS, FaultConfig
from ._runtime import Settings, Stats
from ._server import Sandbox
from ._state import ALL_SCOPES, EVENT_TYPES, ApiKey, Delivery, State

__all__ = [
    "ALL_SCOPES",
    "EVENT_TYPES",
    "FAULT_KINDS",
    "ApiKey",
    "Delivery",
    "FaultConfig",
    "Sandbox",
    "SandboxApp",
    "Settings",
    "State",
    "Stats",
    "create_app",
]
