"""Open string enums: the API adds enum values within /v1 without notice, so parsing one must never fail.

Copied verbatim into the generated package by `generator/generate.py`; every generated enum (openapi-python-client
request models and the datamodel-code-generator response models) derives from `OpenStrEnum`. topo_ext's decoder
finds unknown values on decoded models (`is_unknown`) and reports them to the client's drift record.
"""

from __future__ import annotations

import threading
from enum import StrEnum
from typing import Any, ClassVar

#: How many unknown values any open enum has parsed in this process (only ever grows): the fast decode path reads
#: it before and after a decode (an attribute read, not a call: it is on every response's path).
unknown_count = 0
_lock = threading.Lock()


class OpenStrEnum(StrEnum):
    """A `StrEnum` that accepts any string.

    Known values match case-insensitively (`SortOrder("ASC") is SortOrder.ASC`). Any other string becomes a
    pseudo-member that compares equal to the raw string, keeps it in `.value`, and has `is_unknown` set.
    """

    _unknown_: ClassVar[dict[str, Any]]

    @classmethod
    def _missing_(cls, value: object) -> Any:
        if not isinstance(value, str):
            return None
        folded = value.casefold()
        for member in cls:
            if member.value.casefold() == folded:
                return member
        global unknown_count
        with _lock:  # never a lost count, whatever the threads: a reader must see any unknown value since it looked
            unknown_count += 1
        cache = cls.__dict__.get("_unknown_")
        if cache is None:
            cache = {}
            type.__setattr__(cls, "_unknown_", cache)
        member = cache.get(value)
        if member is None:
            member = str.__new__(cls, value)
            member._name_ = value
            member._value_ = value
            cache[value] = member
        return member

    @property
    def is_unknown(self) -> bool:
        """True for a value this version of the client does not know."""
        return self._name_ not in type(self)._member_map_

    def __repr__(self) -> str:
        if self.is_unknown:
            return f"<{type(self).__name__} unknown value {self._value_!r}>"
        return super().__repr__()
