"""`python -m hallapp` is the `hallapp` script (ui.launcher:main), so both start the same way.

Only where PySide6 cannot be found does it fall back to the command line, which runs every command
without a window and says in one line that a window command needs PySide6.
"""

from __future__ import annotations

import importlib.util


def main() -> int:
    if importlib.util.find_spec("PySide6") is not None:  # finds it without importing Qt
        from ui.launcher import main as launch

        return launch()
    from hallapp.cli import main as headless

    return headless()


raise SystemExit(main())
