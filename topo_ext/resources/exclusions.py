"""Contact exclusions and account exclusions (generated: `topo_client.resources.*_exclusions`)."""

from topo_client.resources.account_exclusions import AccountExclusions, AsyncAccountExclusions
from topo_client.resources.contact_exclusions import AsyncContactExclusions, ContactExclusions

__all__ = ["AccountExclusions", "AsyncAccountExclusions", "AsyncContactExclusions", "ContactExclusions"]
