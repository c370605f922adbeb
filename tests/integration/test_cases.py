"""Case intake and the life of a case, on SQLite and PostgreSQL: decisions the checklist allows,
numbers unique per hall and day, the state machine, audit, delivery, search, scans at rest."""

from __future__ import annotations

import re
from datetime import date

import pytest

from hallapp.domain.cases import CaseError, CaseState, Decision, MaterialStatus
from hallapp.domain.identity import manual_identity
from hallapp.home import Home
from hallapp.services import audit, case_view, cases, supplements
from hallapp.services.hall import create_hall, hall_info
from hallapp.storage import Database, material_store
from tests.support.refusals import refused

TODAY = date(2026, 11, 26)  # a Thursday
ITEM = "002011004000"  # 社会保障卡申领: 1 居民身份证 (key), 2 登记表 (non-key), 3 照片 (non-key), 4–6 optional


ADMIN_ID = 1  # the hall's first administrator in a fresh database: the 受理人 every accepted case needs
NUMBER = re.compile(r"^T510104-(?P<day>\d{8})-(?P<station>[A-Z]{3})-(?P<serial>\d{4})$")


@pytest.fixture
def hall_db(any_db: Database) -> Database:
    create_hall(any_db, name="测试大厅", code="T510104", region_code="510104", counters=2,
                admin_username="admin", admin_name="管理员", admin_password="Admin2026x")
    with any_db.unit_of_work() as uow:
        assert [s.id for s in uow.staff.all(uow.halls.the_hall().id) if s.username == "admin"] == [ADMIN_ID]
    return any_db


def _parts(number: str) -> tuple[str, str, str]:
    match = NUMBER.match(number)
    assert match, number
    return match["day"], match["station"], match["serial"]


def _home(tmp_path) -> Home:
    return Home(tmp_path / "home").ensure()


def _intake(decision: Decision, statuses: dict[int, MaterialStatus], **extra) -> cases.IntakeInput:
    applicant = manual_identity(name="欧阳建国", id_number="11010519491231002X", today=TODAY, long_term=True)
    materials = [cases.MaterialInput(pos, status, pdf=f"%PDF-1.4 page {pos}".encode() if status == "captured" else None,
                                     page_count=1 if status == "captured" else 0,
                                     how_to_supply="" if status == "captured" else "请补交原件")
                 for pos, status in statuses.items()]
    return cases.IntakeInput(applicant=applicant, item_code=ITEM, handling_region_code="110105", materials=materials,
                             decision=decision, counter_number=1, staff_id=ADMIN_ID, staff_username="admin", **extra)


COMPLETE = {1: MaterialStatus.CAPTURED, 2: MaterialStatus.CAPTURED, 3: MaterialStatus.CAPTURED}
GAP = {1: MaterialStatus.CAPTURED, 2: MaterialStatus.CAPTURED, 3: MaterialStatus.MISSING}
KEY_MISSING = {1: MaterialStatus.MISSING, 2: MaterialStatus.CAPTURED, 3: MaterialStatus.CAPTURED}


def test_complete_materials_are_accepted_with_a_promised_date(hall_db, tmp_path) -> None:
    summary = cases.submit_intake(hall_db, _home(tmp_path), hall_info(hall_db).id, _intake(Decision.ACCEPT, COMPLETE),
                                  today=TODAY)
    assert _parts(summary.number)[::2] == ("20261126", "0001") and summary.state == "accepted"
    assert summary.promised_date == date(2026, 12, 10)  # 10 working days after Thu 26 Nov
    assert summary.applicant_masked == "1101**********002X"
    assert audit.recent(hall_db, action="case_accepted")[0].subject == f"case:{summary.number}"


def test_numbers_are_unique_and_restart_per_day(hall_db, tmp_path) -> None:
    hall_id, home = hall_info(hall_db).id, _home(tmp_path)
    numbers = [cases.submit_intake(hall_db, home, hall_id, _intake(Decision.ACCEPT, COMPLETE), today=d).number
               for d in (TODAY, TODAY, date(2026, 11, 27))]
    parts = [_parts(n) for n in numbers]
    assert [(day, serial) for day, _, serial in parts] == [("20261126", "0001"), ("20261126", "0002"),
                                                           ("20261127", "0001")]
    assert len({station for _, station, _ in parts}) == 1  # one home, one station


def test_two_homes_on_one_database(hall_db, tmp_path) -> None:
    """A shared database (PostgreSQL): every counter takes the next serial of one station. A SQLite
    file opened from a second home (a copied file): that home numbers under a station of its own."""
    hall_id = hall_info(hall_db).id
    homes = [Home(tmp_path / "pc1").ensure(), Home(tmp_path / "pc2").ensure()]
    parts = [_parts(cases.submit_intake(hall_db, homes[i % 2], hall_id, _intake(Decision.ACCEPT, COMPLETE),
                                        today=TODAY).number) for i in range(4)]
    stations = [station for _, station, _ in parts]
    if hall_db.is_sqlite:
        assert stations[0] == stations[2] != stations[1] == stations[3]
        assert [serial for _, _, serial in parts] == ["0001", "0001", "0002", "0002"]
    else:
        assert len(set(stations)) == 1
        assert [serial for _, _, serial in parts] == ["0001", "0002", "0003", "0004"]


def test_a_missing_non_key_material_allows_acceptance_with_a_gap(hall_db, tmp_path) -> None:
    hall_id, home = hall_info(hall_db).id, _home(tmp_path)
    with refused(CaseError, "case.decision_not_allowed"):
        cases.submit_intake(hall_db, home, hall_id, _intake(Decision.ACCEPT, GAP), today=TODAY)
    with refused(CaseError, "case.gap_due_date_missing"):
        cases.submit_intake(hall_db, home, hall_id, _intake(Decision.ACCEPT_WITH_GAP, GAP), today=TODAY)
    summary = cases.submit_intake(hall_db, home, hall_id,
                                  _intake(Decision.ACCEPT_WITH_GAP, GAP, gap_due_date=date(2026, 12, 3)), today=TODAY)
    assert summary.state == "accepted_with_gap"
    shown = cases.show(hall_db, summary.number)
    assert shown["gap_due_date"] == "2026-12-03"
    assert [m["status"] for m in shown["materials"][:3]] == ["captured", "captured", "missing"]


def test_a_missing_key_material_allows_only_a_notice(hall_db, tmp_path) -> None:
    hall_id, home = hall_info(hall_db).id, _home(tmp_path)
    for decision in (Decision.ACCEPT, Decision.ACCEPT_WITH_GAP):
        with pytest.raises(CaseError):
            cases.submit_intake(hall_db, home, hall_id, _intake(decision, KEY_MISSING, gap_due_date=TODAY), today=TODAY)
    summary = cases.submit_intake(hall_db, home, hall_id, _intake(Decision.NOTICE, KEY_MISSING), today=TODAY)
    assert summary.state == "notified" and summary.promised_date is None
    assert cases.show(hall_db, summary.number)["materials"][0]["status"] == "missing"


def test_scans_are_kept_encrypted_and_verified_by_hash(hall_db, tmp_path) -> None:
    home = _home(tmp_path)
    summary = cases.submit_intake(hall_db, home, hall_info(hall_db).id, _intake(Decision.ACCEPT, COMPLETE), today=TODAY)
    first = cases.show(hall_db, summary.number)["materials"][0]
    assert material_store.load(home, first["sha256"]) == b"%PDF-1.4 page 1"
    stored = next((home.root / "materials").rglob(f"{first['sha256']}.pdf.enc"))
    assert b"%PDF" not in stored.read_bytes()  # encrypted at rest
    assert oct(( home.keys_dir / "materials.key").stat().st_mode & 0o777) == "0o600"
    data = bytearray(stored.read_bytes())
    data[-1] ^= 1
    stored.write_bytes(bytes(data))
    with pytest.raises(material_store.MaterialStoreError, match="damaged or was altered"):
        material_store.load(home, first["sha256"])


def test_the_state_machine_refuses_illegal_moves_and_records_reasons(hall_db, tmp_path) -> None:
    number = cases.submit_intake(hall_db, _home(tmp_path), hall_info(hall_db).id,
                                 _intake(Decision.ACCEPT, COMPLETE), today=TODAY).number
    with refused(CaseError, "case.bad_transition"):
        cases.transition(hall_db, number, CaseState.COMPLETED, actor="clerk1")
    cases.transition(hall_db, number, "submitted", actor="sync")
    with refused(CaseError, "case.return_reason_missing"):
        cases.transition(hall_db, number, "returned", actor="platform")
    cases.transition(hall_db, number, "returned", actor="platform", reason="户口簿复印件不清晰")
    assert cases.show(hall_db, number)["returned_reason"] == "户口簿复印件不清晰"
    for state in ("submitted", "received", "in_process", "completed"):
        cases.transition(hall_db, number, state, actor="platform")
    moves = [e for e in audit.recent(hall_db, action="case_state") if e.subject == f"case:{number}"]
    assert len(moves) == 6 and audit.broken_links(hall_db) == []


def test_result_collected_at_the_window_needs_the_right_person(hall_db, tmp_path) -> None:
    number = cases.submit_intake(hall_db, _home(tmp_path), hall_info(hall_db).id,
                                 _intake(Decision.ACCEPT, COMPLETE), today=TODAY).number
    for state in ("submitted", "received", "completed"):
        cases.transition(hall_db, number, state, actor="platform")
    with refused(CaseError, "case.collector_mismatch"):
        cases.deliver_result(hall_db, number, actor="clerk1", collected_by_id_number="510104199003070049")
    assert cases.deliver_result(hall_db, number, actor="clerk1",
                                collected_by_id_number="11010519491231002x").state == "delivered"


def test_mailed_result_and_originals_courier_are_recorded(hall_db, tmp_path) -> None:
    number = cases.submit_intake(hall_db, _home(tmp_path), hall_info(hall_db).id,
                                 _intake(Decision.ACCEPT, COMPLETE, delivery="mail", delivery_address="北京市朝阳区某路1号"),
                                 today=TODAY).number
    cases.record_originals_dispatch(hall_db, number, carrier="EMS", waybill="EA123456789CN", sent_on=TODAY, actor="clerk1")
    for state in ("submitted", "received", "completed"):
        cases.transition(hall_db, number, state, actor="platform")
    with refused(CaseError, "case.waybill_missing"):
        cases.deliver_result(hall_db, number, actor="clerk1")
    cases.deliver_result(hall_db, number, actor="clerk1", waybill="SF1234567890")
    shown = cases.show(hall_db, number)
    assert shown["state"] == "delivered" and shown["originals"]["waybill"] == "EA123456789CN"


def test_search_by_number_id_number_name_state_and_day(hall_db, tmp_path) -> None:
    hall_id, home = hall_info(hall_db).id, _home(tmp_path)
    accepted = cases.submit_intake(hall_db, home, hall_id, _intake(Decision.ACCEPT, COMPLETE), today=TODAY).number
    notified = cases.submit_intake(hall_db, home, hall_id, _intake(Decision.NOTICE, KEY_MISSING), today=TODAY).number
    assert {c.number for c in cases.search(hall_db, "11010519491231002X")} == {accepted, notified}
    assert [c.number for c in cases.search(hall_db, "欧阳")][0] in {accepted, notified}
    assert [c.number for c in cases.search(hall_db, accepted)] == [accepted]
    assert [c.number for c in cases.search(hall_db, state="notified")] == [notified]
    assert cases.search(hall_db, "不存在的人") == []
    found = cases.search(hall_db, accepted)[0]
    assert found.applicant_name == "欧阳建国" and found.applicant_masked == "1101**********002X"


# -- looking a case up later: materials as owed, papers again, scans, 补交 -----------------------------

def _gap_case(hall_db, home) -> str:
    return cases.submit_intake(hall_db, home, hall_info(hall_db).id,
                               _intake(Decision.ACCEPT_WITH_GAP, GAP, gap_due_date=date(2026, 12, 3)), today=TODAY).number


def test_the_case_view_tells_owed_from_optional_and_offers_its_papers(hall_db, tmp_path) -> None:
    home = _home(tmp_path)
    shown = case_view.detail(hall_db, _gap_case(hall_db, home))
    assert shown.applicant_name == "欧阳建国" and shown.applicant_masked == "1101**********002X"
    assert [(m.position, m.owed) for m in shown.materials if m.status != "captured"] == [
        (3, True), (4, False), (5, False), (6, False)]  # 4–6 are optional: not given, not owed
    assert [m.required for m in shown.materials] == [True, True, True, False, False, False]
    assert shown.documents == ("receipt", "commitment", "consent", "notice")
    complete = cases.submit_intake(hall_db, home, hall_info(hall_db).id, _intake(Decision.ACCEPT, COMPLETE), today=TODAY)
    assert case_view.detail(hall_db, complete.number).documents == ("receipt", "consent")
    assert not case_view.detail(hall_db, complete.number).owed


def test_supplying_the_owed_material_closes_the_gap_audited(hall_db, tmp_path) -> None:
    home = _home(tmp_path)
    number = _gap_case(hall_db, home)
    result = supplements.record_supplement(hall_db, home, number, 3, b"%PDF-1.4 photo", 1, actor="clerk2")
    assert result.gap_closed and result.state == "accepted"
    shown = case_view.detail(hall_db, number)
    photo = shown.material(3)
    assert photo.status == "captured" and photo.has_file and photo.supplied_on is not None and not shown.owed
    assert shown.documents == ("receipt", "consent")
    sha = cases.show(hall_db, number)["materials"][2]["sha256"]
    assert material_store.load(home, sha) == b"%PDF-1.4 photo"  # stored encrypted like the counter's scans
    supplied = audit.recent(hall_db, action="material_supplied")
    assert [(e.actor, e.subject) for e in supplied] == [("clerk2", f"case:{number}")]
    assert "欧阳" not in supplied[0].detail and '"position": 3' in supplied[0].detail
    moved = [e for e in audit.recent(hall_db, action="case_state") if e.subject == f"case:{number}"]
    assert len(moved) == 1 and '"new": "accepted"' in moved[0].detail
    assert audit.broken_links(hall_db) == []


def test_a_supplement_after_the_case_was_sent_keeps_its_state(hall_db, tmp_path) -> None:
    home = _home(tmp_path)
    number = _gap_case(hall_db, home)
    cases.transition(hall_db, number, "submitted", actor="sync")
    result = supplements.record_supplement(hall_db, home, number, 3, b"%PDF-1.4 photo", 1, actor="clerk1")
    assert result.state == "submitted" and result.gap_closed
    assert not case_view.detail(hall_db, number).owed


def test_only_owed_materials_can_be_supplied(hall_db, tmp_path) -> None:
    home = _home(tmp_path)
    number = _gap_case(hall_db, home)
    complete = cases.submit_intake(hall_db, home, hall_info(hall_db).id, _intake(Decision.ACCEPT, COMPLETE), today=TODAY)
    notified = cases.submit_intake(hall_db, home, hall_info(hall_db).id, _intake(Decision.NOTICE, KEY_MISSING), today=TODAY)
    for case_number, position in ((number, 1), (number, 4), (number, 99), (complete.number, 4), (notified.number, 1)):
        with pytest.raises(CaseError):
            supplements.record_supplement(hall_db, home, case_number, position, b"%PDF-1.4 x", 1, actor="clerk1")
    with pytest.raises(CaseError):
        supplements.record_supplement(hall_db, home, number, 3, b"", 0, actor="clerk1")
    assert audit.recent(hall_db, action="material_supplied") == []
    assert case_view.detail(hall_db, number).state == "accepted_with_gap"


def test_reprints_and_looks_at_scans_are_audited(hall_db, tmp_path) -> None:
    home = _home(tmp_path)
    number = _gap_case(hall_db, home)
    case_view.record_reprint(hall_db, number, "receipt", actor="clerk1")
    reprinted = audit.recent(hall_db, action="document_reprinted")
    assert [(e.subject, e.actor) for e in reprinted] == [(f"case:{number}", "clerk1")] and "receipt" in reprinted[0].detail
    assert case_view.open_material(hall_db, home, number, 1, actor="clerk1") == b"%PDF-1.4 page 1"
    assert [e.subject for e in audit.recent(hall_db, action="material_viewed")] == [f"case:{number}"]
    with pytest.raises(CaseError):
        case_view.open_material(hall_db, home, number, 3, actor="clerk1")  # owed: no scan yet
