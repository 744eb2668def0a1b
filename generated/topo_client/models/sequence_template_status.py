from .._open_enum import OpenStrEnum


class SequenceTemplateStatus(OpenStrEnum):
    """Open enum: unknown values from the API become members with `is_unknown` set instead of raising."""

    ACTIVE = "ACTIVE"
    ARCHIVED = "ARCHIVED"
    FINISHING = "FINISHING"
    INACTIVE = "INACTIVE"
    PENDING_SETUP = "PENDING_SETUP"

    def __str__(self) -> str:
        return str(self.value)
