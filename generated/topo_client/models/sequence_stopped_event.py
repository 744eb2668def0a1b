from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import _hooks
from ..models.activity_channel import ActivityChannel
from ..models.activity_resource_type import ActivityResourceType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.sequence_stopped_metadata import SequenceStoppedMetadata


T = TypeVar("T", bound="SequenceStoppedEvent")


@_attrs_define
class SequenceStoppedEvent:
    """`sequence.stopped`: The sequence was stopped early.

    Attributes:
        type_ (Literal['sequence.stopped']):
        calendar_event_id (None | Unset | UUID): The related meeting, if any.
        channel (ActivityChannel | None | Unset): The channel used, if any.
        hot_lead_id (None | Unset | UUID): The related hot lead, if any.
        message_id (None | Unset | UUID): The related message, if any.
        metadata (None | SequenceStoppedMetadata | Unset):
        organization_id (UUID | Unset): The workspace.
        person_id (None | Unset | UUID): The contact involved.
        resource_type (ActivityResourceType | Unset): The kind of resource an activity is about (filter and payload
            field).
        sequence_id (None | Unset | UUID): The sequence run (enrollment).
        sequence_template_id (None | Unset | UUID): The template behind the run.
        task_id (None | Unset | UUID): The related manual task, if any.
    """

    type_: Literal["sequence.stopped"]
    calendar_event_id: None | Unset | UUID = UNSET
    channel: ActivityChannel | None | Unset = UNSET
    hot_lead_id: None | Unset | UUID = UNSET
    message_id: None | Unset | UUID = UNSET
    metadata: None | SequenceStoppedMetadata | Unset = UNSET
    organization_id: UUID | Unset = UNSET
    person_id: None | Unset | UUID = UNSET
    resource_type: ActivityResourceType | Unset = UNSET
    sequence_id: None | Unset | UUID = UNSET
    sequence_template_id: None | Unset | UUID = UNSET
    task_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.sequence_stopped_metadata import SequenceStoppedMetadata  # noqa: PLC0415

        type_ = self.type_

        calendar_event_id: None | str | Unset
        if isinstance(self.calendar_event_id, Unset):
            calendar_event_id = UNSET
        elif isinstance(self.calendar_event_id, UUID):
            calendar_event_id = str(self.calendar_event_id)
        else:
            calendar_event_id = self.calendar_event_id

        channel: None | str | Unset
        if isinstance(self.channel, Unset):
            channel = UNSET
        elif isinstance(self.channel, ActivityChannel):
            channel = self.channel.value
        else:
            channel = self.channel

        hot_lead_id: None | str | Unset
        if isinstance(self.hot_lead_id, Unset):
            hot_lead_id = UNSET
        elif isinstance(self.hot_lead_id, UUID):
            hot_lead_id = str(self.hot_lead_id)
        else:
            hot_lead_id = self.hot_lead_id

        message_id: None | str | Unset
        if isinstance(self.message_id, Unset):
            message_id = UNSET
        elif isinstance(self.message_id, UUID):
            message_id = str(self.message_id)
        else:
            message_id = self.message_id

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, SequenceStoppedMetadata):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        organization_id: str | Unset = UNSET
        if not isinstance(self.organization_id, Unset):
            organization_id = str(self.organization_id)

        person_id: None | str | Unset
        if isinstance(self.person_id, Unset):
            person_id = UNSET
        elif isinstance(self.person_id, UUID):
            person_id = str(self.person_id)
        else:
            person_id = self.person_id

        resource_type: str | Unset = UNSET
        if not isinstance(self.resource_type, Unset):
            resource_type = self.resource_type.value

        sequence_id: None | str | Unset
        if isinstance(self.sequence_id, Unset):
            sequence_id = UNSET
        elif isinstance(self.sequence_id, UUID):
            sequence_id = str(self.sequence_id)
        else:
            sequence_id = self.sequence_id

        sequence_template_id: None | str | Unset
        if isinstance(self.sequence_template_id, Unset):
            sequence_template_id = UNSET
        elif isinstance(self.sequence_template_id, UUID):
            sequence_template_id = str(self.sequence_template_id)
        else:
            sequence_template_id = self.sequence_template_id

        task_id: None | str | Unset
        if isinstance(self.task_id, Unset):
            task_id = UNSET
        elif isinstance(self.task_id, UUID):
            task_id = str(self.task_id)
        else:
            task_id = self.task_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
            }
        )
        if calendar_event_id is not UNSET:
            field_dict["calendar_event_id"] = calendar_event_id
        if channel is not UNSET:
            field_dict["channel"] = channel
        if hot_lead_id is not UNSET:
            field_dict["hot_lead_id"] = hot_lead_id
        if message_id is not UNSET:
            field_dict["message_id"] = message_id
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if organization_id is not UNSET:
            field_dict["organization_id"] = organization_id
        if person_id is not UNSET:
            field_dict["person_id"] = person_id
        if resource_type is not UNSET:
            field_dict["resource_type"] = resource_type
        if sequence_id is not UNSET:
            field_dict["sequence_id"] = sequence_id
        if sequence_template_id is not UNSET:
            field_dict["sequence_template_id"] = sequence_template_id
        if task_id is not UNSET:
            field_dict["task_id"] = task_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.sequence_stopped_metadata import SequenceStoppedMetadata  # noqa: PLC0415

        d = dict(src_dict)
        type_ = cast(Literal["sequence.stopped"], d.pop("type"))
        if type_ != "sequence.stopped":
            raise ValueError(f"type must match const 'sequence.stopped', got '{type_}'")

        def _parse_calendar_event_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                calendar_event_id_type_0 = UUID(data)

                return calendar_event_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        calendar_event_id = _parse_calendar_event_id(d.pop("calendar_event_id", UNSET))

        def _parse_channel(data: object) -> ActivityChannel | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                channel_type_0 = ActivityChannel(data)

                return channel_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ActivityChannel | None | Unset, data)

        channel = _parse_channel(d.pop("channel", UNSET))

        def _parse_hot_lead_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                hot_lead_id_type_0 = UUID(data)

                return hot_lead_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        hot_lead_id = _parse_hot_lead_id(d.pop("hot_lead_id", UNSET))

        def _parse_message_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                message_id_type_0 = UUID(data)

                return message_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        message_id = _parse_message_id(d.pop("message_id", UNSET))

        def _parse_metadata(data: object) -> None | SequenceStoppedMetadata | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = SequenceStoppedMetadata.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SequenceStoppedMetadata | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        _organization_id = d.pop("organization_id", UNSET)
        organization_id: UUID | Unset
        if isinstance(_organization_id, Unset):
            organization_id = UNSET
        else:
            organization_id = UUID(_organization_id)

        def _parse_person_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                person_id_type_0 = UUID(data)

                return person_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        person_id = _parse_person_id(d.pop("person_id", UNSET))

        _resource_type = d.pop("resource_type", UNSET)
        resource_type: ActivityResourceType | Unset
        if isinstance(_resource_type, Unset):
            resource_type = UNSET
        else:
            resource_type = ActivityResourceType(_resource_type)

        def _parse_sequence_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sequence_id_type_0 = UUID(data)

                return sequence_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        sequence_id = _parse_sequence_id(d.pop("sequence_id", UNSET))

        def _parse_sequence_template_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sequence_template_id_type_0 = UUID(data)

                return sequence_template_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        sequence_template_id = _parse_sequence_template_id(d.pop("sequence_template_id", UNSET))

        def _parse_task_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                task_id_type_0 = UUID(data)

                return task_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        task_id = _parse_task_id(d.pop("task_id", UNSET))

        sequence_stopped_event = cls(
            type_=type_,
            calendar_event_id=calendar_event_id,
            channel=channel,
            hot_lead_id=hot_lead_id,
            message_id=message_id,
            metadata=metadata,
            organization_id=organization_id,
            person_id=person_id,
            resource_type=resource_type,
            sequence_id=sequence_id,
            sequence_template_id=sequence_template_id,
            task_id=task_id,
        )

        sequence_stopped_event.additional_properties = d
        # The schema declares no additionalProperties: extra keys are fields the spec does not know (drift).
        if d and _hooks.on_unknown_fields is not None:
            _hooks.on_unknown_fields(cls.__name__, d)
        return sequence_stopped_event

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
