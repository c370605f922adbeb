"""`python -m hallapp` runs the installed `hallapp` program (the console script pyproject.toml
declares), so both start the same way; the core never imports the window itself.

Only where PySide6 cannot be found (or the script is not installed) does it fall back to the
command line, which runs every command without a window and says in one line that a window
command needs PySide6.
"""

from __future__ import annotations

import importlib.util
from importlib.metadata import entry_points


def main() -> int:
    if importlib.util.find_spec("PySide6") is not None:  # finds it without importing Qt
        for script in entry_points(group="console_scripts", name="hallapp"):
            return int(script.load()() or 0)
    from hallapp.cli import main as headless

    return headless()


raise SystemExit(main())
