"""An example service that uses topo_ext: keeps a CRM's SQLite database in step with Topo.

- `export_activities`: every new activity, exactly once, through the resumable stream (the cursor lives in the
  same database), upserted by id so a re-delivered activity changes nothing.
- `mirror_unsubscribes`: emails the CRM marked unsubscribed become Topo contact exclusions (409 = already there).
- `create_app`: an ASGI app receiving Topo webhooks, verified with the subscription's secret.
"""

from .db import connect
from .sync import SyncResult, export_activities, mirror_unsubscribes
from .web import create_app

__all__ = ["SyncResult", "connect", "create_app", "export_activities", "mirror_unsubscribes"]
