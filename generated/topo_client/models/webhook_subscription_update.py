from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.event_type import EventType
from ..models.webhook_subscription_status import WebhookSubscriptionStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="WebhookSubscriptionUpdate")


@_attrs_define
class WebhookSubscriptionUpdate:
    """Changes to a webhook subscription; keys left out are unchanged.

    Attributes:
        description (None | str | Unset): New free-form text; null clears it.
        event_types (list[EventType] | Unset): The event types to deliver from now on (whether this replaces or merges
            is not documented).
        name (str | Unset): New label.
        sequence_template_ids (list[UUID] | None | Unset): Deliver only events from these sequence templates; null means
            all templates.
        status (WebhookSubscriptionStatus | Unset): Lifecycle of a subscription. ACTIVE: matching events are delivered.
            PAUSED: delivery is suspended and
            events raised meanwhile are dropped, not queued. DISABLED: switched off administratively; PATCH `status`
            to ACTIVE to re-enable. New values may be added.
        url (str | Unset): New HTTPS endpoint.
    """

    description: None | str | Unset = UNSET
    event_types: list[EventType] | Unset = UNSET
    name: str | Unset = UNSET
    sequence_template_ids: list[UUID] | None | Unset = UNSET
    status: WebhookSubscriptionStatus | Unset = UNSET
    url: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        event_types: list[str] | Unset = UNSET
        if not isinstance(self.event_types, Unset):
            event_types = []
            for event_types_item_data in self.event_types:
                event_types_item = event_types_item_data.value
                event_types.append(event_types_item)

        name = self.name

        sequence_template_ids: list[str] | None | Unset
        if isinstance(self.sequence_template_ids, Unset):
            sequence_template_ids = UNSET
        elif isinstance(self.sequence_template_ids, list):
            sequence_template_ids = []
            for sequence_template_ids_type_0_item_data in self.sequence_template_ids:
                sequence_template_ids_type_0_item = str(sequence_template_ids_type_0_item_data)
                sequence_template_ids.append(sequence_template_ids_type_0_item)

        else:
            sequence_template_ids = self.sequence_template_ids

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        url = self.url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if description is not UNSET:
            field_dict["description"] = description
        if event_types is not UNSET:
            field_dict["event_types"] = event_types
        if name is not UNSET:
            field_dict["name"] = name
        if sequence_template_ids is not UNSET:
            field_dict["sequence_template_ids"] = sequence_template_ids
        if status is not UNSET:
            field_dict["status"] = status
        if url is not UNSET:
            field_dict["url"] = url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        _event_types = d.pop("event_types", UNSET)
        event_types: list[EventType] | Unset = UNSET
        if _event_types is not UNSET:
            event_types = []
            for event_types_item_data in _event_types:
                event_types_item = EventType(event_types_item_data)

                event_types.append(event_types_item)

        name = d.pop("name", UNSET)

        def _parse_sequence_template_ids(data: object) -> list[UUID] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                sequence_template_ids_type_0 = []
                _sequence_template_ids_type_0 = data
                for sequence_template_ids_type_0_item_data in _sequence_template_ids_type_0:
                    sequence_template_ids_type_0_item = UUID(sequence_template_ids_type_0_item_data)

                    sequence_template_ids_type_0.append(sequence_template_ids_type_0_item)

                return sequence_template_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[UUID] | None | Unset, data)

        sequence_template_ids = _parse_sequence_template_ids(d.pop("sequence_template_ids", UNSET))

        _status = d.pop("status", UNSET)
        status: WebhookSubscriptionStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = WebhookSubscriptionStatus(_status)

        url = d.pop("url", UNSET)

        webhook_subscription_update = cls(
            description=description,
            event_types=event_types,
            name=name,
            sequence_template_ids=sequence_template_ids,
            status=status,
            url=url,
        )

        webhook_subscription_update.additional_properties = d
        return webhook_subscription_update

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
