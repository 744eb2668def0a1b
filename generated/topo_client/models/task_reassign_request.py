from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.task_reassign_scope import TaskReassignScope
from ..types import UNSET, Unset

T = TypeVar("T", bound="TaskReassignRequest")


@_attrs_define
class TaskReassignRequest:
    """The body of reassign_task.

    Attributes:
        assignee_user_id (UUID): The user who should get the task(s).
        scope (TaskReassignScope | Unset): TASK reassigns only the task in the path; SEQUENCE reassigns every actionable
            task of the same sequence run.
    """

    assignee_user_id: UUID
    scope: TaskReassignScope | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        assignee_user_id = str(self.assignee_user_id)

        scope: str | Unset = UNSET
        if not isinstance(self.scope, Unset):
            scope = self.scope.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "assignee_user_id": assignee_user_id,
            }
        )
        if scope is not UNSET:
            field_dict["scope"] = scope

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        assignee_user_id = UUID(d.pop("assignee_user_id"))

        _scope = d.pop("scope", UNSET)
        scope: TaskReassignScope | Unset
        if isinstance(_scope, Unset):
            scope = UNSET
        else:
            scope = TaskReassignScope(_scope)

        task_reassign_request = cls(
            assignee_user_id=assignee_user_id,
            scope=scope,
        )

        task_reassign_request.additional_properties = d
        return task_reassign_request

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
