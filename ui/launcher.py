"""The `hallapp` console script: window commands start Qt, the rest run headless.

Qt is imported only for window commands, so `hallapp sync` or `hallapp catalog ...` start fast
and run on a machine without a display.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from hallapp import cli


def main(argv: Sequence[str] | None = None) -> int:
    args = cli.build_parser().parse_args(argv)
    cli.apply_global_options(args)
    if args.command not in cli.GUI_COMMANDS:
        return cli.guarded(cli.run, args)

    def start() -> int:
        if args.command is None:
            from ui.app import run_gui

            return run_gui(demo=args.demo)
        from ui.public_screens import run_public_screen

        return run_public_screen(args.command, demo=args.demo, windowed=args.windowed,
                                 counter=getattr(args, "counter", None))

    return cli.guarded(start)


if __name__ == "__main__":
    sys.exit(main())
