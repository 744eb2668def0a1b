"""The one place the kit imports the sandbox from: if the sandbox moves, only the import below changes."""

from topo_ext.sandbox import (
    ALL_SCOPES,
    EVENT_TYPES,
    FAULT_KINDS,
    Delivery,
    FaultConfig,
    Sandbox,
    Settings,
    State,
    Stats,
)

__all__ = ["ALL_SCOPES", "EVENT_TYPES", "FAULT_KINDS", "Delivery", "FaultConfig", "Sandbox", "Settings", "State",
           "Stats"]
