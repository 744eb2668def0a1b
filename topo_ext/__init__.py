"""The Python client for the Topo API.

>>> from topo_ext import Topo
>>> client = Topo()                      # API key from TOPO_API_KEY
>>> client.me().scopes
>>> for activity in client.activities.stream(since=...):
...     print(activity.payload.type)
"""

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
    ConflictError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    TopoError,
    UnprocessableEntityError,
)
from ._pagination import AsyncPage, AsyncPaginator, SyncPage
from ._response import APIResponse
from ._version import __version__
from .events import Event, EventDispatcher, UnknownEvent, parse_event
from .streaming import Cursor, FileCursorStore, SQLiteCursorStore
from .webhooks import WebhookVerificationError

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
    "ConflictError",
    "Cursor",
    "DriftRecord",
    "Event",
    "EventDispatcher",
    "FileCursorStore",
    "InternalServerError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "SQLiteCursorStore",
    "SyncPage",
    "Topo",
    "TopoError",
    "UnknownEvent",
    "UnprocessableEntityError",
    "WebhookVerificationError",
    "__version__",
    "events",
    "models",
    "parse_event",
    "webhooks",
]
