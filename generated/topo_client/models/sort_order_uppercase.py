from .._open_enum import OpenStrEnum


class SortOrderUppercase(OpenStrEnum):
    """Open enum: unknown values from the API become members with `is_unknown` set instead of raising."""

    ASC = "ASC"
    DESC = "DESC"

    def __str__(self) -> str:
        return str(self.value)
