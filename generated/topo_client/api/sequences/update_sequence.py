from collections.abc import Mapping
from typing import Any, overload
from urllib.parse import quote
from uuid import UUID

import httpx

from ...models.sequence_update import SequenceUpdate
from ...models.sequence_update_variables import SequenceUpdateVariables
from ...types import UNSET, Unset


def _get_kwargs(
    sequence_id: UUID,
    *,
    body: SequenceUpdate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/sequences/{sequence_id}".format(
            sequence_id=quote(str(sequence_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


@overload
def build_request(
    sequence_id: UUID | str,
    *,
    variables: SequenceUpdateVariables | Mapping[str, Any] | Unset = UNSET,
    extra_headers: Mapping[str, str] | None = None,
    extra_query: Mapping[str, Any] | None = None,
    extra_body: Mapping[str, Any] | None = None,
    timeout: float | httpx.Timeout | None = None,
) -> dict[str, Any]:
    """Update a sequence. Not in Topo's docs: The narrative names "update" among the sequences:write
    operations but no page gives its method, path or body; PATCH on the item path with `variables` (the
    only writable-looking field) is our reading.

    Changes a sequence run's per-run variable overrides; only the fields sent are changed.

    Args:
        sequence_id
        variables: Variable overrides to merge; a null value removes that override.

    Per request: extra_headers, extra_query and extra_body are sent as given (values newer than this spec),
    timeout in seconds.
    """


@overload
def build_request(
    sequence_id: UUID | str,
    *,
    body: SequenceUpdate | Mapping[str, Any],
    extra_headers: Mapping[str, str] | None = None,
    extra_query: Mapping[str, Any] | None = None,
    extra_body: Mapping[str, Any] | None = None,
    timeout: float | httpx.Timeout | None = None,
) -> dict[str, Any]: ...


def build_request(
    sequence_id: UUID | str,
    *,
    body: SequenceUpdate | Mapping[str, Any] | Unset = UNSET,
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
                f"update_sequence(): pass the body as body= or as keyword arguments, not both ({', '.join(fields)})"
            )
    else:
        body = fields
    if not isinstance(body, SequenceUpdate):
        body = SequenceUpdate.from_dict(body)

    request = _get_kwargs(
        sequence_id=sequence_id,
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
