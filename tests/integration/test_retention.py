"""The retention policy (issue 10 item 4): a case the platform confirmed longer ago than
`retention.days` loses its scans and personal fields; its statistics and audit trail stay, and a
case the platform has not confirmed is untouched. A dry run reports and changes nothing."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update

from hallapp.domain.clock import hall_clock
from hallapp.home import Home
from hallapp.services import audit, cases, retention
from hallapp.services.hall import hall_info
from hallapp.storage import Database, material_store
from hallapp.storage.models import OutboxEntry, SharedLicence
from tests.integration.test_personal_data import (  # noqa: F401 - fixture
    CARDS,
    CHEN,
    TODAY,
    hall_db,
    raw_rows,
    sample_intake,
)

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


def test_a_purged_case_s_e_licence_loses_its_number_issuer_and_file(hall_db: Database, home: Path) -> None:  # noqa: F811
    """电子证照 (services/licences.py): the licence row a fetch leaves, the case material its file became."""
    place, hall_id = Home(home).ensure(), hall_info(hall_db).id
    intake = sample_intake(CHEN)
    licence_pdf = intake.materials[1].pdf  # the 登记表 line carries the platform's file
    sha = material_store.store(place, licence_pdf)
    with hall_db.unit_of_work(write=True) as uow:
        uow.add(SharedLicence(consent_ref="ab" * 16, licence_type="hukou", holder_index="x" * 64, staff="admin",
                              consented_at=hall_clock().now(), state="fetched", licence_number="SIM-HUK-0000000042",
                              issuer="示例市公安局（模拟）", sha256=sha, fetched_at=hall_clock().now()))
    number = cases.submit_intake(hall_db, place, hall_id, intake, today=TODAY).number
    with hall_db.unit_of_work() as uow:
        [row] = uow.session.scalars(select(SharedLicence)).all()
        assert row.material_id is not None and (row.issuer, row.licence_number) != ("", "")
    assert "SIM-HUK-0000000042" not in " ".join(str(v) for r in raw_rows(hall_db, "SELECT licence_number FROM "
                                                                             "shared_licence") for v in r)  # sealed
    confirm(hall_db, number, days_ago=200)

    assert retention.purge(hall_db, place, days=180).cases == (number,)
    with hall_db.unit_of_work() as uow:
        [row] = uow.session.scalars(select(SharedLicence)).all()
        assert (row.licence_number, row.issuer) == ("", "")
        assert (row.state, row.licence_type, row.sha256) == ("fetched", "hukou", sha)  # statistics stay
    with pytest.raises(material_store.MaterialStoreError):
        material_store.load(place, sha)
