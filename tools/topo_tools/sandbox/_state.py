"""The sandbox's in-memory workspace: every resource as plain JSON-ready dicts, guarded by one lock.

Records are stored exactly as the API returns them (timestamps already formatted by `iso`), so handlers only
filter, sort and copy. Tests reach in through `Sandbox.state` to add or inspect data:

    sb.state.add_activity("message.replied", metadata={"reply_category": "INTERESTED"})
    sb.state.contacts[contact_id]["email"]
"""

from __future__ import annotations

import bisect
import random
import secrets
import threading
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from topo_ext._spec import document, operations

from ._schema import iso, parse_time

__all__ = ["ALL_SCOPES", "EVENT_TYPES", "ApiKey", "Delivery", "Record", "State"]

Record = dict[str, Any]
ActivityListener = Callable[[Record], None]

EVENT_TYPES: tuple[str, ...] = tuple(document()["components"]["schemas"]["EventType"]["enum"])
ALL_SCOPES: tuple[str, ...] = tuple(sorted({s for op in operations().values() for s in op.scopes}))
_MAX_ID = "~"  # sorts after every id, for bisecting (created_at, id) pairs on created_at alone


@dataclass
class ApiKey:
    """An issued API key. The raw key is never stored on it (it is only the lookup key in `State.keys`)."""

    id: str
    name: str
    scopes: tuple[str, ...]
    key_prefix: str
    created_at: str
    last_used_at: str | None = None

    def as_me(self, organization_id: str) -> Record:
        return {
            "id": self.id,
            "organization_id": organization_id,
            "name": self.name,
            "key_prefix": self.key_prefix,
            "scopes": list(self.scopes),
            "last_used_at": self.last_used_at,
            "created_at": self.created_at,
        }


@dataclass
class Delivery:
    """One webhook delivery attempt (signed POST to a subscription's URL)."""

    subscription_id: str
    event_type: str
    url: str
    delivered: bool
    status_code: int | None = None
    error: str | None = None
    test: bool = False
    at: str = field(default_factory=lambda: iso(datetime.now(UTC)))


class State:
    """A seeded, deterministic Topo workspace. Every method is thread-safe (one re-entrant lock).

    `seed` fixes all generated data and every id the sandbox hands out later (same calls, same ids);
    `activities` is how many activities to seed; `clock` (tests) replaces the wall clock for new records.
    """

    def __init__(self, seed: int = 1, activities: int = 2000, *, contacts: int = 50,
                 clock: Callable[[], datetime] | None = None) -> None:
        if activities < 0 or contacts < 1:
            raise ValueError("activities must be >= 0 and contacts >= 1")
        self.lock = threading.RLock()
        self.rng = random.Random(seed)
        self._clock = clock or (lambda: datetime.now(UTC))
        self._listeners: list[ActivityListener] = []
        self.keys: dict[str, ApiKey] = {}
        self.organization_id = self.new_id()
        self.user_ids: list[str] = [self.new_id() for _ in range(4)]
        self.contacts: dict[str, Record] = {}
        self.contact_variables: dict[str, dict[str, Any]] = {}  # by contact id
        self.company_variables: dict[str, dict[str, Any]] = {}  # by company domain (or "contact:<id>")
        self.contact_exclusions: dict[str, Record] = {}
        self.account_exclusions: dict[str, Record] = {}
        self.contact_lists: dict[str, Record] = {}
        self.contact_entries: dict[str, Record] = {}
        self.account_lists: dict[str, Record] = {}
        self.account_entries: dict[str, Record] = {}
        self.sequence_templates: dict[str, Record] = {}
        self.sequences: dict[str, Record] = {}
        self.tasks: dict[str, Record] = {}
        self.task_messages: dict[str, list[Record]] = {}  # by task id
        self.webhooks: dict[str, Record] = {}
        self.webhook_secrets: dict[str, str] = {}  # by subscription id; never part of a response after create
        self.activities: dict[str, Record] = {}
        self._activity_order: list[tuple[datetime, str]] = []
        self.deliveries: list[Delivery] = []

        from ._seed import populate  # the demo data builder needs the (empty) state

        populate(self, contacts=contacts, activities=activities)

    # ids, time, keys ---------------------------------------------------------------------------------------

    def new_id(self) -> str:
        """A UUID from the seeded generator, so a replayed session gets the same ids."""
        with self.lock:
            return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def now(self) -> str:
        return iso(self._clock())

    def make_key(self, scopes: Iterable[str] = ALL_SCOPES, *, name: str = "Sandbox key") -> str:
        """Issue an API key holding exactly `scopes`; returns the raw key (random, never derived from the seed)."""
        if isinstance(scopes, str):
            raise TypeError("scopes: pass a list of scope names, e.g. ['contacts:read']")
        wanted = tuple(scopes)
        unknown = sorted(set(wanted) - set(ALL_SCOPES))
        if unknown:
            raise ValueError(f"scopes: unknown scope(s) {', '.join(unknown)}; known: {', '.join(ALL_SCOPES)}")
        raw = "topo_sbx_" + secrets.token_hex(20)
        with self.lock:
            self.keys[raw] = ApiKey(self.new_id(), name, wanted, raw[:13], self.now())
        return raw

    def authenticate(self, raw: str) -> ApiKey | None:
        with self.lock:
            return self.keys.get(raw)

    # activities --------------------------------------------------------------------------------------------

    def on_activity(self, listener: ActivityListener) -> Callable[[], None]:
        """Call `listener(activity)` for every activity recorded from now on; returns the unsubscribe function."""
        with self.lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self.lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def add_activity(self, event: str | Mapping[str, Any], *, created_at: datetime | str | None = None,
                     notify: bool = True, **fields: Any) -> Record:
        """Record an activity and deliver it to matching webhook subscriptions.

        `event` is an event type (a realistic payload is generated around it, `fields` override its keys) or a
        whole payload mapping (kept as given, e.g. to test unknown event types or extra keys).
        """
        from ._seed import payload_for

        with self.lock:
            when = parse_time(created_at) if isinstance(created_at, str) else (created_at or self._clock())
            if isinstance(event, str):
                payload = payload_for(self, self.rng, event, when)
            elif isinstance(event, Mapping) and isinstance(event.get("type"), str):
                payload = dict(event)
            else:
                raise TypeError("event: pass an event type such as 'message.sent' or a payload dict with a 'type'")
            unknown = [k for k in fields if k not in payload and isinstance(event, str)]
            if unknown:
                raise TypeError(f"add_activity: unknown payload field(s) {', '.join(unknown)}; pass a payload dict "
                                "to send arbitrary keys")
            payload.update(fields)
            activity: Record = {"id": self.new_id(), "created_at": iso(when), "payload": payload}
            self.activities[activity["id"]] = activity
            bisect.insort(self._activity_order, (parse_time(activity["created_at"]), activity["id"]))
            listeners = list(self._listeners) if notify else []
        for listener in listeners:
            listener(activity)
        return activity

    def activities_between(self, after: datetime | None = None, before: datetime | None = None) -> list[Record]:
        """Activities recorded strictly after `after` and strictly before `before`, oldest first (ties by id)."""
        with self.lock:
            return [self.activities[i] for _, i in self.activity_window(after, before)]

    def activity_window(self, after: datetime | None = None,
                        before: datetime | None = None) -> list[tuple[datetime, str]]:
        """(created_at, id) of the activities strictly between the bounds, oldest first: cheap to slice."""
        with self.lock:
            order = self._activity_order
            lo = bisect.bisect_right(order, (after, _MAX_ID)) if after is not None else 0
            hi = bisect.bisect_left(order, (before, "")) if before is not None else len(order)
            return order[lo:hi]

    # webhooks ----------------------------------------------------------------------------------------------

    def subscriptions_for(self, payload: Mapping[str, Any]) -> list[tuple[Record, str]]:
        """(subscription, secret) for every ACTIVE subscription that wants this event."""
        with self.lock:
            found = []
            for sub in self.webhooks.values():
                templates = sub.get("sequence_template_ids")
                if (sub["status"] == "ACTIVE" and payload.get("type") in sub["event_types"]
                        and (templates is None or payload.get("sequence_template_id") in templates)):
                    found.append((dict(sub), self.webhook_secrets[sub["id"]]))
            return found

    def record_delivery(self, delivery: Delivery) -> None:
        with self.lock:
            self.deliveries.append(delivery)
