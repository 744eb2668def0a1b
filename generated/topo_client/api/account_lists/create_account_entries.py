from collections.abc import Mapping
from typing import Any, overload

import httpx

from ...models.account_entry_batch_create import AccountEntryBatchCreate
from ...models.account_entry_create import AccountEntryCreate
from ...types import UNSET, Unset


def _get_kwargs(
    *,
    body: AccountEntryBatchCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/account-entries",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


@overload
def build_request(
    *,
    items: list[AccountEntryCreate | Mapping[str, Any]],
    extra_headers: Mapping[str, str] | None = None,
    extra_query: Mapping[str, Any] | None = None,
    extra_body: Mapping[str, Any] | None = None,
    timeout: float | httpx.Timeout | None = None,
) -> dict[str, Any]:
    """Create account entries. Not in Topo's docs: No stored page documents it; the overview says lists are
    populated through the API and the account-lists page is cut off before its entry sections. Path,
    account_lists:write scope, batch body and response are inferred from POST /v1/contact-entries.

    Adds up to 100 companies (name and domain) to existing account lists in one request; results come
    back in request order.

    Args:
        items (required)

    Per request: extra_headers, extra_query and extra_body are sent as given (values newer than this spec),
    timeout in seconds.
    """


@overload
def build_request(
    *,
    body: AccountEntryBatchCreate | Mapping[str, Any],
    extra_headers: Mapping[str, str] | None = None,
    extra_query: Mapping[str, Any] | None = None,
    extra_body: Mapping[str, Any] | None = None,
    timeout: float | httpx.Timeout | None = None,
) -> dict[str, Any]: ...


def build_request(
    *,
    body: AccountEntryBatchCreate | Mapping[str, Any] | Unset = UNSET,
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
                f"create_account_entries(): pass the body as body= or as keyword arguments, not both ({', '.join(fields)})"
            )
    else:
        body = fields
    if not isinstance(body, AccountEntryBatchCreate):
        body = AccountEntryBatchCreate.from_dict(body)
    request = _get_kwargs(
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
