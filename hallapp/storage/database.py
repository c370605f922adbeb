"""Engine set-up (SQLite pragmas or PostgreSQL) and the one unit-of-work entry point."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import sessionmaker

from hallapp.storage.uow import UnitOfWork

log = logging.getLogger(__name__)

SQLITE_BUSY_TIMEOUT_MS = 5000


class DatabaseError(RuntimeError):
    """The database cannot be reached or used; the message is safe to show."""


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):  # noqa: ANN001
        # Let SQLAlchemy's "begin" event issue BEGIN itself (pysqlite's implicit one is deferred
        # and can't be made IMMEDIATE), see the SQLAlchemy pysqlite "serializable" recipe.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):  # noqa: ANN001
        # A writer takes the lock up front so that two writers queue on busy_timeout instead of
        # failing with "database is locked" when a read transaction tries to upgrade.
        immediate = conn.get_execution_options().get("hallapp_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


class Database:
    """One database: SQLite file by default, PostgreSQL when a hall shares one."""

    def __init__(self, url: str, *, echo: bool = False) -> None:
        self.url = make_url(url)
        self.is_sqlite = self.url.get_backend_name() == "sqlite"
        kwargs: dict = {"echo": echo}
        if not self.is_sqlite:
            kwargs.update(pool_pre_ping=True, pool_size=5)
        self.engine = create_engine(self.url, **kwargs)
        if self.is_sqlite:
            _configure_sqlite(self.engine)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

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
            raise DatabaseError(f"数据库操作失败 ({type(exc).__name__}): {exc.args[0] if exc.args else ''}") from exc
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def upgrade(self) -> None:
        """Check a SQLite file, then apply migrations (at every start)."""
        from hallapp.storage.migrate import upgrade

        self.check_integrity()
        try:
            upgrade(self.engine)
        except SQLAlchemyError as exc:
            log.error("migration failed: %s", type(exc).__name__)
            if self.is_sqlite:
                raise DatabaseError(f"cannot open the database file {self.sqlite_file} ({type(exc).__name__}): "
                                    "check that it is a hallapp database and that the folder is writable") from exc
            raise DatabaseError(
                f"无法打开数据库 {self.display_url} ({type(exc).__name__})，请检查 database.url 设置和数据库服务器"
            ) from exc

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
