from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import _hooks
from ..models.batch_item_status import BatchItemStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.batch_item_error import BatchItemError


T = TypeVar("T", bound="BatchItemResult")


@_attrs_define
class BatchItemResult:
    """The result for one input item, in input order. Resource schemas narrow `resource` with `allOf`.

    Attributes:
        index (int): Position of the item in the request's `items`.
        error (BatchItemError | None | Unset): Why the item failed; null when it succeeded.
        resource (Any | Unset): The created or updated object; null when the item failed.
        status (BatchItemStatus | Unset): Outcome of one batch item.
    """

    index: int
    error: BatchItemError | None | Unset = UNSET
    resource: Any | Unset = UNSET
    status: BatchItemStatus | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.batch_item_error import BatchItemError  # noqa: PLC0415

        index = self.index

        error: dict[str, Any] | None | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        elif isinstance(self.error, BatchItemError):
            error = self.error.to_dict()
        else:
            error = self.error

        resource = self.resource

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "index": index,
            }
        )
        if error is not UNSET:
            field_dict["error"] = error
        if resource is not UNSET:
            field_dict["resource"] = resource
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.batch_item_error import BatchItemError  # noqa: PLC0415

        d = dict(src_dict)
        index = d.pop("index")

        def _parse_error(data: object) -> BatchItemError | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                error_type_0 = BatchItemError.from_dict(data)

                return error_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BatchItemError | None | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        resource = d.pop("resource", UNSET)

        _status = d.pop("status", UNSET)
        status: BatchItemStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = BatchItemStatus(_status)

        batch_item_result = cls(
            index=index,
            error=error,
            resource=resource,
            status=status,
        )

        batch_item_result.additional_properties = d
        # The schema declares no additionalProperties: extra keys are fields the spec does not know (drift).
        if d and _hooks.on_unknown_fields is not None:
            _hooks.on_unknown_fields(cls.__name__, d)
        return batch_item_result

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
