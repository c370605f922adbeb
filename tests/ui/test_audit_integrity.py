"""The supervisor's audit panel says the trail was altered when its tail was deleted (the anchor shows it)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import delete

from hallapp.home import Home
from hallapp.services import audit
from hallapp.storage import Database
from hallapp.storage.models import AuditEvent
from tests.ui.clerk_keys import wait_until


@pytest.fixture
def demo_db(home: Path):
    place = Home(home).ensure()
    db = Database(f"sqlite:///{place.database_file()}")
    db.upgrade()
    audit.attach(db, place)
    yield db
    db.dispose()


def test_the_panel_reports_a_deleted_tail(qtbot, demo_db) -> None:
    from ui.pages.supervisor_audit import AuditPanel

    with demo_db.unit_of_work(write=True) as uow:
        for n in range(4):
            uow.audit.append("login", actor=f"clerk{n % 3 + 1}")
    audit.write_anchor(demo_db)
    panel = AuditPanel(demo_db)
    qtbot.addWidget(panel)
    panel.refresh()
    wait_until(qtbot, lambda: panel.chain.text() != "", what="the chain check")
    assert panel.chain.objectName() == "statusOk", panel.chain.text()
    with demo_db.unit_of_work(write=True) as uow:
        newest = uow.audit.events(limit=2)
        uow.session.execute(delete(AuditEvent).where(AuditEvent.id.in_([e.id for e in newest])))
    panel.refresh()
    wait_until(qtbot, lambda: panel.chain.objectName() == "statusBad", what="the altered trail")
    assert "altered" in panel.chain.text()
