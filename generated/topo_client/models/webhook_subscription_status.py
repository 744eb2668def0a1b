from .._open_enum import OpenStrEnum


class WebhookSubscriptionStatus(OpenStrEnum):
    """Open enum: unknown values from the API become members with `is_unknown` set instead of raising."""

    ACTIVE = "ACTIVE"
    DISABLED = "DISABLED"
    PAUSED = "PAUSED"

    def __str__(self) -> str:
        return str(self.value)
