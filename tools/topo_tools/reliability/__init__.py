"""The reliability run (`make reliability`, `python -m topo_tools.reliability --readme README.md`): exports through
injected faults, error mapping, retry counts, exactly once across kills, an unknown rate limit. See `run.py`."""
