from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import _hooks
from ..types import UNSET, Unset

T = TypeVar("T", bound="AccountEntry")


@_attrs_define
class AccountEntry:
    """One company in an account list. Topo resolves the account by its domain.

    Attributes:
        id (UUID): The entry's id.
        account_list_id (UUID | Unset): The list the entry belongs to.
        created_at (datetime.datetime | Unset): When the entry was created.
        domain (str | Unset): Primary domain of the company, such as acme.com; the canonical identifier Topo resolves
            the account by.
        name (str | Unset): Company name.
        updated_at (datetime.datetime | Unset): When the entry was last changed.
    """

    id: UUID
    account_list_id: UUID | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    domain: str | Unset = UNSET
    name: str | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        account_list_id: str | Unset = UNSET
        if not isinstance(self.account_list_id, Unset):
            account_list_id = str(self.account_list_id)

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        domain = self.domain

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
        if account_list_id is not UNSET:
            field_dict["account_list_id"] = account_list_id
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if domain is not UNSET:
            field_dict["domain"] = domain
        if name is not UNSET:
            field_dict["name"] = name
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        _account_list_id = d.pop("account_list_id", UNSET)
        account_list_id: UUID | Unset
        if isinstance(_account_list_id, Unset):
            account_list_id = UNSET
        else:
            account_list_id = UUID(_account_list_id)

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        domain = d.pop("domain", UNSET)

        name = d.pop("name", UNSET)

        _updated_at = d.pop("updated_at", UNSET)
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)

        account_entry = cls(
            id=id,
            account_list_id=account_list_id,
            created_at=created_at,
            domain=domain,
            name=name,
            updated_at=updated_at,
        )

        account_entry.additional_properties = d
        # The schema declares no additionalProperties: extra keys are fields the spec does not know (drift).
        if d and _hooks.on_unknown_fields is not None:
            _hooks.on_unknown_fields(cls.__name__, d)
        return account_entry

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
