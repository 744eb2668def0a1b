from .._open_enum import OpenStrEnum


class SequenceStatus(OpenStrEnum):
    """Open enum: unknown values from the API become members with `is_unknown` set instead of raising."""

    ACTIVE = "ACTIVE"
    COMPLETED = "COMPLETED"
    FAILED = "FAILED"
    FOUND = "FOUND"
    REFUSED = "REFUSED"
    STOPPED_EARLY = "STOPPED_EARLY"
    SUCCEEDED = "SUCCEEDED"
    WAITING_FOR_LEAD = "WAITING_FOR_LEAD"
    WAITING_FOR_USER = "WAITING_FOR_USER"

    def __str__(self) -> str:
        return str(self.value)
