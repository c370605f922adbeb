"""`python -m hallapp.simulator [--port 0 ...]`: the same as `hallapp platform-sim`."""

from __future__ import annotations

import sys

from hallapp.simulator.server import main

if __name__ == "__main__":
    sys.exit(main())
