from .._open_enum import OpenStrEnum


class ContactSortBy(OpenStrEnum):
    """Open enum: unknown values from the API become members with `is_unknown` set instead of raising."""

    EMAIL = "email"
    FIRST_SEEN_AT = "first_seen_at"
    LAST_SEEN_AT = "last_seen_at"

    def __str__(self) -> str:
        return str(self.value)
