"""Writing a file the user named (a rendered document, a report, a diagnostics zip): all or nothing,
never one of the program's own files, a clear line for every way it can fail."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from hallapp.home import Home


class OutputError(ValueError):
    """The target file cannot or must not be written; the message says what to do instead."""


def refuse_own_file(home: Home, out: Path, database: Path | None = None) -> None:
    """Never one of the program's own files: anything in the home, nor the database wherever it lives
    (followed through symlinks). The command line and the window both ask this before any work."""
    if home.contains(out):
        raise OutputError(f"{out} is inside the hallapp home ({home.root}), whose files are the program's own: "
                          "choose a file elsewhere")
    if database is not None and out.resolve() == database.resolve():
        raise OutputError(f"{out} is the hallapp database: choose another file")


def check_target(home: Home, out: Path, *, overwrite: bool, database: Path | None = None) -> None:
    """Refuse the home's files (and the database wherever it lives), folders, missing folders, and an
    existing file unless `overwrite`."""
    refuse_own_file(home, out, database)
    if out.is_dir():
        raise OutputError(f"{out} is a folder: give the name of a file to write")
    if not out.parent.is_dir():
        raise OutputError(f"cannot write {out}: the folder does not exist: create it or choose another")
    if out.exists() or out.is_symlink():
        if not out.is_file():
            raise OutputError(f"{out} is not a regular file: choose another file")
        if not overwrite:
            raise OutputError(f"{out} already exists: add --force to replace it, or choose another file")


def write_output(home: Home, out: Path, data: bytes, *, overwrite: bool, database: Path | None = None) -> None:
    """Check the target, then write beside it and rename: no half-written file is ever left."""
    check_target(home, out, overwrite=overwrite, database=database)
    temp = out.with_name(f".{out.name}.{os.getpid()}.part")
    try:
        with open(temp, "xb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, out)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
            raise OutputError(f"not enough space to write {out}; nothing was written: free some space or "
                              "choose another drive") from exc
        raise OutputError(f"cannot write {out} ({exc.strerror}): choose another file") from exc
