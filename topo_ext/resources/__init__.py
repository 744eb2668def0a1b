"""The resource classes are generated from the spec (`topo_client.resources`); the modules here re-export them under
their earlier names, and `activities` adds what the spec cannot describe (`stream()`, `partition()`)."""
