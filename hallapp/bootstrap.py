"""The composition root: home, settings, logging and database, put together once."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from hallapp import logs
from hallapp.config import Settings, SettingsError, load_settings
from hallapp.domain.clock import set_hall_clock
from hallapp.home import Home, current_home
from hallapp.storage import Database
from hallapp.storage.database import sqlite_url

log = logging.getLogger(__name__)


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
    logs.configure(home.logs_dir)  # before the settings: a refused settings file is logged too
    try:
        settings = load_settings(home.settings_file)
    except SettingsError as exc:
        log.error("settings refused: %s", exc)
        raise
    set_hall_clock(settings.hall.clock())  # every "now" and "today" is the hall's, whatever the OS zone
    logs.configure(home.logs_dir, settings.logging.level)
    db = Database(database_url(home, settings, demo))
    if migrate:
        db.upgrade()
    return AppContext(home, settings, db, demo)
