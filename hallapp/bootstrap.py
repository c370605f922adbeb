"""The composition root: home, settings, logging and database, put together once."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field

from hallapp import logs
from hallapp.config import Settings, SettingsError, load_settings
from hallapp.devices import Devices
from hallapp.domain.clock import set_hall_clock
from hallapp.home import Home, current_home
from hallapp.services import audit
from hallapp.services.hall import SetupError
from hallapp.storage import Database, DatabaseError, material_store
from hallapp.storage.database import sqlite_url

log = logging.getLogger(__name__)

ACCEPT_NEW_DATABASE_ENV = "HALLAPP_ACCEPT_NEW_DATABASE"  # set to 1 by `--accept-new-database`


class LostDatabaseError(SetupError):
    """A new, empty database in a home where a hall already worked: it was lost or emptied. Nothing
    is created until a person restores the backup or says a new database is meant (exit 2)."""


@dataclass
class AppContext:
    home: Home
    settings: Settings
    db: Database
    demo: bool
    devices: Devices = field(default=None, repr=False)  # type: ignore[assignment]  # built in __post_init__

    def __post_init__(self) -> None:
        if self.devices is None:  # the one device manager of this process: opens nothing until used
            self.devices = Devices(self.settings, demo=self.demo)

    def __setattr__(self, name: str, value: object) -> None:
        super().__setattr__(name, value)
        if name == "settings" and getattr(self, "devices", None) is not None:
            self.devices.settings = value  # type: ignore[assignment]  # reloaded settings reach the devices

    def close(self) -> None:
        self.devices.close()
        try:
            audit.write_anchor(self.db, self.home)  # the chain's head outside the database, at every close
        except (OSError, DatabaseError) as exc:  # a safeguard: it must not keep a closing program open
            log.warning("audit anchor not written at close: %s", type(exc).__name__)
        material_store.detach(self.home)
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
        # A demo never reads a real hall's shared database for hall-wide settings.
        settings = load_settings(home.settings_file, hall_wide=not demo)
    except SettingsError as exc:
        log.error("settings refused: %s", exc)
        raise
    set_hall_clock(settings.hall.clock())  # every "now" and "today" is the hall's, whatever the OS zone
    logs.configure(home.logs_dir, settings.logging.level)
    db = Database(database_url(home, settings, demo), keys_dir=home.keys_dir,
                  connect_timeout_s=settings.database.connect_timeout_s)
    if not demo:
        refuse_lost_database(home, db, accept=os.environ.get(ACCEPT_NEW_DATABASE_ENV) == "1")
    if migrate:
        db.upgrade()
    audit.attach(db, home)  # the chain keyed with this home's audit key, anchors written in this home
    material_store.attach(db, home)  # scans go where this database is (files for SQLite, the shared database)
    return AppContext(home, settings, db, demo)


def refuse_lost_database(home: Home, db: Database, *, accept: bool = False) -> None:
    """Starting on a new database beside keys, scans or issued numbers would set up a second hall
    over the first one's traces and hand out case numbers again: say so instead."""
    if not db.is_new_file():
        return
    history = home.history()
    if not history:
        return  # a first start
    if accept:
        log.warning("new database accepted in a home that holds %s", "; ".join(history))
        return
    db.dispose()
    log.error("refused to start: new database %s in a home that holds %s", db.sqlite_file, "; ".join(history))
    raise LostDatabaseError(
        f"the database {db.sqlite_file} is missing or empty, but this home already holds {'; '.join(history)}: "
        "the hall's database was lost or emptied, and nothing was created. Restore the database file from "
        "the backup (`hallapp db restore --latest`; PostgreSQL: pg_restore) and start again; to begin a new "
        "database on purpose, start with --accept-new-database "
        f"(or {ACCEPT_NEW_DATABASE_ENV}=1)"
    )
