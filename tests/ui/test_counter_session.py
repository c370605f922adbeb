"""The counter page shows its CounterSession: change the visit in the model, see it on the widgets
(napari's style; the keyboard walk through the same page is test_clerk_walkthrough.py)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QColor, QImage

from hallapp.domain.cases import Decision
from hallapp.domain.clock import hall_clock
from hallapp.domain.identity import manual_identity
from hallapp.domain.idnumber import make_id_number
from hallapp.domain.staff import Page
from hallapp.services import catalog, hall, queue
from hallapp.services.cases import CaseSummary
from hallapp.services.counter_materials import LineStatus
from hallapp.services.counter_session import Role
from ui.intake.flow import APPLICANT, DONE, PLACE
from ui.tasks import wait_for_all


def person(name: str, seq: int, region: str = "510104"):
    return manual_identity(name=name, id_number=make_id_number(region, date(1990, 5, 1), seq),
                           today=hall_clock().today(), long_term=True)


def red_bmp() -> bytes:
    image = QImage(102, 126, QImage.Format.Format_RGB32)
    image.fill(QColor("#ff0000"))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "BMP")
    return bytes(buffer.data())


@pytest.fixture
def page(open_window, qapp):
    """The counter page once its first reads are in: nothing in flight overwrites the model."""
    window = open_window("clerk1")
    counter = window.pages[Page.COUNTER]
    assert wait_for_all(10_000)
    qapp.processEvents()
    return counter


def test_a_placed_applicant_fills_the_panel_and_the_first_step(page) -> None:
    page.session.place(Role.APPLICANT, person("王建国", 11), red_bmp())
    assert page.applicant.name.text() == "王建国"
    assert page.applicant.photo.pixmap().toImage().pixelColor(10, 10) == QColor("#ff0000")
    assert "王建国" in page.flow.applicant_summary.text() and not page.agent.isVisible()


def test_an_agent_appears_beside_the_applicant_and_in_the_first_step(page) -> None:
    page.session.place(Role.APPLICANT, person("王建国", 11))
    page.session.place(Role.AGENT, person("李代办", 21))
    assert page.agent.isVisible() and page.agent.name.text() == "李代办"
    assert page.applicant.name.text() == "王建国"
    assert "李代办" in page.flow.applicant_summary.text()


def test_the_sessions_ticket_is_the_one_the_queue_bar_shows(ctx, page) -> None:
    issued = queue.issue_ticket(ctx.db, hall.hall_info(ctx.db).id, "A")
    called = queue.call_next(ctx.db, page.queue.ref)
    assert called is not None and called.id == issued.id
    page.session.set_ticket(called)
    assert called.number in page.queue.current_label.text()
    assert page.queue.buttons["F8"].isEnabled() and not page.queue.buttons["F1"].isEnabled()
    page.session.set_ticket(None)
    assert page.queue.buttons["F1"].isEnabled() and not page.queue.buttons["F8"].isEnabled()


def test_a_chosen_item_shows_its_checklist_and_the_applicants_home_county(ctx, page) -> None:
    page.session.place(Role.APPLICANT, person("王建国", 11, region="510104"))
    code = catalog.search(ctx.db, "sbk", 1)[0].code
    page.session.choose_item(catalog.checklist(ctx.db, code))
    assert page.flow.step() == PLACE and page.checklist.title.text().startswith("社会保障卡申领")
    assert page.checklist.table.rowCount() == len(page.session.item.lines) > 0
    assert page.flow.county.currentData() == "510104"
    assert page.has_unsaved_work()  # F8 or a language switch now asks first


def test_a_saved_case_offers_its_papers_and_the_next_case_keeps_the_applicant(ctx, page, qtbot) -> None:
    page.session.place(Role.APPLICANT, person("王建国", 11))
    page.session.choose_item(catalog.checklist(ctx.db, catalog.search(ctx.db, "sbk", 1)[0].code))
    summary = CaseSummary(number="KS-TEST-000001", state="accepted", item_code="SB", item_name="社会保障卡申领",
                          applicant_masked="5101**********0011", promised_date=None, created_at=hall_clock().now())
    with qtbot.waitSignal(page.flow.case_saved, timeout=1000):
        page.session.case_saved(summary)
    assert page.flow.step() == DONE and "KS-TEST-000001" in page.flow.done_label.text()
    assert page.flow.print_buttons and not page.has_unsaved_work()
    page.session.new_case()
    assert page.flow.step() == APPLICANT and page.checklist.table.rowCount() == 0
    assert page.applicant.name.text() == "王建国" and "王建国" in page.flow.applicant_summary.text()


def test_ending_the_visit_empties_the_page(ctx, page, qtbot) -> None:
    page.session.place(Role.APPLICANT, person("王建国", 11))
    page.session.place(Role.AGENT, person("李代办", 21))
    page.session.choose_item(catalog.checklist(ctx.db, catalog.search(ctx.db, "sbk", 1)[0].code))
    page.reader_state.setText("something the clerk read before")
    with qtbot.waitSignal(page.visit_ended, timeout=1000):
        page.session.end_visit()
    assert page.applicant.identity is None and page.applicant.empty.isVisible()
    assert not page.agent.isVisible() and page.agent.identity is None
    assert page.flow.step() == APPLICANT and page.checklist.table.rowCount() == 0
    assert page.reader_state.text() == "" and not page.has_unsaved_work()


def _sbk(ctx, page) -> None:
    page.session.place(Role.APPLICANT, person("王建国", 11))
    page.session.choose_item(catalog.checklist(ctx.db, catalog.search(ctx.db, "sbk", 1)[0].code))


def _offered(page) -> set[Decision]:
    return {decision for decision, button in page.flow.decision_buttons.items() if button.isEnabled()}


def test_a_captured_material_shows_in_its_row_and_every_required_one_allows_acceptance(ctx, page) -> None:
    _sbk(ctx, page)
    assert _offered(page) == {Decision.NOTICE}  # nothing received yet
    required = [m for m in page.session.materials if m.line.required]
    for number, line in enumerate(required):
        page.session.capture(line, b"%PDF-1.4 scan", number + 2)
    row = page.session.materials.lines.index(required[0])
    assert page.checklist.table.item(row, 0).text().startswith("✔ received")
    assert page.checklist.table.item(row, 1).text() == "2"
    assert _offered(page) == {Decision.ACCEPT}
    assert page.flow.decision_hint.text() == "All required materials are received."


def test_a_missing_non_key_material_shows_it_may_be_deferred_and_offers_the_gap(ctx, page) -> None:
    _sbk(ctx, page)
    lines = page.session.materials.lines
    deferrable = next(m for m in lines if m.line.required and not m.line.key)
    for line in lines:
        if line is not deferrable:
            page.session.capture(line, b"%PDF-1.4 scan", 1)
    page.session.lack(deferrable, LineStatus.MISSING, "Please bring it")
    row = lines.index(deferrable)
    assert page.checklist.table.item(row, 0).text().startswith("◐ missing (may defer)")
    assert _offered(page) == {Decision.ACCEPT_WITH_GAP, Decision.NOTICE}
    assert deferrable.line.name in page.flow.decision_hint.text()
    page.session.lack(deferrable, LineStatus.INCORRECT, "Bring the original")
    assert page.checklist.table.item(row, 0).text().startswith("✖ incorrect")
    assert _offered(page) == {Decision.NOTICE}


def test_the_clerks_key_on_the_checklist_changes_the_session_and_moves_on(ctx, page) -> None:
    _sbk(ctx, page)
    page.checklist.table.selectRow(0)
    first = page.session.materials.lines[0]
    page.checklist.set_lacking("missing")  # what Ctrl+D does
    assert first.status == "missing" and first.how_to_supply == f"Please bring: {first.line.name}"
    assert page.checklist.selected() is page.session.materials.lines[1]  # the next one still open
