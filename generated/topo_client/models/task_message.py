from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import _hooks
from ..models.task_message_channel import TaskMessageChannel
from ..models.task_message_direction import TaskMessageDirection
from ..types import UNSET, Unset

T = TypeVar("T", bound="TaskMessage")


@_attrs_define
class TaskMessage:
    """An email or LinkedIn message of the contact thread behind a task.

    Attributes:
        body (str): The message text; quoted reply history is stripped from inbound messages.
        id (UUID): The message's id.
        sender_id (None | UUID): The user who sent an outbound message; null for inbound messages.
        sent_at (datetime.datetime): When the message was sent or received.
        subject (None | str): The email subject, if any.
        channel (TaskMessageChannel | Unset): The channel a task message went through.
        direction (TaskMessageDirection | Unset): INBOUND messages came from the contact; OUTBOUND messages were sent by
            your team.
    """

    body: str
    id: UUID
    sender_id: None | UUID
    sent_at: datetime.datetime
    subject: None | str
    channel: TaskMessageChannel | Unset = UNSET
    direction: TaskMessageDirection | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        body = self.body

        id = str(self.id)

        sender_id: None | str
        if isinstance(self.sender_id, UUID):
            sender_id = str(self.sender_id)
        else:
            sender_id = self.sender_id

        sent_at = self.sent_at.isoformat()

        subject: None | str
        subject = self.subject

        channel: str | Unset = UNSET
        if not isinstance(self.channel, Unset):
            channel = self.channel.value

        direction: str | Unset = UNSET
        if not isinstance(self.direction, Unset):
            direction = self.direction.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "body": body,
                "id": id,
                "sender_id": sender_id,
                "sent_at": sent_at,
                "subject": subject,
            }
        )
        if channel is not UNSET:
            field_dict["channel"] = channel
        if direction is not UNSET:
            field_dict["direction"] = direction

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        body = d.pop("body")

        id = UUID(d.pop("id"))

        def _parse_sender_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sender_id_type_0 = UUID(data)

                return sender_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        sender_id = _parse_sender_id(d.pop("sender_id"))

        sent_at = datetime.datetime.fromisoformat(d.pop("sent_at"))

        def _parse_subject(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        subject = _parse_subject(d.pop("subject"))

        _channel = d.pop("channel", UNSET)
        channel: TaskMessageChannel | Unset
        if isinstance(_channel, Unset):
            channel = UNSET
        else:
            channel = TaskMessageChannel(_channel)

        _direction = d.pop("direction", UNSET)
        direction: TaskMessageDirection | Unset
        if isinstance(_direction, Unset):
            direction = UNSET
        else:
            direction = TaskMessageDirection(_direction)

        task_message = cls(
            body=body,
            id=id,
            sender_id=sender_id,
            sent_at=sent_at,
            subject=subject,
            channel=channel,
            direction=direction,
        )

        task_message.additional_properties = d
        # The schema declares no additionalProperties: extra keys are fields the spec does not know (drift).
        if d and _hooks.on_unknown_fields is not None:
            _hooks.on_unknown_fields(cls.__name__, d)
        return task_message

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
