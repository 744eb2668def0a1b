"""Deterministic demo data: one workspace with contacts, lists, exclusions, templates, runs, tasks and activities.

Everything comes from the state's seeded generator, so `Sandbox(seed=1)` always holds the same data. Seeded
timestamps lie in a fixed window in the past; records created while the sandbox runs get the current time, so
they always sort after the seed (which is what pollers using `created_at_after` rely on).
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from topo_ext._spec import document

from ._schema import iso

if TYPE_CHECKING:
    from ._state import Record, State

__all__ = ["SEED_END", "SEED_START", "payload_for", "populate"]

SEED_END = datetime(2025, 6, 30, 18, 0, tzinfo=UTC)
SEED_START = SEED_END - timedelta(days=180)

_FIRST = ["Amélie", "Jordan", "Priya", "Lucas", "Sofia", "Mateo", "Hannah", "Kenji", "Chloé", "Omar", "Ines",
          "Noah", "Freya", "Diego", "Mei", "Tobias", "Zara", "Elliot", "Nadia", "Rafael", "Leila", "Hugo", "Ava",
          "Samuel", "Yuki"]
_LAST = ["Martin", "Nguyen", "Patel", "Schmidt", "Rossi", "García", "Dubois", "Kowalski", "Okafor", "Larsen",
         "Moreau", "Tanaka", "Silva", "Fischer", "Haddad", "Novak", "Bernard", "Costa", "Jansen", "Ahmed"]
_COMPANIES = [("Acme Corp", "acme.com"), ("Globex", "globex.io"), ("Initech", "initech.com"),
              ("Umbrella Health", "umbrella-health.com"), ("Hooli", "hooli.xyz"), ("Stark Analytics", "stark.ai"),
              ("Wayne Logistics", "waynelogistics.com"), ("Soylent Foods", "soylent.co"),
              ("Tyrell Robotics", "tyrell.tech"), ("Cyberdyne", "cyberdyne.dev"), ("Vandelay Imports", "vandelay.com"),
              ("Oceanic Travel", "oceanic.travel"), ("Nakatomi Trading", "nakatomi.jp"),
              ("Pied Piper", "piedpiper.com"), ("Dunder Mifflin", "dundermifflin.com")]
_TITLES = ["Head of Sales", "VP Marketing", "Founder & CEO", "Revenue Operations Manager", "CTO",
           "Growth Lead", "Account Executive", "Chief of Staff", "Head of Partnerships", "Sales Director"]
_PLACES = [("Paris", "Île-de-France", "France"), ("Berlin", "Berlin", "Germany"), ("London", None, "United Kingdom"),
           ("Austin", "Texas", "United States"), ("Toronto", "Ontario", "Canada"), ("Madrid", None, "Spain"),
           ("San Francisco", "California", "United States"), ("Amsterdam", "North Holland", "Netherlands")]
_TEMPLATES = [("Outbound - Series A founders", "ACTIVE", "en", "Europe/Paris"),
              ("Re-engage closed-lost deals", "ACTIVE", "en", "America/New_York"),
              ("Event follow-up (SaaStr)", "INACTIVE", "en", "America/Los_Angeles"),
              ("LinkedIn warm intro", "FINISHING", "fr", "Europe/Paris"),
              ("Hiring managers - EMEA", "PENDING_SETUP", "en", "Europe/London"),
              ("Q4 push (old)", "ARCHIVED", "en", "UTC")]
_EVENT_WEIGHTS = {
    "message.sent": 30, "message.opened": 18, "message.link_clicked": 6, "message.replied": 7,
    "invitation.sent": 8, "invitation.accepted": 4, "hot_lead.created": 2, "meeting.created": 2,
    "sequence.created": 6, "sequence.paused": 2, "sequence.resumed": 2, "sequence.stopped": 1,
    "sequence.completed": 3, "task.created": 4, "task.completed": 3, "task.skipped": 2,
}
_SEQUENCE_STATUSES = ["ACTIVE"] * 6 + ["WAITING_FOR_LEAD", "WAITING_FOR_USER", "SUCCEEDED", "FAILED",
                                       "STOPPED_EARLY", "COMPLETED", "COMPLETED", "FOUND", "REFUSED"]


def _enum(name: str) -> list[str]:
    values: list[str] = document()["components"]["schemas"][name]["enum"]
    return values


def _between(rng: random.Random, start: datetime, end: datetime) -> datetime:
    seconds = max(0.0, (end - start).total_seconds())
    return start + timedelta(milliseconds=int(rng.uniform(0, seconds) * 1000))


def _slug(text: str) -> str:
    table = str.maketrans("éèëíóçñáú", "eeeiocnau")
    return "".join(c for c in text.lower().translate(table) if c.isalnum())


def populate(state: State, *, contacts: int, activities: int) -> None:
    rng = state.rng
    _templates(state, rng)
    _contacts(state, rng, contacts)
    _runs_and_tasks(state, rng)
    _lists(state, rng)
    _exclusions(state, rng)
    _activities(state, rng, activities)


def _templates(state: State, rng: random.Random) -> None:
    for i, (name, status, language, tz) in enumerate(_TEMPLATES):
        created = SEED_START + timedelta(days=i * 3, hours=rng.randint(8, 18))
        tid = state.new_id()
        state.sequence_templates[tid] = {
            "id": tid,
            "name": name,
            "summary": f"{rng.randint(3, 9)}-touch {'email and LinkedIn' if i % 2 == 0 else 'email'} cadence.",
            "status": status,
            "step_count": rng.randint(3, 9),
            "language": language,
            "timezone": tz,
            "activated_at": None if status == "PENDING_SETUP" else iso(created + timedelta(days=1)),
            "created_at": iso(created),
            "updated_at": iso(created + timedelta(days=rng.randint(1, 30))),
        }


def _contacts(state: State, rng: random.Random, count: int) -> None:
    for i in range(count):
        first, last = _FIRST[i % len(_FIRST)], _LAST[(i * 7 + i // len(_FIRST)) % len(_LAST)]
        company, domain = _COMPANIES[rng.randrange(len(_COMPANIES))]
        city, region, country = _PLACES[rng.randrange(len(_PLACES))]
        handle = f"{_slug(first)}-{_slug(last)}-{rng.randrange(16**4):04x}"
        first_seen = _between(rng, SEED_START, SEED_END - timedelta(days=30))
        cid = state.new_id()
        state.contacts[cid] = {
            "id": cid,
            "first_seen_at": iso(first_seen),
            "last_seen_at": iso(_between(rng, first_seen, SEED_END)),
            "email": None if i % 11 == 5 else f"{_slug(first)}.{_slug(last)}@{domain}",
            "first_name": first,
            "last_name": last,
            "job_title": rng.choice(_TITLES),
            "linkedin_url": None if i % 13 == 7 else f"https://www.linkedin.com/in/{handle}",
            "phone_number": None if i % 3 else f"+33 6 {rng.randrange(10**8):08d}",
            "city": city,
            "state": region,
            "country": country,
            "profile_picture_url": None if i % 4 == 1 else f"https://media.example.com/avatars/{handle}.jpg",
            "company_name": company,
            "company_domain": domain,
        }
        if i % 3 == 0:
            state.contact_variables[cid] = {"pain_point": rng.choice(["pipeline", "churn", "hiring"]),
                                            "icebreaker": f"Saw {company} is growing fast", "nps": None}
        if i < len(_COMPANIES) and i % 2 == 0:
            state.company_variables[domain] = {"industry": rng.choice(["SaaS", "Logistics", "Health"]),
                                               "employees": str(rng.choice([40, 120, 800, 5000]))}


def _runs_and_tasks(state: State, rng: random.Random) -> None:
    contact_ids = list(state.contacts)
    templates = [t for t in state.sequence_templates.values() if t["status"] != "PENDING_SETUP"]
    for i in range(80):
        template = templates[i % len(templates)]
        contact = state.contacts[contact_ids[rng.randrange(len(contact_ids))]]
        created = _between(rng, SEED_START + timedelta(days=20), SEED_END - timedelta(days=5))
        status = _SEQUENCE_STATUSES[i % len(_SEQUENCE_STATUSES)]
        sid = state.new_id()
        state.sequences[sid] = {
            "id": sid,
            "organization_id": state.organization_id,
            "contact_id": None if i == 17 else contact["id"],
            "sequence_template_id": template["id"],
            "status": status,
            "variables": {"first_name": contact["first_name"], "company": contact["company_name"]}
            if i % 4 else None,
            "source_contact_list_id": None,
            "last_step_executed_at": None if status in ("FOUND", "REFUSED")
            else iso(created + timedelta(days=rng.randint(1, 4))),
            "created_at": iso(created),
            "updated_at": iso(created + timedelta(days=rng.randint(1, 5))),
        }
    runs = list(state.sequences.values())
    statuses = ["PENDING", "PENDING", "IN_PROGRESS", "COMPLETED", "SKIPPED"]
    for i in range(40):
        run = runs[(i * 3) % len(runs)]
        created = datetime.fromisoformat(run["created_at"]) + timedelta(hours=rng.randint(2, 72))
        task_type = _enum("TaskType")[i % 4]
        status = statuses[i % len(statuses)]
        done = iso(created + timedelta(hours=rng.randint(1, 48)))
        reopened = i % 10 == 0
        tid = state.new_id()
        state.tasks[tid] = {
            "id": tid,
            "organization_id": state.organization_id,
            "type": task_type,
            "priority": _enum("TaskPriority")[i % 3],
            "status": status,
            "sequence_id": run["id"],
            "assignee_user_id": None if i % 6 == 5 else state.user_ids[i % len(state.user_ids)],
            "disposition": rng.choice(_enum("TaskDisposition")) if task_type == "CALL" and status == "COMPLETED"
            else None,
            "reopened_at": iso(created + timedelta(hours=1)) if reopened else None,
            "reopen_reason": "REMINDER_RULE" if reopened else None,
            "skipped_at": done if status == "SKIPPED" else None,
            "completed_at": done if status == "COMPLETED" else None,
            "created_at": iso(created),
            "updated_at": done if status in ("COMPLETED", "SKIPPED") else iso(created),
        }
        state.task_messages[tid] = _thread(state, rng, task_type, created)


def _thread(state: State, rng: random.Random, task_type: str, start: datetime) -> list[Record]:
    channel = {"EMAIL_REPLY": "EMAIL", "LINKEDIN_REPLY": "LINKEDIN", "CALL": "MANUAL"}.get(task_type, "EMAIL")
    lines = ["Hi! Quick question about how your team handles outbound today.",
             "Thanks for reaching out - can you send more details?",
             "Sure, here is a short overview and a link to book a call.",
             "Let's talk next week, Tuesday works for me."]
    messages = []
    for n in range(rng.randint(1, 4)):
        outbound = n % 2 == 0
        messages.append({
            "id": state.new_id(),
            "channel": "CALENDAR" if n == 3 else channel,
            "direction": "OUTBOUND" if outbound else "INBOUND",
            "subject": "Outbound at scale" if channel == "EMAIL" else None,
            "body": lines[n],
            "sent_at": iso(start - timedelta(days=3 - n)),
            "sender_id": rng.choice(state.user_ids) if outbound else None,
        })
    return messages


def _lists(state: State, rng: random.Random) -> None:
    active = next(t["id"] for t in state.sequence_templates.values() if t["status"] == "ACTIVE")
    contacts = list(state.contacts.values())
    for i, name in enumerate(["Q3 webinar attendees", "Champions who changed jobs", "Inbound demo requests"]):
        created = SEED_START + timedelta(days=10 + i * 15)
        lid = state.new_id()
        state.contact_lists[lid] = {"id": lid, "name": name, "default_sequence_template_id": active if i == 2 else None,
                                    "entries_count": 0, "created_at": iso(created),
                                    "updated_at": iso(created + timedelta(days=2))}
        for j in range(8 + i * 2):
            person = contacts[(i * 17 + j * 5) % len(contacts)]
            when = iso(created + timedelta(hours=j + 1))
            eid = state.new_id()
            state.contact_entries[eid] = {
                "id": eid, "contact_list_id": lid, "contact_id": None if j == 3 else person["id"],
                "first_name": person["first_name"], "last_name": person["last_name"], "email": person["email"],
                "linkedin_url": person["linkedin_url"], "company_name": person["company_name"],
                "company_domain": person["company_domain"], "job_title": person["job_title"],
                "phone": person["phone_number"], "description": "Met at the booth" if j % 4 == 0 else None,
                "location": person["city"], "created_at": when, "updated_at": when,
            }
            state.contact_lists[lid]["entries_count"] += 1
    for i, name in enumerate(["Tier 1 targets", "Expansion accounts"]):
        created = SEED_START + timedelta(days=12 + i * 20)
        lid = state.new_id()
        state.account_lists[lid] = {"id": lid, "name": name, "entries_count": 0, "created_at": iso(created),
                                    "updated_at": iso(created + timedelta(days=1))}
        for j in range(6 + i * 3):
            company, domain = _COMPANIES[(i * 5 + j) % len(_COMPANIES)]
            when = iso(created + timedelta(hours=j + 1))
            eid = state.new_id()
            state.account_entries[eid] = {"id": eid, "account_list_id": lid, "name": company, "domain": domain,
                                          "created_at": when, "updated_at": when}
            state.account_lists[lid]["entries_count"] += 1


def _exclusions(state: State, rng: random.Random) -> None:
    reasons = _enum("ExclusionReason")
    for i in range(len(reasons) + 5):
        reason = reasons[i % len(reasons)]
        created = _between(rng, SEED_START, SEED_END)
        first, last = _FIRST[(i * 3) % len(_FIRST)].lower(), _LAST[(i * 5) % len(_LAST)].lower()
        email = None if i % 7 == 3 else f"{_slug(first)}.{_slug(last)}{i}@example.org"
        eid = state.new_id()
        state.contact_exclusions[eid] = {
            "id": eid,
            "email": email,
            "linkedin_url": f"https://www.linkedin.com/in/{_slug(first)}-{_slug(last)}-{i}"
            if i % 2 or email is None else None,
            "reason": reason,
            "message": f"Excluded: {reason.replace('_', ' ').lower()}" if i % 3 else None,
            "until": iso(SEED_END + timedelta(days=90 + i)) if reason in ("BAD_TIMING", "OUT_OF_OFFICE") else None,
            "created_at": iso(created),
            "updated_at": iso(created + timedelta(days=i % 4)),
        }
    for i, reason in enumerate(reasons):
        created = _between(rng, SEED_START, SEED_END)
        eid = state.new_id()
        state.account_exclusions[eid] = {
            "id": eid, "domain": f"{_slug(reason)}-{i}.example.net", "reason": reason,
            "message": "Direct competitor" if reason == "COMPETITOR" else None,
            "until": iso(SEED_END + timedelta(days=30)) if reason == "BAD_TIMING" else None,
            "created_at": iso(created), "updated_at": iso(created),
        }


def _activities(state: State, rng: random.Random, count: int) -> None:
    types = _enum("EventType")
    weights = [_EVENT_WEIGHTS.get(t, 1) for t in types]
    chosen = types[:count]  # every event type at least once (when count allows), then weighted picks
    chosen += rng.choices(types, weights, k=max(0, count - len(chosen)))
    rng.shuffle(chosen)
    step = (SEED_END - SEED_START) / max(count, 1)
    when = SEED_START
    for i, event_type in enumerate(chosen):
        # About one in six activities shares the previous one's created_at, as bursts do in the real feed.
        if i == 0 or rng.random() >= 1 / 6:
            jitter = rng.randrange(max(1, int(step.total_seconds() * 500)))
            when = SEED_START + step * i + timedelta(milliseconds=jitter)
        state.add_activity(event_type, created_at=when, notify=False)


def payload_for(state: State, rng: random.Random, event_type: str, when: datetime) -> Record:
    """A realistic snake_case payload of `event_type`, tied to existing runs, contacts and tasks when possible."""
    task = None
    family, _, action = event_type.partition(".")
    if family == "task" and state.tasks:
        task = state.tasks[rng.choice(list(state.tasks))]
    runs = list(state.sequences)
    run = state.sequences.get(task["sequence_id"]) if task else (state.sequences[rng.choice(runs)] if runs else None)
    payload: Record = {
        "type": event_type,
        "organization_id": state.organization_id,
        "person_id": run["contact_id"] if run else None,
        "sequence_id": run["id"] if run else None,
        "sequence_template_id": run["sequence_template_id"] if run else None,
        "resource_type": "SEQUENCE",
        "channel": None,
        "message_id": None,
        "hot_lead_id": None,
        "calendar_event_id": None,
        "task_id": None,
        "metadata": None,
    }
    if family == "message":
        email_only = action in ("opened", "link_clicked")
        payload.update(resource_type="MESSAGE", message_id=state.new_id(),
                       channel="EMAIL" if email_only or rng.random() < 0.7 else "LINKEDIN")
        if action == "replied":
            payload["metadata"] = {"reply_category": "INTERESTED" if rng.random() < 0.4 else None}
    elif family == "invitation":
        payload.update(resource_type="INVITATION", channel="LINKEDIN")
        if action == "sent":
            payload["metadata"] = {"step_number": rng.randint(1, 6)}
    elif family == "hot_lead":
        payload.update(resource_type="HOT_LEAD", hot_lead_id=state.new_id(), channel=rng.choice(["EMAIL", "LINKEDIN"]))
    elif family == "meeting":
        payload.update(resource_type="MEETING", calendar_event_id=state.new_id())
    elif family == "task":
        payload.update(resource_type="TASK", channel="MANUAL", task_id=task["id"] if task else state.new_id())
    elif action == "paused":
        payload["metadata"] = {"paused_until": iso(when + timedelta(days=rng.randint(2, 14))),
                               "last_step_executed": rng.randint(1, 5)}
    elif action == "stopped":
        payload["metadata"] = {"stopped_reason": rng.choice(["MANUAL_STOP", "CONTACT_REPLIED", "BOUNCED"]),
                               "error_code": None}
    return payload
