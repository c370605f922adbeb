"""The retention policy (issue 10 item 4): a case the platform confirmed longer ago than
`retention.days` loses its scans and personal fields; its statistics and audit trail stay, and a
case the platform has not confirmed is untouched. A dry run reports and changes nothing."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import update

from hallapp.domain.clock import hall_clock
from hallapp.home import Home
from hallapp.services import audit, cases, material_store, retention
from hallapp.services.hall import hall_info
from hallapp.storage import Database
from hallapp.storage.models import OutboxEntry
from tests.integration.test_personal_data import CARDS, CHEN, TODAY, hall_db, sample_intake  # noqa: F401 - fixture

MA = CARDS["马桂芳"]


def confirm(db: Database, number: str, days_ago: int) -> None:
    """What the sync engine records when the platform confirms (here: `days_ago` days back)."""
    with db.unit_of_work(write=True) as uow:
        uow.session.execute(update(OutboxEntry).where(OutboxEntry.case_number == number).values(
            state="confirmed", confirmed_at=hall_clock().now() - timedelta(days=days_ago)))


def scans(db: Database, number: str) -> list[str]:
    with db.unit_of_work() as uow:
        return [m.sha256 for m in uow.cases.by_number(number).materials if m.sha256]


def test_confirmed_old_case_loses_scans_and_personal_fields_and_keeps_its_statistics(hall_db: Database,  # noqa: F811
                                                                                      home: Path) -> None:
    place, hall_id = Home(home).ensure(), hall_info(hall_db).id
    old = cases.submit_intake(hall_db, place, hall_id, sample_intake(CHEN), today=TODAY).number
    waiting = cases.submit_intake(hall_db, place, hall_id, sample_intake(MA), today=TODAY).number
    confirm(hall_db, old, days_ago=200)
    old_scans, waiting_scans = scans(hall_db, old), scans(hall_db, waiting)
    assert len(old_scans) == 3 and not set(old_scans) & set(waiting_scans)

    assert retention.purge(hall_db, place, days=250).cases == ()  # confirmed 200 days ago: still kept

    dry = retention.purge(hall_db, place, days=180, dry_run=True)
    assert (dry.cases, dry.scans, dry.waiting) == ((old,), 3, 1) and dry.scan_bytes > 0
    assert [c.applicant_name for c in cases.search(hall_db, CHEN["id_number"])] == ["陈思雨"]  # nothing changed
    assert all(material_store.load(place, sha) for sha in old_scans)

    done = retention.purge(hall_db, place, days=180, actor="cli")
    assert (done.cases, done.scans, done.scan_bytes) == ((old,), 3, dry.scan_bytes)
    for sha in old_scans:
        with pytest.raises(material_store.MaterialStoreError):
            material_store.load(place, sha)
    assert cases.search(hall_db, CHEN["id_number"]) == [] and cases.search(hall_db, "陈思雨") == []
    with hall_db.unit_of_work() as uow:
        case = uow.cases.by_number(old)
        person = uow.cases.applicant(case.applicant_id)
        assert (person.name, person.certificate_number, person.birth_date, person.address) == ("", "", None, "")
        assert case.delivery_address == "" and case.purged_at is not None
        assert [e.payload for e in uow.outbox.by_case_number(old)] == [""]
        # Statistics stay: the case, its state, item, materials' hashes and the outbox state.
        assert (case.state, len(case.materials), scans(hall_db, old)) == ("accepted", 6, old_scans)
        assert uow.outbox.counts()["confirmed"] == 1
    assert {c.number for c in cases.search(hall_db)} == {old, waiting}
    assert [c.number for c in cases.search(hall_db, old)] == [old]
    assert audit.broken_links(hall_db) == []
    assert audit.recent(hall_db, action="case_purged")[0].subject == f"case:{old}"

    # The unconfirmed case is untouched: its person, its scans.
    assert [c.applicant_name for c in cases.search(hall_db, MA["id_number"])] == ["马桂芳"]
    assert all(material_store.load(place, sha) for sha in waiting_scans)
    assert retention.purge(hall_db, place, days=180).cases == ()  # once is enough
