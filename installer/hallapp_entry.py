"""PyInstaller entry point: the same `ui.launcher:main` as the `hallapp` console script."""

import sys

from ui.launcher import main

if __name__ == "__main__":
    sys.exit(main())
