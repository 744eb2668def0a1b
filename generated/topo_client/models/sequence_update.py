from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.sequence_update_variables import SequenceUpdateVariables


T = TypeVar("T", bound="SequenceUpdate")


@_attrs_define
class SequenceUpdate:
    """Changes to a sequence run; only the fields sent are changed. `variables` is merged into the existing
    overrides: a key with a string sets that override, a key with null removes it.

        Attributes:
            variables (SequenceUpdateVariables | Unset): Variable overrides to merge; a null value removes that override.
    """

    variables: SequenceUpdateVariables | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        variables: dict[str, Any] | Unset = UNSET
        if not isinstance(self.variables, Unset):
            variables = self.variables.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if variables is not UNSET:
            field_dict["variables"] = variables

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.sequence_update_variables import SequenceUpdateVariables  # noqa: PLC0415

        d = dict(src_dict)
        _variables = d.pop("variables", UNSET)
        variables: SequenceUpdateVariables | Unset
        if isinstance(_variables, Unset):
            variables = UNSET
        else:
            variables = SequenceUpdateVariables.from_dict(_variables)

        sequence_update = cls(
            variables=variables,
        )

        sequence_update.additional_properties = d
        return sequence_update

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
