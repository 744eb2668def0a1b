"""`python -m topo_tools.drift`."""

from .cli import main

raise SystemExit(main())
