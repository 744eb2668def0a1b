"""`client.activities`: generated from the spec by generator/resources.py; do not edit."""

from __future__ import annotations

from topo_ext._resource import AsyncAPIResource, M, SyncAPIResource, async_list, async_op, endpoint, sync_list, sync_op

from ..api.activities import get_activity, list_activities
from ..responses import Activity, ActivityPage

_get_activity = endpoint(get_activity.build_request, Activity)
_list_activities = endpoint(list_activities.build_request, ActivityPage)


class Activities(SyncAPIResource[M]):
    """`client.activities`."""

    get = sync_op(_get_activity)
    list = sync_list(_list_activities)


class AsyncActivities(AsyncAPIResource[M]):
    """`client.activities` (AsyncTopo)."""

    get = async_op(_get_activity)
    list = async_list(_list_activities)
