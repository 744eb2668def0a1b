"""The Python client for the Topo API.

>>> from topo_ext import Topo
>>> client = Topo()                      # API key from TOPO_API_KEY
>>> client.me().scopes
>>> for activity in client.activities.stream(since=...):
...     print(activity.payload.type)

Importing the package is cheap: every public name is loaded on first use (PEP 562), so `import topo_ext` alone
loads neither httpx, msgspec nor the generated models; `from topo_ext import Topo` loads what the client needs.
`_LAZY` and the `TYPE_CHECKING` imports name the same things (`tests/topo_ext/test_init.py` checks they agree).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:  # what type checkers and IDEs see; at run time `__getattr__` loads these on first use
    from . import events, models, webhooks
    from ._client import AsyncTopo, Topo
    from ._drift import DriftRecord
    from ._exceptions import (
        APIConnectionError,
        APIError,
        APIResponseValidationError,
        APIStatusError,
        APITimeoutError,
        AuthenticationError,
        BadRequestError,
        BatchError,
        ClientClosedError,
        ConflictError,
        CursorError,
        InternalServerError,
        InvalidRequestError,
        NotFoundError,
        PaginationError,
        PermissionDeniedError,
        RateLimitError,
        TopoError,
        UnexpectedStatusError,
        UnprocessableEntityError,
    )
    from ._limits import Limits
    from ._pagination import AsyncPage, AsyncPaginator, SyncPage
    from ._response import APIResponse
    from .events import Event, EventDispatcher, UnknownEvent, parse_event
    from .shared_budget import SharedBudget
    from .streaming import Cursor, DBAPICursorStore, FileCursorStore, SQLiteCursorStore
    from .webhooks import WebhookPayloadError, WebhookVerificationError

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponse",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncPage",
    "AsyncPaginator",
    "AsyncTopo",
    "AuthenticationError",
    "BadRequestError",
    "BatchError",
    "ClientClosedError",
    "ConflictError",
    "Cursor",
    "CursorError",
    "DBAPICursorStore",
    "DriftRecord",
    "Event",
    "EventDispatcher",
    "FileCursorStore",
    "InternalServerError",
    "InvalidRequestError",
    "Limits",
    "NotFoundError",
    "PaginationError",
    "PermissionDeniedError",
    "RateLimitError",
    "SQLiteCursorStore",
    "SharedBudget",
    "SyncPage",
    "Topo",
    "TopoError",
    "UnexpectedStatusError",
    "UnknownEvent",
    "UnprocessableEntityError",
    "WebhookPayloadError",
    "WebhookVerificationError",
    "__version__",
    "events",
    "models",
    "parse_event",
    "webhooks",
]

_SUBMODULES = frozenset({"events", "models", "webhooks"})
_LAZY: dict[str, str] = {  # public name -> the module defining it
    **dict.fromkeys(("AsyncTopo", "Topo"), "._client"),
    "DriftRecord": "._drift",
    **dict.fromkeys(
        ("APIConnectionError", "APIError", "APIResponseValidationError", "APIStatusError", "APITimeoutError",
         "AuthenticationError", "BadRequestError", "BatchError", "ClientClosedError", "ConflictError", "CursorError",
         "InternalServerError", "InvalidRequestError", "NotFoundError", "PaginationError", "PermissionDeniedError",
         "RateLimitError", "TopoError", "UnexpectedStatusError", "UnprocessableEntityError"),
        "._exceptions",
    ),
    "Limits": "._limits",
    **dict.fromkeys(("AsyncPage", "AsyncPaginator", "SyncPage"), "._pagination"),
    "APIResponse": "._response",
    **dict.fromkeys(("Event", "EventDispatcher", "UnknownEvent", "parse_event"), ".events"),
    "SharedBudget": ".shared_budget",
    **dict.fromkeys(("Cursor", "DBAPICursorStore", "FileCursorStore", "SQLiteCursorStore"), ".streaming"),
    **dict.fromkeys(("WebhookPayloadError", "WebhookVerificationError"), ".webhooks"),
}


def __getattr__(name: str) -> Any:
    """Load a public name (or submodule) on first use, then keep it as a plain module attribute."""
    if name in _SUBMODULES:
        value: Any = importlib.import_module(f".{name}", __name__)
    elif name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name], __name__), name)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))

