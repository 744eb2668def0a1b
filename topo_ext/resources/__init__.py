"""One module per API area. Each method is one line naming a generated builder and a decoder; the sync and async
classes share the same `Operation` objects, and `topo_ext._resource` turns them into methods."""
