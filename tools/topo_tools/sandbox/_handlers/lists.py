"""Contact and account lists and their entries. Reading and renaming are one handler for both kinds (told apart
by the operation id); creating differs (contact entries find their contact and may enroll it in a sequence)."""

from __future__ import annotations

from .._schema import Invalid
from .._state import Record, State
from ._core import Call, batch_create, created_between, found, handles, normalize_linkedin, page, touch, where
from .sequences import enroll, running


def _kind(call: Call) -> str:
    return "contact" if "contact" in call.op.operation_id else "account"


@handles("list_contact_lists", "list_account_lists")
def list_lists(call: Call) -> Record:
    table: dict[str, Record] = getattr(call.state, f"{_kind(call)}_lists")
    return page(call, created_between(where(table.values(), call, name="name"), call))


@handles("get_contact_list", "get_account_list")
def get_list(call: Call) -> Record:
    kind = _kind(call)
    return found(getattr(call.state, f"{kind}_lists"), call.path[f"{kind}_list_id"], f"{kind.title()} list")


@handles("update_contact_list", "update_account_list")
def update_list(call: Call) -> Record:
    kind = _kind(call)
    record = found(getattr(call.state, f"{kind}_lists"), call.path[f"{kind}_list_id"], f"{kind.title()} list")
    editable = ("name", "default_sequence_template_id") if kind == "contact" else ("name",)
    if "default_sequence_template_id" in editable and "default_sequence_template_id" in call.body:
        _template_ref(call.state, call.body["default_sequence_template_id"], "default_sequence_template_id")
    return touch(record, call.state, **{k: v for k, v in call.body.items() if k in editable})


@handles("list_contact_entries", "list_account_entries")
def list_entries(call: Call) -> Record:
    kind = _kind(call)
    table: dict[str, Record] = getattr(call.state, f"{kind}_entries")
    return page(call, where(table.values(), call, **{f"{kind}_list_id": f"{kind}_list_id"}))


@handles("get_contact_entry", "get_account_entry")
def get_entry(call: Call) -> Record:
    kind = _kind(call)
    return found(getattr(call.state, f"{kind}_entries"), call.path[f"{kind}_entry_id"], f"{kind.title()} entry")


def _template_ref(state: State, template_id: str | None, field_name: str) -> None:
    if template_id is not None and template_id not in state.sequence_templates:
        raise Invalid(field_name, f"{field_name}: no sequence template {template_id} in this workspace")


def _check_contact_list(state: State, i: int, item: Record) -> None:
    _template_ref(state, item.get("default_sequence_template_id"), f"items[{i}].default_sequence_template_id")


@batch_create("create_contact_lists", "contact_lists", _check_contact_list)
def create_contact_list(state: State, item: Record, now: str) -> Record:
    return {"id": state.new_id(), "name": item.get("name"),
            "default_sequence_template_id": item.get("default_sequence_template_id"), "entries_count": 0,
            "created_at": now, "updated_at": now}


@batch_create("create_account_lists", "account_lists")
def create_account_list(state: State, item: Record, now: str) -> Record:
    return {"id": state.new_id(), "name": item["name"], "entries_count": 0, "created_at": now, "updated_at": now}


def _check_parent(kind: str, state: State, i: int, item: Record) -> None:
    """A 400 naming item `i` when the workspace has no list of `kind` for it."""
    field_name, list_id = f"items[{i}].{kind}_list_id", item[f"{kind}_list_id"]
    if list_id not in getattr(state, f"{kind}_lists"):
        raise Invalid(field_name, f"{field_name}: no {kind} list {list_id} in this workspace")


def _resolve_contact(state: State, email: str | None, linkedin: str | None) -> Record | None:
    for contact in state.contacts.values():
        if email and (contact["email"] or "").lower() == email.lower():
            return contact
        if linkedin and normalize_linkedin(contact["linkedin_url"]) == normalize_linkedin(linkedin):
            return contact
    return None


def _check_contact_entry(state: State, i: int, item: Record) -> None:
    _check_parent("contact", state, i, item)
    if not item.get("email") and not item.get("linkedin_url"):
        raise Invalid(f"items[{i}].email", f"items[{i}]: email or linkedin_url is required")


@batch_create("create_contact_entries", "contact_entries", _check_contact_entry)
def create_contact_entry(state: State, item: Record, now: str) -> Record:
    contact = _resolve_contact(state, item.get("email"), item.get("linkedin_url"))
    fields = ("first_name", "last_name", "email", "linkedin_url", "company_name", "company_domain", "job_title",
              "phone")
    record: Record = {"id": state.new_id(), "contact_list_id": item["contact_list_id"],
                      "contact_id": contact["id"] if contact else None, **{f: item.get(f) for f in fields},
                      "description": None, "location": None, "created_at": now, "updated_at": now}
    parent = state.contact_lists[item["contact_list_id"]]
    touch(parent, state, entries_count=parent["entries_count"] + 1)
    template_id = parent.get("default_sequence_template_id")
    if contact is not None:
        contact["last_seen_at"] = now
        template = state.sequence_templates.get(template_id or "")
        if template is not None and template["status"] == "ACTIVE" and not running(state, contact["id"],
                                                                                      template["id"]):
            enroll(state, contact["id"], template["id"], {}, source_list=parent["id"])
    return record


def _check_account_entry(state: State, i: int, item: Record) -> None:
    _check_parent("account", state, i, item)
    if not item["domain"].strip():
        raise Invalid(f"items[{i}].domain", f"items[{i}].domain must not be empty")


@batch_create("create_account_entries", "account_entries", _check_account_entry)
def create_account_entry(state: State, item: Record, now: str) -> Record:
    parent = state.account_lists[item["account_list_id"]]
    touch(parent, state, entries_count=parent["entries_count"] + 1)
    return {"id": state.new_id(), "account_list_id": item["account_list_id"],
            "name": item.get("name") or item["domain"], "domain": item["domain"].strip().lower(),
            "created_at": now, "updated_at": now}
