"""The clients' own methods: generated from the spec by generator/resources.py; do not edit."""

from __future__ import annotations

from topo_ext._resource import AsyncAPIResource, M, SyncAPIResource, async_op, endpoint, sync_op

from ..api.me import get_me
from ..responses import Me

_get_me = endpoint(get_me.build_request, Me)


class TopLevel(SyncAPIResource[M]):
    """`client.me()`."""

    me = sync_op(_get_me)


class AsyncTopLevel(AsyncAPIResource[M]):
    """`client.me()` (AsyncTopo)."""

    me = async_op(_get_me)
