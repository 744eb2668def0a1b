"""Contains all the data models used in inputs/outputs"""

from .account_entry import AccountEntry
from .account_entry_batch_create import AccountEntryBatchCreate
from .account_entry_batch_item_result import AccountEntryBatchItemResult
from .account_entry_batch_result import AccountEntryBatchResult
from .account_entry_create import AccountEntryCreate
from .account_entry_page import AccountEntryPage
from .account_exclusion import AccountExclusion
from .account_exclusion_create import AccountExclusionCreate
from .account_exclusion_page import AccountExclusionPage
from .account_exclusion_sort_by import AccountExclusionSortBy
from .account_exclusion_update import AccountExclusionUpdate
from .account_list import AccountList
from .account_list_batch_create import AccountListBatchCreate
from .account_list_batch_item_result import AccountListBatchItemResult
from .account_list_batch_result import AccountListBatchResult
from .account_list_create import AccountListCreate
from .account_list_page import AccountListPage
from .account_list_sort_by import AccountListSortBy
from .account_list_update import AccountListUpdate
from .activity import Activity
from .activity_channel import ActivityChannel
from .activity_event_type_filter import ActivityEventTypeFilter
from .activity_page import ActivityPage
from .activity_resource_type import ActivityResourceType
from .activity_sort_by import ActivitySortBy
from .batch_item_error import BatchItemError
from .batch_item_result import BatchItemResult
from .batch_item_status import BatchItemStatus
from .batch_result_envelope import BatchResultEnvelope
from .batch_summary import BatchSummary
from .contact import Contact
from .contact_entry import ContactEntry
from .contact_entry_batch_create import ContactEntryBatchCreate
from .contact_entry_batch_item_result import ContactEntryBatchItemResult
from .contact_entry_batch_result import ContactEntryBatchResult
from .contact_entry_create import ContactEntryCreate
from .contact_entry_page import ContactEntryPage
from .contact_exclusion import ContactExclusion
from .contact_exclusion_create import ContactExclusionCreate
from .contact_exclusion_page import ContactExclusionPage
from .contact_exclusion_sort_by import ContactExclusionSortBy
from .contact_exclusion_update import ContactExclusionUpdate
from .contact_list import ContactList
from .contact_list_batch_create import ContactListBatchCreate
from .contact_list_batch_item_result import ContactListBatchItemResult
from .contact_list_batch_result import ContactListBatchResult
from .contact_list_create import ContactListCreate
from .contact_list_page import ContactListPage
from .contact_list_sort_by import ContactListSortBy
from .contact_list_update import ContactListUpdate
from .contact_page import ContactPage
from .contact_sort_by import ContactSortBy
from .contact_variable_map import ContactVariableMap
from .contact_variables import ContactVariables
from .contact_variables_update import ContactVariablesUpdate
from .error import Error
from .error_data import ErrorData
from .error_type import ErrorType
from .event_base import EventBase
from .event_type import EventType
from .exclusion_reason import ExclusionReason
from .hot_lead_created_event import HotLeadCreatedEvent
from .hot_lead_created_event_metadata_type_0 import HotLeadCreatedEventMetadataType0
from .invitation_accepted_event import InvitationAcceptedEvent
from .invitation_accepted_event_metadata_type_0 import InvitationAcceptedEventMetadataType0
from .invitation_sent_event import InvitationSentEvent
from .invitation_sent_metadata import InvitationSentMetadata
from .me import Me
from .meeting_created_event import MeetingCreatedEvent
from .meeting_created_event_metadata_type_0 import MeetingCreatedEventMetadataType0
from .message_link_clicked_event import MessageLinkClickedEvent
from .message_link_clicked_event_metadata_type_0 import MessageLinkClickedEventMetadataType0
from .message_opened_event import MessageOpenedEvent
from .message_opened_event_metadata_type_0 import MessageOpenedEventMetadataType0
from .message_replied_event import MessageRepliedEvent
from .message_replied_metadata import MessageRepliedMetadata
from .message_sent_event import MessageSentEvent
from .message_sent_event_metadata_type_0 import MessageSentEventMetadataType0
from .page_envelope import PageEnvelope
from .reply_category import ReplyCategory
from .sequence import Sequence
from .sequence_completed_event import SequenceCompletedEvent
from .sequence_completed_event_metadata_type_0 import SequenceCompletedEventMetadataType0
from .sequence_create import SequenceCreate
from .sequence_create_variables import SequenceCreateVariables
from .sequence_created_event import SequenceCreatedEvent
from .sequence_created_event_metadata_type_0 import SequenceCreatedEventMetadataType0
from .sequence_page import SequencePage
from .sequence_pause_request import SequencePauseRequest
from .sequence_paused_event import SequencePausedEvent
from .sequence_paused_metadata import SequencePausedMetadata
from .sequence_resumed_event import SequenceResumedEvent
from .sequence_resumed_event_metadata_type_0 import SequenceResumedEventMetadataType0
from .sequence_sort_by import SequenceSortBy
from .sequence_status import SequenceStatus
from .sequence_stop_request import SequenceStopRequest
from .sequence_stopped_event import SequenceStoppedEvent
from .sequence_stopped_metadata import SequenceStoppedMetadata
from .sequence_template import SequenceTemplate
from .sequence_template_page import SequenceTemplatePage
from .sequence_template_sort_by import SequenceTemplateSortBy
from .sequence_template_status import SequenceTemplateStatus
from .sequence_update import SequenceUpdate
from .sequence_update_variables import SequenceUpdateVariables
from .sequence_variables_type_0 import SequenceVariablesType0
from .sort_order import SortOrder
from .sort_order_uppercase import SortOrderUppercase
from .task import Task
from .task_completed_event import TaskCompletedEvent
from .task_completed_event_metadata_type_0 import TaskCompletedEventMetadataType0
from .task_created_event import TaskCreatedEvent
from .task_created_event_metadata_type_0 import TaskCreatedEventMetadataType0
from .task_disposition import TaskDisposition
from .task_message import TaskMessage
from .task_message_channel import TaskMessageChannel
from .task_message_direction import TaskMessageDirection
from .task_page import TaskPage
from .task_priority import TaskPriority
from .task_reassign_request import TaskReassignRequest
from .task_reassign_scope import TaskReassignScope
from .task_reopen_reason import TaskReopenReason
from .task_skipped_event import TaskSkippedEvent
from .task_skipped_event_metadata_type_0 import TaskSkippedEventMetadataType0
from .task_sort_by import TaskSortBy
from .task_status import TaskStatus
from .task_type import TaskType
from .webhook_subscription import WebhookSubscription
from .webhook_subscription_create import WebhookSubscriptionCreate
from .webhook_subscription_page import WebhookSubscriptionPage
from .webhook_subscription_status import WebhookSubscriptionStatus
from .webhook_subscription_update import WebhookSubscriptionUpdate
from .webhook_subscription_with_secret import WebhookSubscriptionWithSecret
from .webhook_test_result import WebhookTestResult

__all__ = (
    "AccountEntry",
    "AccountEntryBatchCreate",
    "AccountEntryBatchItemResult",
    "AccountEntryBatchResult",
    "AccountEntryCreate",
    "AccountEntryPage",
    "AccountExclusion",
    "AccountExclusionCreate",
    "AccountExclusionPage",
    "AccountExclusionSortBy",
    "AccountExclusionUpdate",
    "AccountList",
    "AccountListBatchCreate",
    "AccountListBatchItemResult",
    "AccountListBatchResult",
    "AccountListCreate",
    "AccountListPage",
    "AccountListSortBy",
    "AccountListUpdate",
    "Activity",
    "ActivityChannel",
    "ActivityEventTypeFilter",
    "ActivityPage",
    "ActivityResourceType",
    "ActivitySortBy",
    "BatchItemError",
    "BatchItemResult",
    "BatchItemStatus",
    "BatchResultEnvelope",
    "BatchSummary",
    "Contact",
    "ContactEntry",
    "ContactEntryBatchCreate",
    "ContactEntryBatchItemResult",
    "ContactEntryBatchResult",
    "ContactEntryCreate",
    "ContactEntryPage",
    "ContactExclusion",
    "ContactExclusionCreate",
    "ContactExclusionPage",
    "ContactExclusionSortBy",
    "ContactExclusionUpdate",
    "ContactList",
    "ContactListBatchCreate",
    "ContactListBatchItemResult",
    "ContactListBatchResult",
    "ContactListCreate",
    "ContactListPage",
    "ContactListSortBy",
    "ContactListUpdate",
    "ContactPage",
    "ContactSortBy",
    "ContactVariableMap",
    "ContactVariables",
    "ContactVariablesUpdate",
    "Error",
    "ErrorData",
    "ErrorType",
    "EventBase",
    "EventType",
    "ExclusionReason",
    "HotLeadCreatedEvent",
    "HotLeadCreatedEventMetadataType0",
    "InvitationAcceptedEvent",
    "InvitationAcceptedEventMetadataType0",
    "InvitationSentEvent",
    "InvitationSentMetadata",
    "Me",
    "MeetingCreatedEvent",
    "MeetingCreatedEventMetadataType0",
    "MessageLinkClickedEvent",
    "MessageLinkClickedEventMetadataType0",
    "MessageOpenedEvent",
    "MessageOpenedEventMetadataType0",
    "MessageRepliedEvent",
    "MessageRepliedMetadata",
    "MessageSentEvent",
    "MessageSentEventMetadataType0",
    "PageEnvelope",
    "ReplyCategory",
    "Sequence",
    "SequenceCompletedEvent",
    "SequenceCompletedEventMetadataType0",
    "SequenceCreate",
    "SequenceCreatedEvent",
    "SequenceCreatedEventMetadataType0",
    "SequenceCreateVariables",
    "SequencePage",
    "SequencePausedEvent",
    "SequencePausedMetadata",
    "SequencePauseRequest",
    "SequenceResumedEvent",
    "SequenceResumedEventMetadataType0",
    "SequenceSortBy",
    "SequenceStatus",
    "SequenceStoppedEvent",
    "SequenceStoppedMetadata",
    "SequenceStopRequest",
    "SequenceTemplate",
    "SequenceTemplatePage",
    "SequenceTemplateSortBy",
    "SequenceTemplateStatus",
    "SequenceUpdate",
    "SequenceUpdateVariables",
    "SequenceVariablesType0",
    "SortOrder",
    "SortOrderUppercase",
    "Task",
    "TaskCompletedEvent",
    "TaskCompletedEventMetadataType0",
    "TaskCreatedEvent",
    "TaskCreatedEventMetadataType0",
    "TaskDisposition",
    "TaskMessage",
    "TaskMessageChannel",
    "TaskMessageDirection",
    "TaskPage",
    "TaskPriority",
    "TaskReassignRequest",
    "TaskReassignScope",
    "TaskReopenReason",
    "TaskSkippedEvent",
    "TaskSkippedEventMetadataType0",
    "TaskSortBy",
    "TaskStatus",
    "TaskType",
    "WebhookSubscription",
    "WebhookSubscriptionCreate",
    "WebhookSubscriptionPage",
    "WebhookSubscriptionStatus",
    "WebhookSubscriptionUpdate",
    "WebhookSubscriptionWithSecret",
    "WebhookTestResult",
)
