from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import _hooks
from ..models.event_type import EventType
from ..models.webhook_subscription_status import WebhookSubscriptionStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="WebhookSubscription")


@_attrs_define
class WebhookSubscription:
    """A webhook subscription (the generated reference calls it WebhookSubscriptionOutput). The signing secret is
    never part of it; only its first characters (`secret_prefix`) are shown.

        Attributes:
            created_at (datetime.datetime): When the subscription was created.
            event_types (list[EventType]): The event types delivered to this subscription.
            id (UUID): The subscription's id.
            name (str): Human-readable label.
            secret_prefix (str): The first few characters of the signing secret, to tell which secret is in use without
                exposing it.
            updated_at (datetime.datetime): When the subscription was last changed.
            url (str): The HTTPS endpoint Topo POSTs events to.
            description (None | str | Unset): Optional free-form text.
            sequence_template_ids (list[UUID] | None | Unset): When set, only events from these sequence templates are
                delivered; null means all templates.
            status (WebhookSubscriptionStatus | Unset): Lifecycle of a subscription. ACTIVE: matching events are delivered.
                PAUSED: delivery is suspended and
                events raised meanwhile are dropped, not queued. DISABLED: switched off administratively; PATCH `status`
                to ACTIVE to re-enable. New values may be added.
    """

    created_at: datetime.datetime
    event_types: list[EventType]
    id: UUID
    name: str
    secret_prefix: str
    updated_at: datetime.datetime
    url: str
    description: None | str | Unset = UNSET
    sequence_template_ids: list[UUID] | None | Unset = UNSET
    status: WebhookSubscriptionStatus | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        event_types = []
        for event_types_item_data in self.event_types:
            event_types_item = event_types_item_data.value
            event_types.append(event_types_item)

        id = str(self.id)

        name = self.name

        secret_prefix = self.secret_prefix

        updated_at = self.updated_at.isoformat()

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

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "event_types": event_types,
                "id": id,
                "name": name,
                "secret_prefix": secret_prefix,
                "updated_at": updated_at,
                "url": url,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if sequence_template_ids is not UNSET:
            field_dict["sequence_template_ids"] = sequence_template_ids
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        event_types = []
        _event_types = d.pop("event_types")
        for event_types_item_data in _event_types:
            event_types_item = EventType(event_types_item_data)

            event_types.append(event_types_item)

        id = UUID(d.pop("id"))

        name = d.pop("name")

        secret_prefix = d.pop("secret_prefix")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

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

        _status = d.pop("status", UNSET)
        status: WebhookSubscriptionStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = WebhookSubscriptionStatus(_status)

        webhook_subscription = cls(
            created_at=created_at,
            event_types=event_types,
            id=id,
            name=name,
            secret_prefix=secret_prefix,
            updated_at=updated_at,
            url=url,
            description=description,
            sequence_template_ids=sequence_template_ids,
            status=status,
        )

        webhook_subscription.additional_properties = d
        # The schema declares no additionalProperties: extra keys are fields the spec does not know (drift).
        if d and _hooks.on_unknown_fields is not None:
            _hooks.on_unknown_fields(cls.__name__, d)
        return webhook_subscription

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
