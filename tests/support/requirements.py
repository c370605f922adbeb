"""Skip-or-fail helpers for tests that need parts of the system.

Project rule: an integration test whose system dependency (PostgreSQL, pcscd,
SANE, Xvfb, ...) is missing may skip on a developer machine, but must fail
loudly when ``CI=true``.
"""

from __future__ import annotations

import glob
import os
import re
import shutil

import pytest

_PG_VERSIONED_BINDIRS = "/usr/lib/postgresql/*/bin"  # Debian/Ubuntu layout


def in_ci() -> bool:
    """True when running in CI (``CI=true``; ``1``/``yes`` are accepted too)."""
    return os.environ.get("CI", "").strip().lower() in {"true", "1", "yes"}


def need(condition: bool, what: str) -> None:
    """Skip the current test if ``condition`` is false; fail instead under CI.

    ``what`` names the missing part, e.g. ``"PostgreSQL (initdb)"``.
    """
    if condition:
        return
    if in_ci():
        pytest.fail(
            f"{what} is required in CI (CI=true) but is not available; "
            "install it in the CI image instead of letting the test skip",
            pytrace=False,
        )
    pytest.skip(f"{what} is not available on this machine")


def which_or_none(name: str) -> str | None:
    """Absolute path of executable ``name`` on PATH, or None."""
    return shutil.which(name)


def _version_key(bindir: str) -> tuple[int, ...]:
    # ".../postgresql/15/bin" -> (15,); "9.6" -> (9, 6); unparsable sorts last.
    version = os.path.basename(os.path.dirname(bindir))
    return tuple(int(p) for p in re.findall(r"\d+", version)) or (-1,)


def pg_bindirs() -> list[str]:
    """Versioned PostgreSQL bin directories, newest version first."""
    dirs = [d for d in glob.glob(_PG_VERSIONED_BINDIRS) if os.path.isdir(d)]
    return sorted(dirs, key=_version_key, reverse=True)


def find_pg_bin(name: str) -> str | None:
    """Locate a PostgreSQL program (``initdb``, ``pg_ctl``, ``psql``, ...).

    Looks on PATH first, then in /usr/lib/postgresql/*/bin, newest first.
    """
    found = which_or_none(name)
    if found:
        return found
    for bindir in pg_bindirs():
        candidate = os.path.join(bindir, name)
        if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    return None
