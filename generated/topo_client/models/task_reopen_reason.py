from .._open_enum import OpenStrEnum


class TaskReopenReason(OpenStrEnum):
    """Open enum: unknown values from the API become members with `is_unknown` set instead of raising."""

    REMINDER_RULE = "REMINDER_RULE"

    def __str__(self) -> str:
        return str(self.value)
