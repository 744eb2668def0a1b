"""Contacts and their variables."""

from __future__ import annotations

from topo_client.api.contacts import (
    delete_contact_variables,
    get_contact,
    get_contact_variables,
    list_contacts,
    update_contact_variables,
)

from .._resource import AsyncAPIResource, M, SyncAPIResource, async_list, async_op, endpoint, sync_list, sync_op

_list = endpoint(list_contacts.build_request, list_contacts.parse_success)
_get = endpoint(get_contact.build_request, get_contact.parse_success)
_get_variables = endpoint(get_contact_variables.build_request, get_contact_variables.parse_success)
_update_variables = endpoint(update_contact_variables.build_request, update_contact_variables.parse_success)
_delete_variables = endpoint(delete_contact_variables.build_request, delete_contact_variables.parse_success)


class Contacts(SyncAPIResource[M]):
    list = sync_list(_list)
    get = sync_op(_get)
    get_variables = sync_op(_get_variables)
    update_variables = sync_op(_update_variables)
    delete_variables = sync_op(_delete_variables)


class AsyncContacts(AsyncAPIResource[M]):
    list = async_list(_list)
    get = async_op(_get)
    get_variables = async_op(_get_variables)
    update_variables = async_op(_update_variables)
    delete_variables = async_op(_delete_variables)
