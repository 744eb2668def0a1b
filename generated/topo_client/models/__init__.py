"""Contains all the data models used in inputs/outputs"""

from .account_entry_batch_create import AccountEntryBatchCreate
from .account_entry_create import AccountEntryCreate
from .account_exclusion_create import AccountExclusionCreate
from .account_exclusion_sort_by import AccountExclusionSortBy
from .account_exclusion_update import AccountExclusionUpdate
from .account_list_batch_create import AccountListBatchCreate
from .account_list_create import AccountListCreate
from .account_list_sort_by import AccountListSortBy
from .account_list_update import AccountListUpdate
from .activity_channel import ActivityChannel
from .activity_event_type_filter import ActivityEventTypeFilter
from .activity_resource_type import ActivityResourceType
from .activity_sort_by import ActivitySortBy
from .contact_entry_batch_create import ContactEntryBatchCreate
from .contact_entry_create import ContactEntryCreate
from .contact_exclusion_create import ContactExclusionCreate
from .contact_exclusion_sort_by import ContactExclusionSortBy
from .contact_exclusion_update import ContactExclusionUpdate
from .contact_list_batch_create import ContactListBatchCreate
from .contact_list_create import ContactListCreate
from .contact_list_sort_by import ContactListSortBy
from .contact_list_update import ContactListUpdate
from .contact_sort_by import ContactSortBy
from .contact_variable_map import ContactVariableMap
from .contact_variables_update import ContactVariablesUpdate
from .event_type import EventType
from .exclusion_reason import ExclusionReason
from .sequence_create import SequenceCreate
from .sequence_create_variables import SequenceCreateVariables
from .sequence_pause_request import SequencePauseRequest
from .sequence_sort_by import SequenceSortBy
from .sequence_status import SequenceStatus
from .sequence_stop_request import SequenceStopRequest
from .sequence_template_sort_by import SequenceTemplateSortBy
from .sequence_template_status import SequenceTemplateStatus
from .sequence_update import SequenceUpdate
from .sequence_update_variables import SequenceUpdateVariables
from .sort_order import SortOrder
from .sort_order_uppercase import SortOrderUppercase
from .task_priority import TaskPriority
from .task_reassign_request import TaskReassignRequest
from .task_reassign_scope import TaskReassignScope
from .task_sort_by import TaskSortBy
from .task_status import TaskStatus
from .task_type import TaskType
from .webhook_subscription_create import WebhookSubscriptionCreate
from .webhook_subscription_status import WebhookSubscriptionStatus
from .webhook_subscription_update import WebhookSubscriptionUpdate

__all__ = (
    "AccountEntryBatchCreate",
    "AccountEntryCreate",
    "AccountExclusionCreate",
    "AccountExclusionSortBy",
    "AccountExclusionUpdate",
    "AccountListBatchCreate",
    "AccountListCreate",
    "AccountListSortBy",
    "AccountListUpdate",
    "ActivityChannel",
    "ActivityEventTypeFilter",
    "ActivityResourceType",
    "ActivitySortBy",
    "ContactEntryBatchCreate",
    "ContactEntryCreate",
    "ContactExclusionCreate",
    "ContactExclusionSortBy",
    "ContactExclusionUpdate",
    "ContactListBatchCreate",
    "ContactListCreate",
    "ContactListSortBy",
    "ContactListUpdate",
    "ContactSortBy",
    "ContactVariableMap",
    "ContactVariablesUpdate",
    "EventType",
    "ExclusionReason",
    "SequenceCreate",
    "SequenceCreateVariables",
    "SequencePauseRequest",
    "SequenceSortBy",
    "SequenceStatus",
    "SequenceStopRequest",
    "SequenceTemplateSortBy",
    "SequenceTemplateStatus",
    "SequenceUpdate",
    "SequenceUpdateVariables",
    "SortOrder",
    "SortOrderUppercase",
    "TaskPriority",
    "TaskReassignRequest",
    "TaskReassignScope",
    "TaskSortBy",
    "TaskStatus",
    "TaskType",
    "WebhookSubscriptionCreate",
    "WebhookSubscriptionStatus",
    "WebhookSubscriptionUpdate",
)
