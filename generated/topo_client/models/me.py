from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import _hooks

T = TypeVar("T", bound="Me")


@_attrs_define
class Me:
    """The API key making the request.

    Attributes:
        created_at (datetime.datetime): When the key was issued.
        id (UUID): The API key's id.
        key_prefix (str): Leading characters of the raw key, safe to display.
        last_used_at (datetime.datetime | None): When the key was last used.
        name (str): The key's name.
        organization_id (UUID): The workspace the key belongs to.
        scopes (list[str]): Permissions granted to this key (`resource:action`).
    """

    created_at: datetime.datetime
    id: UUID
    key_prefix: str
    last_used_at: datetime.datetime | None
    name: str
    organization_id: UUID
    scopes: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        id = str(self.id)

        key_prefix = self.key_prefix

        last_used_at: None | str
        if isinstance(self.last_used_at, datetime.datetime):
            last_used_at = self.last_used_at.isoformat()
        else:
            last_used_at = self.last_used_at

        name = self.name

        organization_id = str(self.organization_id)

        scopes = self.scopes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "id": id,
                "key_prefix": key_prefix,
                "last_used_at": last_used_at,
                "name": name,
                "organization_id": organization_id,
                "scopes": scopes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        key_prefix = d.pop("key_prefix")

        def _parse_last_used_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_used_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_used_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_used_at = _parse_last_used_at(d.pop("last_used_at"))

        name = d.pop("name")

        organization_id = UUID(d.pop("organization_id"))

        scopes = cast(list[str], d.pop("scopes"))

        me = cls(
            created_at=created_at,
            id=id,
            key_prefix=key_prefix,
            last_used_at=last_used_at,
            name=name,
            organization_id=organization_id,
            scopes=scopes,
        )

        me.additional_properties = d
        # The schema declares no additionalProperties: extra keys are fields the spec does not know (drift).
        if d and _hooks.on_unknown_fields is not None:
            _hooks.on_unknown_fields(cls.__name__, d)
        return me

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
