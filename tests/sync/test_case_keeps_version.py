"""A case in progress keeps the catalog version it started with (issue 14 item 4): after the platform
renames its item and reorders and tightens the checklist, the case's page, its receipt and what it
still owes read as on the day it was accepted; a new case reads the new version."""

from __future__ import annotations

import copy
import subprocess
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from hallapp.domain.cases import Decision, MaterialStatus
from hallapp.domain.identity import manual_identity
from hallapp.domain.idnumber import make_id_number
from hallapp.services import case_documents, case_view, cases, catalog, catalog_update, supplements
from hallapp.services.hall import ensure_demo_hall
from hallapp.sync.options import from_settings
from hallapp.sync.platform_clients import create_adapter
from tests.sync.helpers import demo_clerk, post_json

SBK = "002011004000"  # 社会保障卡申领: 1 身份证 (key), 2 登记表, 3 照片 required; 4 户口簿 … optional
OLD_NAME, NEW_NAME = "社会保障卡申领", "社会保障卡申领（新版）"
FORM, BOOKLET = "社会保障卡申领登记表", "居民户口簿"


def _apply_from_platform(app: Any) -> None:
    platform = create_adapter(app, from_settings(app.settings))
    try:
        catalog_update.apply(app.db, catalog_update.fetch(platform), actor="admin")
    finally:
        platform.close()


def _publish_new_sbk(sim: Any) -> None:
    """Renamed, a new first line (every position moves by one), and the booklet now required."""
    sbk = copy.deepcopy(next(i for i in sim.platform.catalog.catalog()["items"] if i["code"] == SBK))
    sbk["name"] = NEW_NAME
    for line in sbk["materials"]:
        if line["name"] == BOOKLET:
            line["required"] = True
    sbk["materials"].insert(0, {"name": "申领承诺书", "required": True, "key": False, "form": "original", "copies": 1})
    post_json(sim.url + "_sim/catalog", {"upsert": [sbk], "version": "2026.12-3"})


def _accept_with_form_owed(app: Any) -> str:
    """Accepted under 容缺: the ID card and photo captured, the form owed, the optional lines left out."""
    hall = ensure_demo_hall(app.db)
    clerk_id, clerk = demo_clerk(app)
    lines = {line.name: line.position for line in catalog.checklist(app.db, SBK).lines}
    captured = [cases.MaterialInput(lines[name], MaterialStatus.CAPTURED, b"%PDF-1.4\n" + bytes(40), 1)
                for name in ("居民身份证", "近期免冠证件照片")]
    person = manual_identity(name="测试申请人", id_number=make_id_number("110105", date(1980, 5, 6), 12),
                             today=date.today(), valid_to=date(2035, 1, 1))
    intake = cases.IntakeInput(applicant=person, item_code=SBK, handling_region_code="110105", materials=captured,
                               decision=Decision.ACCEPT_WITH_GAP, counter_number=1, staff_id=clerk_id,
                               staff_username=clerk, gap_due_date=date.today() + timedelta(days=10))
    return cases.submit_intake(app.db, app.home, hall.id, intake).number


def _receipt_text(app: Any, number: str, tmp_path: Path) -> str:
    pdf = tmp_path / f"{number}.pdf"
    pdf.write_bytes(case_documents.render(app.db, number, "receipt", app.settings.documents))
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout


def test_a_started_case_reads_as_its_version_after_the_item_changes(synced_app: Any, sim: Any,
                                                                     tmp_path: Path) -> None:
    app = synced_app
    _apply_from_platform(app)  # sim-1: what hallapp ships
    number = _accept_with_form_owed(app)
    before = _receipt_text(app, number, tmp_path)
    _publish_new_sbk(sim)
    _apply_from_platform(app)
    assert catalog.checklist(app.db, SBK).lines[0].name == "申领承诺书"  # the catalog did change

    shown = case_view.detail(app.db, number)
    assert shown.item_name == OLD_NAME
    assert [m.name for m in shown.owed] == [FORM]  # not the booklet, optional when the case was accepted
    assert not shown.material(4).required  # 户口簿 at its old position
    after = _receipt_text(app, number, tmp_path)
    assert after == before  # the reprint is the paper the applicant holds
    assert OLD_NAME in after and NEW_NAME not in after and FORM in after and BOOKLET not in after
    assert supplements.overdue(app.db, ensure_demo_hall(app.db).id) == []  # not due yet, and nothing new owed

    newer = case_view.detail(app.db, _accept_with_form_owed(app))
    assert newer.item_name == NEW_NAME
    assert {m.name for m in newer.owed} >= {"申领承诺书", BOOKLET}
