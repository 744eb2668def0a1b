"""`client.contact_lists`: generated from the spec by generator/resources.py; do not edit."""

from __future__ import annotations

from functools import cached_property

from topo_ext._resource import (
    AsyncAPIResource,
    M,
    SyncAPIResource,
    async_batch,
    async_list,
    async_op,
    endpoint,
    sync_batch,
    sync_list,
    sync_op,
)

from ..api.contact_lists import (
    create_contact_entries,
    create_contact_lists,
    get_contact_entry,
    get_contact_list,
    list_contact_entries,
    list_contact_lists,
    update_contact_list,
)
from ..models import ContactEntryCreate, ContactListCreate
from ..responses import (
    ContactEntry,
    ContactEntryBatchResult,
    ContactEntryPage,
    ContactList,
    ContactListBatchResult,
    ContactListPage,
)

_create_contact_lists = endpoint(create_contact_lists.build_request, ContactListBatchResult)
_get_contact_list = endpoint(get_contact_list.build_request, ContactList)
_list_contact_lists = endpoint(list_contact_lists.build_request, ContactListPage)
_update_contact_list = endpoint(update_contact_list.build_request, ContactList)
_create_contact_entries = endpoint(create_contact_entries.build_request, ContactEntryBatchResult)
_get_contact_entry = endpoint(get_contact_entry.build_request, ContactEntry)
_list_contact_entries = endpoint(list_contact_entries.build_request, ContactEntryPage)


class Entries(SyncAPIResource[M]):
    """`client.contact_lists.entries`."""

    create = sync_batch(_create_contact_entries, ContactEntryCreate)
    get = sync_op(_get_contact_entry)
    list = sync_list(_list_contact_entries)


class AsyncEntries(AsyncAPIResource[M]):
    """`client.contact_lists.entries` (AsyncTopo)."""

    create = async_batch(_create_contact_entries, ContactEntryCreate)
    get = async_op(_get_contact_entry)
    list = async_list(_list_contact_entries)


class ContactLists(SyncAPIResource[M]):
    """`client.contact_lists`."""

    create = sync_batch(_create_contact_lists, ContactListCreate)
    get = sync_op(_get_contact_list)
    list = sync_list(_list_contact_lists)
    update = sync_op(_update_contact_list)

    @cached_property
    def entries(self) -> Entries[M]:
        return Entries(self._client)


class AsyncContactLists(AsyncAPIResource[M]):
    """`client.contact_lists` (AsyncTopo)."""

    create = async_batch(_create_contact_lists, ContactListCreate)
    get = async_op(_get_contact_list)
    list = async_list(_list_contact_lists)
    update = async_op(_update_contact_list)

    @cached_property
    def entries(self) -> AsyncEntries[M]:
        return AsyncEntries(self._client)
