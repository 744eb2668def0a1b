from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import _hooks
from ..models.sequence_template_status import SequenceTemplateStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="SequenceTemplate")


@_attrs_define
class SequenceTemplate:
    """An outreach playbook (steps, schedule, timezone, daily lead volume). Created and edited in the Topo UI only.

    Attributes:
        created_at (datetime.datetime): When the template was created.
        id (UUID): The template's id.
        name (None | str): The name set in the Topo UI.
        step_count (int): How many steps the template has.
        timezone (str): IANA timezone used for the template's send windows (e.g. Europe/Paris).
        updated_at (datetime.datetime): When the template last changed.
        activated_at (datetime.datetime | None | Unset): When the template was first activated; null if never.
        language (None | str | Unset): BCP-47 tag of the language the template was written in (e.g. en, fr).
        status (SequenceTemplateStatus | Unset): Lifecycle state of a sequence template. PENDING_SETUP: still being
            configured, takes no leads. ACTIVE: live,
            accepts new enrollments. INACTIVE: deactivated; existing runs continue, no new leads. FINISHING: winding
            down; existing runs continue, no new enrollments. ARCHIVED: no longer in use. New values may be added within
            /v1.
        summary (None | str | Unset): A short statement of what the template is for.
    """

    created_at: datetime.datetime
    id: UUID
    name: None | str
    step_count: int
    timezone: str
    updated_at: datetime.datetime
    activated_at: datetime.datetime | None | Unset = UNSET
    language: None | str | Unset = UNSET
    status: SequenceTemplateStatus | Unset = UNSET
    summary: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        id = str(self.id)

        name: None | str
        name = self.name

        step_count = self.step_count

        timezone = self.timezone

        updated_at = self.updated_at.isoformat()

        activated_at: None | str | Unset
        if isinstance(self.activated_at, Unset):
            activated_at = UNSET
        elif isinstance(self.activated_at, datetime.datetime):
            activated_at = self.activated_at.isoformat()
        else:
            activated_at = self.activated_at

        language: None | str | Unset
        if isinstance(self.language, Unset):
            language = UNSET
        else:
            language = self.language

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        summary: None | str | Unset
        if isinstance(self.summary, Unset):
            summary = UNSET
        else:
            summary = self.summary

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "id": id,
                "name": name,
                "step_count": step_count,
                "timezone": timezone,
                "updated_at": updated_at,
            }
        )
        if activated_at is not UNSET:
            field_dict["activated_at"] = activated_at
        if language is not UNSET:
            field_dict["language"] = language
        if status is not UNSET:
            field_dict["status"] = status
        if summary is not UNSET:
            field_dict["summary"] = summary

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        def _parse_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        name = _parse_name(d.pop("name"))

        step_count = d.pop("step_count")

        timezone = d.pop("timezone")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_activated_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                activated_at_type_0 = datetime.datetime.fromisoformat(data)

                return activated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        activated_at = _parse_activated_at(d.pop("activated_at", UNSET))

        def _parse_language(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        language = _parse_language(d.pop("language", UNSET))

        _status = d.pop("status", UNSET)
        status: SequenceTemplateStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = SequenceTemplateStatus(_status)

        def _parse_summary(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        summary = _parse_summary(d.pop("summary", UNSET))

        sequence_template = cls(
            created_at=created_at,
            id=id,
            name=name,
            step_count=step_count,
            timezone=timezone,
            updated_at=updated_at,
            activated_at=activated_at,
            language=language,
            status=status,
            summary=summary,
        )

        sequence_template.additional_properties = d
        # The schema declares no additionalProperties: extra keys are fields the spec does not know (drift).
        if d and _hooks.on_unknown_fields is not None:
            _hooks.on_unknown_fields(cls.__name__, d)
        return sequence_template

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
