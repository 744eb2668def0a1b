from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import _hooks
from ..models.exclusion_reason import ExclusionReason
from ..types import UNSET, Unset

T = TypeVar("T", bound="ContactExclusion")


@_attrs_define
class ContactExclusion:
    """A rule that keeps one person (by email and/or LinkedIn URL) out of outreach, permanently or until a given time.

    Attributes:
        id (UUID): The exclusion's id.
        created_at (datetime.datetime | Unset): When the exclusion was created.
        email (None | str | Unset): The excluded email address.
        linkedin_url (None | str | Unset): The excluded LinkedIn profile URL.
        message (None | str | Unset): Free-form note for operators, shown in the Topo dashboard.
        reason (ExclusionReason | Unset): Why a contact or an account is excluded; both resources accept every value.
            BAD_TIMING: not a good time, revisit later. BOUNCED: the email hard-bounced. COMPETITOR: the account is a
            direct competitor. CONTACT_REFUSED: the person asked not to be contacted. INTERESTED: interest was shown
            through another channel. MEETING: a conversation is already under way. OTHER: none of the others.
            OUT_OF_OFFICE: temporarily unavailable. UNKNOWN: no reason recorded. UNSUBSCRIBED: the person or account
            opted out. WRONG_PERSON: not the right person at the company. EXCLUDE_FROM_SEARCH: keep out of Topo's
            prospecting search. EXCLUDE_FROM_CRM: a suppression imported from a CRM. REFERRAL: arrived through a
            referral channel and is handled separately. LEFT_COMPANY: the person has left the company.
        until (datetime.datetime | None | Unset): When the exclusion lifts by itself; null means it is permanent.
        updated_at (datetime.datetime | Unset): When the exclusion last changed.
    """

    id: UUID
    created_at: datetime.datetime | Unset = UNSET
    email: None | str | Unset = UNSET
    linkedin_url: None | str | Unset = UNSET
    message: None | str | Unset = UNSET
    reason: ExclusionReason | Unset = UNSET
    until: datetime.datetime | None | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        linkedin_url: None | str | Unset
        if isinstance(self.linkedin_url, Unset):
            linkedin_url = UNSET
        else:
            linkedin_url = self.linkedin_url

        message: None | str | Unset
        if isinstance(self.message, Unset):
            message = UNSET
        else:
            message = self.message

        reason: str | Unset = UNSET
        if not isinstance(self.reason, Unset):
            reason = self.reason.value

        until: None | str | Unset
        if isinstance(self.until, Unset):
            until = UNSET
        elif isinstance(self.until, datetime.datetime):
            until = self.until.isoformat()
        else:
            until = self.until

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
        if email is not UNSET:
            field_dict["email"] = email
        if linkedin_url is not UNSET:
            field_dict["linkedin_url"] = linkedin_url
        if message is not UNSET:
            field_dict["message"] = message
        if reason is not UNSET:
            field_dict["reason"] = reason
        if until is not UNSET:
            field_dict["until"] = until
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

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        def _parse_linkedin_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        linkedin_url = _parse_linkedin_url(d.pop("linkedin_url", UNSET))

        def _parse_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        message = _parse_message(d.pop("message", UNSET))

        _reason = d.pop("reason", UNSET)
        reason: ExclusionReason | Unset
        if isinstance(_reason, Unset):
            reason = UNSET
        else:
            reason = ExclusionReason(_reason)

        def _parse_until(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                until_type_0 = datetime.datetime.fromisoformat(data)

                return until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        until = _parse_until(d.pop("until", UNSET))

        _updated_at = d.pop("updated_at", UNSET)
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)

        contact_exclusion = cls(
            id=id,
            created_at=created_at,
            email=email,
            linkedin_url=linkedin_url,
            message=message,
            reason=reason,
            until=until,
            updated_at=updated_at,
        )

        contact_exclusion.additional_properties = d
        # The schema declares no additionalProperties: extra keys are fields the spec does not know (drift).
        if d and _hooks.on_unknown_fields is not None:
            _hooks.on_unknown_fields(cls.__name__, d)
        return contact_exclusion

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
