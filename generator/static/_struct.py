"""Base class of the generated response models (msgspec Structs).

Copied verbatim into the generated package by `generator/generate.py`. Every field of a generated model is
optional (`T | None = None`); `dict=True` gives every instance a `__dict__`, where the decoder keeps the fields the
API sent that the spec does not describe (`extra`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Self

import msgspec


class TopoStruct(msgspec.Struct, dict=True, kw_only=True):
    """A generated response model. Fields the spec does not describe are kept in `extra`, by their wire name."""

    @property
    def type(self) -> str | None:
        """The discriminator value of an event model (`message.sent`, ...); None for other models."""
        tag = type(self).__struct_config__.tag
        return tag if isinstance(tag, str) else None

    @property
    def extra(self) -> dict[str, Any]:
        """Fields the API sent that this version of the client does not know, by their wire name."""
        extra: dict[str, Any] = self.__dict__.get("_extra_", {})
        return extra

    @property
    def _request_id(self) -> str | None:
        """The `x-request-id` of the answer this object came from (set on what a client method returns, not on the
        models nested in it or on a page's items); None when the answer had none or the object was built here."""
        request_id: str | None = self.__dict__.get("_request_id_")
        return request_id

    @property
    def fields_set(self) -> frozenset[str]:
        """The fields (attribute names) the answer contained, null or not: `phone_number: null` is in it, a
        `phone_number` left out is not. A model built in code counts every field as set."""
        absent: frozenset[str] = self.__dict__.get("_absent_", frozenset())
        return frozenset(name for name in self.__struct_fields__ if name not in absent)

    # msgspec pickles and copies the fields only; what the decoder keeps beside them in __dict__ (`extra`, the
    # fields the answer left out, its request id) must come along, or a copy's to_json() says something else.
    def __reduce__(self) -> tuple[Any, ...]:
        rebuild, args = super().__reduce__()
        return rebuild, args, dict(self.__dict__) or None  # pickle and copy.deepcopy put it back in __dict__

    def __copy__(self) -> Self:
        copied = super().__copy__()
        copied.__dict__.update(self.__dict__)
        return copied

    def to_dict(self, *, exclude_unset: bool = False) -> dict[str, Any]:
        """The model as JSON-compatible data in its wire form (datetimes as RFC 3339, UTC as `Z`), unknown fields
        included, the discriminator first. A field the answer left out is `None`, like a null one, unless
        `exclude_unset=True` leaves it out (here and in nested models)."""
        config = type(self).__struct_config__
        data: dict[str, Any] = {config.tag_field: config.tag} if isinstance(config.tag, str) else {}
        absent = self.__dict__.get("_absent_", ()) if exclude_unset else ()
        for name, wire in zip(self.__struct_fields__, self.__struct_encode_fields__, strict=True):
            if name not in absent:
                data[wire] = _plain(getattr(self, name), exclude_unset)
        data.update(self.extra)
        return data

    def to_json(self, *, exclude_unset: bool = True, indent: int | None = None) -> str:
        """The model as the JSON it came as: only the fields the answer contained (unless `exclude_unset=False`),
        unknown ones included; `Model.from_dict(json.loads(model.to_json()))` gives back an equal model with the
        same `fields_set` and `extra`."""
        return json.dumps(self.to_dict(exclude_unset=exclude_unset), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """Build the model from JSON-like data, as leniently as a response is decoded (see `_decode`)."""
        from ._decode import decode_data

        return decode_data(cls, data)


def _plain(value: Any, exclude_unset: bool = False) -> Any:
    if isinstance(value, TopoStruct):
        return value.to_dict(exclude_unset=exclude_unset)
    if isinstance(value, list):
        return [_plain(v, exclude_unset) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v, exclude_unset) for k, v in value.items()}
    return msgspec.to_builtins(value)
