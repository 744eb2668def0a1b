"""`client.account_lists`: generated from the spec by generator/resources.py; do not edit."""

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

from ..api.account_lists import (
    create_account_entries,
    create_account_lists,
    get_account_entry,
    get_account_list,
    list_account_entries,
    list_account_lists,
    update_account_list,
)
from ..models import AccountEntryCreate, AccountListCreate
from ..responses import (
    AccountEntry,
    AccountEntryBatchResult,
    AccountEntryPage,
    AccountList,
    AccountListBatchResult,
    AccountListPage,
)

_create_account_lists = endpoint(create_account_lists.build_request, AccountListBatchResult)
_get_account_list = endpoint(get_account_list.build_request, AccountList)
_list_account_lists = endpoint(list_account_lists.build_request, AccountListPage)
_update_account_list = endpoint(update_account_list.build_request, AccountList)
_create_account_entries = endpoint(create_account_entries.build_request, AccountEntryBatchResult)
_get_account_entry = endpoint(get_account_entry.build_request, AccountEntry)
_list_account_entries = endpoint(list_account_entries.build_request, AccountEntryPage)


class Entries(SyncAPIResource[M]):
    """`client.account_lists.entries`."""

    create = sync_batch(_create_account_entries, AccountEntryCreate)
    get = sync_op(_get_account_entry)
    list = sync_list(_list_account_entries)


class AsyncEntries(AsyncAPIResource[M]):
    """`client.account_lists.entries` (AsyncTopo)."""

    create = async_batch(_create_account_entries, AccountEntryCreate)
    get = async_op(_get_account_entry)
    list = async_list(_list_account_entries)


class AccountLists(SyncAPIResource[M]):
    """`client.account_lists`."""

    create = sync_batch(_create_account_lists, AccountListCreate)
    get = sync_op(_get_account_list)
    list = sync_list(_list_account_lists)
    update = sync_op(_update_account_list)

    @cached_property
    def entries(self) -> Entries[M]:
        return Entries(self._client)


class AsyncAccountLists(AsyncAPIResource[M]):
    """`client.account_lists` (AsyncTopo)."""

    create = async_batch(_create_account_lists, AccountListCreate)
    get = async_op(_get_account_list)
    list = async_list(_list_account_lists)
    update = async_op(_update_account_list)

    @cached_property
    def entries(self) -> AsyncEntries[M]:
        return AsyncEntries(self._client)
