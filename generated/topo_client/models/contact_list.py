from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import _hooks
from ..types import UNSET, Unset

T = TypeVar("T", bound="ContactList")


@_attrs_define
class ContactList:
    """A list of people used for segmentation (the generated reference calls it ContactListOutput).

    Attributes:
        id (UUID): The list's id.
        created_at (datetime.datetime | Unset): When the list was created.
        default_sequence_template_id (None | Unset | UUID): When set, entries added to the list are enrolled into this
            sequence template automatically.
        entries_count (int | Unset): How many entries the list holds now.
        name (None | str | Unset): Human-readable name of the list.
        updated_at (datetime.datetime | Unset): When the list was last changed.
    """

    id: UUID
    created_at: datetime.datetime | Unset = UNSET
    default_sequence_template_id: None | Unset | UUID = UNSET
    entries_count: int | Unset = UNSET
    name: None | str | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        default_sequence_template_id: None | str | Unset
        if isinstance(self.default_sequence_template_id, Unset):
            default_sequence_template_id = UNSET
        elif isinstance(self.default_sequence_template_id, UUID):
            default_sequence_template_id = str(self.default_sequence_template_id)
        else:
            default_sequence_template_id = self.default_sequence_template_id

        entries_count = self.entries_count

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if default_sequence_template_id is not UNSET:
            field_dict["default_sequence_template_id"] = default_sequence_template_id
        if entries_count is not UNSET:
            field_dict["entries_count"] = entries_count
        if name is not UNSET:
            field_dict["name"] = name
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

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

        entries_count = d.pop("entries_count", UNSET)

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        _updated_at = d.pop("updated_at", UNSET)
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)

        contact_list = cls(
            id=id,
            created_at=created_at,
            default_sequence_template_id=default_sequence_template_id,
            entries_count=entries_count,
            name=name,
            updated_at=updated_at,
        )

        contact_list.additional_properties = d
        # The schema declares no additionalProperties: extra keys are fields the spec does not know (drift).
        if d and _hooks.on_unknown_fields is not None:
            _hooks.on_unknown_fields(cls.__name__, d)
        return contact_list

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
