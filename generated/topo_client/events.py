"""Event models for activities and webhook deliveries, generated from the spec by datamodel-code-generator.

Do not edit: change spec/resources/activities.yaml or generator/events.py and run `make generate`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, TypeAlias

from msgspec import UNSET, Meta, UnsetType

from ._open_enum import OpenStrEnum
from ._struct import TopoStruct


class ActivityChannel(OpenStrEnum):
    """
    The outreach channel (filter and payload field).
    """

    EMAIL = "EMAIL"
    LINKEDIN = "LINKEDIN"
    MANUAL = "MANUAL"


class ActivityResourceType(OpenStrEnum):
    """
    The kind of resource an activity is about (filter and payload field).
    """

    MESSAGE = "MESSAGE"
    INVITATION = "INVITATION"
    HOT_LEAD = "HOT_LEAD"
    MEETING = "MEETING"
    SEQUENCE_STEP = "SEQUENCE_STEP"
    SEQUENCE = "SEQUENCE"
    TASK = "TASK"


class EventBase(TopoStruct):
    """
    Fields every event payload carries. Which ids are null depends on the event type.
    """

    calendar_event_id: Annotated[str, Meta(description="The related meeting, if any.")] | None | UnsetType = UNSET
    channel: Annotated[ActivityChannel, Meta(description="The channel used, if any.")] | None | UnsetType = UNSET
    hot_lead_id: Annotated[str, Meta(description="The related hot lead, if any.")] | None | UnsetType = UNSET
    message_id: Annotated[str, Meta(description="The related message, if any.")] | None | UnsetType = UNSET
    organization_id: Annotated[str, Meta(description="The workspace.")] | UnsetType = UNSET
    person_id: Annotated[str, Meta(description="The contact involved.")] | None | UnsetType = UNSET
    resource_type: ActivityResourceType | UnsetType = UNSET
    sequence_id: Annotated[str, Meta(description="The sequence run (enrollment).")] | None | UnsetType = UNSET
    sequence_template_id: Annotated[str, Meta(description="The template behind the run.")] | None | UnsetType = UNSET
    task_id: Annotated[str, Meta(description="The related manual task, if any.")] | None | UnsetType = UNSET


class HotLeadCreatedEvent(EventBase, tag_field="type", tag="hot_lead.created", kw_only=True):
    """
    `hot_lead.created`: Topo's AI flagged the contact as a hot lead.
    """

    metadata: (
        Annotated[
            dict[str, Any],
            Meta(description="Event-specific detail; none is documented for this type."),
        ]
        | None
        | UnsetType
    ) = UNSET


class InvitationAcceptedEvent(EventBase, tag_field="type", tag="invitation.accepted", kw_only=True):
    """
    `invitation.accepted`: The contact accepted a LinkedIn connection request.
    """

    metadata: (
        Annotated[
            dict[str, Any],
            Meta(description="Event-specific detail; none is documented for this type."),
        ]
        | None
        | UnsetType
    ) = UNSET


class InvitationSentMetadata(TopoStruct):
    """
    Detail of a sent LinkedIn invitation.
    """

    step_number: Annotated[int, Meta(description="The sequence step that sent the invitation.")] | None | UnsetType = (
        UNSET
    )


class MeetingCreatedEvent(EventBase, tag_field="type", tag="meeting.created", kw_only=True):
    """
    `meeting.created`: A meeting was booked with the contact.
    """

    metadata: (
        Annotated[
            dict[str, Any],
            Meta(description="Event-specific detail; none is documented for this type."),
        ]
        | None
        | UnsetType
    ) = UNSET


class MessageLinkClickedEvent(EventBase, tag_field="type", tag="message.link_clicked", kw_only=True):
    """
    `message.link_clicked`: The contact clicked a tracked link in an email.
    """

    metadata: (
        Annotated[
            dict[str, Any],
            Meta(description="Event-specific detail; none is documented for this type."),
        ]
        | None
        | UnsetType
    ) = UNSET


class MessageOpenedEvent(EventBase, tag_field="type", tag="message.opened", kw_only=True):
    """
    `message.opened`: The contact opened an email.
    """

    metadata: (
        Annotated[
            dict[str, Any],
            Meta(description="Event-specific detail; none is documented for this type."),
        ]
        | None
        | UnsetType
    ) = UNSET


class MessageSentEvent(EventBase, tag_field="type", tag="message.sent", kw_only=True):
    """
    `message.sent`: An email or LinkedIn message was sent to the contact.
    """

    metadata: (
        Annotated[
            dict[str, Any],
            Meta(description="Event-specific detail; none is documented for this type."),
        ]
        | None
        | UnsetType
    ) = UNSET


class ReplyCategory(OpenStrEnum):
    """
    How a reply was classified. The docs show only INTERESTED, as an example value; others will appear.
    """

    INTERESTED = "INTERESTED"


class SequenceCompletedEvent(EventBase, tag_field="type", tag="sequence.completed", kw_only=True):
    """
    `sequence.completed`: The sequence ran to completion.
    """

    metadata: (
        Annotated[
            dict[str, Any],
            Meta(description="Event-specific detail; none is documented for this type."),
        ]
        | None
        | UnsetType
    ) = UNSET


class SequenceCreatedEvent(EventBase, tag_field="type", tag="sequence.created", kw_only=True):
    """
    `sequence.created`: A contact was enrolled into a sequence.
    """

    metadata: (
        Annotated[
            dict[str, Any],
            Meta(description="Event-specific detail; none is documented for this type."),
        ]
        | None
        | UnsetType
    ) = UNSET


class SequencePausedMetadata(TopoStruct):
    """
    Detail of a pause; both fields may be absent.
    """

    last_step_executed: (
        Annotated[
            Any,
            Meta(
                description="The last step run before the pause. Its type is not documented, so any JSON value is kept."
            ),
        ]
        | UnsetType
    ) = UNSET
    paused_until: Annotated[datetime, Meta(description="When the sequence resumes on its own.")] | None | UnsetType = (
        UNSET
    )


class SequenceResumedEvent(EventBase, tag_field="type", tag="sequence.resumed", kw_only=True):
    """
    `sequence.resumed`: A paused sequence was resumed.
    """

    metadata: (
        Annotated[
            dict[str, Any],
            Meta(description="Event-specific detail; none is documented for this type."),
        ]
        | None
        | UnsetType
    ) = UNSET


class SequenceStoppedMetadata(TopoStruct):
    """
    Why a sequence stopped early.
    """

    error_code: (
        Annotated[str, Meta(description="An error code when the stop was caused by an error.")] | None | UnsetType
    ) = UNSET
    stopped_reason: (
        Annotated[str, Meta(description="Why the sequence stopped. No values are documented.")] | None | UnsetType
    ) = UNSET


class TaskCompletedEvent(EventBase, tag_field="type", tag="task.completed", kw_only=True):
    """
    `task.completed`: A manual task was marked complete.
    """

    metadata: (
        Annotated[
            dict[str, Any],
            Meta(description="Event-specific detail; none is documented for this type."),
        ]
        | None
        | UnsetType
    ) = UNSET


class TaskCreatedEvent(EventBase, tag_field="type", tag="task.created", kw_only=True):
    """
    `task.created`: A manual task was created for the contact.
    """

    metadata: (
        Annotated[
            dict[str, Any],
            Meta(description="Event-specific detail; none is documented for this type."),
        ]
        | None
        | UnsetType
    ) = UNSET


class TaskSkippedEvent(EventBase, tag_field="type", tag="task.skipped", kw_only=True):
    """
    `task.skipped`: A manual task was skipped.
    """

    metadata: (
        Annotated[
            dict[str, Any],
            Meta(description="Event-specific detail; none is documented for this type."),
        ]
        | None
        | UnsetType
    ) = UNSET


class InvitationSentEvent(EventBase, tag_field="type", tag="invitation.sent", kw_only=True):
    """
    `invitation.sent`: A LinkedIn connection request was sent.
    """

    metadata: InvitationSentMetadata | None | UnsetType = UNSET


class MessageRepliedMetadata(TopoStruct):
    """
    Detail of a reply.
    """

    reply_category: (
        Annotated[
            ReplyCategory,
            Meta(description="The reply's classification; filled asynchronously, so null right after delivery."),
        ]
        | None
        | UnsetType
    ) = UNSET


class SequencePausedEvent(EventBase, tag_field="type", tag="sequence.paused", kw_only=True):
    """
    `sequence.paused`: The sequence was paused.
    """

    metadata: SequencePausedMetadata | None | UnsetType = UNSET


class SequenceStoppedEvent(EventBase, tag_field="type", tag="sequence.stopped", kw_only=True):
    """
    `sequence.stopped`: The sequence was stopped early.
    """

    metadata: SequenceStoppedMetadata | None | UnsetType = UNSET


class MessageRepliedEvent(EventBase, tag_field="type", tag="message.replied", kw_only=True):
    """
    `message.replied`: The contact replied to a message.
    """

    metadata: MessageRepliedMetadata | None | UnsetType = UNSET


ActivityPayload: TypeAlias = Annotated[
    MessageSentEvent
    | MessageOpenedEvent
    | MessageLinkClickedEvent
    | MessageRepliedEvent
    | InvitationSentEvent
    | InvitationAcceptedEvent
    | HotLeadCreatedEvent
    | MeetingCreatedEvent
    | SequenceCreatedEvent
    | SequencePausedEvent
    | SequenceResumedEvent
    | SequenceStoppedEvent
    | SequenceCompletedEvent
    | TaskCreatedEvent
    | TaskCompletedEvent
    | TaskSkippedEvent,
    Meta(
        description='The event, discriminated by `type`. The same union is delivered to webhook subscribers. "Topo may add new\nevent types as additive changes within /v1": readers must accept a payload whose `type` is none of these\n(`x-topo-open`). Payload keys are snake_case in the narrative docs and camelCase in the generated\nreference; each property names its camelCase spelling in `x-topo-alias`, and clients accept both.\n'
    ),
]


class Activity(TopoStruct):
    """
    One recorded outreach event.
    """

    created_at: Annotated[
        datetime,
        Meta(description="When the activity was recorded (UTC, may carry milliseconds)."),
    ]
    id: Annotated[str, Meta(description="The activity's id.")]
    payload: ActivityPayload
