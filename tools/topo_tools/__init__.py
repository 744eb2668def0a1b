"""Developer tooling for topo-client, the `topo-tools` distribution (not in the runtime wheel).

`sandbox` (a local fake of the Topo API), `testing` (the pytest plugin, entry point `topo`), `drift` (`make drift`),
`api_diff`, `demo`, `contract` and `reliability` (the Prism and fault-injection runs). Where a tool needs the
source checkout (spec/, generator/, README.md), it takes the path as an argument; the Makefile passes them.
"""
