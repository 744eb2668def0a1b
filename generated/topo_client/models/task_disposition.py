from .._open_enum import OpenStrEnum


class TaskDisposition(OpenStrEnum):
    """Open enum: unknown values from the API become members with `is_unknown` set instead of raising."""

    ANSWERED = "ANSWERED"
    NO_ANSWER = "NO_ANSWER"
    VOICEMAIL_LEFT = "VOICEMAIL_LEFT"

    def __str__(self) -> str:
        return str(self.value)
