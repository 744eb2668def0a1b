"""Response models (msgspec Structs), generated from the spec by datamodel-code-generator.

Every field is optional and None when absent: topo_ext decodes leniently and reports what the spec
requires but the API left out. Do not edit: change spec/ or generator/models.py and run `make generate`.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any, TypeAlias

from msgspec import Meta

from ._open_enum import OpenStrEnum
from ._struct import TopoStruct
from .models.activity_channel import ActivityChannel
from .models.activity_resource_type import ActivityResourceType
from .models.event_type import EventType
from .models.exclusion_reason import ExclusionReason
from .models.sequence_status import SequenceStatus
from .models.sequence_template_status import SequenceTemplateStatus
from .models.task_priority import TaskPriority
from .models.task_status import TaskStatus
from .models.task_type import TaskType
from .models.webhook_subscription_status import WebhookSubscriptionStatus


class AccountEntry(TopoStruct):
    """
    One company in an account list. Topo resolves the account by its domain.
    """

    account_list_id: str | None = None
    created_at: datetime | None = None
    domain: str | None = None
    id: str | None = None
    name: str | None = None
    updated_at: datetime | None = None


class AccountEntryPage(TopoStruct):
    """
    A page of account entries.
    """

    has_more: bool | None = None
    items: list[AccountEntry] | None = None
    total_count: int | None = None
    total_pages: int | None = None


class AccountList(TopoStruct):
    """
    A list of companies used for segmentation. Unlike a contact list it has no default sequence template.
    """

    created_at: datetime | None = None
    entries_count: int | None = None
    id: str | None = None
    name: str | None = None
    updated_at: datetime | None = None


class AccountListPage(TopoStruct):
    """
    A page of account lists.
    """

    has_more: bool | None = None
    items: list[AccountList] | None = None
    total_count: int | None = None
    total_pages: int | None = None


class BatchItemError(TopoStruct):
    """
    Why one batch item failed.
    """

    message: str | None = None
    type: str | None = None


class BatchItemStatus(OpenStrEnum):
    """
    Outcome of one batch item.
    """

    CREATED = "CREATED"
    UPDATED = "UPDATED"
    FAILED = "FAILED"


class BatchSummary(TopoStruct):
    """
    Counts for one batch request.
    """

    failed: int | None = None
    succeeded: int | None = None
    total: int | None = None


class Contact(TopoStruct):
    """
    A person associated with the workspace (the generated reference calls it PublicContactOutput).
    """

    city: str | None = None
    company_domain: str | None = None
    company_name: str | None = None
    country: str | None = None
    email: str | None = None
    first_name: str | None = None
    first_seen_at: datetime | None = None
    id: str | None = None
    job_title: str | None = None
    last_name: str | None = None
    last_seen_at: datetime | None = None
    linkedin_url: str | None = None
    phone_number: str | None = None
    profile_picture_url: str | None = None
    state: str | None = None


class ContactEntry(TopoStruct):
    """
    One person in a contact list (the generated reference calls it ContactEntryOutput), as supplied at creation
    plus the verified contact it resolved to. Note the field is `phone` here, not the contact's `phone_number`.

    """

    company_domain: str | None = None
    company_name: str | None = None
    contact_id: str | None = None
    contact_list_id: str | None = None
    created_at: datetime | None = None
    description: str | None = None
    email: str | None = None
    first_name: str | None = None
    id: str | None = None
    job_title: str | None = None
    last_name: str | None = None
    linkedin_url: str | None = None
    location: str | None = None
    phone: str | None = None
    updated_at: datetime | None = None


class ContactEntryBatchItemResult(TopoStruct):
    """
    The result for one contact entry of a batch create.
    """

    error: BatchItemError | None = None
    index: int | None = None
    resource: ContactEntry | None = None
    status: BatchItemStatus | None = None


class ContactEntryBatchResult(TopoStruct):
    """
    The response of create_contact_entries.
    """

    items: list[ContactEntryBatchItemResult] | None = None
    summary: BatchSummary | None = None


class ContactEntryPage(TopoStruct):
    """
    A page of contact entries.
    """

    has_more: bool | None = None
    items: list[ContactEntry] | None = None
    total_count: int | None = None
    total_pages: int | None = None


class ContactList(TopoStruct):
    """
    A list of people used for segmentation (the generated reference calls it ContactListOutput).
    """

    created_at: datetime | None = None
    default_sequence_template_id: str | None = None
    entries_count: int | None = None
    id: str | None = None
    name: str | None = None
    updated_at: datetime | None = None


class ContactListBatchItemResult(TopoStruct):
    """
    The result for one contact list of a batch create.
    """

    error: BatchItemError | None = None
    index: int | None = None
    resource: ContactList | None = None
    status: BatchItemStatus | None = None


class ContactListBatchResult(TopoStruct):
    """
    The response of create_contact_lists.
    """

    items: list[ContactListBatchItemResult] | None = None
    summary: BatchSummary | None = None


class ContactListPage(TopoStruct):
    """
    A page of contact lists.
    """

    has_more: bool | None = None
    items: list[ContactList] | None = None
    total_count: int | None = None
    total_pages: int | None = None


class ContactPage(TopoStruct):
    """
    A page of contacts.
    """

    has_more: bool | None = None
    items: list[Contact] | None = None
    total_count: int | None = None
    total_pages: int | None = None


ContactVariableMap: TypeAlias = dict[str, Any]
"\nVariables of one scope (the contact, or the contact's company), keyed by variable name. A scope holds at most\n200 variables; a key whose value is null still counts toward that limit until it is deleted.\n\n"


class ContactVariables(TopoStruct):
    """
    The variables stored for a contact and for its company.
    """

    company_variables: ContactVariableMap | None = None
    contact_variables: ContactVariableMap | None = None


class ErrorType(OpenStrEnum):
    """
    The error categories the errors page documents, frozen within /v1; new types may be added (additive), so
    `Error.type` is any string and these are its known values. 401 and 403 share `UnauthorizedIssue`: branch
    on `status_code` first. The taxonomy is cut off before the 429 and 5xx rows, so their types are unknown;
    the local sandbox sends `RateLimitIssue` and `InternalIssue` for them, and the client maps errors by status.

    """

    ValidationIssue = "ValidationIssue"
    UnauthorizedIssue = "UnauthorizedIssue"
    NotFoundIssue = "NotFoundIssue"
    CommitIssue = "CommitIssue"
    BusinessIssue = "BusinessIssue"


class EventBase(TopoStruct):
    """
    Fields every event payload carries. Which ids are null depends on the event type.
    """

    calendar_event_id: str | None = None
    channel: ActivityChannel | None = None
    hot_lead_id: str | None = None
    message_id: str | None = None
    organization_id: str | None = None
    person_id: str | None = None
    resource_type: ActivityResourceType | None = None
    sequence_id: str | None = None
    sequence_template_id: str | None = None
    task_id: str | None = None


class HotLeadCreatedEvent(EventBase, tag_field="type", tag="hot_lead.created"):
    """
    `hot_lead.created`: Topo's AI flagged the contact as a hot lead.
    """

    metadata: dict[str, Any] | None = None


class InvitationAcceptedEvent(EventBase, tag_field="type", tag="invitation.accepted"):
    """
    `invitation.accepted`: The contact accepted a LinkedIn connection request.
    """

    metadata: dict[str, Any] | None = None


class InvitationSentMetadata(TopoStruct):
    """
    Detail of a sent LinkedIn invitation.
    """

    step_number: int | None = None


class Me(TopoStruct):
    """
    The API key making the request.
    """

    created_at: datetime | None = None
    id: str | None = None
    key_prefix: str | None = None
    last_used_at: datetime | None = None
    name: str | None = None
    organization_id: str | None = None
    scopes: list[str] | None = None


class MeetingCreatedEvent(EventBase, tag_field="type", tag="meeting.created"):
    """
    `meeting.created`: A meeting was booked with the contact.
    """

    metadata: dict[str, Any] | None = None


class MessageLinkClickedEvent(EventBase, tag_field="type", tag="message.link_clicked"):
    """
    `message.link_clicked`: The contact clicked a tracked link in an email.
    """

    metadata: dict[str, Any] | None = None


class MessageOpenedEvent(EventBase, tag_field="type", tag="message.opened"):
    """
    `message.opened`: The contact opened an email.
    """

    metadata: dict[str, Any] | None = None


class MessageSentEvent(EventBase, tag_field="type", tag="message.sent"):
    """
    `message.sent`: An email or LinkedIn message was sent to the contact.
    """

    metadata: dict[str, Any] | None = None


class PageEnvelope(TopoStruct):
    """
    The list envelope shared by every list endpoint; its shape is frozen within /v1. Each resource's page
    schema (`<Resource>Page`) narrows `items` with `allOf`.

    """

    has_more: bool | None = None
    items: list[Any] | None = None
    total_count: int | None = None
    total_pages: int | None = None


class ReplyCategory(OpenStrEnum):
    """
    How a reply was classified. The docs show only INTERESTED, as an example value; others will appear.
    """

    INTERESTED = "INTERESTED"


class SequenceCompletedEvent(EventBase, tag_field="type", tag="sequence.completed"):
    """
    `sequence.completed`: The sequence ran to completion.
    """

    metadata: dict[str, Any] | None = None


class SequenceCreatedEvent(EventBase, tag_field="type", tag="sequence.created"):
    """
    `sequence.created`: A contact was enrolled into a sequence.
    """

    metadata: dict[str, Any] | None = None


class SequencePausedMetadata(TopoStruct):
    """
    Detail of a pause; both fields may be absent.
    """

    last_step_executed: Any | None = None
    paused_until: datetime | None = None


class SequenceResumedEvent(EventBase, tag_field="type", tag="sequence.resumed"):
    """
    `sequence.resumed`: A paused sequence was resumed.
    """

    metadata: dict[str, Any] | None = None


class SequenceStoppedMetadata(TopoStruct):
    """
    Why a sequence stopped early.
    """

    error_code: str | None = None
    stopped_reason: str | None = None


class TaskCompletedEvent(EventBase, tag_field="type", tag="task.completed"):
    """
    `task.completed`: A manual task was marked complete.
    """

    metadata: dict[str, Any] | None = None


class TaskCreatedEvent(EventBase, tag_field="type", tag="task.created"):
    """
    `task.created`: A manual task was created for the contact.
    """

    metadata: dict[str, Any] | None = None


class TaskDisposition(OpenStrEnum):
    """
    Outcome recorded for an executed CALL task.
    """

    ANSWERED = "ANSWERED"
    VOICEMAIL_LEFT = "VOICEMAIL_LEFT"
    NO_ANSWER = "NO_ANSWER"


class TaskMessageChannel(OpenStrEnum):
    """
    The channel a task message went through.
    """

    EMAIL = "EMAIL"
    LINKEDIN = "LINKEDIN"
    CALENDAR = "CALENDAR"
    MANUAL = "MANUAL"


class TaskMessageDirection(OpenStrEnum):
    """
    INBOUND messages came from the contact; OUTBOUND messages were sent by your team.
    """

    INBOUND = "INBOUND"
    OUTBOUND = "OUTBOUND"


class TaskReopenReason(OpenStrEnum):
    """
    Why a task was reopened. REMINDER_RULE (a configured reminder rule reopened it automatically) is currently the only value; more may be added.
    """

    REMINDER_RULE = "REMINDER_RULE"


class TaskSkippedEvent(EventBase, tag_field="type", tag="task.skipped"):
    """
    `task.skipped`: A manual task was skipped.
    """

    metadata: dict[str, Any] | None = None


class WebhookTestResult(TopoStruct):
    """
    The outcome of a test delivery.
    """

    delivered: bool | None = None
    error: str | None = None


class AccountEntryBatchItemResult(TopoStruct):
    """
    The result for one account entry of a batch create.
    """

    error: BatchItemError | None = None
    index: int | None = None
    resource: AccountEntry | None = None
    status: BatchItemStatus | None = None


class AccountEntryBatchResult(TopoStruct):
    """
    The response of create_account_entries.
    """

    items: list[AccountEntryBatchItemResult] | None = None
    summary: BatchSummary | None = None


class AccountExclusion(TopoStruct):
    """
    A rule that keeps everyone at one company domain out of outreach, permanently or until a given time.
    """

    created_at: datetime | None = None
    domain: str | None = None
    id: str | None = None
    message: str | None = None
    reason: ExclusionReason | None = None
    until: datetime | None = None
    updated_at: datetime | None = None


class AccountExclusionPage(TopoStruct):
    """
    A page of account exclusions.
    """

    has_more: bool | None = None
    items: list[AccountExclusion] | None = None
    total_count: int | None = None
    total_pages: int | None = None


class AccountListBatchItemResult(TopoStruct):
    """
    The result for one account list of a batch create.
    """

    error: BatchItemError | None = None
    index: int | None = None
    resource: AccountList | None = None
    status: BatchItemStatus | None = None


class AccountListBatchResult(TopoStruct):
    """
    The response of create_account_lists.
    """

    items: list[AccountListBatchItemResult] | None = None
    summary: BatchSummary | None = None


class BatchItemResult(TopoStruct):
    """
    The result for one input item, in input order. Resource schemas narrow `resource` with `allOf`.

    """

    error: BatchItemError | None = None
    index: int | None = None
    resource: Any | None = None
    status: BatchItemStatus | None = None


class BatchResultEnvelope(TopoStruct):
    """
    The response of every batch create. Resource schemas narrow `items` with `allOf`.
    """

    items: list[BatchItemResult] | None = None
    summary: BatchSummary | None = None


class ContactExclusion(TopoStruct):
    """
    A rule that keeps one person (by email and/or LinkedIn URL) out of outreach, permanently or until a given time.
    """

    created_at: datetime | None = None
    email: str | None = None
    id: str | None = None
    linkedin_url: str | None = None
    message: str | None = None
    reason: ExclusionReason | None = None
    until: datetime | None = None
    updated_at: datetime | None = None


class ContactExclusionPage(TopoStruct):
    """
    A page of contact exclusions.
    """

    has_more: bool | None = None
    items: list[ContactExclusion] | None = None
    total_count: int | None = None
    total_pages: int | None = None


class Error(TopoStruct):
    """
    The body of every 4xx and 5xx response.
    """

    data: dict[str, Any] | None = None
    message: str | None = None
    request_id: str | None = None
    span_id: str | None = None
    status_code: int | None = None
    trace_id: str | None = None
    type: ErrorType | None = None


class InvitationSentEvent(EventBase, tag_field="type", tag="invitation.sent"):
    """
    `invitation.sent`: A LinkedIn connection request was sent.
    """

    metadata: InvitationSentMetadata | None = None


class MessageRepliedMetadata(TopoStruct):
    """
    Detail of a reply.
    """

    reply_category: ReplyCategory | None = None


class Sequence(TopoStruct):
    """
    One live outreach run for a single contact, created when the contact is enrolled in a template.
    """

    contact_id: str | None = None
    created_at: datetime | None = None
    id: str | None = None
    last_step_executed_at: datetime | None = None
    organization_id: str | None = None
    sequence_template_id: str | None = None
    source_contact_list_id: str | None = None
    status: SequenceStatus | None = None
    updated_at: datetime | None = None
    variables: dict[str, Any] | None = None


class SequencePage(TopoStruct):
    """
    A page of sequence runs.
    """

    has_more: bool | None = None
    items: list[Sequence] | None = None
    total_count: int | None = None
    total_pages: int | None = None


class SequencePausedEvent(EventBase, tag_field="type", tag="sequence.paused"):
    """
    `sequence.paused`: The sequence was paused.
    """

    metadata: SequencePausedMetadata | None = None


class SequenceStoppedEvent(EventBase, tag_field="type", tag="sequence.stopped"):
    """
    `sequence.stopped`: The sequence was stopped early.
    """

    metadata: SequenceStoppedMetadata | None = None


class SequenceTemplate(TopoStruct):
    """
    An outreach playbook (steps, schedule, timezone, daily lead volume). Created and edited in the Topo UI only.
    """

    activated_at: datetime | None = None
    created_at: datetime | None = None
    id: str | None = None
    language: str | None = None
    name: str | None = None
    status: SequenceTemplateStatus | None = None
    step_count: int | None = None
    summary: str | None = None
    timezone: str | None = None
    updated_at: datetime | None = None


class SequenceTemplatePage(TopoStruct):
    """
    A page of sequence templates.
    """

    has_more: bool | None = None
    items: list[SequenceTemplate] | None = None
    total_count: int | None = None
    total_pages: int | None = None


class Task(TopoStruct):
    """
    A manual action item created when a sequence run reaches a step that needs a person.
    """

    assignee_user_id: str | None = None
    completed_at: datetime | None = None
    created_at: datetime | None = None
    disposition: TaskDisposition | None = None
    id: str | None = None
    organization_id: str | None = None
    priority: TaskPriority | None = None
    reopen_reason: TaskReopenReason | None = None
    reopened_at: datetime | None = None
    sequence_id: str | None = None
    skipped_at: datetime | None = None
    status: TaskStatus | None = None
    type: TaskType | None = None
    updated_at: datetime | None = None


class TaskMessage(TopoStruct):
    """
    An email or LinkedIn message of the contact thread behind a task.
    """

    body: str | None = None
    channel: TaskMessageChannel | None = None
    direction: TaskMessageDirection | None = None
    id: str | None = None
    sender_id: str | None = None
    sent_at: datetime | None = None
    subject: str | None = None


class TaskPage(TopoStruct):
    """
    A page of tasks.
    """

    has_more: bool | None = None
    items: list[Task] | None = None
    total_count: int | None = None
    total_pages: int | None = None


class WebhookSubscription(TopoStruct):
    """
    A webhook subscription (the generated reference calls it WebhookSubscriptionOutput). The signing secret is
    never part of it; only its first characters (`secret_prefix`) are shown.

    """

    created_at: datetime | None = None
    description: str | None = None
    event_types: list[EventType] | None = None
    id: str | None = None
    name: str | None = None
    secret_prefix: str | None = None
    sequence_template_ids: list[str] | None = None
    status: WebhookSubscriptionStatus | None = None
    updated_at: datetime | None = None
    url: str | None = None


class WebhookSubscriptionPage(TopoStruct):
    """
    A page of webhook subscriptions.
    """

    has_more: bool | None = None
    items: list[WebhookSubscription] | None = None
    total_count: int | None = None
    total_pages: int | None = None


class WebhookSubscriptionWithSecret(WebhookSubscription):
    """
    The create answer, the only place the full signing secret ever appears.
    """

    secret: str | None = None


class MessageRepliedEvent(EventBase, tag_field="type", tag="message.replied"):
    """
    `message.replied`: The contact replied to a message.
    """

    metadata: MessageRepliedMetadata | None = None


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

    created_at: datetime | None = None
    id: str | None = None
    payload: AnyEvent | None = None


class ActivityPage(TopoStruct):
    """
    A page of activities.
    """

    has_more: bool | None = None
    items: list[Activity] | None = None
    total_count: int | None = None
    total_pages: int | None = None


class UnknownEvent(EventBase):
    """An event whose `type` this client does not know (Topo adds event types within /v1).

    The fields every event shares are set when present; `data` is the event exactly as sent, `to_dict()` returns it.
    """

    type: str | None = None  # type: ignore[assignment]

    @property
    def data(self) -> dict[str, Any]:
        """The event as the API sent it."""
        data: dict[str, Any] = self.__dict__.get("_data_", {})
        return data

    def to_dict(self, *, exclude_unset: bool = False) -> dict[str, Any]:
        return dict(self.data) if self.data else super().to_dict(exclude_unset=exclude_unset)


if TYPE_CHECKING:
    AnyEvent: TypeAlias = ActivityPayload | UnknownEvent
else:  # msgspec decodes the known events; topo_client._decode builds an UnknownEvent for any other type
    AnyEvent = ActivityPayload


#: Models the spec describes inline (not as a component), by the name drift reports use for them: the
#: component and the path to the object (`Task.outcome`, `Task.attachments[]`), as `make drift` does
#: (topo_tools.drift.keys), so both name the same unknown key the same way.
DRIFT_NAMES: dict[str, str] = {}


#: The wire keys the spec documents as required, per schema: what is missing is reported as drift (and raises in strict mode).
REQUIRED: dict[str, frozenset[str]] = {
    "AccountEntry": frozenset(["id"]),
    "AccountEntryBatchItemResult": frozenset(["index"]),
    "AccountEntryBatchResult": frozenset(["items", "summary"]),
    "AccountEntryPage": frozenset(["has_more", "items", "total_count", "total_pages"]),
    "AccountExclusion": frozenset(["created_at", "domain", "id", "message", "until", "updated_at"]),
    "AccountExclusionPage": frozenset(["has_more", "items", "total_count", "total_pages"]),
    "AccountList": frozenset(["id"]),
    "AccountListBatchItemResult": frozenset(["index"]),
    "AccountListBatchResult": frozenset(["items", "summary"]),
    "AccountListPage": frozenset(["has_more", "items", "total_count", "total_pages"]),
    "Activity": frozenset(["created_at", "id", "payload"]),
    "ActivityPage": frozenset(["has_more", "items", "total_count", "total_pages"]),
    "BatchItemError": frozenset(["message", "type"]),
    "BatchItemResult": frozenset(["index"]),
    "BatchResultEnvelope": frozenset(["items", "summary"]),
    "BatchSummary": frozenset(["failed", "succeeded", "total"]),
    "Contact": frozenset(["id"]),
    "ContactEntry": frozenset(["id"]),
    "ContactEntryBatchItemResult": frozenset(["index"]),
    "ContactEntryBatchResult": frozenset(["items", "summary"]),
    "ContactEntryPage": frozenset(["has_more", "items", "total_count", "total_pages"]),
    "ContactExclusion": frozenset(["id"]),
    "ContactExclusionPage": frozenset(["has_more", "items", "total_count", "total_pages"]),
    "ContactList": frozenset(["id"]),
    "ContactListBatchItemResult": frozenset(["index"]),
    "ContactListBatchResult": frozenset(["items", "summary"]),
    "ContactListPage": frozenset(["has_more", "items", "total_count", "total_pages"]),
    "ContactPage": frozenset(["has_more", "items", "total_count", "total_pages"]),
    "Error": frozenset(["status_code", "type"]),
    "HotLeadCreatedEvent": frozenset(["type"]),
    "InvitationAcceptedEvent": frozenset(["type"]),
    "InvitationSentEvent": frozenset(["type"]),
    "Me": frozenset(["created_at", "id", "key_prefix", "last_used_at", "name", "organization_id", "scopes"]),
    "MeetingCreatedEvent": frozenset(["type"]),
    "MessageLinkClickedEvent": frozenset(["type"]),
    "MessageOpenedEvent": frozenset(["type"]),
    "MessageRepliedEvent": frozenset(["type"]),
    "MessageSentEvent": frozenset(["type"]),
    "PageEnvelope": frozenset(["has_more", "items", "total_count", "total_pages"]),
    "Sequence": frozenset(["contact_id", "created_at", "id", "organization_id", "sequence_template_id", "updated_at"]),
    "SequenceCompletedEvent": frozenset(["type"]),
    "SequenceCreatedEvent": frozenset(["type"]),
    "SequencePage": frozenset(["has_more", "items", "total_count", "total_pages"]),
    "SequencePausedEvent": frozenset(["type"]),
    "SequenceResumedEvent": frozenset(["type"]),
    "SequenceStoppedEvent": frozenset(["type"]),
    "SequenceTemplate": frozenset(["created_at", "id", "name", "step_count", "timezone", "updated_at"]),
    "SequenceTemplatePage": frozenset(["has_more", "items", "total_count", "total_pages"]),
    "Task": frozenset(["created_at", "id", "organization_id", "sequence_id", "updated_at"]),
    "TaskCompletedEvent": frozenset(["type"]),
    "TaskCreatedEvent": frozenset(["type"]),
    "TaskMessage": frozenset(["body", "id", "sender_id", "sent_at", "subject"]),
    "TaskPage": frozenset(["has_more", "items", "total_count", "total_pages"]),
    "TaskSkippedEvent": frozenset(["type"]),
    "WebhookSubscription": frozenset(["created_at", "event_types", "id", "name", "secret_prefix", "updated_at", "url"]),
    "WebhookSubscriptionPage": frozenset(["has_more", "items", "total_count", "total_pages"]),
    "WebhookSubscriptionWithSecret": frozenset(
        ["created_at", "event_types", "id", "name", "secret", "secret_prefix", "updated_at", "url"]
    ),
    "WebhookTestResult": frozenset(["delivered", "error"]),
}

__all__ = [
    "AccountEntry",
    "AccountEntryBatchItemResult",
    "AccountEntryBatchResult",
    "AccountEntryPage",
    "AccountExclusion",
    "AccountExclusionPage",
    "AccountList",
    "AccountListBatchItemResult",
    "AccountListBatchResult",
    "AccountListPage",
    "Activity",
    "ActivityChannel",
    "ActivityPage",
    "ActivityPayload",
    "ActivityResourceType",
    "AnyEvent",
    "BatchItemError",
    "BatchItemResult",
    "BatchItemStatus",
    "BatchResultEnvelope",
    "BatchSummary",
    "Contact",
    "ContactEntry",
    "ContactEntryBatchItemResult",
    "ContactEntryBatchResult",
    "ContactEntryPage",
    "ContactExclusion",
    "ContactExclusionPage",
    "ContactList",
    "ContactListBatchItemResult",
    "ContactListBatchResult",
    "ContactListPage",
    "ContactPage",
    "ContactVariableMap",
    "ContactVariables",
    "Error",
    "ErrorType",
    "EventBase",
    "EventType",
    "ExclusionReason",
    "HotLeadCreatedEvent",
    "InvitationAcceptedEvent",
    "InvitationSentEvent",
    "InvitationSentMetadata",
    "Me",
    "MeetingCreatedEvent",
    "MessageLinkClickedEvent",
    "MessageOpenedEvent",
    "MessageRepliedEvent",
    "MessageRepliedMetadata",
    "MessageSentEvent",
    "PageEnvelope",
    "ReplyCategory",
    "Sequence",
    "SequenceCompletedEvent",
    "SequenceCreatedEvent",
    "SequencePage",
    "SequencePausedEvent",
    "SequencePausedMetadata",
    "SequenceResumedEvent",
    "SequenceStatus",
    "SequenceStoppedEvent",
    "SequenceStoppedMetadata",
    "SequenceTemplate",
    "SequenceTemplatePage",
    "SequenceTemplateStatus",
    "Task",
    "TaskCompletedEvent",
    "TaskCreatedEvent",
    "TaskDisposition",
    "TaskMessage",
    "TaskMessageChannel",
    "TaskMessageDirection",
    "TaskPage",
    "TaskPriority",
    "TaskReopenReason",
    "TaskSkippedEvent",
    "TaskStatus",
    "TaskType",
    "UnknownEvent",
    "WebhookSubscription",
    "WebhookSubscriptionPage",
    "WebhookSubscriptionStatus",
    "WebhookSubscriptionWithSecret",
    "WebhookTestResult",
]
