"""The activity feed."""

from __future__ import annotations

import math

from .._state import Record
from ._core import Call, found, handles


@handles("list_activities")
def list_activities(call: Call) -> Record:
    state = call.state
    window = state.activity_window(call.q("created_at_after"), call.q("created_at_before"))
    wanted = {n: v for n in ("person_id", "sequence_id", "sequence_template_id", "resource_type", "channel")
              if (v := call.q(n)) is not None}
    event = call.q("event_type")
    if wanted or event is not None:
        # SENT matches message.sent and invitation.sent: the filter is the upper-cased action of the type.
        window = [(t, i) for t, i in window
                  if all(state.activities[i]["payload"].get(n) == v for n, v in wanted.items())
                  and (event is None or str(state.activities[i]["payload"].get("type", "")).partition(".")[2].upper()
                       == event)]
    call.q("sort_by")  # created_at is the only sort field, and the order the window is already in
    if call.q("sort_order") == "desc":
        window.reverse()
    number, size = call.q("page"), call.q("size")
    total_pages = math.ceil(len(window) / size)
    return {"items": [state.activities[i] for _, i in window[(number - 1) * size: number * size]],
            "total_count": len(window), "total_pages": total_pages, "has_more": number < total_pages}


@handles("get_activity")
def get_activity(call: Call) -> Record:
    return found(call.state.activities, call.path["activity_id"], "Activity")
