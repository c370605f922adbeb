"""Shared fixtures: a private home per test, SQLite and a throwaway PostgreSQL, the demo hall."""

from __future__ import annotations

import gc
import os
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.support.postgres import ThrowawayPostgres
from tests.support.requirements import find_pg_bin, need

_ENV_TO_CLEAR = ("HALLAPP_DATABASE_URL", "HALLAPP_PLATFORM_URL", "HALLAPP_LANGUAGE", "HALLAPP_RESOURCES",
                 "HALLAPP_BUNDLE_PASSPHRASE")


@pytest.fixture(autouse=True)
def _collect_between_tests() -> Iterator[None]:
    """Once a window test has moved collection to the GUI thread (ui/gc_guard.py), the tests after
    it in this process have no timer running: they collect what is due between two cases, here."""
    yield
    guard = sys.modules.get("ui.gc_guard")
    if guard is not None and not gc.isenabled():
        guard.collect_due()


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh HALLAPP_HOME: no test shares settings, database or logs with another."""
    root = tmp_path / "home"
    monkeypatch.setenv("HALLAPP_HOME", str(root))
    for name in _ENV_TO_CLEAR:
        monkeypatch.delenv(name, raising=False)
    return root


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[ThrowawayPostgres]:
    need(find_pg_bin("initdb") is not None and find_pg_bin("pg_ctl") is not None, "PostgreSQL (initdb, pg_ctl)")
    with ThrowawayPostgres() as cluster:
        yield cluster


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, home: Path) -> str:
    """The same test on SQLite and on PostgreSQL (a new database per test)."""
    if request.param == "sqlite":
        home.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{home / 'test.sqlite3'}"
    cluster: ThrowawayPostgres = request.getfixturevalue("postgres_cluster")
    return cluster.create_database(f"t_{uuid.uuid4().hex[:12]}")


@pytest.fixture
def any_db(db_url: str):
    """A migrated, empty database on each backend."""
    from hallapp.storage import Database

    db = Database(db_url)
    db.upgrade()
    yield db
    db.dispose()


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from hallapp.services.hall import ensure_demo_hall
    from hallapp.storage import Database

    path = tmp_path_factory.mktemp("demo-template") / "demo.sqlite3"
    db = Database(f"sqlite:///{path}")
    db.upgrade()
    ensure_demo_hall(db)
    db.dispose()  # last connection closed: the WAL is checkpointed into the file
    return path


@pytest.fixture
def demo_db(home: Path, _demo_template: Path):
    """A private copy of the demo hall (3 counters, staff, starter catalog) in this test's home."""
    from hallapp.storage import Database
    from tests.support.demo_home import install_demo_database

    target = install_demo_database(_demo_template, home, "demo.sqlite3")
    db = Database(f"sqlite:///{target}")
    yield db
    db.dispose()
