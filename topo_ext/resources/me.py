"""GET /me."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from topo_client.api.me import get_me as _get_me
from topo_client.responses import Me

from .._resource import endpoint

if TYPE_CHECKING:
    from .._client import AsyncTopo, Topo

_me = endpoint(_get_me.build_request, Me)


def get_me(client: Topo[Any]) -> Me:
    return client._call(_me, (), {})


async def async_get_me(client: AsyncTopo[Any]) -> Me:
    return await client._call(_me, (), {})
