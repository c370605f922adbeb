"""`hallapp diagnostics --out FILE.zip`: what support needs to help, without personal data."""

from __future__ import annotations

import argparse
from pathlib import Path

from hallapp.commands import UserError
from hallapp.commands._output import write_out
from hallapp.config import SettingsError, load_settings
from hallapp.domain.clock import set_hall_clock
from hallapp.home import Home, current_home
from hallapp.services import diagnostics

NAME = "diagnostics"
NEEDS_APP = False  # asked for when things are broken: a damaged database or settings must not stop it


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(NAME, help="write a diagnostics zip for support (versions, settings without secrets, "
                                       "devices, outbox counts, last log lines; no personal data)")
    parser.add_argument("--out", required=True, type=Path, metavar="FILE.zip", help="where to write the zip")
    parser.add_argument("--log-lines", type=int, default=diagnostics.DEFAULT_LOG_LINES, metavar="N",
                        help=f"how many of the last log lines to include (default {diagnostics.DEFAULT_LOG_LINES})")
    parser.add_argument("--force", action="store_true", help="replace FILE if it already exists")


def run(app: None, args: argparse.Namespace) -> int:
    if not 0 <= args.log_lines <= 100_000:
        raise UserError("--log-lines must be between 0 and 100000")
    home = current_home()
    out: Path = args.out
    if home.contains(out):  # before collecting: say it at once
        raise UserError(f"{out} is inside the hallapp home ({home.root}), whose files are the program's own: "
                        "choose a file elsewhere")
    _use_hall_clock(home)
    data = diagnostics.collect(home, demo=args.demo, log_lines=args.log_lines)
    write_out(home, out, data, force=args.force)
    print(f"diagnostics written to {out} ({len(data) // 1024 + 1} KiB); no personal data is in it")
    return 0


def _use_hall_clock(home: Home) -> None:
    """Times in the zip in the hall's zone; a broken settings file is itself reported in the zip."""
    try:
        set_hall_clock(load_settings(home.settings_file).hall.clock())
    except SettingsError:
        pass


