"""`/me` and contacts, with their variables."""

from __future__ import annotations

from typing import Any

from .._state import Record, State
from ._core import ApiError, Call, created_between, found, handles, normalize_linkedin, page, where

VARIABLES_PER_SCOPE = 200

@handles("get_me")
def get_me(call: Call) -> Record:
    return call.key.as_me(call.state.organization_id)


@handles("list_contacts")
def list_contacts(call: Call) -> Record:
    rows = where(call.state.contacts.values(), call, contact_id="id")
    if (email := call.q("email")) is not None:
        rows = [r for r in rows if (r["email"] or "").lower() == email.lower()]
    if (linkedin := call.q("linkedin_url")) is not None:
        rows = [r for r in rows if normalize_linkedin(r["linkedin_url"]) == normalize_linkedin(linkedin)]
    rows = created_between(rows, call, "first_seen_at", "first_seen_after", "")
    rows = created_between(rows, call, "last_seen_at", "last_seen_after", "")
    return page(call, rows, sort_default="first_seen_at")


@handles("get_contact")
def get_contact(call: Call) -> Record:
    return found(call.state.contacts, call.path["contact_id"], "Contact")


def _variables(state: State, contact: Record) -> tuple[dict[str, Any], dict[str, Any]]:
    company = contact.get("company_domain") or f"contact:{contact['id']}"
    return state.contact_variables.setdefault(contact["id"], {}), state.company_variables.setdefault(company, {})


@handles("get_contact_variables")
def get_contact_variables(call: Call) -> Record:
    mine, company = _variables(call.state, found(call.state.contacts, call.path["contact_id"], "Contact"))
    return {"contact_variables": dict(mine), "company_variables": dict(company)}


@handles("update_contact_variables")
def update_contact_variables(call: Call) -> Record:
    contact = found(call.state.contacts, call.path["contact_id"], "Contact")
    mine, company = _variables(call.state, contact)
    for name, target in (("contact_variables", mine), ("company_variables", company)):
        new = call.body.get(name) or {}
        if len(set(target) | set(new)) > VARIABLES_PER_SCOPE:
            raise ApiError(422, "BusinessIssue", f"{name} would hold more than {VARIABLES_PER_SCOPE} variables; "
                                                 "delete some keys first", {"field": name})
    mine.update(call.body.get("contact_variables") or {})
    company.update(call.body.get("company_variables") or {})
    contact["last_seen_at"] = call.state.now()
    return {"contact_variables": dict(mine), "company_variables": dict(company)}


@handles("delete_contact_variables")
def delete_contact_variables(call: Call) -> None:
    mine, company = _variables(call.state, found(call.state.contacts, call.path["contact_id"], "Contact"))
    for key in call.q("contact_keys") or ():
        mine.pop(key, None)
    for key in call.q("company_keys") or ():
        company.pop(key, None)
