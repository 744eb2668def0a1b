from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import _hooks
from ..models.reply_category import ReplyCategory
from ..types import UNSET, Unset

T = TypeVar("T", bound="MessageRepliedMetadata")


@_attrs_define
class MessageRepliedMetadata:
    """Detail of a reply.

    Attributes:
        reply_category (None | ReplyCategory | Unset): The reply's classification; filled asynchronously, so null right
            after delivery.
    """

    reply_category: None | ReplyCategory | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        reply_category: None | str | Unset
        if isinstance(self.reply_category, Unset):
            reply_category = UNSET
        elif isinstance(self.reply_category, ReplyCategory):
            reply_category = self.reply_category.value
        else:
            reply_category = self.reply_category

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if reply_category is not UNSET:
            field_dict["reply_category"] = reply_category

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_reply_category(data: object) -> None | ReplyCategory | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reply_category_type_0 = ReplyCategory(data)

                return reply_category_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReplyCategory | Unset, data)

        reply_category = _parse_reply_category(d.pop("reply_category", UNSET))

        message_replied_metadata = cls(
            reply_category=reply_category,
        )

        message_replied_metadata.additional_properties = d
        # The schema declares no additionalProperties: extra keys are fields the spec does not know (drift).
        if d and _hooks.on_unknown_fields is not None:
            _hooks.on_unknown_fields(cls.__name__, d)
        return message_replied_metadata

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
