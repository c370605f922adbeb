"""Fixtures shared by the integration tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from argon2 import PasswordHasher

from hallapp.bootstrap import AppContext
from hallapp.config import Settings
from hallapp.home import Home
from hallapp.services import staff
from hallapp.services.hall import ensure_demo_hall
from hallapp.storage import Database


@pytest.fixture
def app(home: Path, any_db: Database, monkeypatch: pytest.MonkeyPatch) -> AppContext:
    """The demo hall on each database (SQLite, PostgreSQL), with cheap password hashes: a module that
    needs another hall defines its own `app`."""
    monkeypatch.setattr(staff, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    context = AppContext(Home(home).ensure(), Settings(), any_db, demo=True)
    ensure_demo_hall(context.db)
    return context
