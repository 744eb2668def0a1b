from .._open_enum import OpenStrEnum


class ActivityChannel(OpenStrEnum):
    """Open enum: unknown values from the API become members with `is_unknown` set instead of raising."""

    EMAIL = "EMAIL"
    LINKEDIN = "LINKEDIN"
    MANUAL = "MANUAL"

    def __str__(self) -> str:
        return str(self.value)
