"""Storage on SQLite and on a real PostgreSQL: migrations, constraints, the unit of work."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from hallapp.services import catalog
from hallapp.storage import Database, DatabaseError
from hallapp.storage.migrate import current_revision, head_revision
from hallapp.storage.models import Applicant, Case, Counter, Hall, Material, OutboxEntry, Ticket


def _hall(db: Database) -> int:
    with db.unit_of_work(write=True) as uow:
        hall = Hall(code="H1", name="测试大厅", region_code="510104")
        uow.add(hall)
        uow.flush()
        uow.add(Counter(hall_id=hall.id, number=1, name="1号窗口"))
        return hall.id


def test_migrations_reach_head_and_are_idempotent(any_db: Database) -> None:
    assert current_revision(any_db.engine) == head_revision()
    any_db.upgrade()  # a second start applies nothing and breaks nothing
    assert current_revision(any_db.engine) == head_revision()


def test_failed_unit_of_work_leaves_nothing_behind(any_db: Database) -> None:
    hall_id = _hall(any_db)
    with pytest.raises(RuntimeError):
        with any_db.unit_of_work(write=True) as uow:
            uow.add(Counter(hall_id=hall_id, number=2, name="2号窗口"))
            uow.flush()
            raise RuntimeError("power cut in the middle")
    with any_db.unit_of_work() as uow:
        assert [c.number for c in uow.halls.counters(hall_id)] == [1]


def test_duplicate_counter_number_is_refused(any_db: Database) -> None:
    hall_id = _hall(any_db)
    with pytest.raises(DatabaseError):
        with any_db.unit_of_work(write=True) as uow:
            uow.add(Counter(hall_id=hall_id, number=1, name="again"))


def test_foreign_keys_are_enforced(any_db: Database) -> None:
    with pytest.raises(DatabaseError):
        with any_db.unit_of_work(write=True) as uow:
            uow.add(Counter(hall_id=999, number=1, name="orphan"))


def test_case_with_materials_and_outbox_round_trip(any_db: Database, tmp_path) -> None:
    hall_id = _hall(any_db)
    catalog.import_catalog(any_db, catalog.starter_catalog_path())
    with any_db.unit_of_work(write=True) as uow:
        item = uow.catalog.by_code("002011004000")
        applicant = Applicant(name="欧阳建国", certificate_number="11010519491231002X", region_code="110105")
        uow.add(applicant)
        uow.flush()
        ticket = Ticket(hall_id=hall_id, service_date=datetime.now(UTC).date(), category="A", number="A001")
        uow.add(ticket)
        uow.flush()
        case = Case(number="H1-20261126-0001", hall_id=hall_id, item_id=item.id, applicant_id=applicant.id,
                    ticket_id=ticket.id)
        case.materials = [
            Material(position=i, name=req.name, form=req.form, status="captured", sha256="ab" * 32)
            for i, req in enumerate(item.materials)
        ]
        uow.add(case)
        uow.flush()
        uow.add(OutboxEntry(case_id=case.id, kind="application", client_id="c-1", payload="{}", payload_sha256="0" * 64))
    with any_db.unit_of_work() as uow:
        backlog, oldest = uow.outbox.backlog()
        assert backlog == 1
        assert oldest is not None and datetime.now(UTC) - oldest < timedelta(minutes=1)


def test_times_come_back_in_utc(any_db: Database) -> None:
    _hall(any_db)
    with any_db.unit_of_work() as uow:
        hall = uow.halls.the_hall()
        assert hall.created_at.tzinfo is not None
        assert abs(datetime.now(UTC) - hall.created_at) < timedelta(minutes=1)


def test_audit_chain_detects_an_edited_event(any_db: Database) -> None:
    from sqlalchemy import update

    from hallapp.storage.models import AuditEvent

    with any_db.unit_of_work(write=True) as uow:
        for n in range(5):
            uow.audit.append("login", actor=f"clerk{n}", subject="staff:x")
    with any_db.unit_of_work() as uow:
        assert uow.audit.verify() == []
    with any_db.unit_of_work(write=True) as uow:
        third = uow.audit.events(limit=5)[2]
        uow.session.execute(update(AuditEvent).where(AuditEvent.id == third.id).values(actor="someone-else"))
    with any_db.unit_of_work() as uow:
        assert uow.audit.verify() == [third.id]


def test_sqlite_runs_in_wal_mode_with_foreign_keys(home) -> None:
    home.mkdir(parents=True)
    db = Database(f"sqlite:///{home / 'x.sqlite3'}")
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
    db.dispose()


def test_two_sqlite_writers_queue_instead_of_failing(home) -> None:
    """Two processes' worth of writers on one file: both succeed, one after the other."""
    import threading

    home.mkdir(parents=True)
    url = f"sqlite:///{home / 'x.sqlite3'}"
    first = Database(url)
    first.upgrade()
    hall_id = _hall(first)
    second = Database(url)
    errors: list[BaseException] = []

    def add_counters(db: Database, start: int) -> None:
        try:
            for n in range(start, start + 20):
                with db.unit_of_work(write=True) as uow:
                    existing = len(uow.halls.counters(hall_id))  # read, then write: needs the lock up front
                    uow.add(Counter(hall_id=hall_id, number=n, name=f"{existing}"))
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=add_counters, args=(db, s)) for db, s in ((first, 100), (second, 200))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with first.unit_of_work() as uow:
        assert len(uow.halls.counters(hall_id)) == 41
    first.dispose()
    second.dispose()


def test_start_up_head_constant_matches_the_migration_scripts() -> None:
    from hallapp.storage.migrate import HEAD

    assert HEAD == head_revision()


def test_upgrade_from_the_first_schema_keeps_existing_rows(db_url: str) -> None:
    """A hall that ran the first release upgrades in place: its rows survive, new columns get defaults."""
    from sqlalchemy import text

    from hallapp.storage.migrate import upgrade

    db = Database(db_url)
    upgrade(db.engine, "2026_11_26_0001")
    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO hall (id, code, name, region_code, phone, address, demo, created_at) "
                          "VALUES (1, 'H1', '老大厅', '510104', '', '', false, '2026-01-01 08:00:00')"))
        conn.execute(text("INSERT INTO service_item (id, code, name, department, item_type, processing_modes, case_type, "
                          "promised_days, fee, sample_checklist, pinyin_initials, pinyin_full, active, aliases) VALUES "
                          "(1, '002011004000', '社会保障卡申领', '人社部', '20', 'remote', 'promised', 10, 0, false, 'x', 'x', "
                          "true, '')"))
        conn.execute(text("INSERT INTO applicant (id, name, certificate_type, certificate_number, address, phone, created_at) "
                          "VALUES (1, '甲', '111', '11010519491231002X', '', '', '2026-01-01 08:00:00')"))
        conn.execute(text("INSERT INTO case_file (id, number, hall_id, item_id, applicant_id, state, created_at, updated_at) "
                          "VALUES (1, 'H1-20260101-0001', 1, 1, 1, 'accepted', '2026-01-01 08:00:00', '2026-01-01 08:00:00')"))
    db.upgrade()
    with db.unit_of_work() as uow:
        from hallapp.storage.models import Case

        case = uow.session.get(Case, 1)
        assert case.number == "H1-20260101-0001" and case.delivery == "window" and case.returned_reason == ""
    db.dispose()
