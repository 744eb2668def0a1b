from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import _hooks

if TYPE_CHECKING:
    from ..models.hot_lead_created_event import HotLeadCreatedEvent
    from ..models.invitation_accepted_event import InvitationAcceptedEvent
    from ..models.invitation_sent_event import InvitationSentEvent
    from ..models.meeting_created_event import MeetingCreatedEvent
    from ..models.message_link_clicked_event import MessageLinkClickedEvent
    from ..models.message_opened_event import MessageOpenedEvent
    from ..models.message_replied_event import MessageRepliedEvent
    from ..models.message_sent_event import MessageSentEvent
    from ..models.sequence_completed_event import SequenceCompletedEvent
    from ..models.sequence_created_event import SequenceCreatedEvent
    from ..models.sequence_paused_event import SequencePausedEvent
    from ..models.sequence_resumed_event import SequenceResumedEvent
    from ..models.sequence_stopped_event import SequenceStoppedEvent
    from ..models.task_completed_event import TaskCompletedEvent
    from ..models.task_created_event import TaskCreatedEvent
    from ..models.task_skipped_event import TaskSkippedEvent


T = TypeVar("T", bound="Activity")


@_attrs_define
class Activity:
    """One recorded outreach event.

    Attributes:
        created_at (datetime.datetime): When the activity was recorded (UTC, may carry milliseconds).
        id (UUID): The activity's id.
        payload (HotLeadCreatedEvent | InvitationAcceptedEvent | InvitationSentEvent | MeetingCreatedEvent |
            MessageLinkClickedEvent | MessageOpenedEvent | MessageRepliedEvent | MessageSentEvent | SequenceCompletedEvent |
            SequenceCreatedEvent | SequencePausedEvent | SequenceResumedEvent | SequenceStoppedEvent | TaskCompletedEvent |
            TaskCreatedEvent | TaskSkippedEvent): The event, discriminated by `type`. The same union is delivered to webhook
            subscribers. "Topo may add new
            event types as additive changes within /v1": readers must accept a payload whose `type` is none of these
            (`x-topo-open`). Payload keys are snake_case in the narrative docs and camelCase in the generated
            reference; each property names its camelCase spelling in `x-topo-alias`, and clients accept both.
    """

    created_at: datetime.datetime
    id: UUID
    payload: (
        HotLeadCreatedEvent
        | InvitationAcceptedEvent
        | InvitationSentEvent
        | MeetingCreatedEvent
        | MessageLinkClickedEvent
        | MessageOpenedEvent
        | MessageRepliedEvent
        | MessageSentEvent
        | SequenceCompletedEvent
        | SequenceCreatedEvent
        | SequencePausedEvent
        | SequenceResumedEvent
        | SequenceStoppedEvent
        | TaskCompletedEvent
        | TaskCreatedEvent
        | TaskSkippedEvent
    )
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.hot_lead_created_event import HotLeadCreatedEvent  # noqa: PLC0415
        from ..models.invitation_accepted_event import InvitationAcceptedEvent  # noqa: PLC0415
        from ..models.invitation_sent_event import InvitationSentEvent  # noqa: PLC0415
        from ..models.meeting_created_event import MeetingCreatedEvent  # noqa: PLC0415
        from ..models.message_link_clicked_event import MessageLinkClickedEvent  # noqa: PLC0415
        from ..models.message_opened_event import MessageOpenedEvent  # noqa: PLC0415
        from ..models.message_replied_event import MessageRepliedEvent  # noqa: PLC0415
        from ..models.message_sent_event import MessageSentEvent  # noqa: PLC0415
        from ..models.sequence_completed_event import SequenceCompletedEvent  # noqa: PLC0415
        from ..models.sequence_created_event import SequenceCreatedEvent  # noqa: PLC0415
        from ..models.sequence_paused_event import SequencePausedEvent  # noqa: PLC0415
        from ..models.sequence_resumed_event import SequenceResumedEvent  # noqa: PLC0415
        from ..models.sequence_stopped_event import SequenceStoppedEvent  # noqa: PLC0415
        from ..models.task_completed_event import TaskCompletedEvent  # noqa: PLC0415
        from ..models.task_created_event import TaskCreatedEvent  # noqa: PLC0415

        created_at = self.created_at.isoformat()

        id = str(self.id)

        payload: dict[str, Any]
        if isinstance(self.payload, MessageSentEvent):
            payload = self.payload.to_dict()
        elif isinstance(self.payload, MessageOpenedEvent):
            payload = self.payload.to_dict()
        elif isinstance(self.payload, MessageLinkClickedEvent):
            payload = self.payload.to_dict()
        elif isinstance(self.payload, MessageRepliedEvent):
            payload = self.payload.to_dict()
        elif isinstance(self.payload, InvitationSentEvent):
            payload = self.payload.to_dict()
        elif isinstance(self.payload, InvitationAcceptedEvent):
            payload = self.payload.to_dict()
        elif isinstance(self.payload, HotLeadCreatedEvent):
            payload = self.payload.to_dict()
        elif isinstance(self.payload, MeetingCreatedEvent):
            payload = self.payload.to_dict()
        elif isinstance(self.payload, SequenceCreatedEvent):
            payload = self.payload.to_dict()
        elif isinstance(self.payload, SequencePausedEvent):
            payload = self.payload.to_dict()
        elif isinstance(self.payload, SequenceResumedEvent):
            payload = self.payload.to_dict()
        elif isinstance(self.payload, SequenceStoppedEvent):
            payload = self.payload.to_dict()
        elif isinstance(self.payload, SequenceCompletedEvent):
            payload = self.payload.to_dict()
        elif isinstance(self.payload, TaskCreatedEvent):
            payload = self.payload.to_dict()
        elif isinstance(self.payload, TaskCompletedEvent):
            payload = self.payload.to_dict()
        else:
            payload = self.payload.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "id": id,
                "payload": payload,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.hot_lead_created_event import HotLeadCreatedEvent  # noqa: PLC0415
        from ..models.invitation_accepted_event import InvitationAcceptedEvent  # noqa: PLC0415
        from ..models.invitation_sent_event import InvitationSentEvent  # noqa: PLC0415
        from ..models.meeting_created_event import MeetingCreatedEvent  # noqa: PLC0415
        from ..models.message_link_clicked_event import MessageLinkClickedEvent  # noqa: PLC0415
        from ..models.message_opened_event import MessageOpenedEvent  # noqa: PLC0415
        from ..models.message_replied_event import MessageRepliedEvent  # noqa: PLC0415
        from ..models.message_sent_event import MessageSentEvent  # noqa: PLC0415
        from ..models.sequence_completed_event import SequenceCompletedEvent  # noqa: PLC0415
        from ..models.sequence_created_event import SequenceCreatedEvent  # noqa: PLC0415
        from ..models.sequence_paused_event import SequencePausedEvent  # noqa: PLC0415
        from ..models.sequence_resumed_event import SequenceResumedEvent  # noqa: PLC0415
        from ..models.sequence_stopped_event import SequenceStoppedEvent  # noqa: PLC0415
        from ..models.task_completed_event import TaskCompletedEvent  # noqa: PLC0415
        from ..models.task_created_event import TaskCreatedEvent  # noqa: PLC0415
        from ..models.task_skipped_event import TaskSkippedEvent  # noqa: PLC0415

        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        def _parse_payload(
            data: object,
        ) -> (
            HotLeadCreatedEvent
            | InvitationAcceptedEvent
            | InvitationSentEvent
            | MeetingCreatedEvent
            | MessageLinkClickedEvent
            | MessageOpenedEvent
            | MessageRepliedEvent
            | MessageSentEvent
            | SequenceCompletedEvent
            | SequenceCreatedEvent
            | SequencePausedEvent
            | SequenceResumedEvent
            | SequenceStoppedEvent
            | TaskCompletedEvent
            | TaskCreatedEvent
            | TaskSkippedEvent
        ):
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_activity_payload_type_0 = MessageSentEvent.from_dict(data)

                return componentsschemas_activity_payload_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_activity_payload_type_1 = MessageOpenedEvent.from_dict(data)

                return componentsschemas_activity_payload_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_activity_payload_type_2 = MessageLinkClickedEvent.from_dict(data)

                return componentsschemas_activity_payload_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_activity_payload_type_3 = MessageRepliedEvent.from_dict(data)

                return componentsschemas_activity_payload_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_activity_payload_type_4 = InvitationSentEvent.from_dict(data)

                return componentsschemas_activity_payload_type_4
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_activity_payload_type_5 = InvitationAcceptedEvent.from_dict(data)

                return componentsschemas_activity_payload_type_5
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_activity_payload_type_6 = HotLeadCreatedEvent.from_dict(data)

                return componentsschemas_activity_payload_type_6
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_activity_payload_type_7 = MeetingCreatedEvent.from_dict(data)

                return componentsschemas_activity_payload_type_7
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_activity_payload_type_8 = SequenceCreatedEvent.from_dict(data)

                return componentsschemas_activity_payload_type_8
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_activity_payload_type_9 = SequencePausedEvent.from_dict(data)

                return componentsschemas_activity_payload_type_9
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_activity_payload_type_10 = SequenceResumedEvent.from_dict(data)

                return componentsschemas_activity_payload_type_10
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_activity_payload_type_11 = SequenceStoppedEvent.from_dict(data)

                return componentsschemas_activity_payload_type_11
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_activity_payload_type_12 = SequenceCompletedEvent.from_dict(data)

                return componentsschemas_activity_payload_type_12
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_activity_payload_type_13 = TaskCreatedEvent.from_dict(data)

                return componentsschemas_activity_payload_type_13
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_activity_payload_type_14 = TaskCompletedEvent.from_dict(data)

                return componentsschemas_activity_payload_type_14
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_activity_payload_type_15 = TaskSkippedEvent.from_dict(data)

            return componentsschemas_activity_payload_type_15

        payload = _parse_payload(d.pop("payload"))

        activity = cls(
            created_at=created_at,
            id=id,
            payload=payload,
        )

        activity.additional_properties = d
        # The schema declares no additionalProperties: extra keys are fields the spec does not know (drift).
        if d and _hooks.on_unknown_fields is not None:
            _hooks.on_unknown_fields(cls.__name__, d)
        return activity

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
