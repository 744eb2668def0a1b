from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import _hooks
from ..models.task_disposition import TaskDisposition
from ..models.task_priority import TaskPriority
from ..models.task_reopen_reason import TaskReopenReason
from ..models.task_status import TaskStatus
from ..models.task_type import TaskType
from ..types import UNSET, Unset

T = TypeVar("T", bound="Task")


@_attrs_define
class Task:
    """A manual action item created when a sequence run reaches a step that needs a person.

    Attributes:
        created_at (datetime.datetime): When the task was created.
        id (UUID): The task's id.
        organization_id (UUID): The workspace the task belongs to.
        sequence_id (UUID): The sequence run the task comes from.
        updated_at (datetime.datetime): When the task last changed.
        assignee_user_id (None | Unset | UUID): The user the task is assigned to; null if unassigned.
        completed_at (datetime.datetime | None | Unset): When the task was completed, if it was.
        disposition (None | TaskDisposition | Unset): For CALL tasks, the outcome once the call was made; null for other
            types and for calls not yet done.
        priority (TaskPriority | Unset): Priority bucket, set by Topo from engagement signals. The buckets' exact
            meanings are not documented.
        reopen_reason (None | TaskReopenReason | Unset): Why the task was last reopened, if ever.
        reopened_at (datetime.datetime | None | Unset): When the task was last reopened, if ever.
        skipped_at (datetime.datetime | None | Unset): When the task was skipped, if it was.
        status (TaskStatus | Unset): Lifecycle state of a task. PENDING: open, waiting for someone. IN_PROGRESS: an
            assignee has opened it and is
            working on it. COMPLETED: done. SKIPPED: deliberately not done. New values may be added within /v1.
        type_ (TaskType | Unset): What the task asks for. EMAIL_REPLY: write or review an email reply in a live thread.
            LINKEDIN_REPLY: answer
            a LinkedIn conversation. NEW_LEAD_REVIEW: approve or reject a new lead before outreach starts. CALL: phone
            the contact. New values may be added within /v1.
    """

    created_at: datetime.datetime
    id: UUID
    organization_id: UUID
    sequence_id: UUID
    updated_at: datetime.datetime
    assignee_user_id: None | Unset | UUID = UNSET
    completed_at: datetime.datetime | None | Unset = UNSET
    disposition: None | TaskDisposition | Unset = UNSET
    priority: TaskPriority | Unset = UNSET
    reopen_reason: None | TaskReopenReason | Unset = UNSET
    reopened_at: datetime.datetime | None | Unset = UNSET
    skipped_at: datetime.datetime | None | Unset = UNSET
    status: TaskStatus | Unset = UNSET
    type_: TaskType | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        id = str(self.id)

        organization_id = str(self.organization_id)

        sequence_id = str(self.sequence_id)

        updated_at = self.updated_at.isoformat()

        assignee_user_id: None | str | Unset
        if isinstance(self.assignee_user_id, Unset):
            assignee_user_id = UNSET
        elif isinstance(self.assignee_user_id, UUID):
            assignee_user_id = str(self.assignee_user_id)
        else:
            assignee_user_id = self.assignee_user_id

        completed_at: None | str | Unset
        if isinstance(self.completed_at, Unset):
            completed_at = UNSET
        elif isinstance(self.completed_at, datetime.datetime):
            completed_at = self.completed_at.isoformat()
        else:
            completed_at = self.completed_at

        disposition: None | str | Unset
        if isinstance(self.disposition, Unset):
            disposition = UNSET
        elif isinstance(self.disposition, TaskDisposition):
            disposition = self.disposition.value
        else:
            disposition = self.disposition

        priority: str | Unset = UNSET
        if not isinstance(self.priority, Unset):
            priority = self.priority.value

        reopen_reason: None | str | Unset
        if isinstance(self.reopen_reason, Unset):
            reopen_reason = UNSET
        elif isinstance(self.reopen_reason, TaskReopenReason):
            reopen_reason = self.reopen_reason.value
        else:
            reopen_reason = self.reopen_reason

        reopened_at: None | str | Unset
        if isinstance(self.reopened_at, Unset):
            reopened_at = UNSET
        elif isinstance(self.reopened_at, datetime.datetime):
            reopened_at = self.reopened_at.isoformat()
        else:
            reopened_at = self.reopened_at

        skipped_at: None | str | Unset
        if isinstance(self.skipped_at, Unset):
            skipped_at = UNSET
        elif isinstance(self.skipped_at, datetime.datetime):
            skipped_at = self.skipped_at.isoformat()
        else:
            skipped_at = self.skipped_at

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "id": id,
                "organization_id": organization_id,
                "sequence_id": sequence_id,
                "updated_at": updated_at,
            }
        )
        if assignee_user_id is not UNSET:
            field_dict["assignee_user_id"] = assignee_user_id
        if completed_at is not UNSET:
            field_dict["completed_at"] = completed_at
        if disposition is not UNSET:
            field_dict["disposition"] = disposition
        if priority is not UNSET:
            field_dict["priority"] = priority
        if reopen_reason is not UNSET:
            field_dict["reopen_reason"] = reopen_reason
        if reopened_at is not UNSET:
            field_dict["reopened_at"] = reopened_at
        if skipped_at is not UNSET:
            field_dict["skipped_at"] = skipped_at
        if status is not UNSET:
            field_dict["status"] = status
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        organization_id = UUID(d.pop("organization_id"))

        sequence_id = UUID(d.pop("sequence_id"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_assignee_user_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                assignee_user_id_type_0 = UUID(data)

                return assignee_user_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        assignee_user_id = _parse_assignee_user_id(d.pop("assignee_user_id", UNSET))

        def _parse_completed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_at_type_0 = datetime.datetime.fromisoformat(data)

                return completed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        completed_at = _parse_completed_at(d.pop("completed_at", UNSET))

        def _parse_disposition(data: object) -> None | TaskDisposition | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                disposition_type_0 = TaskDisposition(data)

                return disposition_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TaskDisposition | Unset, data)

        disposition = _parse_disposition(d.pop("disposition", UNSET))

        _priority = d.pop("priority", UNSET)
        priority: TaskPriority | Unset
        if isinstance(_priority, Unset):
            priority = UNSET
        else:
            priority = TaskPriority(_priority)

        def _parse_reopen_reason(data: object) -> None | TaskReopenReason | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reopen_reason_type_0 = TaskReopenReason(data)

                return reopen_reason_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TaskReopenReason | Unset, data)

        reopen_reason = _parse_reopen_reason(d.pop("reopen_reason", UNSET))

        def _parse_reopened_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reopened_at_type_0 = datetime.datetime.fromisoformat(data)

                return reopened_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        reopened_at = _parse_reopened_at(d.pop("reopened_at", UNSET))

        def _parse_skipped_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                skipped_at_type_0 = datetime.datetime.fromisoformat(data)

                return skipped_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        skipped_at = _parse_skipped_at(d.pop("skipped_at", UNSET))

        _status = d.pop("status", UNSET)
        status: TaskStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = TaskStatus(_status)

        _type_ = d.pop("type", UNSET)
        type_: TaskType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = TaskType(_type_)

        task = cls(
            created_at=created_at,
            id=id,
            organization_id=organization_id,
            sequence_id=sequence_id,
            updated_at=updated_at,
            assignee_user_id=assignee_user_id,
            completed_at=completed_at,
            disposition=disposition,
            priority=priority,
            reopen_reason=reopen_reason,
            reopened_at=reopened_at,
            skipped_at=skipped_at,
            status=status,
            type_=type_,
        )

        task.additional_properties = d
        # The schema declares no additionalProperties: extra keys are fields the spec does not know (drift).
        if d and _hooks.on_unknown_fields is not None:
            _hooks.on_unknown_fields(cls.__name__, d)
        return task

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
