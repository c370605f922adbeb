"""PyInstaller entry point: the same `ui.launcher:main` as the `hallapp` console script."""

import multiprocessing
import sys

from ui.launcher import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # SANE and the photo library run in child processes (drivers/isolation.py)
    sys.exit(main())
