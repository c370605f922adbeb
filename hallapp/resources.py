"""Locate data files shipped in the ``resources/`` folder.

Search order: ``$HALLAPP_RESOURCES`` (if set), ``<repo root>/resources`` (next to the ``hallapp``
package), then ``sys._MEIPASS/resources`` inside a PyInstaller bundle. The first root that holds
the requested path wins, so an override folder may replace only some files.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ENV_VAR = "HALLAPP_RESOURCES"


def resource_roots() -> list[Path]:
    """Candidate resource roots, in search order (they need not exist)."""
    roots: list[Path] = []
    override = os.environ.get(ENV_VAR, "").strip()
    if override:
        roots.append(Path(override).expanduser())
    roots.append(Path(__file__).resolve().parent.parent / "resources")
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        roots.append(Path(bundle) / "resources")
    return roots


def resource_path(*parts: str) -> Path:
    """Return the path of ``resources/<parts...>``; raise FileNotFoundError if no root has it."""
    relative = Path(*parts) if parts else Path()
    if relative.is_absolute() or ".." in relative.parts:
        raise ValueError(
            f"resource path must be relative and stay inside resources/: {relative}"
        )
    roots = resource_roots()
    for root in roots:
        candidate = root / relative
        if candidate.exists():
            return candidate
    searched = ", ".join(str(root) for root in roots)
    raise FileNotFoundError(
        f"resource {relative.as_posix() or '.'!r} not found; searched: {searched} "
        f"(set {ENV_VAR} to the folder that holds the resources)"
    )
