"""GET /me: `client.me()` (generated: `topo_client.resources.top_level`); these two functions remain for callers
of the earlier helpers."""

from __future__ import annotations

import typing
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from topo_client.responses import Me

    from .._client import AsyncTopo, Topo


def get_me(client: Topo[Any]) -> Me:
    return typing.cast("Me", client.me())


async def async_get_me(client: AsyncTopo[Any]) -> Me:
    return typing.cast("Me", await client.me())
