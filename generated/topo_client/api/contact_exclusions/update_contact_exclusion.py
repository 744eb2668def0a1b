import datetime
from collections.abc import Mapping
from typing import Any, overload
from urllib.parse import quote
from uuid import UUID

import httpx

from ...models.contact_exclusion_update import ContactExclusionUpdate
from ...models.exclusion_reason import ExclusionReason
from ...types import UNSET, Unset


def _get_kwargs(
    exclusion_id: UUID,
    *,
    body: ContactExclusionUpdate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/contact-exclusions/{exclusion_id}".format(
            exclusion_id=quote(str(exclusion_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


@overload
def build_request(
    exclusion_id: UUID | str,
    *,
    message: str | None | Unset = UNSET,
    reason: ExclusionReason | str | Unset = UNSET,
    until: datetime.datetime | str | None | Unset = UNSET,
    extra_headers: Mapping[str, str] | None = None,
    extra_query: Mapping[str, Any] | None = None,
    extra_body: Mapping[str, Any] | None = None,
    timeout: float | httpx.Timeout | None = None,
) -> dict[str, Any]:
    """Update a contact exclusion. Not in Topo's docs: No page for this endpoint is stored; the narrative
    says exclusions have update endpoints, and method, path and body mirror the documented
    account-exclusion update and the contact-exclusion get.

    Changes the reason, note or expiry of a contact exclusion; fields left out stay as they are.

    Args:
        exclusion_id
        message: New operator note.
        reason: Why a contact or an account is excluded; both resources accept every value. BAD_TIMING:
            not a good time, revisit later. BOUNCED: the email hard-bounced. COMPETITOR: the account
            is a direct competitor. CONTACT_REFUSED: the person asked not to be contacted. INTERESTED:
            interest was shown through another channel. MEETING: a conversation is already under way.
            OTHER: none of the others. OUT_OF_OFFICE: temporarily unavailable. UNKNOWN: no reason
            recorded. UNSUBSCRIBED: the person or account opted out. WRONG_PERSON: not the right
            person at the company. EXCLUDE_FROM_SEARCH: keep out of Topo's prospecting search.
            EXCLUDE_FROM_CRM: a suppression imported from a CRM. REFERRAL: arrived through a referral
            channel and is handled separately. LEFT_COMPANY: the person has left the company.
        until: New expiry; null makes the exclusion permanent.

    Per request: extra_headers, extra_query and extra_body are sent as given (values newer than this spec),
    timeout in seconds.
    """


@overload
def build_request(
    exclusion_id: UUID | str,
    *,
    body: ContactExclusionUpdate | Mapping[str, Any],
    extra_headers: Mapping[str, str] | None = None,
    extra_query: Mapping[str, Any] | None = None,
    extra_body: Mapping[str, Any] | None = None,
    timeout: float | httpx.Timeout | None = None,
) -> dict[str, Any]: ...


def build_request(
    exclusion_id: UUID | str,
    *,
    body: ContactExclusionUpdate | Mapping[str, Any] | Unset = UNSET,
    extra_headers: Mapping[str, str] | None = None,
    extra_query: Mapping[str, Any] | None = None,
    extra_body: Mapping[str, Any] | None = None,
    timeout: float | httpx.Timeout | None = None,
    **fields: Any,
) -> dict[str, Any]:
    """Request keywords for httpx (method, url, params, json, headers, timeout), without sending anything.

    The body is given as keyword arguments (its fields) or as `body=` (the model or a mapping), not both. Enums
    also take their string value, UUIDs their string form.
    """
    if not isinstance(body, Unset):
        if fields:
            raise TypeError(
                f"update_contact_exclusion(): pass the body as body= or as keyword arguments, not both ({', '.join(fields)})"
            )
    else:
        body = fields
    if not isinstance(body, ContactExclusionUpdate):
        body = ContactExclusionUpdate.from_dict(body)

    request = _get_kwargs(
        exclusion_id=exclusion_id,
        body=body,
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
