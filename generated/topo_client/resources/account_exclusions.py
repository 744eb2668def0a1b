"""`client.account_exclusions`: generated from the spec by generator/resources.py; do not edit."""

from __future__ import annotations

from topo_ext._resource import AsyncAPIResource, M, SyncAPIResource, async_list, async_op, endpoint, sync_list, sync_op

from ..api.account_exclusions import (
    create_account_exclusion,
    delete_account_exclusion,
    get_account_exclusion,
    list_account_exclusions,
    update_account_exclusion,
)
from ..responses import AccountExclusion, AccountExclusionPage

_create_account_exclusion = endpoint(create_account_exclusion.build_request, AccountExclusion)
_delete_account_exclusion = endpoint(delete_account_exclusion.build_request, None)
_get_account_exclusion = endpoint(get_account_exclusion.build_request, AccountExclusion)
_list_account_exclusions = endpoint(list_account_exclusions.build_request, AccountExclusionPage)
_update_account_exclusion = endpoint(update_account_exclusion.build_request, AccountExclusion)


class AccountExclusions(SyncAPIResource[M]):
    """`client.account_exclusions`."""

    create = sync_op(_create_account_exclusion)
    delete = sync_op(_delete_account_exclusion)
    get = sync_op(_get_account_exclusion)
    list = sync_list(_list_account_exclusions)
    update = sync_op(_update_account_exclusion)


class AsyncAccountExclusions(AsyncAPIResource[M]):
    """`client.account_exclusions` (AsyncTopo)."""

    create = async_op(_create_account_exclusion)
    delete = async_op(_delete_account_exclusion)
    get = async_op(_get_account_exclusion)
    list = async_list(_list_account_exclusions)
    update = async_op(_update_account_exclusion)
