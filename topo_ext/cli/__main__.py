"""`python -m topo_ext.cli`: the same as the `topo` command."""

import sys

from . import main

sys.exit(main())
