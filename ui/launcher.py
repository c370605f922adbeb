"""The `hallapp` console script: window commands start Qt, the rest run headless.

Qt is imported only for window commands, so `hallapp sync` or `hallapp catalog ...` start fast
and run on a machine without a display. The plain window start (`hallapp [--demo] [--home DIR]
[--lang L] [--accept-new-database]`) does not even import the command line (SQLAlchemy, pydantic):
its first window is painted before those load (ui/startup.py).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from hallapp.home import HOME_ENV  # small: no database, no settings model

FLAGS = frozenset({"--demo", "--accept-new-database"})
VALUED = frozenset({"--home", "--lang"})
LANGUAGES = frozenset({"zh_CN", "en"})


def window_start_options(argv: Sequence[str]) -> dict[str, str | bool] | None:
    """The global options of a plain window start, or None for anything else (a command, --help,
    --version, an abbreviation or a bad value: the full parser handles and words those)."""
    options: dict[str, str | bool] = {}
    tokens = iter(argv)
    for token in tokens:
        name, has_value, value = token.partition("=")
        if name in FLAGS and not has_value:
            options[name] = True
        elif name in VALUED:
            value = value if has_value else next(tokens, "")
            if not value or (name == "--lang" and value not in LANGUAGES):
                return None
            options[name] = value
        else:
            return None
    return options


def start_window(options: dict[str, str | bool]) -> int:
    """What cli.apply_global_options does for these options, then the window; a failure of its
    bring-up is reported as every command's is (one line, the exit code), the command line imported only then."""
    if isinstance(home := options.get("--home"), str):
        os.environ[HOME_ENV] = str(Path(home).expanduser().resolve())
    if isinstance(lang := options.get("--lang"), str):
        os.environ["HALLAPP_LANGUAGE"] = lang
    if options.get("--accept-new-database"):
        os.environ["HALLAPP_ACCEPT_NEW_DATABASE"] = "1"
    from ui.app import run_gui

    try:
        return run_gui(demo=bool(options.get("--demo")))
    except (Exception, KeyboardInterrupt) as exc:  # noqa: BLE001 - handed to the one place that words failures
        from hallapp import cli

        error = exc

        def fail() -> int:
            raise error
        return cli.guarded(fail)


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    options = window_start_options(argv)
    if options is not None:
        return start_window(options)
    from hallapp import cli

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
