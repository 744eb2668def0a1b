"""A page cannot be pickled (it walks on through its client): the TypeError says to pickle its items instead.
copy.copy and copy.deepcopy of a page still work and walk on through the same client."""

from __future__ import annotations

import copy
import pickle

import pytest

from tests.specdata import MockAPI
from tests.topo_ext.pagination.test_pagination import contacts_feed
from topo_ext import AsyncTopo, Topo

MESSAGE = r"^a (Sync|Async)Page cannot be pickled .*pickle its items \(`page.items`"


def test_a_page_refuses_pickle_and_its_items_pickle(client: Topo, api: MockAPI) -> None:
    ids, _, handler = contacts_feed(5)
    api.override["list_contacts"] = handler  # type: ignore[assignment]
    page = client.contacts.list(size=2)
    with pytest.raises(TypeError, match=MESSAGE):
        pickle.dumps(page)
    assert [str(c.id) for c in pickle.loads(pickle.dumps(page.items))] == ids[:2]
    for how in (copy.copy, copy.deepcopy):
        assert [str(c.id) for c in how(page)] == ids  # a copy walks on, as the page does


async def test_an_async_page_refuses_pickle(async_client: AsyncTopo, api: MockAPI) -> None:
    ids, _, handler = contacts_feed(3)
    api.override["list_contacts"] = handler  # type: ignore[assignment]
    page = await async_client.contacts.list(size=2)
    with pytest.raises(TypeError, match=MESSAGE):
        pickle.dumps(page)
    assert [str(c.id) async for c in copy.deepcopy(page)] == ids
