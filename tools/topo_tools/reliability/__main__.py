"""`python -m topo_tools.reliability`."""

import sys

from .run import main

sys.exit(main())
