from .._open_enum import OpenStrEnum


class TaskStatus(OpenStrEnum):
    """Open enum: unknown values from the API become members with `is_unknown` set instead of raising."""

    COMPLETED = "COMPLETED"
    IN_PROGRESS = "IN_PROGRESS"
    PENDING = "PENDING"
    SKIPPED = "SKIPPED"

    def __str__(self) -> str:
        return str(self.value)
