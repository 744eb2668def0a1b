from .._open_enum import OpenStrEnum


class ActivityResourceType(OpenStrEnum):
    """Open enum: unknown values from the API become members with `is_unknown` set instead of raising."""

    HOT_LEAD = "HOT_LEAD"
    INVITATION = "INVITATION"
    MEETING = "MEETING"
    MESSAGE = "MESSAGE"
    SEQUENCE = "SEQUENCE"
    SEQUENCE_STEP = "SEQUENCE_STEP"
    TASK = "TASK"

    def __str__(self) -> str:
        return str(self.value)
