"""The one home folder: database, settings, keys and logs of one hallapp instance.

`HALLAPP_HOME` (or `--home DIR`, which the CLI turns into the same variable) wins; otherwise the
platformdirs user data folder. Tests, benches and several instances on one machine rely on this
being the only place that decides where state lives.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "hallapp"
HOME_ENV = "HALLAPP_HOME"


# Keys every database makes on first use (the demo's too): they show nothing about a hall's history.
FIRST_USE_KEYS = frozenset({"personal.key", "audit.key"})


@dataclass(frozen=True)
class Home:
    root: Path

    @property
    def settings_file(self) -> Path:
        return self.root / "settings.toml"

    @property
    def keys_dir(self) -> Path:
        return self.root / "keys"

    @property
    def logs_dir(self) -> Path:
        return self.root / "logs"

    @property
    def numbering_file(self) -> Path:
        return self.root / "numbering.json"

    def history(self) -> list[str]:
        """What in this home shows a hall already worked here (keys, scans, issued case numbers): a
        new, empty database beside these means the hall's database was lost."""
        found = []
        # The personal-data and audit keys alone prove nothing: any database, the demo's too, makes them on first use.
        if self.keys_dir.is_dir() and any(p.is_file() and p.name not in FIRST_USE_KEYS for p in self.keys_dir.iterdir()):
            found.append(f"keys ({self.keys_dir})")
        materials = self.root / "materials"
        if materials.is_dir() and any(p.is_file() for p in materials.rglob("*")):
            found.append(f"scanned materials ({materials})")
        from hallapp.storage.ledger import NumberingLedger

        if NumberingLedger(self.numbering_file).has_issued():
            found.append(f"issued case numbers ({self.numbering_file})")
        return found

    def database_file(self, demo: bool = False) -> Path:
        # Demo mode keeps its own file so trying the program never touches a real hall's data.
        return self.root / ("demo.sqlite3" if demo else "hallapp.sqlite3")

    def contains(self, path: Path) -> bool:
        """Whether ``path`` (followed through symlinks) lies in this home: its files are the program's own."""
        try:
            path.resolve().relative_to(self.root.resolve())
        except ValueError:
            return False
        return True

    def ensure(self) -> Home:
        private_umask()
        self.root.mkdir(mode=0o700, parents=True, exist_ok=True)
        self.logs_dir.mkdir(mode=0o700, exist_ok=True)
        self.keys_dir.mkdir(mode=0o700, exist_ok=True)
        tighten(self.root)
        return self


def private_umask() -> None:
    """Everything this process creates from now on is its user's alone (0600 files, 0700 folders): the
    database's -wal and -shm, rotated logs, scans, settings and a PDF a clerk saves hold personal data,
    and no code path has to remember a mode. (No effect on Windows: there the profile folder's ACL protects.)"""
    os.umask(0o077)


def tighten(root: Path) -> int:
    """The home 0700 and everything in it 0600 (folders 0700), for a home an older version made 0755/0644;
    returns how many modes were changed. Symlinks are left alone: they may point outside the home."""
    changed = _private(root, 0o700)
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not os.path.islink(os.path.join(folder, d))]
        changed += sum(_private(Path(folder, d), 0o700) for d in dirs)
        changed += sum(_private(Path(folder, f), 0o600) for f in files)
    return changed


def _private(path: Path, mode: int) -> int:
    try:
        if path.is_symlink() or path.stat().st_mode & 0o777 == mode:
            return 0
        os.chmod(path, mode)
    except FileNotFoundError:  # removed meanwhile (a rotated log, a temporary file)
        return 0
    return 1


def current_home() -> Home:
    """The home chosen by the environment, created if missing."""
    configured = os.environ.get(HOME_ENV)
    root = Path(configured).expanduser() if configured else Path(platformdirs.user_data_dir(APP_NAME))
    return Home(root.resolve()).ensure()
