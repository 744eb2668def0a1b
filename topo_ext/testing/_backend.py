"""The one place the kit imports the sandbox from: if the sandbox moves, only this line changes."""

from topo_ext.sandbox import ALL_SCOPES, EVENT_TYPES, FAULT_KINDS, FaultConfig, Sandbox, Settings

__all__ = ["ALL_SCOPES", "EVENT_TYPES", "FAULT_KINDS", "FaultConfig", "Sandbox", "Settings"]
