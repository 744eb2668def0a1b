from collections.abc import Mapping
from typing import Any, overload
from uuid import UUID

import httpx

from ...models.sequence_create import SequenceCreate
from ...models.sequence_create_variables import SequenceCreateVariables
from ...types import UNSET, Unset


def _get_kwargs(
    *,
    body: SequenceCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/sequences",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


@overload
def build_request(
    *,
    contact_id: UUID | str,
    sequence_template_id: UUID | str,
    variables: SequenceCreateVariables | Mapping[str, Any] | Unset = UNSET,
    extra_headers: Mapping[str, str] | None = None,
    extra_query: Mapping[str, Any] | None = None,
    extra_body: Mapping[str, Any] | None = None,
    timeout: float | httpx.Timeout | None = None,
) -> dict[str, Any]:
    """Start a sequence run for a contact (guessed enrollment endpoint). Not in Topo's docs: The overview
    and the authentication page say sequences:write lets a key enroll contacts, but no enrollment page
    was found; POST on the collection with a contact and a template, answering 201 like other single
    creates, is our reading.

    If Topo has this endpoint, starts a new sequence run for one contact from a sequence template,
    optionally with per-run variable overrides. Topo's docs show no enrollment endpoint; the documented
    way to enroll contacts is a contact list's default_sequence_template_id (new entries of the list are
    enrolled automatically).

    Args:
        contact_id (required): The contact to enroll.
        sequence_template_id (required): The template to start the run from; it must accept enrollments (ACTIVE).
        variables: Per-run variable overrides (string to string), laid over the template's defaults.

    Per request: extra_headers, extra_query and extra_body are sent as given (values newer than this spec),
    timeout in seconds.
    """


@overload
def build_request(
    *,
    body: SequenceCreate | Mapping[str, Any],
    extra_headers: Mapping[str, str] | None = None,
    extra_query: Mapping[str, Any] | None = None,
    extra_body: Mapping[str, Any] | None = None,
    timeout: float | httpx.Timeout | None = None,
) -> dict[str, Any]: ...


def build_request(
    *,
    body: SequenceCreate | Mapping[str, Any] | Unset = UNSET,
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
                f"create_sequence(): pass the body as body= or as keyword arguments, not both ({', '.join(fields)})"
            )
    else:
        body = fields
    if not isinstance(body, SequenceCreate):
        body = SequenceCreate.from_dict(body)
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
