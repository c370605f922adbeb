"""`python -m hallapp.sync`: the headless engine in its own process (used by the chaos test and by
service managers): `--once`, `--status`, or a daemon until SIGTERM."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from hallapp.sync import commands


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hallapp.sync")
    commands.add_sync_arguments(parser)
    commands.add_tuning_arguments(parser)
    args = parser.parse_args(argv)
    from hallapp.bootstrap import open_app

    app = open_app()
    try:
        return commands.guarded(commands.sync, app, args)
    finally:
        app.close()


if __name__ == "__main__":
    sys.exit(main())
