"""`client.contact_exclusions`: generated from the spec by generator/resources.py; do not edit."""

from __future__ import annotations

from topo_ext._resource import AsyncAPIResource, M, SyncAPIResource, async_list, async_op, endpoint, sync_list, sync_op

from ..api.contact_exclusions import (
    create_contact_exclusion,
    delete_contact_exclusion,
    get_contact_exclusion,
    list_contact_exclusions,
    update_contact_exclusion,
)
from ..responses import ContactExclusion, ContactExclusionPage

_create_contact_exclusion = endpoint(create_contact_exclusion.build_request, ContactExclusion)
_delete_contact_exclusion = endpoint(delete_contact_exclusion.build_request, None)
_get_contact_exclusion = endpoint(get_contact_exclusion.build_request, ContactExclusion)
_list_contact_exclusions = endpoint(list_contact_exclusions.build_request, ContactExclusionPage)
_update_contact_exclusion = endpoint(update_contact_exclusion.build_request, ContactExclusion)


class ContactExclusions(SyncAPIResource[M]):
    """`client.contact_exclusions`."""

    create = sync_op(_create_contact_exclusion)
    delete = sync_op(_delete_contact_exclusion)
    get = sync_op(_get_contact_exclusion)
    list = sync_list(_list_contact_exclusions)
    update = sync_op(_update_contact_exclusion)


class AsyncContactExclusions(AsyncAPIResource[M]):
    """`client.contact_exclusions` (AsyncTopo)."""

    create = async_op(_create_contact_exclusion)
    delete = async_op(_delete_contact_exclusion)
    get = async_op(_get_contact_exclusion)
    list = async_list(_list_contact_exclusions)
    update = async_op(_update_contact_exclusion)
