from .._open_enum import OpenStrEnum


class BatchItemStatus(OpenStrEnum):
    """Open enum: unknown values from the API become members with `is_unknown` set instead of raising."""

    CREATED = "CREATED"
    FAILED = "FAILED"
    UPDATED = "UPDATED"

    def __str__(self) -> str:
        return str(self.value)
