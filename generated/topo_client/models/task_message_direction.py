from .._open_enum import OpenStrEnum


class TaskMessageDirection(OpenStrEnum):
    """Open enum: unknown values from the API become members with `is_unknown` set instead of raising."""

    INBOUND = "INBOUND"
    OUTBOUND = "OUTBOUND"

    def __str__(self) -> str:
        return str(self.value)
