"""A file named on the command line (--out): written through hallapp.services.output, an existing
one replaced only with --force or a yes typed at the terminal."""

from __future__ import annotations

import sys
from pathlib import Path

from hallapp.commands import UserError
from hallapp.home import Home
from hallapp.services.output import OutputError, write_output


def write_out(home: Home, out: Path, data: bytes, *, force: bool, database: Path | None = None) -> None:
    overwrite = force or (out.is_file() and confirm_overwrite(out))
    try:
        write_output(home, out, data, overwrite=overwrite, database=database)
    except OutputError as exc:
        raise UserError(str(exc)) from exc


def confirm_overwrite(out: Path) -> bool:
    """Ask at a terminal; a script (no terminal) gets a refusal and the --force hint."""
    if not (sys.stdin.isatty() and sys.stderr.isatty()):
        return False
    print(f"{out} already exists. Replace it? [y/N] ", end="", file=sys.stderr, flush=True)
    try:
        return sys.stdin.readline().strip().lower() in ("y", "yes")
    except (OSError, EOFError):
        return False
