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
    ClientClosedError,
    ConflictError,
    InternalServerError,
    InvalidRequestError,
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
    "DBAPICursorStore",
    "DriftRecord",
    "Event",
    "EventDispatcher",
    "FileCursorStore",
    "InternalServerError",
    "InvalidRequestError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "SQLiteCursorStore",
    "SharedBudget",
    "SyncPage",
    "Topo",
    "TopoError",
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
