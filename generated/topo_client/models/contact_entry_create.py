from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ContactEntryCreate")


@_attrs_define
class ContactEntryCreate:
    """One person to add to a contact list (the generated reference calls it ContactEntryInput). At least one of
    `email` and `linkedin_url` must be given.

        Attributes:
            contact_list_id (UUID): The contact list to add the entry to.
            company_domain (str | Unset): Primary domain of the employer.
            company_name (str | Unset): Name of the employer.
            email (str | Unset): Email address. At least one of email and linkedin_url is required.
            first_name (str | Unset): Given name.
            job_title (str | Unset): Job title.
            last_name (str | Unset): Family name.
            linkedin_url (str | Unset): LinkedIn profile URL. At least one of email and linkedin_url is required.
            phone (str | Unset): Phone number.
    """

    contact_list_id: UUID
    company_domain: str | Unset = UNSET
    company_name: str | Unset = UNSET
    email: str | Unset = UNSET
    first_name: str | Unset = UNSET
    job_title: str | Unset = UNSET
    last_name: str | Unset = UNSET
    linkedin_url: str | Unset = UNSET
    phone: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        contact_list_id = str(self.contact_list_id)

        company_domain = self.company_domain

        company_name = self.company_name

        email = self.email

        first_name = self.first_name

        job_title = self.job_title

        last_name = self.last_name

        linkedin_url = self.linkedin_url

        phone = self.phone

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "contact_list_id": contact_list_id,
            }
        )
        if company_domain is not UNSET:
            field_dict["company_domain"] = company_domain
        if company_name is not UNSET:
            field_dict["company_name"] = company_name
        if email is not UNSET:
            field_dict["email"] = email
        if first_name is not UNSET:
            field_dict["first_name"] = first_name
        if job_title is not UNSET:
            field_dict["job_title"] = job_title
        if last_name is not UNSET:
            field_dict["last_name"] = last_name
        if linkedin_url is not UNSET:
            field_dict["linkedin_url"] = linkedin_url
        if phone is not UNSET:
            field_dict["phone"] = phone

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        contact_list_id = UUID(d.pop("contact_list_id"))

        company_domain = d.pop("company_domain", UNSET)

        company_name = d.pop("company_name", UNSET)

        email = d.pop("email", UNSET)

        first_name = d.pop("first_name", UNSET)

        job_title = d.pop("job_title", UNSET)

        last_name = d.pop("last_name", UNSET)

        linkedin_url = d.pop("linkedin_url", UNSET)

        phone = d.pop("phone", UNSET)

        contact_entry_create = cls(
            contact_list_id=contact_list_id,
            company_domain=company_domain,
            company_name=company_name,
            email=email,
            first_name=first_name,
            job_title=job_title,
            last_name=last_name,
            linkedin_url=linkedin_url,
            phone=phone,
        )

        contact_entry_create.additional_properties = d
        return contact_entry_create

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
