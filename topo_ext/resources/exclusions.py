"""Contact exclusions and account exclusions."""

from __future__ import annotations

from topo_client.api.account_exclusions import (
    create_account_exclusion,
    delete_account_exclusion,
    get_account_exclusion,
    list_account_exclusions,
    update_account_exclusion,
)
from topo_client.api.contact_exclusions import (
    create_contact_exclusion,
    delete_contact_exclusion,
    get_contact_exclusion,
    list_contact_exclusions,
    update_contact_exclusion,
)
from topo_client.responses import AccountExclusion, AccountExclusionPage, ContactExclusion, ContactExclusionPage

from .._resource import AsyncAPIResource, M, SyncAPIResource, async_list, async_op, endpoint, sync_list, sync_op

_c_list = endpoint(list_contact_exclusions.build_request, ContactExclusionPage)
_c_create = endpoint(create_contact_exclusion.build_request, ContactExclusion)
_c_get = endpoint(get_contact_exclusion.build_request, ContactExclusion)
_c_update = endpoint(update_contact_exclusion.build_request, ContactExclusion)
_c_delete = endpoint(delete_contact_exclusion.build_request, None)

_a_list = endpoint(list_account_exclusions.build_request, AccountExclusionPage)
_a_create = endpoint(create_account_exclusion.build_request, AccountExclusion)
_a_get = endpoint(get_account_exclusion.build_request, AccountExclusion)
_a_update = endpoint(update_account_exclusion.build_request, AccountExclusion)
_a_delete = endpoint(delete_account_exclusion.build_request, None)


class ContactExclusions(SyncAPIResource[M]):
    list = sync_list(_c_list)
    create = sync_op(_c_create)
    get = sync_op(_c_get)
    update = sync_op(_c_update)
    delete = sync_op(_c_delete)


class AsyncContactExclusions(AsyncAPIResource[M]):
    list = async_list(_c_list)
    create = async_op(_c_create)
    get = async_op(_c_get)
    update = async_op(_c_update)
    delete = async_op(_c_delete)


class AccountExclusions(SyncAPIResource[M]):
    list = sync_list(_a_list)
    create = sync_op(_a_create)
    get = sync_op(_a_get)
    update = sync_op(_a_update)
    delete = sync_op(_a_delete)


class AsyncAccountExclusions(AsyncAPIResource[M]):
    list = async_list(_a_list)
    create = async_op(_a_create)
    get = async_op(_a_get)
    update = async_op(_a_update)
    delete = async_op(_a_delete)
