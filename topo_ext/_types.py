"""`NOT_GIVEN`: the default of every optional argument of a generated method, meaning "left out: not sent".

An optional argument that the API takes but the client does not send unless asked defaults to `NOT_GIVEN` (as in
Stainless-generated clients), so a signature never shows a value that is not what is sent; `None` stays a value
(`update(until=None)` sends null where the spec allows it).
"""

from __future__ import annotations

from typing import Final, Literal

__all__ = ["NOT_GIVEN", "NotGiven"]


class NotGiven:
    """The type of `NOT_GIVEN`; false in a boolean context."""

    _instance: NotGiven | None = None

    def __new__(cls) -> NotGiven:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"

    def __reduce__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN: Final = NotGiven()
