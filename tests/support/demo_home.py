"""The session's demo hall template copied into a test's home: the database and the keys beside it
(the audit key, the personal-data key), as a home moved to another folder would carry them."""

from __future__ import annotations

import shutil
from pathlib import Path


def install_demo_database(template: Path, home: Path, name: str = "hallapp.sqlite3") -> Path:
    """Copy the template database to ``home/name`` and its keys/ folder (if any) to ``home/keys``."""
    home.mkdir(parents=True, exist_ok=True)
    target = home / name
    shutil.copyfile(template, target)
    keys = template.parent / "keys"
    if keys.is_dir():
        shutil.copytree(keys, home / "keys", dirs_exist_ok=True)
        (home / "keys").chmod(0o700)
    return target
