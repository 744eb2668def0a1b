from .._open_enum import OpenStrEnum


class TaskPriority(OpenStrEnum):
    """Open enum: unknown values from the API become members with `is_unknown` set instead of raising."""

    EXTRA = "EXTRA"
    HOT = "HOT"
    TODAY = "TODAY"

    def __str__(self) -> str:
        return str(self.value)
