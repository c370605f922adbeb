"""What the sync modules need of a running hall: its database, home and settings. The composition
root's AppContext (hallapp.bootstrap) is one; naming the need here keeps hallapp.sync from importing
the root, which imports hallapp.services (the layers contract in pyproject.toml)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from hallapp.config import Settings
    from hallapp.home import Home
    from hallapp.storage import Database


class HallContext(Protocol):
    @property
    def db(self) -> Database: ...

    @property
    def home(self) -> Home: ...

    @property
    def settings(self) -> Settings: ...
