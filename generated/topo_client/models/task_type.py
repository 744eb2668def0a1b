from .._open_enum import OpenStrEnum


class TaskType(OpenStrEnum):
    """Open enum: unknown values from the API become members with `is_unknown` set instead of raising."""

    CALL = "CALL"
    EMAIL_REPLY = "EMAIL_REPLY"
    LINKEDIN_REPLY = "LINKEDIN_REPLY"
    NEW_LEAD_REVIEW = "NEW_LEAD_REVIEW"

    def __str__(self) -> str:
        return str(self.value)
