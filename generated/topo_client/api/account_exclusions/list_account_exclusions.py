import datetime
from collections.abc import Mapping
from typing import Any

import httpx

from ...models.account_exclusion_sort_by import AccountExclusionSortBy
from ...models.exclusion_reason import ExclusionReason
from ...models.sort_order import SortOrder
from ...types import UNSET, Unset


def _get_kwargs(
    *,
    page: int | Unset = 1,
    size: int | Unset = 10,
    sort_by: AccountExclusionSortBy | Unset = UNSET,
    sort_order: SortOrder | Unset = UNSET,
    domain: str | Unset = UNSET,
    reason: ExclusionReason | Unset = UNSET,
    created_at_before: datetime.datetime | Unset = UNSET,
    created_at_after: datetime.datetime | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page"] = page

    params["size"] = size

    json_sort_by: str | Unset = UNSET
    if not isinstance(sort_by, Unset):
        json_sort_by = sort_by.value

    params["sort_by"] = json_sort_by

    json_sort_order: str | Unset = UNSET
    if not isinstance(sort_order, Unset):
        json_sort_order = sort_order.value

    params["sort_order"] = json_sort_order

    params["domain"] = domain

    json_reason: str | Unset = UNSET
    if not isinstance(reason, Unset):
        json_reason = reason.value

    params["reason"] = json_reason

    json_created_at_before: str | Unset = UNSET
    if not isinstance(created_at_before, Unset):
        json_created_at_before = created_at_before.isoformat()
    params["created_at_before"] = json_created_at_before

    json_created_at_after: str | Unset = UNSET
    if not isinstance(created_at_after, Unset):
        json_created_at_after = created_at_after.isoformat()
    params["created_at_after"] = json_created_at_after

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/account-exclusions",
        "params": params,
    }

    return _kwargs


def build_request(
    *,
    page: int | Unset = 1,
    size: int | Unset = 10,
    sort_by: AccountExclusionSortBy | str | Unset = UNSET,
    sort_order: SortOrder | str | Unset = UNSET,
    domain: str | Unset = UNSET,
    reason: ExclusionReason | str | Unset = UNSET,
    created_at_before: datetime.datetime | Unset = UNSET,
    created_at_after: datetime.datetime | Unset = UNSET,
    extra_headers: Mapping[str, str] | None = None,
    extra_query: Mapping[str, Any] | None = None,
    extra_body: Mapping[str, Any] | None = None,
    timeout: float | httpx.Timeout | None = None,
) -> dict[str, Any]:
    """List account exclusions. Not in Topo's docs: No page for this endpoint is stored; the narrative says
    exclusions can be listed, and the parameters mirror the documented contact-exclusion list with
    domain in place of email and LinkedIn URL.

    Pages through the workspace's account exclusions, optionally filtered by domain, reason or creation
    time.

    Args:
        page
        size
        sort_by: Sort fields of list_account_exclusions.
        sort_order: Sort direction. The client also accepts `ASC`/`DESC` and sends the lowercase value.
        domain
        reason: Why a contact or an account is excluded; both resources accept every value. BAD_TIMING:
            not a good time, revisit later. BOUNCED: the email hard-bounced. COMPETITOR: the account
            is a direct competitor. CONTACT_REFUSED: the person asked not to be contacted. INTERESTED:
            interest was shown through another channel. MEETING: a conversation is already under way.
            OTHER: none of the others. OUT_OF_OFFICE: temporarily unavailable. UNKNOWN: no reason
            recorded. UNSUBSCRIBED: the person or account opted out. WRONG_PERSON: not the right
            person at the company. EXCLUDE_FROM_SEARCH: keep out of Topo's prospecting search.
            EXCLUDE_FROM_CRM: a suppression imported from a CRM. REFERRAL: arrived through a referral
            channel and is handled separately. LEFT_COMPANY: the person has left the company.
        created_at_before
        created_at_after

    Per request: extra_headers, extra_query and extra_body are sent as given (values newer than this spec),
    timeout in seconds.
    """

    if isinstance(sort_by, str) and not isinstance(sort_by, AccountExclusionSortBy):
        sort_by = AccountExclusionSortBy(sort_by)
    if isinstance(sort_order, str) and not isinstance(sort_order, SortOrder):
        sort_order = SortOrder(sort_order)

    if isinstance(reason, str) and not isinstance(reason, ExclusionReason):
        reason = ExclusionReason(reason)

    request = _get_kwargs(
        page=page,
        size=size,
        sort_by=sort_by,
        sort_order=sort_order,
        domain=domain,
        reason=reason,
        created_at_before=created_at_before,
        created_at_after=created_at_after,
    )
    # Extras are sent as given: the way to use values newer than this spec.
    if extra_headers:
        request["headers"] = {**request.get("headers", {}), **extra_headers}
    if extra_query:
        request["params"] = {**request.get("params", {}), **extra_query}
    if extra_body:
        if not isinstance(request.get("json", {}), dict):
            raise TypeError("extra_body: this operation's body is not a JSON object")
        request["json"] = {**request.get("json", {}), **extra_body}
    if timeout is not None:
        request["timeout"] = timeout
    return request
