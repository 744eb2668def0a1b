from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.sequence_create_variables import SequenceCreateVariables


T = TypeVar("T", bound="SequenceCreate")


@_attrs_define
class SequenceCreate:
    """Enrolls one contact in one sequence template.

    Attributes:
        contact_id (UUID): The contact to enroll.
        sequence_template_id (UUID): The template to start the run from; it must accept enrollments (ACTIVE).
        variables (SequenceCreateVariables | Unset): Per-run variable overrides (string to string), laid over the
            template's defaults.
    """

    contact_id: UUID
    sequence_template_id: UUID
    variables: SequenceCreateVariables | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        contact_id = str(self.contact_id)

        sequence_template_id = str(self.sequence_template_id)

        variables: dict[str, Any] | Unset = UNSET
        if not isinstance(self.variables, Unset):
            variables = self.variables.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "contact_id": contact_id,
                "sequence_template_id": sequence_template_id,
            }
        )
        if variables is not UNSET:
            field_dict["variables"] = variables

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.sequence_create_variables import SequenceCreateVariables  # noqa: PLC0415

        d = dict(src_dict)
        contact_id = UUID(d.pop("contact_id"))

        sequence_template_id = UUID(d.pop("sequence_template_id"))

        _variables = d.pop("variables", UNSET)
        variables: SequenceCreateVariables | Unset
        if isinstance(_variables, Unset):
            variables = UNSET
        else:
            variables = SequenceCreateVariables.from_dict(_variables)

        sequence_create = cls(
            contact_id=contact_id,
            sequence_template_id=sequence_template_id,
            variables=variables,
        )

        sequence_create.additional_properties = d
        return sequence_create

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
