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
        if self.keys_dir.is_dir() and any(p.is_file() for p in self.keys_dir.iterdir()):
            found.append(f"keys ({self.keys_dir})")
        materials = self.root / "materials"
        if materials.is_dir() and any(p.is_file() for p in materials.rglob("*")):
            found.append(f"scanned materials ({materials})")
        from hallapp.storage.ledger import NumberingLedger  # noqa: PLC0415 - home stays import-light

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
        self.root.mkdir(parents=True, exist_ok=True)
        self.logs_dir.mkdir(exist_ok=True)
        self.keys_dir.mkdir(mode=0o700, exist_ok=True)
        return self


def current_home() -> Home:
    """The home chosen by the environment, created if missing."""
    configured = os.environ.get(HOME_ENV)
    root = Path(configured).expanduser() if configured else Path(platformdirs.user_data_dir(APP_NAME))
    return Home(root.resolve()).ensure()
