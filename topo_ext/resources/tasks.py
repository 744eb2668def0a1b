"""Manual tasks (generated: `topo_client.resources.tasks`)."""

from topo_client.resources.tasks import AsyncTasks, Tasks

__all__ = ["AsyncTasks", "Tasks"]
