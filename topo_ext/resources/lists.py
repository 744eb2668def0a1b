"""Contact lists and account lists, with their entries (generated: `topo_client.resources.*_lists`)."""

from topo_client.resources.account_lists import AccountLists, AsyncAccountLists
from topo_client.resources.account_lists import AsyncEntries as AsyncAccountEntries
from topo_client.resources.account_lists import Entries as AccountEntries
from topo_client.resources.contact_lists import AsyncContactLists, ContactLists
from topo_client.resources.contact_lists import AsyncEntries as AsyncContactEntries
from topo_client.resources.contact_lists import Entries as ContactEntries

__all__ = ["AccountEntries", "AccountLists", "AsyncAccountEntries", "AsyncAccountLists", "AsyncContactEntries",
           "AsyncContactLists", "ContactEntries", "ContactLists"]
