"""The clerk's choices for the case live in the CounterSession (napari's style): a choice set in the
model is what the intake's widgets show, a key the clerk presses on whatever has the focus changes
the model, and the saved case is what the model held. F8 asks the session about unsaved work."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from hallapp.domain.cases import Decision
from hallapp.domain.clock import hall_clock
from hallapp.domain.identity import manual_identity
from hallapp.domain.idnumber import make_id_number
from hallapp.domain.staff import Page
from hallapp.services import cases, catalog
from hallapp.services.counter_materials import LineStatus
from hallapp.services.counter_session import Delivery, Role
from tests.ui.clerk_keys import focused, press, type_text, wait_until, window_as_started
from ui.intake.flow import DECISION, DONE, MATERIALS, PLACE

DOWN = Qt.Key.Key_Down


def person(seq: int, region: str = "510104"):
    return manual_identity(name="王建国", id_number=make_id_number(region, date(1990, 5, 1), seq),
                           today=hall_clock().today(), long_term=True)


@pytest.fixture
def page(ctx, qtbot, qapp):
    """The counter page of the window as started (English), active, its first reads in."""
    with window_as_started(ctx, qtbot, qapp, language="en") as window:
        counter = window.pages[Page.COUNTER]
        wait_until(qtbot, lambda: bool(counter.queue.categories), what="the queue bar's first load")
        yield counter


def _sbk(ctx, page, region: str = "510104") -> None:
    page.session.place(Role.APPLICANT, person(11, region))
    page.session.choose_item(catalog.checklist(ctx.db, catalog.search(ctx.db, "sbk", 1)[0].code))


def _place_shown(page) -> tuple[str, str, str]:
    flow = page.flow
    return flow.province.currentData(), flow.city.currentData(), flow.county.currentData()


def _gap_only(page) -> None:
    """Every material received but the non-key form: 容缺 and the notice are allowed."""
    lines = page.session.materials.lines
    deferrable = next(m for m in lines if m.line.required and not m.line.key)
    for line in lines:
        if line is not deferrable:
            page.session.capture(line, b"%PDF-1.4 scan", 1)
    page.session.lack(deferrable, LineStatus.MISSING, "Please bring it")


def test_the_place_chosen_in_the_model_is_the_one_the_three_lists_show(ctx, page) -> None:
    _sbk(ctx, page)
    assert page.flow.step() == PLACE and _place_shown(page) == ("51", "5101", "510104")
    page.session.choose_place("110102")
    assert _place_shown(page) == ("11", "1101", "110102")
    assert page.flow.county.currentText() == "西城区"


def test_a_home_county_no_longer_in_the_list_leaves_the_county_for_the_clerk(ctx, page, qtbot) -> None:
    _sbk(ctx, page, region="510122")  # 双流县, 双流区 since 2015
    assert page.session.handling_place == "" and page.flow.county.currentIndex() == -1
    page.flow.focus_step()
    press(Qt.Key.Key_Return)
    assert page.flow.step() == PLACE and page.flow.error.text() == "Choose the county where the case is handled."
    assert focused() is page.flow.county
    page.session.choose_place("510116")
    press(Qt.Key.Key_Return)
    assert page.flow.step() == MATERIALS


def test_the_arrow_keys_on_the_county_change_the_models_place(ctx, page) -> None:
    _sbk(ctx, page)
    page.flow.focus_step()
    assert focused() is page.flow.county
    press(DOWN)
    assert page.session.handling_place == "510105" == page.flow.county.currentData()  # 青羊区, the next one


def test_the_decision_and_its_fields_show_the_models_choices(ctx, page) -> None:
    _sbk(ctx, page)
    buttons, form, flow = page.flow.decision_buttons, page.flow.decision_form, page.flow
    assert buttons[Decision.NOTICE].isChecked()  # nothing received yet: a notice is all there is
    _gap_only(page)
    page.session.choose_decision(Decision.ACCEPT_WITH_GAP)
    assert buttons[Decision.ACCEPT_WITH_GAP].isChecked() and not buttons[Decision.ACCEPT].isEnabled()
    assert form.isRowVisible(flow.gap_due) and not form.isRowVisible(flow.delivery_address)
    page.session.choose_gap_due(date(2027, 1, 8))
    page.session.choose_delivery(Delivery.MAIL)
    page.session.set_delivery_address("成都市锦江区某路1号")
    assert flow.gap_due.date().toPython() == date(2027, 1, 8)
    assert flow.delivery.currentText() == "By post" and flow.delivery_address.text() == "成都市锦江区某路1号"
    assert form.isRowVisible(flow.delivery_address)
    page.session.choose_decision(Decision.NOTICE)
    assert buttons[Decision.NOTICE].isChecked() and not buttons[Decision.ACCEPT_WITH_GAP].isChecked()
    assert not form.isRowVisible(flow.gap_due)


def test_the_next_case_shows_fresh_choices(ctx, page) -> None:
    _sbk(ctx, page)
    page.session.choose_delivery(Delivery.MAIL)
    page.session.set_delivery_address("成都市锦江区某路1号")
    page.session.new_case()
    flow = page.flow
    assert flow.delivery.currentData() == "window" and flow.delivery_address.text() == ""
    assert not any(b.isChecked() for b in flow.decision_buttons.values())


def test_keys_on_the_decision_change_the_model_and_the_case_is_saved_as_the_model_holds(ctx, page, qtbot) -> None:
    _sbk(ctx, page)
    _gap_only(page)
    page.session.choose_place("110101")
    page.flow.go(DECISION)
    assert focused() is page.flow.decision_buttons[Decision.ACCEPT_WITH_GAP]  # the most favourable, chosen
    press(DOWN)  # the arrow moves to the one-time notice
    assert page.session.decision is Decision.NOTICE and not page.flow.decision_form.isRowVisible(page.flow.gap_due)
    press(Qt.Key.Key_Up)
    assert page.session.decision is Decision.ACCEPT_WITH_GAP
    page.flow.delivery.setFocus()  # where the clerk's Tab or click would put it
    wait_until(qtbot, lambda: QApplication.focusWidget() is page.flow.delivery, what="the delivery list")
    press(DOWN)
    assert page.session.delivery is Delivery.MAIL and page.flow.decision_form.isRowVisible(page.flow.delivery_address)
    press(Qt.Key.Key_Return)  # no address yet: the case waits for it
    assert page.flow.step() == DECISION and page.flow.error.text() == "Enter the postal address for the result."
    press(Qt.Key.Key_Tab)
    assert focused() is page.flow.delivery_address
    type_text("Road 1")
    assert page.session.delivery_address == "Road 1"
    with qtbot.waitSignal(page.flow.case_saved, timeout=10_000) as saved:
        press(Qt.Key.Key_Return)
    shown = cases.show(ctx.db, saved.args[0].number)
    assert page.flow.step() == DONE and shown["state"] == "accepted_with_gap"
    assert (shown["handling_region_code"], shown["delivery"]) == ("110101", "mail")
    assert shown["gap_due_date"] == page.session.gap_due.isoformat()


def _question() -> QMessageBox | None:
    box = QApplication.activeModalWidget()
    return box if isinstance(box, QMessageBox) and box.objectName() == "confirmDialog" and box.isVisible() else None


def test_done_asks_the_session_before_an_unsaved_intake_goes(ctx, page, qtbot) -> None:
    press(Qt.Key.Key_F1)
    wait_until(qtbot, lambda: page.queue.current is not None, what="F1 to call a ticket")
    _sbk(ctx, page)
    assert page.session.has_unsaved_work()
    press(Qt.Key.Key_F8)
    wait_until(qtbot, lambda: _question() is not None and QApplication.activeWindow() is _question(),
               what="the question before the intake goes")
    assert "has not been saved" in _question().text()
    press(Qt.Key.Key_Escape)  # keep working
    wait_until(qtbot, lambda: _question() is None, what="Esc to keep the intake")
    assert page.queue.current is not None and page.session.item is not None
    page.session.new_case()  # nothing unsaved any more: F8 ends the visit without a question
    page.window().activateWindow()  # what the window manager does when the question closes
    wait_until(qtbot, lambda: QApplication.focusWidget() is not None, what="the keys back on the window")
    press(Qt.Key.Key_F8)
    wait_until(qtbot, lambda: page.queue.current is None, what="F8 to end the visit")
    assert _question() is None and page.session.applicant is None
