from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import _hooks
from ..types import UNSET, Unset

T = TypeVar("T", bound="SequenceStoppedMetadata")


@_attrs_define
class SequenceStoppedMetadata:
    """Why a sequence stopped early.

    Attributes:
        error_code (None | str | Unset): An error code when the stop was caused by an error.
        stopped_reason (None | str | Unset): Why the sequence stopped. No values are documented.
    """

    error_code: None | str | Unset = UNSET
    stopped_reason: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        error_code: None | str | Unset
        if isinstance(self.error_code, Unset):
            error_code = UNSET
        else:
            error_code = self.error_code

        stopped_reason: None | str | Unset
        if isinstance(self.stopped_reason, Unset):
            stopped_reason = UNSET
        else:
            stopped_reason = self.stopped_reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if error_code is not UNSET:
            field_dict["error_code"] = error_code
        if stopped_reason is not UNSET:
            field_dict["stopped_reason"] = stopped_reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_error_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error_code = _parse_error_code(d.pop("error_code", UNSET))

        def _parse_stopped_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        stopped_reason = _parse_stopped_reason(d.pop("stopped_reason", UNSET))

        sequence_stopped_metadata = cls(
            error_code=error_code,
            stopped_reason=stopped_reason,
        )

        sequence_stopped_metadata.additional_properties = d
        # The schema declares no additionalProperties: extra keys are fields the spec does not know (drift).
        if d and _hooks.on_unknown_fields is not None:
            _hooks.on_unknown_fields(cls.__name__, d)
        return sequence_stopped_metadata

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
