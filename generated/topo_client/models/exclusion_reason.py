from .._open_enum import OpenStrEnum


class ExclusionReason(OpenStrEnum):
    """Open enum: unknown values from the API become members with `is_unknown` set instead of raising."""

    BAD_TIMING = "BAD_TIMING"
    BOUNCED = "BOUNCED"
    COMPETITOR = "COMPETITOR"
    CONTACT_REFUSED = "CONTACT_REFUSED"
    EXCLUDE_FROM_CRM = "EXCLUDE_FROM_CRM"
    EXCLUDE_FROM_SEARCH = "EXCLUDE_FROM_SEARCH"
    INTERESTED = "INTERESTED"
    LEFT_COMPANY = "LEFT_COMPANY"
    MEETING = "MEETING"
    OTHER = "OTHER"
    OUT_OF_OFFICE = "OUT_OF_OFFICE"
    REFERRAL = "REFERRAL"
    UNKNOWN = "UNKNOWN"
    UNSUBSCRIBED = "UNSUBSCRIBED"
    WRONG_PERSON = "WRONG_PERSON"

    def __str__(self) -> str:
        return str(self.value)
