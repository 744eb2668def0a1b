from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ContactListCreate")


@_attrs_define
class ContactListCreate:
    """One contact list to create (the generated reference calls it ContactListInput).

    Attributes:
        default_sequence_template_id (None | Unset | UUID): Sequence template that new entries of the list are enrolled
            into automatically.
        name (None | str | Unset): Human-readable name of the list.
    """

    default_sequence_template_id: None | Unset | UUID = UNSET
    name: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        default_sequence_template_id: None | str | Unset
        if isinstance(self.default_sequence_template_id, Unset):
            default_sequence_template_id = UNSET
        elif isinstance(self.default_sequence_template_id, UUID):
            default_sequence_template_id = str(self.default_sequence_template_id)
        else:
            default_sequence_template_id = self.default_sequence_template_id

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if default_sequence_template_id is not UNSET:
            field_dict["default_sequence_template_id"] = default_sequence_template_id
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_default_sequence_template_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                default_sequence_template_id_type_0 = UUID(data)

                return default_sequence_template_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        default_sequence_template_id = _parse_default_sequence_template_id(d.pop("default_sequence_template_id", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        contact_list_create = cls(
            default_sequence_template_id=default_sequence_template_id,
            name=name,
        )

        contact_list_create.additional_properties = d
        return contact_list_create

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
