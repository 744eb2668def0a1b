"""Contacts and their variables (generated: `topo_client.resources.contacts`)."""

from topo_client.resources.contacts import AsyncContacts, Contacts

__all__ = ["AsyncContacts", "Contacts"]
