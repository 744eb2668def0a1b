from .._open_enum import OpenStrEnum


class ActivitySortBy(OpenStrEnum):
    """Open enum: unknown values from the API become members with `is_unknown` set instead of raising."""

    CREATED_AT = "created_at"

    def __str__(self) -> str:
        return str(self.value)
