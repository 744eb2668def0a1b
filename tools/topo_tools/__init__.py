"""Developer tooling for this repository (not part of the `topo-client` wheel): `make drift`, `make demo`."""
