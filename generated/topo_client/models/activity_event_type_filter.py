from .._open_enum import OpenStrEnum


class ActivityEventTypeFilter(OpenStrEnum):
    """Open enum: unknown values from the API become members with `is_unknown` set instead of raising."""

    ACCEPTED = "ACCEPTED"
    COMPLETED = "COMPLETED"
    CREATED = "CREATED"
    LINK_CLICKED = "LINK_CLICKED"
    OPENED = "OPENED"
    PAUSED = "PAUSED"
    REPLIED = "REPLIED"
    RESUMED = "RESUMED"
    SENT = "SENT"
    SKIPPED = "SKIPPED"
    STOPPED = "STOPPED"

    def __str__(self) -> str:
        return str(self.value)
