"""One handler per spec operation, one module per resource; importing the package registers them in `HANDLERS`."""

from . import activities, contacts, exclusions, lists, sequences, tasks, webhooks  # noqa: F401  (they register)
from ._core import HANDLERS, ApiError, Call

__all__ = ["HANDLERS", "ApiError", "Call"]
