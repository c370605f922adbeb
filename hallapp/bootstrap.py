"""The composition root: home, settings, logging and database, put together once."""

from __future__ import annotations

from dataclasses import dataclass

from hallapp import logs
from hallapp.config import Settings, load_settings
from hallapp.domain.clock import set_hall_clock
from hallapp.home import Home, current_home
from hallapp.storage import Database
from hallapp.storage.database import sqlite_url


@dataclass
class AppContext:
    home: Home
    settings: Settings
    db: Database
    demo: bool

    def close(self) -> None:
        self.db.dispose()


def database_url(home: Home, settings: Settings, demo: bool) -> str:
    # Demo mode always uses its own SQLite file: a trial must never write to a real hall's data.
    if settings.database.url and not demo:
        return settings.database.url
    return sqlite_url(home.database_file(demo))


def open_app(*, demo: bool = False, migrate: bool = True) -> AppContext:
    """Open the current home's settings and database, applying migrations."""
    home = current_home()
    settings = load_settings(home.settings_file)
    set_hall_clock(settings.hall.clock())  # every "now" and "today" is the hall's, whatever the OS zone
    logs.configure(home.logs_dir, settings.logging.level)
    db = Database(database_url(home, settings, demo))
    if migrate:
        db.upgrade()
    return AppContext(home, settings, db, demo)
