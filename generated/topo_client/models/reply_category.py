from .._open_enum import OpenStrEnum


class ReplyCategory(OpenStrEnum):
    """Open enum: unknown values from the API become members with `is_unknown` set instead of raising."""

    INTERESTED = "INTERESTED"

    def __str__(self) -> str:
        return str(self.value)
