from .._open_enum import OpenStrEnum


class SortOrder(OpenStrEnum):
    """Open enum: unknown values from the API become members with `is_unknown` set instead of raising."""

    ASC = "asc"
    DESC = "desc"

    def __str__(self) -> str:
        return str(self.value)
