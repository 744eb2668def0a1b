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

T = TypeVar("T", bound="AccountExclusion")


@_attrs_define
class AccountExclusion:
    """A rule that keeps everyone at one company domain out of outreach, permanently or until a given time.

    Attributes:
        created_at (datetime.datetime): When the exclusion was created.
        domain (None | str): The excluded company domain, such as competitor.com.
        id (UUID): The exclusion's id.
        message (None | str): Free-form note for operators.
        until (datetime.datetime | None): When the exclusion lifts by itself; null means it is permanent.
        updated_at (datetime.datetime): When the exclusion last changed.
        reason (ExclusionReason | Unset): Why a contact or an account is excluded; both resources accept every value.
            BAD_TIMING: not a good time, revisit later. BOUNCED: the email hard-bounced. COMPETITOR: the account is a
            direct competitor. CONTACT_REFUSED: the person asked not to be contacted. INTERESTED: interest was shown
            through another channel. MEETING: a conversation is already under way. OTHER: none of the others.
            OUT_OF_OFFICE: temporarily unavailable. UNKNOWN: no reason recorded. UNSUBSCRIBED: the person or account
            opted out. WRONG_PERSON: not the right person at the company. EXCLUDE_FROM_SEARCH: keep out of Topo's
            prospecting search. EXCLUDE_FROM_CRM: a suppression imported from a CRM. REFERRAL: arrived through a
            referral channel and is handled separately. LEFT_COMPANY: the person has left the company.
    """

    created_at: datetime.datetime
    domain: None | str
    id: UUID
    message: None | str
    until: datetime.datetime | None
    updated_at: datetime.datetime
    reason: ExclusionReason | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        domain: None | str
        domain = self.domain

        id = str(self.id)

        message: None | str
        message = self.message

        until: None | str
        if isinstance(self.until, datetime.datetime):
            until = self.until.isoformat()
        else:
            until = self.until

        updated_at = self.updated_at.isoformat()

        reason: str | Unset = UNSET
        if not isinstance(self.reason, Unset):
            reason = self.reason.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "domain": domain,
                "id": id,
                "message": message,
                "until": until,
                "updated_at": updated_at,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_domain(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        domain = _parse_domain(d.pop("domain"))

        id = UUID(d.pop("id"))

        def _parse_message(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        message = _parse_message(d.pop("message"))

        def _parse_until(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                until_type_0 = datetime.datetime.fromisoformat(data)

                return until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        until = _parse_until(d.pop("until"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        _reason = d.pop("reason", UNSET)
        reason: ExclusionReason | Unset
        if isinstance(_reason, Unset):
            reason = UNSET
        else:
            reason = ExclusionReason(_reason)

        account_exclusion = cls(
            created_at=created_at,
            domain=domain,
            id=id,
            message=message,
            until=until,
            updated_at=updated_at,
            reason=reason,
        )

        account_exclusion.additional_properties = d
        # The schema declares no additionalProperties: extra keys are fields the spec does not know (drift).
        if d and _hooks.on_unknown_fields is not None:
            _hooks.on_unknown_fields(cls.__name__, d)
        return account_exclusion

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
