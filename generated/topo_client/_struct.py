"""Base class of the generated event models (msgspec Structs).

Copied verbatim into the generated package by `generator/generate.py`. `forbid_unknown_fields` makes the fast typed
decode fail on anything the spec does not describe, so that topo_ext can fall back to its tolerant path and keep
the unknown keys; `dict=True` gives every instance a `__dict__` where those keys are kept.
"""

from __future__ import annotations

from typing import Any

import msgspec


class TopoStruct(msgspec.Struct, forbid_unknown_fields=True, dict=True, kw_only=True):
    """A generated model. Fields the spec does not describe are kept in `extra` (see topo_ext.events)."""

    @property
    def type(self) -> str | None:
        """The discriminator value of an event model (`message.sent`, ...); None for other models."""
        tag = type(self).__struct_config__.tag
        return tag if isinstance(tag, str) else None

    @property
    def extra(self) -> dict[str, Any]:
        """Fields the API sent that this version of the client does not know, by their wire name."""
        return getattr(self, "__dict__", {}).get("_extra_", {})

    def to_dict(self) -> dict[str, Any]:
        """The model as JSON-compatible data (wire names), unknown fields included, discriminator first."""
        config = type(self).__struct_config__
        data: dict[str, Any] = {config.tag_field: config.tag} if isinstance(config.tag, str) else {}
        for name, wire in zip(self.__struct_fields__, self.__struct_encode_fields__, strict=True):
            value = getattr(self, name)
            if value is not msgspec.UNSET:
                data[wire] = _plain(value)
        data.update(self.extra)
        return data


def _plain(value: Any) -> Any:
    if isinstance(value, TopoStruct) or callable(getattr(value, "to_dict", None)):
        return value.to_dict()  # nested models, and topo_ext's UnknownEvent inside an Activity
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return msgspec.to_builtins(value)
