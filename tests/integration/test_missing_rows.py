"""A step that finds no row (or no key) where it needs one says so with a code and what to do next,
instead of failing on None half-way: the cases mypy found unchecked (issue 15)."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from hallapp.bootstrap import AppContext
from hallapp.config import Settings
from hallapp.domain.cases import CaseError, Decision, MaterialStatus
from hallapp.domain.identity import manual_identity
from hallapp.home import Home
from hallapp.services import case_documents, cases, catalog
from hallapp.services.demo import seed_cases
from hallapp.services.hall import SetupError
from hallapp.storage import Database, sealing
from hallapp.sync.records import IncompleteRecordError
from tests.support.refusals import refused

ITEM = "002011004000"  # 社会保障卡申领: 1 居民身份证 (key), 2 登记表, 3 照片


def _case_count(db: Database) -> int:
    with db.unit_of_work() as uow:
        return len(uow.cases.search(limit=1000))


def test_an_intake_before_the_hall_is_set_up_is_refused_and_saves_nothing(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'hall.sqlite3'}")
    db.upgrade()
    catalog.import_catalog(db, catalog.starter_catalog_path())  # a catalog, but no hall yet
    applicant = manual_identity(name="欧阳建国", id_number="11010519491231002X", today=date(2026, 11, 26), long_term=True)
    intake = cases.IntakeInput(
        applicant=applicant, item_code=ITEM, handling_region_code="110105", decision=Decision.NOTICE,
        materials=[cases.MaterialInput(1, MaterialStatus.MISSING, how_to_supply="请补交原件")],
        counter_number=1, staff_id=None, staff_username="admin")
    try:
        with refused(SetupError, "setup.not_done") as info:
            cases.submit_intake(db, Home(tmp_path / "home").ensure(), 1, intake, today=date(2026, 11, 26))
        assert "finish the set-up first" in str(info.value)
        assert _case_count(db) == 0
    finally:
        db.dispose()


def test_demo_cases_for_an_item_not_in_the_catalog_are_refused(demo_db: Database, home: Path) -> None:
    ctx = AppContext(home=Home(home).ensure(), settings=Settings(), db=demo_db, demo=True)
    before = _case_count(demo_db)
    with refused(CaseError, "case.item_not_in_catalog", item="999999999999"):
        seed_cases(ctx, 2, plan="complete", item_code="999999999999")
    assert _case_count(demo_db) == before
    assert len(seed_cases(ctx, 1, plan="complete", item_code=ITEM)) == 1  # a catalog item still works


def test_a_personal_data_key_removed_while_starting_is_named_not_replaced(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    db = Database(f"sqlite:///{tmp_path / 'hall.sqlite3'}")

    def made_by_another_process(keys_dir: Path) -> bytes:
        raise FileExistsError(keys_dir / sealing.KEY_FILE)  # ...which removes it before we read it

    monkeypatch.setattr(sealing, "create_key", made_by_another_process)
    try:
        with pytest.raises(sealing.SealingError, match="created and removed again.*start hallapp again"):
            db.sealer()
        assert not (tmp_path / "keys" / sealing.KEY_FILE).exists()  # no second key made behind the person's back
    finally:
        db.dispose()


def _a_case_whose_hall_is_gone(db: Database, home: Path) -> str:
    """One accepted, sent case; then the hall row is deleted behind the program's back (a damaged copy)."""
    number = seed_cases(AppContext(home=Home(home).ensure(), settings=Settings(), db=db, demo=True), 1,
                        plan="complete", item_code=ITEM)[0]
    path = db.url.database
    assert path
    with sqlite3.connect(path) as raw:  # foreign keys are off in a bare connection: nothing else goes
        raw.execute("DELETE FROM hall")
    return number


def test_a_receipt_in_a_database_without_its_hall_asks_for_the_set_up(demo_db: Database, home: Path) -> None:
    number = _a_case_whose_hall_is_gone(demo_db, home)
    with refused(SetupError, "setup.not_done"):
        case_documents.render(demo_db, number, "receipt", Settings().documents)


def test_a_courier_record_without_the_hall_is_refused_and_nothing_is_saved(demo_db: Database, home: Path) -> None:
    number = _a_case_whose_hall_is_gone(demo_db, home)
    with pytest.raises(IncompleteRecordError) as info:
        cases.record_originals_dispatch(demo_db, number, carrier="EMS", waybill="EA123456789CN",
                                        sent_on=date(2026, 11, 26), actor="clerk1")
    assert {"hall.code", "hall.name"} <= set(info.value.missing)
    with demo_db.unit_of_work() as uow:
        case = uow.cases.by_number(number)
        assert case is not None and not case.originals_waybill  # the intake's rule: refused, so not written
        assert [r.kind for r in uow.outbox.by_case_number(number)] == ["case"]
