"""What the spec cannot describe, added to a generated resource class: `activities.py` (`stream()`, `partition()`).
The resource classes themselves are generated (`topo_client.resources`)."""
