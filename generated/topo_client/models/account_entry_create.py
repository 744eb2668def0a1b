from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AccountEntryCreate")


@_attrs_define
class AccountEntryCreate:
    """One company to add to an account list.

    Attributes:
        account_list_id (UUID): The account list to add the entry to.
        domain (str): Primary domain of the company, such as acme.com.
        name (str | Unset): Company name.
    """

    account_list_id: UUID
    domain: str
    name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account_list_id = str(self.account_list_id)

        domain = self.domain

        name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account_list_id": account_list_id,
                "domain": domain,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_list_id = UUID(d.pop("account_list_id"))

        domain = d.pop("domain")

        name = d.pop("name", UNSET)

        account_entry_create = cls(
            account_list_id=account_list_id,
            domain=domain,
            name=name,
        )

        account_entry_create.additional_properties = d
        return account_entry_create

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
