from .._open_enum import OpenStrEnum


class ErrorType(OpenStrEnum):
    """Open enum: unknown values from the API become members with `is_unknown` set instead of raising."""

    BUSINESSISSUE = "BusinessIssue"
    COMMITISSUE = "CommitIssue"
    NOTFOUNDISSUE = "NotFoundIssue"
    UNAUTHORIZEDISSUE = "UnauthorizedIssue"
    VALIDATIONISSUE = "ValidationIssue"

    def __str__(self) -> str:
        return str(self.value)
