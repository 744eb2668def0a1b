from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.contact_variable_map import ContactVariableMap


T = TypeVar("T", bound="ContactVariablesUpdate")


@_attrs_define
class ContactVariablesUpdate:
    """Variables to merge (upsert). Send either map or both; keys not sent are kept, and a null value clears a
    value but keeps the key counting toward the 200-per-scope limit. Writing only company variables still links
    the contact to the organization.

        Attributes:
            company_variables (ContactVariableMap | Unset): Variables of one scope (the contact, or the contact's company),
                keyed by variable name. A scope holds at most
                200 variables; a key whose value is null still counts toward that limit until it is deleted.
            contact_variables (ContactVariableMap | Unset): Variables of one scope (the contact, or the contact's company),
                keyed by variable name. A scope holds at most
                200 variables; a key whose value is null still counts toward that limit until it is deleted.
    """

    company_variables: ContactVariableMap | Unset = UNSET
    contact_variables: ContactVariableMap | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        company_variables: dict[str, Any] | Unset = UNSET
        if not isinstance(self.company_variables, Unset):
            company_variables = self.company_variables.to_dict()

        contact_variables: dict[str, Any] | Unset = UNSET
        if not isinstance(self.contact_variables, Unset):
            contact_variables = self.contact_variables.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if company_variables is not UNSET:
            field_dict["company_variables"] = company_variables
        if contact_variables is not UNSET:
            field_dict["contact_variables"] = contact_variables

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contact_variable_map import ContactVariableMap  # noqa: PLC0415

        d = dict(src_dict)
        _company_variables = d.pop("company_variables", UNSET)
        company_variables: ContactVariableMap | Unset
        if isinstance(_company_variables, Unset):
            company_variables = UNSET
        else:
            company_variables = ContactVariableMap.from_dict(_company_variables)

        _contact_variables = d.pop("contact_variables", UNSET)
        contact_variables: ContactVariableMap | Unset
        if isinstance(_contact_variables, Unset):
            contact_variables = UNSET
        else:
            contact_variables = ContactVariableMap.from_dict(_contact_variables)

        contact_variables_update = cls(
            company_variables=company_variables,
            contact_variables=contact_variables,
        )

        contact_variables_update.additional_properties = d
        return contact_variables_update

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
