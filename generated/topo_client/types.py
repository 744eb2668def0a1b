"""The not-given sentinel of optional arguments and request model fields."""

from typing import Literal


class Unset:
    """The default of an argument left out: not sent (unlike None, which is sent as null)."""

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Unset = Unset()

__all__ = ["UNSET", "Unset"]
