from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import _hooks
from ..types import UNSET, Unset

T = TypeVar("T", bound="AccountList")


@_attrs_define
class AccountList:
    """A list of companies used for segmentation. Unlike a contact list it has no default sequence template.

    Attributes:
        id (UUID): The list's id.
        created_at (datetime.datetime | Unset): When the list was created.
        entries_count (int | Unset): How many company entries the list holds now.
        name (str | Unset): Human-readable name of the list.
        updated_at (datetime.datetime | Unset): When the list was last changed.
    """

    id: UUID
    created_at: datetime.datetime | Unset = UNSET
    entries_count: int | Unset = UNSET
    name: str | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        entries_count = self.entries_count

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

        entries_count = d.pop("entries_count", UNSET)

        name = d.pop("name", UNSET)

        _updated_at = d.pop("updated_at", UNSET)
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)

        account_list = cls(
            id=id,
            created_at=created_at,
            entries_count=entries_count,
            name=name,
            updated_at=updated_at,
        )

        account_list.additional_properties = d
        # The schema declares no additionalProperties: extra keys are fields the spec does not know (drift).
        if d and _hooks.on_unknown_fields is not None:
            _hooks.on_unknown_fields(cls.__name__, d)
        return account_list

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
