"""Key files made once per home: written whole to a private temporary file, then linked into
place, so that two engines or processes making a key at the same moment never read a half-written
one (the link fails when the key exists, and then that key is the one used)."""

from __future__ import annotations

import os
import secrets
from pathlib import Path


def write_once(path: Path, data: bytes) -> bool:
    """`data` as `path` (0600, synced) unless it exists already; True when this call made it."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())  # a key lost in a power cut makes what it keyed unreadable
        try:
            os.link(tmp, path)
        except FileExistsError:
            return False
        return True
    finally:
        tmp.unlink(missing_ok=True)
