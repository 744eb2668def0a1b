from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.event_type import EventType
from ..types import UNSET, Unset

T = TypeVar("T", bound="WebhookSubscriptionCreate")


@_attrs_define
class WebhookSubscriptionCreate:
    """A new webhook subscription.

    Attributes:
        event_types (list[EventType]): The event types to deliver.
        name (str): Human-readable label.
        url (str): The HTTPS endpoint to deliver events to.
        description (None | str | Unset): Optional free-form text.
        sequence_template_ids (list[UUID] | None | Unset): Deliver only events from these sequence templates; null or
            omitted means all templates.
    """

    event_types: list[EventType]
    name: str
    url: str
    description: None | str | Unset = UNSET
    sequence_template_ids: list[UUID] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        event_types = []
        for event_types_item_data in self.event_types:
            event_types_item = event_types_item_data.value
            event_types.append(event_types_item)

        name = self.name

        url = self.url

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

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

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "event_types": event_types,
                "name": name,
                "url": url,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if sequence_template_ids is not UNSET:
            field_dict["sequence_template_ids"] = sequence_template_ids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        event_types = []
        _event_types = d.pop("event_types")
        for event_types_item_data in _event_types:
            event_types_item = EventType(event_types_item_data)

            event_types.append(event_types_item)

        name = d.pop("name")

        url = d.pop("url")

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

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

        webhook_subscription_create = cls(
            event_types=event_types,
            name=name,
            url=url,
            description=description,
            sequence_template_ids=sequence_template_ids,
        )

        webhook_subscription_create.additional_properties = d
        return webhook_subscription_create

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
