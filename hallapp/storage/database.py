"""Engine set-up (SQLite pragmas or PostgreSQL) and the one unit-of-work entry point."""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, func, inspect, select
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.orm import sessionmaker
from sqlalchemy.pool import NullPool

from hallapp.storage import sealing
from hallapp.storage.uow import UnitOfWork

log = logging.getLogger(__name__)

SQLITE_BUSY_TIMEOUT_MS = 5000
# A dead database server is reported within seconds (psycopg's own default waits 130 s per attempt);
# database.connect_timeout_s overrides it, as does a connect_timeout=N in the URL itself.
CONNECT_TIMEOUT_S = 5


class DatabaseError(RuntimeError):
    """The database cannot be reached or used; the message is safe to show."""


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: object) -> None:
        # Let SQLAlchemy's "begin" event issue BEGIN itself (pysqlite's implicit one is deferred
        # and can't be made IMMEDIATE), see the SQLAlchemy pysqlite "serializable" recipe.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous=NORMAL")
        # A purged or re-sealed value is overwritten on disk, not left in a free page for a file carver.
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # A writer takes the lock up front so that two writers queue on busy_timeout instead of
        # failing with "database is locked" when a read transaction tries to upgrade.
        immediate = conn.get_execution_options().get("hallapp_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def private_file(path: Path) -> None:
    """Create `path` empty and 0600 if missing (SQLite gives its -wal and -shm the main file's mode),
    and bring it and its companions to 0600 if an older version left them readable by others."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
    for each in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        if each.is_file() and not each.is_symlink() and each.stat().st_mode & 0o777 != 0o600:
            os.chmod(each, 0o600)


class Database:
    """One database: SQLite file by default, PostgreSQL when a hall shares one.

    `keys_dir` holds the personal-data key (storage/sealing.py); by default the `keys/` beside a
    SQLite file (the home's layout), else the current home's.
    """

    def __init__(self, url: str, *, echo: bool = False, keys_dir: Path | None = None,
                 connect_timeout_s: float = CONNECT_TIMEOUT_S, pool: bool = True) -> None:
        self.url = make_url(url)
        self.is_sqlite = self.url.get_backend_name() == "sqlite"
        self.connect_timeout_s = max(1, round(connect_timeout_s))
        kwargs: dict = {"echo": echo}
        if not self.is_sqlite:
            if pool:
                kwargs.update(pool_pre_ping=True, pool_size=5)
            else:  # one look, then gone (settings read before the app opens its own engine)
                kwargs["poolclass"] = NullPool
            if "connect_timeout" not in self.url.query:
                kwargs["connect_args"] = {"connect_timeout": self.connect_timeout_s}
        self.engine = create_engine(self.url, **kwargs)
        if self.is_sqlite:
            _configure_sqlite(self.engine)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self.keys_dir = keys_dir or self._default_keys_dir()
        self._sealer: sealing.Sealer | None = None
        self._sealer_lock = threading.Lock()
        sealing.bind(self.engine, self.sealer)

    def _default_keys_dir(self) -> Path:
        if self.sqlite_file is not None:
            return self.sqlite_file.resolve().parent / "keys"
        from hallapp.home import current_home

        return current_home().keys_dir

    def sealer(self) -> sealing.Sealer:
        """This database's personal-data key, loaded (or, in a home without one, made) on first use."""
        with self._sealer_lock:
            if self._sealer is None:
                try:
                    key: bytes | None = sealing.load_key(self.keys_dir) or sealing.create_key(self.keys_dir)
                except FileExistsError:  # another process made it a moment ago
                    key = sealing.load_key(self.keys_dir)
                if key is None:  # ...and removed again before we could read it
                    raise sealing.SealingError(f"{self.keys_dir / sealing.KEY_FILE} was created and removed again while "
                                               "hallapp started: start hallapp again; if it recurs, ask the technician")
                self._sealer = sealing.Sealer(key)
            return self._sealer

    @property
    def display_url(self) -> str:
        return self.url.render_as_string(hide_password=True)

    @property
    def sqlite_file(self) -> Path | None:
        """The SQLite file, or None for PostgreSQL or an in-memory database."""
        name = self.url.database if self.is_sqlite else None
        return Path(name) if name and name != ":memory:" else None

    @contextmanager
    def unit_of_work(self, *, write: bool = False) -> Iterator[UnitOfWork]:
        """A transaction: committed when the block ends normally, rolled back on any error.

        `write=True` takes SQLite's write lock at the start (serialised writers); on PostgreSQL
        it changes nothing, row locks do the work there.
        """
        session = self._sessions()
        try:
            if write and self.is_sqlite:
                session.connection(execution_options={"hallapp_write": True})
            uow = UnitOfWork(session, dialect=self.engine.dialect.name)
            yield uow
            session.commit()
        except SQLAlchemyError as exc:
            session.rollback()
            log.error("database error: %s", type(exc).__name__)
            raise DatabaseError(self._message(exc)) from exc
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def _message(self, exc: SQLAlchemyError) -> str:
        """What a person reads. A PostgreSQL server that is away (no SQLSTATE: the connection itself failed)
        is named with what to check, never with the password."""
        if self.is_sqlite or not isinstance(exc, OperationalError) or getattr(exc.orig, "sqlstate", "") is not None:
            return f"数据库操作失败 ({type(exc).__name__}): {exc.args[0] if exc.args else ''}"
        where = f"{self.url.host or 'localhost'}:{self.url.port or 5432}"
        timed_out = "timeout" in str(exc.orig).lower()
        reason = f"no answer within {self.connect_timeout_s} s" if timed_out else type(exc.orig).__name__
        return (f"cannot reach the hall's database server {where} ({reason}): check that the server runs and "
                "the network to it, and database.url")

    def upgrade(self) -> None:
        """Check a SQLite file, then apply migrations (at every start)."""
        from hallapp.storage.migrate import upgrade

        self.check_integrity()
        if self.sqlite_file is not None:
            private_file(self.sqlite_file)
        try:
            self._check_key()
            upgrade(self.engine)
            self._record_key()
        except sealing.SealingError as exc:
            log.error("personal-data key refused: %s", exc)
            raise DatabaseError(str(exc)) from exc
        except SQLAlchemyError as exc:
            log.error("migration failed: %s", type(exc).__name__)
            if self.is_sqlite:
                raise DatabaseError(f"cannot open the database file {self.sqlite_file} ({type(exc).__name__}): "
                                    "check that it is a hallapp database and that the folder is writable") from exc
            if isinstance(exc, OperationalError) and getattr(exc.orig, "sqlstate", "") is None:
                raise DatabaseError(self._message(exc)) from exc
            raise DatabaseError(
                f"无法打开数据库 {self.display_url} ({type(exc).__name__})，请检查 database.url 设置和数据库服务器"
            ) from exc

    def _recorded_key(self) -> str | None:
        """The key id this database's sealed values need, if any value is sealed yet."""
        from hallapp.storage.models import Applicant, Case, OutboxEntry
        from hallapp.storage.models.case import SealingKey

        with self.engine.connect() as conn:
            if not inspect(conn).has_table(SealingKey.__tablename__):
                return None
            recorded = conn.scalar(select(SealingKey.key_id))
            holds = (conn.scalar(select(func.count()).select_from(Applicant)) or conn.scalar(
                select(func.count()).select_from(OutboxEntry)) or conn.scalar(
                select(func.count()).select_from(Case).where(Case.delivery_address != "")))
        return recorded if holds else None  # nothing sealed yet (a copied template): any key will do

    def _check_key(self) -> None:
        """Refuse a key that is not the one this database is sealed with, before anything is written."""
        recorded = self._recorded_key()
        if recorded is None:
            return
        if sealing.load_key(self.keys_dir) is None:
            raise sealing.SealingError(
                f"this database holds personal data sealed with key {recorded}, but {self.keys_dir} has no "
                f"{sealing.KEY_FILE}: copy keys/{sealing.KEY_FILE} from a PC of this hall (or the hall's backup)")
        if self.sealer().key_id != recorded:
            raise sealing.SealingError(
                f"{self.keys_dir / sealing.KEY_FILE} is key {self.sealer().key_id}, but this database is sealed with "
                f"key {recorded}: copy keys/{sealing.KEY_FILE} from a PC of this hall (or the hall's backup)")

    def _record_key(self) -> None:
        from hallapp.storage.models.case import SealingKey

        key_id = self.sealer().key_id
        with self.unit_of_work(write=True) as uow:
            if uow.session.scalar(select(SealingKey.key_id)) != key_id:
                uow.session.query(SealingKey).delete()
                uow.session.add(SealingKey(key_id=key_id))

    def is_new_file(self) -> bool:
        """A SQLite file that is missing, zero-length or holds no table: nothing was ever stored in it."""
        path = self.sqlite_file
        if path is None:
            return False
        if not path.is_file() or path.stat().st_size == 0:
            return True
        try:
            with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as con:
                con.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
                return con.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0] == 0
        except sqlite3.DatabaseError:
            return False  # not a database at all: check_integrity says so

    def check_integrity(self) -> None:
        """Refuse a damaged SQLite file before anything writes to it (writing would spread the damage)."""
        path = self.sqlite_file
        if path is None or not path.is_file() or path.stat().st_size == 0:
            return  # a new database: nothing to check
        try:
            with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as con:
                con.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
                problems = [row[0] for row in con.execute("PRAGMA quick_check(5)")]
        except sqlite3.DatabaseError as exc:
            log.error("database file unreadable: %s", exc)
            raise DatabaseError(f"the database file {path} is damaged or is not a hallapp database ({exc}): "
                                "restore it from a backup, or move it away to start a new one") from exc
        if problems != ["ok"]:
            log.error("database file failed quick_check: %s", "; ".join(problems))
            raise DatabaseError(f"the database file {path} is damaged ({problems[0]}); nothing was written: "
                                "restore it from a backup") from None

    def dispose(self) -> None:
        self.engine.dispose()
