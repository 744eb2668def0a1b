"""The handler registry and what every handler shares: `Call` (one checked request), `ApiError`, paging,
filtering, batches. Arguments arrive already checked against the spec (see `_app.py`).

Sync handlers run under the state lock; an async handler (webhook test) takes the lock itself around state access.
A handler returns the JSON-ready body (None for 204) or raises `ApiError`.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from topo_ext._spec import OperationSpec

from .._faults import SERVER_ERROR_TYPE
from .._schema import parse_time
from .._state import ApiKey, Record, State


class ApiError(Exception):
    """An error answer: HTTP status, the API's error `type`, a message and optional structured `data`."""

    def __init__(self, status: int, error_type: str, message: str, data: Any = None) -> None:
        super().__init__(message)
        self.status = status
        self.type = error_type
        self.message = message
        self.data = data


@dataclass
class Call:
    """One checked request: path parameters, query parameters (with spec defaults) and body."""

    state: State
    op: OperationSpec
    key: ApiKey
    path: dict[str, Any]
    query: dict[str, Any]
    provided: set[str]  # query parameters the client actually sent
    body: Any = None
    request_id: str = ""
    _read: set[str] = field(default_factory=set)

    def q(self, name: str) -> Any:
        """A query parameter's value (None when absent); reading it marks it as implemented."""
        self._read.add(name)
        return self.query.get(name)

    def check_all_read(self) -> None:
        """Fail loudly when the spec grew a parameter the sandbox does not implement (never ignore a filter)."""
        unread = sorted(self.provided - self._read)
        if unread:
            raise ApiError(500, SERVER_ERROR_TYPE, f"the sandbox does not implement query parameter(s) "
                                                 f"{', '.join(unread)} of {self.op.operation_id}")


Handler = Callable[[Call], Any]
HANDLERS: dict[str, Handler] = {}


def handles(*operation_ids: str) -> Callable[[Handler], Handler]:
    def register(handler: Handler) -> Handler:
        for op_id in operation_ids:
            HANDLERS[op_id] = handler
        return handler

    return register


# shared helpers --------------------------------------------------------------------------------------------


def found(table: dict[str, Record], record_id: str, what: str) -> Record:
    record = table.get(record_id)
    if record is None:
        raise ApiError(404, "NotFoundIssue", f"{what} not found")
    return record


def page(call: Call, rows: Iterable[Record], *, sort_default: str = "created_at") -> Record:
    """Sort (sort_by / sort_order, ties by id) and cut one page out of `rows`, in the list envelope."""
    sort_by, order = call.q("sort_by"), call.q("sort_order")
    number, size = call.q("page"), call.q("size")
    key = sort_by or sort_default
    items = sorted(rows, key=lambda r: (r.get(key) is None, r.get(key) or "", r["id"]), reverse=order == "desc")
    total_pages = math.ceil(len(items) / size)
    chunk = items[(number - 1) * size: number * size]
    return {"items": chunk, "total_count": len(items), "total_pages": total_pages, "has_more": number < total_pages}


def where(rows: Iterable[Record], call: Call, **fields: str) -> list[Record]:
    """Keep rows whose `field` equals query parameter `param` (for each given param=field pair that was sent)."""
    out = list(rows)
    for param, name in fields.items():
        wanted = call.q(param)
        if wanted is not None:
            out = [r for r in out if r.get(name) == wanted]
    return out


def created_between(rows: Iterable[Record], call: Call, name: str = "created_at",
                    after: str = "created_at_after", before: str = "created_at_before") -> list[Record]:
    low, high = call.q(after), call.q(before) if before else None
    out = list(rows)
    if low is not None:
        out = [r for r in out if r.get(name) and parse_time(r[name]) > low]
    if high is not None:
        out = [r for r in out if r.get(name) and parse_time(r[name]) < high]
    return out


def normalize_linkedin(url: str | None) -> str | None:
    if not url:
        return None
    text = url.strip().lower().split("?")[0].rstrip("/")
    for prefix in ("https://", "http://", "www."):
        text = text.removeprefix(prefix)
    return text


def emit(state: State, event_type: str, run: Record | None, **fields: Any) -> None:
    """Record the activity an action causes (and so deliver it to webhook subscribers)."""
    ids = {"person_id": run["contact_id"], "sequence_id": run["id"],
           "sequence_template_id": run["sequence_template_id"]} if run else {}
    state.add_activity(event_type, **{**ids, **fields})


def touch(record: Record, state: State, **changes: Any) -> Record:
    record.update(changes, updated_at=state.now())
    return record


Check = Callable[[State, int, Record], None]
Create = Callable[[State, Record, str], Record]


def batch_create(operation_id: str, table: str, check: Check | None = None) -> Callable[[Create], Create]:
    """Register an all-or-nothing batch create: `check(state, index, item)` every item first (400 on the first bad
    one), then `create(state, item, now)` each and store the record in `state.<table>` under its id."""

    def register(create: Create) -> Create:
        def handler(call: Call) -> Record:
            state, items = call.state, call.body["items"]
            for index, item in enumerate(items):
                if check is not None:
                    check(state, index, item)
            now, results = state.now(), []
            for index, item in enumerate(items):
                record = create(state, item, now)
                getattr(state, table)[record["id"]] = record
                results.append({"index": index, "status": "CREATED", "resource": record, "error": None})
            return {"items": results, "summary": {"total": len(items), "succeeded": len(items), "failed": 0}}

        handles(operation_id)(handler)
        return create

    return register
