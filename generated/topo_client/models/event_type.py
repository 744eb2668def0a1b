from .._open_enum import OpenStrEnum


class EventType(OpenStrEnum):
    """Open enum: unknown values from the API become members with `is_unknown` set instead of raising."""

    HOT_LEAD_CREATED = "hot_lead.created"
    INVITATION_ACCEPTED = "invitation.accepted"
    INVITATION_SENT = "invitation.sent"
    MEETING_CREATED = "meeting.created"
    MESSAGE_LINK_CLICKED = "message.link_clicked"
    MESSAGE_OPENED = "message.opened"
    MESSAGE_REPLIED = "message.replied"
    MESSAGE_SENT = "message.sent"
    SEQUENCE_COMPLETED = "sequence.completed"
    SEQUENCE_CREATED = "sequence.created"
    SEQUENCE_PAUSED = "sequence.paused"
    SEQUENCE_RESUMED = "sequence.resumed"
    SEQUENCE_STOPPED = "sequence.stopped"
    TASK_COMPLETED = "task.completed"
    TASK_CREATED = "task.created"
    TASK_SKIPPED = "task.skipped"

    def __str__(self) -> str:
        return str(self.value)
