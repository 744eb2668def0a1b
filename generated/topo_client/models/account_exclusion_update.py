from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.exclusion_reason import ExclusionReason
from ..types import UNSET, Unset

T = TypeVar("T", bound="AccountExclusionUpdate")


@_attrs_define
class AccountExclusionUpdate:
    """Fields to change on an account exclusion; fields left out are kept. The domain cannot be changed.

    Attributes:
        message (None | str | Unset): New operator note.
        reason (ExclusionReason | Unset): Why a contact or an account is excluded; both resources accept every value.
            BAD_TIMING: not a good time, revisit later. BOUNCED: the email hard-bounced. COMPETITOR: the account is a
            direct competitor. CONTACT_REFUSED: the person asked not to be contacted. INTERESTED: interest was shown
            through another channel. MEETING: a conversation is already under way. OTHER: none of the others.
            OUT_OF_OFFICE: temporarily unavailable. UNKNOWN: no reason recorded. UNSUBSCRIBED: the person or account
            opted out. WRONG_PERSON: not the right person at the company. EXCLUDE_FROM_SEARCH: keep out of Topo's
            prospecting search. EXCLUDE_FROM_CRM: a suppression imported from a CRM. REFERRAL: arrived through a
            referral channel and is handled separately. LEFT_COMPANY: the person has left the company.
        until (datetime.datetime | None | Unset): New expiry; null makes the exclusion permanent.
    """

    message: None | str | Unset = UNSET
    reason: ExclusionReason | Unset = UNSET
    until: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
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

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if message is not UNSET:
            field_dict["message"] = message
        if reason is not UNSET:
            field_dict["reason"] = reason
        if until is not UNSET:
            field_dict["until"] = until

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

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

        account_exclusion_update = cls(
            message=message,
            reason=reason,
            until=until,
        )

        account_exclusion_update.additional_properties = d
        return account_exclusion_update

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
