"""The hall's clock, end to end, with the PC's own zone set to UTC and to Asia/Shanghai:

- ticket and case numbers restart at the hall's midnight (23:30 → 00:30 Beijing), never at 08:00;
- today's tiles count the hall's day;
- stored times are UTC on SQLite and PostgreSQL alike, whatever the PostgreSQL session's zone;
- a receipt printed at 15:51 Beijing says 15:51 (pdftotext), the queue ticket the time it was taken
  (ESC/POS bytes), and the platform record's times are the receipt's: 受理时间, and the promised
  date for every seeded case (a 即办件 is promised today, not tomorrow);
- the old one-day-late promised times are moved by the migration (both ways, both databases);
- a promised date counted into a year no holiday calendar covers is flagged and logged.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy import text

from hallapp.bootstrap import AppContext
from hallapp.config import Settings, TicketPrinterSettings
from hallapp.domain.clock import FixedClock, using
from hallapp.home import Home
from hallapp.services import case_documents, cases, dashboard, demo, queue, staff, ticket_printing
from hallapp.services.hall import HallInfo, create_hall
from hallapp.storage import Database
from tests.support.escpos_parse import lines, parse
from tests.support.os_zone import os_time_zone

DEMO_HALL = "DEMO510104"
PROMISED_ITEM = "002011002000"  # 企业职工基本养老保险关系转移接续: 承诺件, 15 working days
INSTANT_ITEM = "002011005000"  # 社会保障卡启用: 即办件


@pytest.fixture(params=["UTC", "Asia/Shanghai"])
def os_zone(request: pytest.FixtureRequest) -> Iterator[str]:
    with os_time_zone(request.param) as name:
        yield name


@pytest.fixture
def fast_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    # argon2 at its production cost is the slowest part of creating a hall; time does not care.
    monkeypatch.setattr(staff, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


@pytest.fixture
def hall(any_db: Database, fast_hashes: None) -> HallInfo:
    return create_hall(any_db, name="测试县政务服务中心", code="T510104", region_code="510104", counters=3,
                       admin_username="admin", admin_name="管理员", admin_password="Admin2026x")


@pytest.fixture
def app(home: Path, any_db: Database, fast_hashes: None) -> AppContext:
    """The demo hall on each database, as `hallapp --demo` would hold it (seed_cases creates the hall)."""
    root = Home(home).ensure()
    return AppContext(root, Settings(), any_db, demo=True)


def _issue(db: Database, hall: HallInfo, clock: FixedClock, hour: int, minute: int, day: int) -> str:
    clock.set_local(2026, 12, day, hour, minute)
    return queue.issue_ticket(db, hall.id, "A").number


def _raw_time(db: Database, sql: str) -> str:
    with db.engine.connect() as conn:
        return str(conn.execute(text(sql)).scalar())[:16]


# -- numbering and today's tiles ---------------------------------------------------------------------


def test_ticket_numbers_restart_at_the_halls_midnight_not_at_0800(any_db: Database, hall: HallInfo, os_zone: str) -> None:
    clock = FixedClock.at_local(2026, 12, 8, 23, 0)
    with using(clock):
        evening = [_issue(any_db, hall, clock, 23, 30, 8), _issue(any_db, hall, clock, 23, 59, 8)]
        night = [_issue(any_db, hall, clock, 0, 30, 9), _issue(any_db, hall, clock, 7, 59, 9),
                 _issue(any_db, hall, clock, 8, 0, 9), _issue(any_db, hall, clock, 8, 30, 9)]
        assert (evening, night) == (["A001", "A002"], ["A001", "A002", "A003", "A004"])
        assert [t.number for t in queue.waiting_list(any_db, hall.id)] == ["A001", "A002", "A003", "A004"]
        # 08:30 Beijing is 00:30 UTC: the tiles count the hall's day, not the UTC one.
        assert dashboard.today(any_db, hall.id).issued == 4
        assert dashboard.today(any_db, hall.id, date(2026, 12, 8)).issued == 2
        clock.set_local(2026, 12, 8, 23, 45)
        assert dashboard.today(any_db, hall.id).issued == 2
        assert [t.number for t in queue.waiting_list(any_db, hall.id)] == ["A001", "A002"]


def test_stored_times_are_utc_on_both_databases(any_db: Database, hall: HallInfo, os_zone: str) -> None:
    clock = FixedClock.at_local(2026, 12, 8, 15, 51)
    with using(clock):
        view = queue.issue_ticket(any_db, hall.id, "A")
    assert view.issued_at == datetime(2026, 12, 8, 7, 51, tzinfo=UTC)
    assert _raw_time(any_db, f"SELECT issued_at FROM ticket WHERE id = {view.id}") == "2026-12-08 07:51"
    if any_db.engine.dialect.name == "postgresql":
        # The column has no zone, so a session in another zone reads the same instant.
        with any_db.engine.connect() as conn:
            conn.execute(text("SET TIME ZONE 'Asia/Shanghai'"))
            raw = conn.execute(text(f"SELECT issued_at FROM ticket WHERE id = {view.id}")).scalar()
        assert raw == datetime(2026, 12, 8, 7, 51)
    with pytest.raises(Exception, match="naive"):
        with any_db.unit_of_work(write=True) as uow:
            ticket = uow.queue.ticket(view.id)
            ticket.called_at = datetime(2026, 12, 8, 15, 52)
            uow.flush()


def test_case_numbers_take_the_halls_day(app: AppContext, os_zone: str) -> None:
    late = FixedClock.at_local(2026, 12, 8, 23, 30)
    (first,) = demo.seed_cases(app, 1, plan="complete", item_code=PROMISED_ITEM, clock=late)
    late.set_local(2026, 12, 9, 0, 30)
    (second,) = demo.seed_cases(app, 1, plan="complete", item_code=PROMISED_ITEM, clock=late, seed=7)
    assert re.fullmatch(rf"{DEMO_HALL}-20261208-[A-Z]{{3}}-0001", first), first
    assert re.fullmatch(rf"{DEMO_HALL}-20261209-[A-Z]{{3}}-0001", second), second
    with using(late):
        assert [c.number for c in cases.search(app.db, on=date(2026, 12, 9))] == [second]
        assert [c.number for c in cases.search(app.db, on=date(2026, 12, 8))] == [first]


# -- what is printed, and what is sent ---------------------------------------------------------------


def _record(db: Database, number: str) -> dict:
    with db.unit_of_work() as uow:
        (entry,) = uow.outbox.by_case_number(number)
    return json.loads(entry.payload)


def _receipt_text(app: AppContext, number: str, tmp_path: Path, clock: FixedClock) -> str:
    from tests.documents.pdf_checks import RenderedPdf

    pdf = case_documents.render(app.db, number, "receipt", app.settings.documents, clock=clock)
    return RenderedPdf(pdf, tmp_path / f"{number}.pdf").flat_text()


_PROMISED = re.compile(r"承诺办结日期(?:(\d{4})年(\d{1,2})月(\d{1,2})日|当场办结)")


def test_the_receipt_says_the_halls_time_and_the_record_says_the_same(app: AppContext, os_zone: str,
                                                                     tmp_path: Path) -> None:
    clock = FixedClock.at_local(2026, 12, 8, 15, 51)
    numbers = demo.seed_cases(app, 6, plan="complete", clock=clock)
    numbers += demo.seed_cases(app, 1, plan="complete", item_code=INSTANT_ITEM, clock=clock, seed=3)
    numbers += demo.seed_cases(app, 2, plan="gap", item_code=PROMISED_ITEM, clock=clock, seed=5)
    kinds = set()
    for number in numbers:
        record = _record(app.db, number)["acceptance"]
        text = _receipt_text(app, number, tmp_path, clock)
        assert "受理时间2026年12月8日15:51" in text, "the receipt prints Beijing time, whatever the PC's zone"
        assert record["time"] == "20261208T155100"
        printed = _PROMISED.search(text)
        assert printed is not None, text
        if printed.group(1):  # 承诺件: the printed date is the record's date
            kinds.add("promised")
            promised = date(*map(int, printed.groups()))
            assert record["promised_time"] == f"{promised:%Y%m%d}T170000"
            assert cases.show(app.db, number)["promised_date"] == promised.isoformat()
        else:  # 即办件: done today, sent as today
            kinds.add("instant")
            assert record["promised_time"] == "20261208T170000"
    assert kinds == {"promised", "instant"}


def test_a_case_accepted_at_0030_is_promised_from_that_day(app: AppContext, os_zone: str, tmp_path: Path) -> None:
    clock = FixedClock.at_local(2026, 12, 9, 0, 30)
    (number,) = demo.seed_cases(app, 1, plan="complete", item_code=INSTANT_ITEM, clock=clock)
    assert _record(app.db, number)["acceptance"]["promised_time"] == "20261209T170000"
    assert "受理时间2026年12月9日00:30" in _receipt_text(app, number, tmp_path, clock)


def test_a_ticket_shows_the_time_it_was_taken(any_db: Database, hall: HallInfo, os_zone: str, tmp_path: Path) -> None:
    clock = FixedClock.at_local(2026, 12, 8, 23, 30)
    with using(clock):
        view = queue.issue_ticket(any_db, hall.id, "A")
    paper = tmp_path / "ticket.bin"
    settings = TicketPrinterSettings(uri=f"file://{paper}")
    clock.set_local(2026, 12, 9, 0, 5)  # printed a little later: the ticket still says when it was taken
    ticket_printing.print_ticket(view, hall.name, settings, clock)
    printed = [line.text for line in lines(parse(paper.read_bytes(), settings.encoding))]
    assert any(line.strip() == "取号时间 2026-12-08 23:30" for line in printed), printed


# -- the stored format's change ----------------------------------------------------------------------


def test_the_migration_moves_old_promised_times_without_changing_their_date(app: AppContext, os_zone: str) -> None:
    from alembic import command

    from hallapp.storage.migrate import _config

    clock = FixedClock.at_local(2026, 12, 8, 15, 51)
    (number,) = demo.seed_cases(app, 1, plan="complete", item_code=PROMISED_ITEM, clock=clock)
    promised = cases.show(app.db, number)["promised_date"]
    sql = f"SELECT promised_at FROM case_file WHERE number = '{number}'"
    assert _raw_time(app.db, sql) == f"{promised} 09:00"  # 17:00 Beijing
    command.downgrade(_config(app.db.engine), "2026_11_26_0003")
    assert _raw_time(app.db, sql) == f"{promised} 17:00"  # as the old code wrote it: 17:00 UTC
    command.upgrade(_config(app.db.engine), "head")
    assert _raw_time(app.db, sql) == f"{promised} 09:00"
    assert cases.show(app.db, number)["promised_date"] == promised


# -- the holiday calendar's years --------------------------------------------------------------------


def test_a_promise_past_the_loaded_calendars_is_flagged_and_logged(app: AppContext, caplog: pytest.LogCaptureFixture) -> None:
    calendar = cases.load_calendar(app.settings.documents.holiday_calendars)
    late = FixedClock.at_local(2026, 12, 18, 10, 0)  # 15 working days: into January 2027
    with caplog.at_level(logging.WARNING, logger="hallapp.services.cases"):
        (number,) = demo.seed_cases(app, 1, plan="complete", item_code=PROMISED_ITEM, clock=late)
    assert cases.show(app.db, number)["promised_date"].startswith("2027-")
    assert any("2027" in r.getMessage() and number in r.getMessage() for r in caplog.records)
    summary = _summary_of(app, calendar, FixedClock.at_local(2026, 12, 18, 11, 0))
    assert summary.uncovered_years == (2027,)
    assert _summary_of(app, calendar, FixedClock.at_local(2026, 12, 1, 11, 0)).uncovered_years == ()


def _clerk_id(app, hall_id: int) -> int:
    with app.db.unit_of_work() as uow:
        return next(s.id for s in uow.staff.all(hall_id) if s.username == "clerk1")


def _summary_of(app: AppContext, calendar, clock: FixedClock) -> cases.CaseSummary:
    """One more intake the way the counter saves it (the seeded case's inputs, another applicant)."""
    from hallapp.domain.cases import Decision, MaterialStatus
    from hallapp.domain.identity import manual_identity
    from hallapp.domain.idnumber import make_id_number
    from hallapp.services import catalog

    info = demo.ensure_demo_hall(app.db)
    item = catalog.checklist(app.db, PROMISED_ITEM)
    applicant = manual_identity(name="测试", id_number=make_id_number("510104", date(1990, 1, 1), 123), today=clock.today(),
                                valid_to=date(2035, 1, 1), address="四川省成都市锦江区示例路1号")
    materials = [cases.MaterialInput(line.position, MaterialStatus.CAPTURED) for line in item.lines]
    intake = cases.IntakeInput(applicant=applicant, item_code=item.code, handling_region_code="510104",
                               materials=materials, decision=Decision.ACCEPT, counter_number=1,
                               staff_id=_clerk_id(app, info.id), staff_username="clerk1")
    return cases.submit_intake(app.db, app.home, info.id, intake, calendar=calendar, clock=clock)
