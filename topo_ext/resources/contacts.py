"""Contacts and their variables."""

from __future__ import annotations

from topo_client.api.contacts import (
    delete_contact_variables,
    get_contact,
    get_contact_variables,
    list_contacts,
    update_contact_variables,
)
from topo_client.responses import Contact, ContactPage, ContactVariables

from .._resource import AsyncAPIResource, M, SyncAPIResource, async_list, async_op, endpoint, sync_list, sync_op

_list = endpoint(list_contacts.build_request, ContactPage)
_get = endpoint(get_contact.build_request, Contact)
_get_variables = endpoint(get_contact_variables.build_request, ContactVariables)
_update_variables = endpoint(update_contact_variables.build_request, ContactVariables)
_delete_variables = endpoint(delete_contact_variables.build_request, None)


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
