"""`hallapp db upgrade | backup | restore FILE|--latest [--force]`: the database's maintenance.

`restore` is the way back from a lost or damaged SQLite file (bootstrap.refuse_lost_database names
it), so it runs without opening the app: the database it replaces may be gone or unreadable. It
checks the backup (quick_check, a hallapp schema, this home's hall, this home's personal-data key)
before anything is touched, keeps the current file, swaps the backup in atomically and migrates it.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from hallapp.bootstrap import AppContext, database_url, open_app
from hallapp.commands import UserError
from hallapp.config import load_settings
from hallapp.domain.clock import hall_clock, set_hall_clock
from hallapp.home import Home, current_home
from hallapp.storage import Database, backup
from hallapp.storage.sealing import KEY_FILE

NAME = "db"
NEEDS_APP = False  # `restore` must run where the app cannot open its database


def add_parser(sub: argparse._SubParsersAction) -> None:
    db = sub.add_parser(NAME, help="database maintenance").add_subparsers(dest="action", required=True)
    db.add_parser("upgrade", help="apply database migrations")
    db.add_parser("backup", help=f"back up the SQLite database now into <home>/{backup.FOLDER} (checked, rotated)")
    restore = db.add_parser("restore", help="put a backup in place of the SQLite database (the current file is kept)")
    which = restore.add_mutually_exclusive_group(required=True)
    which.add_argument("file", nargs="?", type=Path, metavar="FILE", help="a backup file")
    which.add_argument("--latest", action="store_true", help=f"the newest backup in <home>/{backup.FOLDER}")
    restore.add_argument("--force", action="store_true",
                         help="replace a database that is still sound (work since the backup is set aside)")


def run(_app: None, args: argparse.Namespace) -> int:
    if args.action == "restore":
        return _restore(current_home(), args)
    app = open_app(demo=args.demo)
    try:
        if args.demo:
            from hallapp.services.hall import ensure_demo_hall

            ensure_demo_hall(app.db)  # `hallapp --demo db upgrade` works in a fresh home, as the window does
        if args.action == "upgrade":
            print(f"database is up to date: {app.db.display_url}")
            return 0
        return _backup_now(app)
    finally:
        app.close()


def _backup_now(app: AppContext) -> int:
    database = app.db.sqlite_file
    if database is None:
        raise UserError("this hall's database is PostgreSQL: back it up with pg_dump (docs/reliability.md)")
    keep = app.settings.backup
    try:
        path = backup.make(database, backup.folder_of(app.home), hall_clock().today(),
                           keep_daily=keep.keep_daily, keep_monthly=keep.keep_monthly)
    except backup.BackupError as exc:
        raise UserError(str(exc)) from exc
    print(f"backup written to {path}; it is restorable only with keys/{KEY_FILE} of this home: "
          "keep a copy of keys/ apart from the backups")
    return 0


def _restore(home: Home, args: argparse.Namespace) -> int:
    settings = load_settings(home.settings_file)
    set_hall_clock(settings.hall.clock())
    target = Database(database_url(home, settings, args.demo), keys_dir=home.keys_dir)
    database, folder = target.sqlite_file, backup.folder_of(home)
    target.dispose()
    if database is None:
        raise UserError("this hall's database is PostgreSQL: restore it with pg_restore from a pg_dump "
                        "(docs/reliability.md)")
    source = backup.latest(folder) if args.latest else args.file
    if source is None:
        raise UserError(f"there is no backup in {folder}: give the backup file to restore")
    try:
        info = _checked(home, database, folder, source, args)
        kept = backup.restore(info, database, folder)
    except backup.BackupError as exc:
        raise UserError(f"restore refused: {exc}") from exc
    except OSError as exc:  # e.g. Windows: the file is open in the window; nothing was swapped
        raise UserError(f"cannot put the backup in place of {database} ({exc.strerror}): close the window and "
                        "`hallapp sync`, then restore again") from exc
    migrated = Database(database_url(home, settings, args.demo), keys_dir=home.keys_dir)
    try:
        migrated.upgrade()
        from hallapp.services import audit

        audit.record_restore(migrated, home, info.path.name)  # the chain's anchors start again from here
    finally:
        migrated.dispose()
    print(f"restored {info.path.name} (hall {info.hall_code}, {info.cases} cases) into {database}")
    if kept is not None:
        print(f"the database as it was is kept as {kept}")
    print(f"personal data in it opens only with keys/{KEY_FILE} of this home (it is not in the backup): "
          "keep keys/ with the hall's backups")
    return 0


def _checked(home: Home, database: Path, folder: Path, source: Path, args: argparse.Namespace) -> backup.BackupInfo:
    """Every refusal before the current file is touched."""
    info = backup.inspect(source)
    expected = backup.home_hall_code(database, folder)
    if expected is not None and info.hall_code != expected:
        raise backup.BackupError(f"{source.name} is a backup of hall {info.hall_code}, but this home is hall "
                                 f"{expected}: choose a backup of hall {expected}")
    if expected is None and not args.latest and not args.force:
        raise backup.BackupError(f"this home has no database and no backups that say which hall it is; "
                                 f"{source.name} is hall {info.hall_code}: add --force if that is this hall")
    backup.check_key(info, home.keys_dir)
    if _sound(database) and not args.force:
        raise backup.BackupError(f"{database} is present and sound; restoring sets aside all work since "
                                 f"{source.name}: add --force to do it anyway (the current file is kept)")
    return info


def _sound(database: Path) -> bool:
    """A readable file that holds a hall: restoring over it loses work, unlike over a lost or damaged one."""
    return database.is_file() and database.stat().st_size > 0 and not backup.quick_check(database) \
        and bool(backup.hall_code_of(database))
