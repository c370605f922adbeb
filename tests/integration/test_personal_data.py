"""Personal data sealed at rest (issue 10 item 4): what is on disk reads as nothing to someone who
copies the files, while the clerk still finds a case by ID number or name; the home is private; a
database refuses a key that is not its own; an old plain database is sealed when it is upgraded."""

from __future__ import annotations

import stat
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from drivers.idcard.sample import load_cards
from hallapp.domain.cases import Decision, MaterialStatus
from hallapp.domain.identity import identity_from_fields
from hallapp.home import Home, current_home
from hallapp.services import cases
from hallapp.services.hall import create_hall, hall_info
from hallapp.storage import Database
from hallapp.storage.database import DatabaseError
from hallapp.storage.migrate import upgrade

TODAY = date(2026, 11, 26)
ITEM = "002011004000"  # 社会保障卡申领: 1 居民身份证 (key), 2 登记表, 3 照片
CARDS = {c["name"]: c for c in load_cards()}
CHEN, GUAN = CARDS["陈思雨"], CARDS["关若琳"]  # applicant, agent


def sample_intake(card: dict, agent: dict | None = None, *, delivery: str = "mail") -> cases.IntakeInput:
    materials = [cases.MaterialInput(pos, MaterialStatus.CAPTURED, pdf=f"%PDF-1.4 {card['id_number'][-4:]} p{pos}".encode(),
                                     page_count=1) for pos in (1, 2, 3)]
    return cases.IntakeInput(
        applicant=identity_from_fields(card, b"", TODAY), agent=identity_from_fields(agent, b"", TODAY) if agent else None,
        item_code=ITEM, handling_region_code="110105", materials=materials, decision=Decision.ACCEPT,
        counter_number=1, staff_id=1, staff_username="admin", delivery=delivery,
        delivery_address=card["address"] if delivery == "mail" else "")


@pytest.fixture
def hall_db(any_db: Database) -> Database:
    create_hall(any_db, name="测试大厅", code="T510104", region_code="510104", counters=2,
                admin_username="admin", admin_name="管理员", admin_password="Admin2026x")
    return any_db


def raw_rows(db: Database, sql: str) -> list[tuple]:
    with db.engine.connect() as conn:
        return [tuple(row) for row in conn.execute(text(sql))]


def test_personal_fields_are_sealed_in_the_database_and_still_found(hall_db: Database, home: Path) -> None:
    number = cases.submit_intake(hall_db, Home(home).ensure(), hall_info(hall_db).id, sample_intake(CHEN, GUAN),
                                 today=TODAY).number
    stored = raw_rows(hall_db, "SELECT name, certificate_number, birth_date, address FROM applicant")
    stored += raw_rows(hall_db, "SELECT delivery_address, '', '', '' FROM case_file")
    stored += raw_rows(hall_db, "SELECT payload, '', '', '' FROM outbox_entry")
    flat = " ".join(str(v) for row in stored for v in row)
    for card in (CHEN, GUAN):
        for secret in (card["name"], card["id_number"], card["address"], card["birth"][:4]):
            assert secret not in flat, secret
    assert all(row[0].startswith("s1:") for row in stored)

    # The clerk still finds the case by the applicant's or agent's ID number (any case of x), or by a name part.
    for needle in (CHEN["id_number"].lower(), f" {GUAN['id_number']} ", "陈思", "若琳", number):
        assert [c.number for c in cases.search(hall_db, needle)] == [number], needle
    assert cases.search(hall_db, "陈思雨雨") == [] and cases.search(hall_db, "110105198811231241") == []
    with hall_db.unit_of_work() as uow:
        found = uow.cases.by_number(number)
        person = uow.cases.applicant(found.applicant_id)
        assert (person.name, person.certificate_number, person.birth_date, found.delivery_address) == (
            "陈思雨", CHEN["id_number"], date(1990, 3, 7), CHEN["address"])
        (entry,) = uow.outbox.by_case_number(number)
        assert CHEN["id_number"] in entry.payload and GUAN["name"] in entry.payload  # the sync engine reads it plain


def test_another_key_is_refused_before_anything_is_written(home: Path) -> None:
    home.mkdir(parents=True)
    db = Database(f"sqlite:///{home / 'hallapp.sqlite3'}")
    db.upgrade()
    create_hall(db, name="测试大厅", code="T510104", region_code="510104", counters=1,
                admin_username="admin", admin_name="管理员", admin_password="Admin2026x")
    cases.submit_intake(db, Home(home).ensure(), hall_info(db).id, sample_intake(CHEN), today=TODAY)
    db.dispose()
    key = home / "keys" / "personal.key"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    original = key.read_bytes()

    key.unlink()  # a second PC of the hall without the hall's key file
    with pytest.raises(DatabaseError, match="personal.key from a PC of this hall"):
        Database(f"sqlite:///{home / 'hallapp.sqlite3'}").upgrade()
    assert not key.exists()  # no new key was made that would seal values nobody else can read
    key.write_text(f"hallapp-personal-key/1 file {'ab' * 32}\n")
    with pytest.raises(DatabaseError, match="is sealed with key"):
        Database(f"sqlite:///{home / 'hallapp.sqlite3'}").upgrade()

    key.write_bytes(original)
    again = Database(f"sqlite:///{home / 'hallapp.sqlite3'}")
    again.upgrade()
    assert [c.applicant_name for c in cases.search(again, CHEN["id_number"])] == ["陈思雨"]
    again.dispose()


def test_upgrade_seals_the_rows_an_older_version_stored_plain(db_url: str) -> None:
    db = Database(db_url)
    upgrade(db.engine, "2026_12_10_0006")
    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO hall (id, code, name, region_code, phone, address, demo, created_at) "
                          "VALUES (1, 'H1', '老大厅', '510104', '', '', false, '2026-01-01 08:00:00')"))
        conn.execute(text("INSERT INTO service_item (id, code, name, department, item_type, processing_modes, case_type, "
                          "promised_days, fee, sample_checklist, pinyin_initials, pinyin_full, active, aliases) VALUES "
                          "(1, '002011004000', '社会保障卡申领', '人社部', '20', 'remote', 'promised', 10, 0, false, 'x', 'x', "
                          "true, '')"))
        conn.execute(text("INSERT INTO applicant (id, name, certificate_type, certificate_number, birth_date, address, "
                          "phone, created_at) VALUES (1, :name, '111', :number, '1990-03-07', :address, '13800000000', "
                          "'2026-01-01 08:00:00')"),
                     {"name": CHEN["name"], "number": CHEN["id_number"], "address": CHEN["address"]})
        conn.execute(text("INSERT INTO case_file (id, number, hall_id, item_id, applicant_id, state, delivery, "
                          "delivery_address, created_at, updated_at) VALUES (1, 'H1-20260101-0001', 1, 1, 1, 'accepted', "
                          "'mail', :address, '2026-01-01 08:00:00', '2026-01-01 08:00:00')"), {"address": CHEN["address"]})
        conn.execute(text("INSERT INTO outbox_entry (id, case_id, case_number, kind, client_id, payload, payload_sha256, "
                          "state, attempts, next_attempt_at, last_error, created_at, updated_at) VALUES (1, 1, "
                          "'H1-20260101-0001', 'application', 'c-1', :payload, :sha, 'queued', 0, '2026-01-01 08:00:00', '', "
                          "'2026-01-01 08:00:00', '2026-01-01 08:00:00')"),
                     {"payload": f'{{"name":"{CHEN["name"]}","id":"{CHEN["id_number"]}"}}', "sha": "0" * 64})
    db.upgrade()
    flat = " ".join(str(v) for sql in ("SELECT name, certificate_number, birth_date, address, phone FROM applicant",
                                       "SELECT delivery_address FROM case_file", "SELECT payload FROM outbox_entry")
                    for row in raw_rows(db, sql) for v in row)
    for secret in (CHEN["name"], CHEN["id_number"], CHEN["address"], "1990-03-07", "13800000000"):
        assert secret not in flat, secret
    (found,) = cases.search(db, CHEN["id_number"])
    assert (found.number, found.applicant_name) == ("H1-20260101-0001", "陈思雨")
    with db.unit_of_work() as uow:
        assert uow.cases.applicant(1).birth_date == date(1990, 3, 7)
        assert uow.cases.by_number("H1-20260101-0001").delivery_address == CHEN["address"]
        assert CHEN["id_number"] in uow.outbox.get(1).payload
    db.dispose()


def test_the_home_becomes_private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "old-home"
    (root / "logs").mkdir(parents=True)
    (root / "materials" / "ab").mkdir(parents=True)
    for name in ("hallapp.sqlite3", "settings.toml", "logs/hallapp.log", "materials/ab/ab.pdf.enc"):
        (root / name).write_text("x")
    for path in [root, *root.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    monkeypatch.setenv("HALLAPP_HOME", str(root))
    current_home()
    assert private_modes(root) == []
    (root / "new.txt").write_text("y")  # anything the program writes afterwards is born private
    assert private_modes(root) == []


def private_modes(root: Path) -> list[str]:
    """Every path under `root` whose mode is not the owner's alone (0700 folders, 0600 files)."""
    wrong = []
    for path in [root, *root.rglob("*")]:
        want = 0o700 if path.is_dir() else 0o600
        if not path.is_symlink() and stat.S_IMODE(path.stat().st_mode) != want:
            wrong.append(f"{path.relative_to(root)} {oct(stat.S_IMODE(path.stat().st_mode))}")
    return wrong
