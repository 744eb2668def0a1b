"""Contact and account exclusions: one set of handlers for both kinds, told apart by the operation id."""

from __future__ import annotations

from dataclasses import dataclass

from .._schema import Invalid, iso, parse_time
from .._state import Record, State
from ._core import ApiError, Call, created_between, found, handles, normalize_linkedin, page, touch, where


@dataclass(frozen=True)
class _Kind:
    table: str  # the State attribute holding them
    what: str  # for "... not found"
    filters: dict[str, str]  # query parameter -> field, for list


_KINDS = {
    "contact": _Kind("contact_exclusions", "Contact exclusion",
                     {"email": "email", "linkedin_url": "linkedin_url", "reason": "reason"}),
    "account": _Kind("account_exclusions", "Account exclusion", {"domain": "domain", "reason": "reason"}),
}


def _kind(call: Call) -> tuple[dict[str, Record], _Kind]:
    kind = _KINDS["contact" if "contact" in call.op.operation_id else "account"]
    table: dict[str, Record] = getattr(call.state, kind.table)
    return table, kind


def _time(value: str | None) -> str | None:
    return iso(parse_time(value)) if value else None


@handles("list_contact_exclusions", "list_account_exclusions")
def list_exclusions(call: Call) -> Record:
    table, kind = _kind(call)
    return page(call, created_between(where(table.values(), call, **kind.filters), call))


def _contact_duplicate(state: State, body: Record) -> Record | None:
    email, linkedin = body.get("email") or None, body.get("linkedin_url") or None
    if email is None and linkedin is None:
        raise Invalid("email", "email or linkedin_url is required (at least one of them)")
    for other in state.contact_exclusions.values():
        if (email and (other["email"] or "").lower() == email.lower()) or (
                linkedin and normalize_linkedin(other["linkedin_url"]) == normalize_linkedin(linkedin)):
            return other
    return None


def _account_duplicate(state: State, body: Record) -> Record | None:
    if not body["domain"].strip():
        raise Invalid("domain", "domain must not be empty")
    return next((o for o in state.account_exclusions.values()
                 if (o["domain"] or "").lower() == body["domain"].strip().lower()), None)


@handles("create_contact_exclusion", "create_account_exclusion")
def create_exclusion(call: Call) -> Record:
    body, state = call.body, call.state
    table, kind = _kind(call)
    if kind is _KINDS["contact"]:
        duplicate = _contact_duplicate(state, body)
        who = {"email": body.get("email") or None, "linkedin_url": body.get("linkedin_url") or None}
        conflict = "An exclusion for this person already exists"
    else:
        duplicate = _account_duplicate(state, body)
        who = {"domain": body["domain"].strip().lower()}
        conflict = f"An exclusion for {who['domain']} already exists"
    if duplicate is not None:
        raise ApiError(409, "CommitIssue", conflict, {"existing_id": duplicate["id"]})
    now = state.now()
    record: Record = {"id": state.new_id(), **who, "reason": body["reason"], "message": body.get("message"),
                      "until": _time(body.get("until")), "created_at": now, "updated_at": now}
    table[record["id"]] = record
    return record


@handles("get_contact_exclusion", "get_account_exclusion")
def get_exclusion(call: Call) -> Record:
    table, kind = _kind(call)
    return found(table, call.path["exclusion_id"], kind.what)


@handles("update_contact_exclusion", "update_account_exclusion")
def update_exclusion(call: Call) -> Record:
    table, kind = _kind(call)
    record = found(table, call.path["exclusion_id"], kind.what)
    changes = {k: v for k, v in call.body.items() if k in ("reason", "message")}
    if "until" in call.body:
        changes["until"] = _time(call.body["until"])
    return touch(record, call.state, **changes)


@handles("delete_contact_exclusion", "delete_account_exclusion")
def delete_exclusion(call: Call) -> None:
    table, kind = _kind(call)
    found(table, call.path["exclusion_id"], kind.what)
    del table[call.path["exclusion_id"]]
