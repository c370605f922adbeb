"""Records as the document says: every field GB/T 39046 needs filled in and equal to the receipt
(受理时间, 承诺办结日期, 受理人), `gap_due_date` only in a 容缺 record, no case accepted without a clerk."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from hallapp.domain.cases import CaseError, Decision, MaterialStatus
from hallapp.domain.clock import FixedClock
from hallapp.domain.identity import manual_identity
from hallapp.domain.idnumber import make_id_number
from hallapp.services import case_documents, cases, catalog, demo
from hallapp.services.hall import ensure_demo_hall
from hallapp.sync import records
from tests.sync.helpers import demo_clerk

PROMISED_ITEM = "002011002000"  # 承诺件
INSTANT_ITEM = "002011005000"  # 即办件
_PROMISED = re.compile(r"承诺办结日期(?:(\d{4})年(\d{1,2})月(\d{1,2})日|当场办结)")


def _record(app: Any, number: str) -> dict[str, Any]:
    with app.db.unit_of_work() as uow:
        (entry,) = uow.outbox.by_case_number(number)
    return json.loads(entry.payload)


def _receipt_text(app: Any, number: str, tmp_path: Path, clock: FixedClock) -> str:
    from tests.documents.pdf_checks import RenderedPdf

    pdf = case_documents.render(app.db, number, "receipt", app.settings.documents, clock=clock)
    return RenderedPdf(pdf, tmp_path / f"{number}.pdf").flat_text()


def test_every_seeded_record_is_complete_and_says_what_the_receipt_prints(app: Any, tmp_path: Path) -> None:
    clock = FixedClock.at_local(2026, 12, 8, 15, 51)
    numbers = demo.seed_cases(app, 3, plan="complete", clock=clock)
    numbers += demo.seed_cases(app, 1, plan="complete", item_code=INSTANT_ITEM, clock=clock, seed=3)
    numbers += demo.seed_cases(app, 2, plan="gap", item_code=PROMISED_ITEM, clock=clock, seed=5)
    gaps = 0
    for number in numbers:
        record = _record(app, number)
        accepted, text = record["acceptance"], _receipt_text(app, number, tmp_path, clock)
        assert records.empty_fields(record) == [], number
        assert accepted["clerk"] and f"受理人{accepted['clerk']}" in text, "the record's clerk is the receipt's 受理人"
        assert "受理时间2026年12月8日15:51" in text
        assert accepted["time"] == record["application"]["application_time"] == "20261208T155100"
        printed = _PROMISED.search(text)
        assert printed is not None, text
        promised = date(*map(int, printed.groups())) if printed.group(1) else date(2026, 12, 8)
        assert accepted["promised_time"] == f"{promised:%Y%m%d}T170000"
        shown = cases.show(app.db, number)
        if accepted["with_gap"]:
            gaps += 1
            assert accepted["gap_due_date"] == date.fromisoformat(shown["gap_due_date"]).strftime("%Y%m%d")
        else:
            assert "gap_due_date" not in accepted, "no gap, nothing due: the field is not sent"
            assert shown["gap_due_date"] is None
    assert gaps == 2


def _intake(app: Any, *, staff_id: int | None, gap_due: date | None = None) -> cases.IntakeInput:
    item = catalog.checklist(app.db, PROMISED_ITEM)
    applicant = manual_identity(name="测试申请人", id_number=make_id_number("510104", date(1990, 1, 1), 7),
                                today=date.today(), valid_to=date(2035, 1, 1), address="四川省成都市锦江区示例路1号")
    materials = [cases.MaterialInput(line.position, MaterialStatus.CAPTURED, b"%PDF-1.4 x", 1) for line in item.lines]
    return cases.IntakeInput(applicant=applicant, item_code=item.code, handling_region_code="510104",
                             materials=materials, decision=Decision.ACCEPT, counter_number=1, staff_id=staff_id,
                             staff_username="clerk1", gap_due_date=gap_due, delivery="window", delivery_address="")


def _case_count(app: Any) -> tuple[int, int]:
    with app.db.unit_of_work() as uow:
        return sum(uow.outbox.counts().values()), len(uow.cases.search(limit=10_000))


def test_a_case_accepted_without_a_clerk_is_refused_and_nothing_is_saved(app: Any) -> None:
    info = ensure_demo_hall(app.db)
    before = _case_count(app)
    with pytest.raises(CaseError, match="acceptance.clerk"):
        cases.submit_intake(app.db, app.home, info.id, _intake(app, staff_id=None))
    assert _case_count(app) == before, "neither the case nor an outbox entry was saved"


def test_a_due_date_given_for_a_complete_case_is_neither_stored_nor_sent(app: Any) -> None:
    info = ensure_demo_hall(app.db)
    clerk_id, _ = demo_clerk(app)
    number = cases.submit_intake(app.db, app.home, info.id, _intake(app, staff_id=clerk_id, gap_due=date(2026, 12, 15))).number
    assert cases.show(app.db, number)["gap_due_date"] is None
    accepted = _record(app, number)["acceptance"]
    assert accepted["with_gap"] is False and "gap_due_date" not in accepted
    assert accepted["clerk"] == "张晓梅"


def test_an_incomplete_record_names_every_empty_field() -> None:
    record = {"hall": {"code": "H", "name": "N", "region_code": "510104"},
              "application": {"applicant": {"name": "x", "certificate_type": "111", "certificate_number": ""},
                              "agent": None},
              "acceptance": {"with_gap": True, "clerk": " "},
              "materials": [{"position": 1, "name": "户口簿", "status": "captured", "form": "1", "collected": True,
                             "sha256": ""}],
              "delivery": {"method": "mail", "address": ""}}
    missing = records.empty_fields(record)
    for name in ("acceptance.clerk", "acceptance.gap_due_date", "application.applicant.certificate_number",
                 "materials[1].sha256", "delivery.address", "application.handling_region_code"):
        assert name in missing
    assert not any(m.startswith("application.agent") for m in missing), "no agent is not an empty agent"
