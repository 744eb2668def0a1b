from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import _hooks
from ..models.sequence_status import SequenceStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.sequence_variables_type_0 import SequenceVariablesType0


T = TypeVar("T", bound="Sequence")


@_attrs_define
class Sequence:
    """One live outreach run for a single contact, created when the contact is enrolled in a template.

    Attributes:
        contact_id (None | UUID): The contact the run targets; null if the contact record was deleted.
        created_at (datetime.datetime): When the run was created.
        id (UUID): The sequence run's id.
        organization_id (UUID): The workspace the run belongs to.
        sequence_template_id (UUID): The template the run was created from.
        updated_at (datetime.datetime): When the run last changed.
        last_step_executed_at (datetime.datetime | None | Unset): When the most recent step ran.
        source_contact_list_id (None | Unset | UUID): The contact list whose entry triggered the run, if any.
        status (SequenceStatus | Unset): Execution state of a sequence run. ACTIVE: steps run on schedule.
            WAITING_FOR_LEAD: paused, resumes on its
            own later (e.g. at the `paused_until` set by pause). WAITING_FOR_USER: blocked until a user completes or
            skips a manual task. SUCCEEDED: every step succeeded (finished). FAILED: ended by an internal error or an
            unrecoverable delivery failure. STOPPED_EARLY: ended through the stop endpoint. COMPLETED: ran out of
            steps (finished, like SUCCEEDED). FOUND: intermediate state while the lead is processed, before the run is
            active. REFUSED: the contact was rejected at enrollment and the run never started. SUCCEEDED, FAILED,
            STOPPED_EARLY, COMPLETED and REFUSED are terminal. New values may be added within /v1.
        variables (None | SequenceVariablesType0 | Unset): Per-run template variables (string to string), laid over the
            template's defaults and substituted into outbound messages.
    """

    contact_id: None | UUID
    created_at: datetime.datetime
    id: UUID
    organization_id: UUID
    sequence_template_id: UUID
    updated_at: datetime.datetime
    last_step_executed_at: datetime.datetime | None | Unset = UNSET
    source_contact_list_id: None | Unset | UUID = UNSET
    status: SequenceStatus | Unset = UNSET
    variables: None | SequenceVariablesType0 | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.sequence_variables_type_0 import SequenceVariablesType0  # noqa: PLC0415

        contact_id: None | str
        if isinstance(self.contact_id, UUID):
            contact_id = str(self.contact_id)
        else:
            contact_id = self.contact_id

        created_at = self.created_at.isoformat()

        id = str(self.id)

        organization_id = str(self.organization_id)

        sequence_template_id = str(self.sequence_template_id)

        updated_at = self.updated_at.isoformat()

        last_step_executed_at: None | str | Unset
        if isinstance(self.last_step_executed_at, Unset):
            last_step_executed_at = UNSET
        elif isinstance(self.last_step_executed_at, datetime.datetime):
            last_step_executed_at = self.last_step_executed_at.isoformat()
        else:
            last_step_executed_at = self.last_step_executed_at

        source_contact_list_id: None | str | Unset
        if isinstance(self.source_contact_list_id, Unset):
            source_contact_list_id = UNSET
        elif isinstance(self.source_contact_list_id, UUID):
            source_contact_list_id = str(self.source_contact_list_id)
        else:
            source_contact_list_id = self.source_contact_list_id

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        variables: dict[str, Any] | None | Unset
        if isinstance(self.variables, Unset):
            variables = UNSET
        elif isinstance(self.variables, SequenceVariablesType0):
            variables = self.variables.to_dict()
        else:
            variables = self.variables

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "contact_id": contact_id,
                "created_at": created_at,
                "id": id,
                "organization_id": organization_id,
                "sequence_template_id": sequence_template_id,
                "updated_at": updated_at,
            }
        )
        if last_step_executed_at is not UNSET:
            field_dict["last_step_executed_at"] = last_step_executed_at
        if source_contact_list_id is not UNSET:
            field_dict["source_contact_list_id"] = source_contact_list_id
        if status is not UNSET:
            field_dict["status"] = status
        if variables is not UNSET:
            field_dict["variables"] = variables

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.sequence_variables_type_0 import SequenceVariablesType0  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_contact_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                contact_id_type_0 = UUID(data)

                return contact_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        contact_id = _parse_contact_id(d.pop("contact_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        organization_id = UUID(d.pop("organization_id"))

        sequence_template_id = UUID(d.pop("sequence_template_id"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_last_step_executed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_step_executed_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_step_executed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        last_step_executed_at = _parse_last_step_executed_at(d.pop("last_step_executed_at", UNSET))

        def _parse_source_contact_list_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                source_contact_list_id_type_0 = UUID(data)

                return source_contact_list_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        source_contact_list_id = _parse_source_contact_list_id(d.pop("source_contact_list_id", UNSET))

        _status = d.pop("status", UNSET)
        status: SequenceStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = SequenceStatus(_status)

        def _parse_variables(data: object) -> None | SequenceVariablesType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                variables_type_0 = SequenceVariablesType0.from_dict(data)

                return variables_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SequenceVariablesType0 | Unset, data)

        variables = _parse_variables(d.pop("variables", UNSET))

        sequence = cls(
            contact_id=contact_id,
            created_at=created_at,
            id=id,
            organization_id=organization_id,
            sequence_template_id=sequence_template_id,
            updated_at=updated_at,
            last_step_executed_at=last_step_executed_at,
            source_contact_list_id=source_contact_list_id,
            status=status,
            variables=variables,
        )

        sequence.additional_properties = d
        # The schema declares no additionalProperties: extra keys are fields the spec does not know (drift).
        if d and _hooks.on_unknown_fields is not None:
            _hooks.on_unknown_fields(cls.__name__, d)
        return sequence

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
