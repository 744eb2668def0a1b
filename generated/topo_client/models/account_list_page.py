from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import _hooks

if TYPE_CHECKING:
    from ..models.account_list import AccountList


T = TypeVar("T", bound="AccountListPage")


@_attrs_define
class AccountListPage:
    """A page of account lists.

    Attributes:
        has_more (bool): True if pages follow this one; false on the last page.
        items (list[AccountList]):
        total_count (int): Records matching the query across all pages.
        total_pages (int): Pages at the current `size`.
    """

    has_more: bool
    items: list[AccountList]
    total_count: int
    total_pages: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        has_more = self.has_more

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        total_count = self.total_count

        total_pages = self.total_pages

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "has_more": has_more,
                "items": items,
                "total_count": total_count,
                "total_pages": total_pages,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.account_list import AccountList  # noqa: PLC0415

        d = dict(src_dict)
        has_more = d.pop("has_more")

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = AccountList.from_dict(items_item_data)

            items.append(items_item)

        total_count = d.pop("total_count")

        total_pages = d.pop("total_pages")

        account_list_page = cls(
            has_more=has_more,
            items=items,
            total_count=total_count,
            total_pages=total_pages,
        )

        account_list_page.additional_properties = d
        # The schema declares no additionalProperties: extra keys are fields the spec does not know (drift).
        if d and _hooks.on_unknown_fields is not None:
            _hooks.on_unknown_fields(cls.__name__, d)
        return account_list_page

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
