from .._open_enum import OpenStrEnum


class TaskReassignScope(OpenStrEnum):
    """Open enum: unknown values from the API become members with `is_unknown` set instead of raising."""

    SEQUENCE = "SEQUENCE"
    TASK = "TASK"

    def __str__(self) -> str:
        return str(self.value)
