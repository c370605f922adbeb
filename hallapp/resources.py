"""Locate the data files shipped in the ``resources/`` folder.

The folder is installed as the package ``hallapp_resources`` (pyproject.toml maps it), so a wheel,
``pip install .``, an editable install and a PyInstaller bundle all find it through
``importlib.resources``. Search order:

1. ``$HALLAPP_RESOURCES`` (if set): an override folder that may replace only some files;
2. the installed package ``hallapp_resources``;
3. ``<checkout>/resources`` when running from a source checkout whose install predates the mapping;
4. ``sys._MEIPASS/hallapp_resources`` inside a PyInstaller bundle, should the import fail there.

The first root that holds the requested path wins.
"""

from __future__ import annotations

import importlib.resources
import os
import sys
from pathlib import Path

ENV_VAR = "HALLAPP_RESOURCES"
PACKAGE = "hallapp_resources"


def packaged_root() -> Path | None:
    """The installed ``hallapp_resources`` folder, or None if that package is not importable."""
    try:
        root = importlib.resources.files(PACKAGE)
    except ModuleNotFoundError:
        return None
    # Installed wheels, editable installs and bundles keep the files on disk: callers (Qt, YAML,
    # CSV readers) need real paths. A zip import would give another Traversable; not supported.
    return root if isinstance(root, Path) else None


def _checkout_root() -> Path | None:
    """``resources/`` beside the ``hallapp`` package, only in a source checkout (never site-packages,
    where a folder of that name would belong to some other distribution)."""
    top = Path(__file__).resolve().parent.parent
    return top / "resources" if (top / "pyproject.toml").is_file() else None


def resource_roots() -> list[Path]:
    """Candidate resource roots, in search order (they need not exist)."""
    roots: list[Path] = []
    override = os.environ.get(ENV_VAR, "").strip()
    if override:
        roots.append(Path(override).expanduser())
    bundle = getattr(sys, "_MEIPASS", None)
    for root in (packaged_root(), _checkout_root(), Path(bundle) / PACKAGE if bundle else None):
        if root is not None and root not in roots:
            roots.append(root)
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
