"""`python -m accountpath` runs the CLI."""

import sys

from accountpath.cli.main import main

sys.exit(main())
