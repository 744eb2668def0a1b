"""`make drift`: compare recorded API responses with the spec, propose and apply spec patches.

One concept per module: `spec` (the indexed spec), `inputs` (cassettes, captures, drift reports), `check` (walking a
body against its schema), `patch` (`--patch`), `apply` (`--apply`), `cli` (the command; its docstring is the manual).
"""

from .cli import main
from .patch import propose_format
from .spec import load_spec

__all__ = ["load_spec", "main", "propose_format"]
