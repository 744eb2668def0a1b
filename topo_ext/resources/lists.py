"""Contact lists and account lists, with their entries (`client.contact_lists.entries`)."""

from __future__ import annotations

from functools import cached_property

from topo_client.api.account_lists import (
    create_account_entries,
    create_account_lists,
    get_account_entry,
    get_account_list,
    list_account_entries,
    list_account_lists,
    update_account_list,
)
from topo_client.api.contact_lists import (
    create_contact_entries,
    create_contact_lists,
    get_contact_entry,
    get_contact_list,
    list_contact_entries,
    list_contact_lists,
    update_contact_list,
)
from topo_client.models import AccountEntryCreate, AccountListCreate, ContactEntryCreate, ContactListCreate
from topo_client.responses import (
    AccountEntry,
    AccountEntryBatchResult,
    AccountEntryPage,
    AccountList,
    AccountListBatchResult,
    AccountListPage,
    ContactEntry,
    ContactEntryBatchResult,
    ContactEntryPage,
    ContactList,
    ContactListBatchResult,
    ContactListPage,
)

from .._resource import (
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

_cl_list = endpoint(list_contact_lists.build_request, ContactListPage)
_cl_create = endpoint(create_contact_lists.build_request, ContactListBatchResult)
_cl_get = endpoint(get_contact_list.build_request, ContactList)
_cl_update = endpoint(update_contact_list.build_request, ContactList)
_ce_list = endpoint(list_contact_entries.build_request, ContactEntryPage)
_ce_create = endpoint(create_contact_entries.build_request, ContactEntryBatchResult)
_ce_get = endpoint(get_contact_entry.build_request, ContactEntry)

_al_list = endpoint(list_account_lists.build_request, AccountListPage)
_al_create = endpoint(create_account_lists.build_request, AccountListBatchResult)
_al_get = endpoint(get_account_list.build_request, AccountList)
_al_update = endpoint(update_account_list.build_request, AccountList)
_ae_list = endpoint(list_account_entries.build_request, AccountEntryPage)
_ae_create = endpoint(create_account_entries.build_request, AccountEntryBatchResult)
_ae_get = endpoint(get_account_entry.build_request, AccountEntry)


class ContactEntries(SyncAPIResource[M]):
    list = sync_list(_ce_list)
    create = sync_batch(_ce_create, ContactEntryCreate)
    get = sync_op(_ce_get)


class AsyncContactEntries(AsyncAPIResource[M]):
    list = async_list(_ce_list)
    create = async_batch(_ce_create, ContactEntryCreate)
    get = async_op(_ce_get)


class ContactLists(SyncAPIResource[M]):
    list = sync_list(_cl_list)
    create = sync_batch(_cl_create, ContactListCreate)
    get = sync_op(_cl_get)
    update = sync_op(_cl_update)

    @cached_property
    def entries(self) -> ContactEntries[M]:
        return ContactEntries(self._client)


class AsyncContactLists(AsyncAPIResource[M]):
    list = async_list(_cl_list)
    create = async_batch(_cl_create, ContactListCreate)
    get = async_op(_cl_get)
    update = async_op(_cl_update)

    @cached_property
    def entries(self) -> AsyncContactEntries[M]:
        return AsyncContactEntries(self._client)


class AccountEntries(SyncAPIResource[M]):
    list = sync_list(_ae_list)
    create = sync_batch(_ae_create, AccountEntryCreate)
    get = sync_op(_ae_get)


class AsyncAccountEntries(AsyncAPIResource[M]):
    list = async_list(_ae_list)
    create = async_batch(_ae_create, AccountEntryCreate)
    get = async_op(_ae_get)


class AccountLists(SyncAPIResource[M]):
    list = sync_list(_al_list)
    create = sync_batch(_al_create, AccountListCreate)
    get = sync_op(_al_get)
    update = sync_op(_al_update)

    @cached_property
    def entries(self) -> AccountEntries[M]:
        return AccountEntries(self._client)


class AsyncAccountLists(AsyncAPIResource[M]):
    list = async_list(_al_list)
    create = async_batch(_al_create, AccountListCreate)
    get = async_op(_al_get)
    update = async_op(_al_update)

    @cached_property
    def entries(self) -> AsyncAccountEntries[M]:
        return AsyncAccountEntries(self._client)
