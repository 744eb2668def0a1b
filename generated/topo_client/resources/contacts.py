"""`client.contacts`: generated from the spec by generator/resources.py; do not edit."""

from __future__ import annotations

from topo_ext._resource import AsyncAPIResource, M, SyncAPIResource, async_list, async_op, endpoint, sync_list, sync_op

from ..api.contacts import (
    delete_contact_variables,
    get_contact,
    get_contact_variables,
    list_contacts,
    update_contact_variables,
)
from ..responses import Contact, ContactPage, ContactVariables

_delete_contact_variables = endpoint(delete_contact_variables.build_request, None)
_get_contact = endpoint(get_contact.build_request, Contact)
_get_contact_variables = endpoint(get_contact_variables.build_request, ContactVariables)
_list_contacts = endpoint(list_contacts.build_request, ContactPage)
_update_contact_variables = endpoint(update_contact_variables.build_request, ContactVariables)


class Contacts(SyncAPIResource[M]):
    """`client.contacts`."""

    delete_variables = sync_op(_delete_contact_variables)
    get = sync_op(_get_contact)
    get_variables = sync_op(_get_contact_variables)
    list = sync_list(_list_contacts)
    update_variables = sync_op(_update_contact_variables)


class AsyncContacts(AsyncAPIResource[M]):
    """`client.contacts` (AsyncTopo)."""

    delete_variables = async_op(_delete_contact_variables)
    get = async_op(_get_contact)
    get_variables = async_op(_get_contact_variables)
    list = async_list(_list_contacts)
    update_variables = async_op(_update_contact_variables)
