"""电子证照 at the counter, by the clerk's keys (each to QApplication.focusWidget()): F9 on a material
the platform can supply, the applicant's consent, the licence shown and the line captured."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from hallapp.domain.staff import Page
from hallapp.simulator import server as simulator
from tests.sync.helpers import register
from tests.ui.clerk_keys import focused, press, type_text, wait_until
from ui.intake.flow import ITEM, MATERIALS, PLACE


@pytest.fixture
def platform(ctx, tmp_path):
    """The simulated national platform, this hall registered there (a test may stop it: `.stopped`)."""
    sim = simulator.serve(0, data_dir=tmp_path / "platform")
    register(ctx, sim.url)
    yield sim
    if not getattr(sim, "stopped", False):
        sim.close()


@pytest.fixture
def counter(platform, open_window, qtbot):
    window = open_window("clerk1")
    window.activateWindow()
    page = window.pages[Page.COUNTER]
    qtbot.waitUntil(lambda: window.card_reader.handle is not None, timeout=10_000)
    return page


def _to_materials(qtbot, page) -> None:
    page.setFocus()
    press(Qt.Key.Key_F3)
    wait_until(qtbot, lambda: page.flow.applicant is not None, what="the sample card")
    press(Qt.Key.Key_Return)
    wait_until(qtbot, lambda: page.flow.step() == ITEM)
    type_text("sbk")
    wait_until(qtbot, lambda: page.flow.results.count() > 0, what="search results")
    press(Qt.Key.Key_Return)
    wait_until(qtbot, lambda: page.flow.step() == PLACE)
    press(Qt.Key.Key_Return)
    wait_until(qtbot, lambda: page.flow.step() == MATERIALS)


def _answer_consent(answer: QMessageBox.StandardButton, seen: list[str]) -> None:
    """The consent box is modal: the clerk moves to the applicant's answer and presses Space. (No
    assert in here: it would not stop the box's exec(); what was seen is checked afterwards.)"""
    box = QApplication.activeModalWidget()
    if not isinstance(box, QMessageBox):
        QTimer.singleShot(50, lambda: _answer_consent(answer, seen))
        return
    seen.append(box.text())
    box.activateWindow()  # what the window manager does for a new modal box (offscreen has none)
    QApplication.processEvents()
    seen.append("default-no" if focused() is box.button(QMessageBox.StandardButton.No) else "focus elsewhere")
    if answer == QMessageBox.StandardButton.Yes:
        press(Qt.Key.Key_Backtab)
        seen.append("on-yes" if focused() is box.button(QMessageBox.StandardButton.Yes) else "not on yes")
    press(Qt.Key.Key_Space)
    # never a hung test; the box may be gone by then (answered and deleted)
    QTimer.singleShot(2000, lambda: shiboken6.isValid(box) and QApplication.activeModalWidget() is box and box.reject())


def _to_booklet(page) -> None:
    while page.checklist.selected().line.name != "居民户口簿":
        assert focused() is page.checklist.table
        press(Qt.Key.Key_Down)


def test_f9_with_consent_fetches_the_licence_and_counts_it_captured(counter, qtbot) -> None:
    page = counter
    _to_materials(qtbot, page)
    _to_booklet(page)
    assert page.checklist.licence_button.isEnabled()
    seen: list[str] = []
    QTimer.singleShot(0, lambda: _answer_consent(QMessageBox.StandardButton.Yes, seen))
    press(Qt.Key.Key_F9)
    line = next(s for s in page.checklist.lines if s.line.name == "居民户口簿")
    wait_until(qtbot, lambda: line.status == "captured", what=f"the licence ({seen}, {page.checklist.licence_note.text()!r})")
    assert "居民户口簿" in seen[0] and seen[1:] == ["default-no", "on-yes"]  # Enter alone never consents
    assert line.licence is not None and line.pdf == line.licence.pdf
    row = page.checklist.lines.index(line)
    assert "e-licence" in page.checklist.table.item(row, 0).text()
    assert line.licence.number in page.checklist.licence_note.text()
    assert line.licence.issuer in page.checklist.licence_note.text()


def test_f9_with_consent_refused_fetches_nothing_and_says_scan(counter, qtbot) -> None:
    page = counter
    _to_materials(qtbot, page)
    _to_booklet(page)
    QTimer.singleShot(0, lambda: _answer_consent(QMessageBox.StandardButton.No, []))
    press(Qt.Key.Key_F9)
    wait_until(qtbot, lambda: "did not consent" in page.checklist.licence_note.text(), what="the refusal")
    line = next(s for s in page.checklist.lines if s.line.name == "居民户口簿")
    assert (line.status, line.licence) == ("pending", None)
    assert "F7" in page.checklist.licence_note.text()


def test_f9_is_off_on_a_material_the_platform_cannot_supply(counter, qtbot) -> None:
    page = counter
    _to_materials(qtbot, page)
    assert page.checklist.selected().line.name == "居民身份证"
    assert not page.checklist.licence_button.isEnabled()
    press(Qt.Key.Key_F9)  # nothing opens, nothing changes
    assert QApplication.activeModalWidget() is None and page.checklist.selected().status == "pending"


def test_f9_with_the_platform_offline_says_scan_the_paper_and_f7_still_scans(counter, platform, qtbot) -> None:
    page = counter
    _to_materials(qtbot, page)
    _to_booklet(page)
    platform.close()  # the county link is down: nothing answers at the platform's address
    platform.stopped = True
    seen: list[str] = []
    QTimer.singleShot(0, lambda: _answer_consent(QMessageBox.StandardButton.Yes, seen))
    press(Qt.Key.Key_F9)
    note = page.checklist.licence_note
    wait_until(qtbot, lambda: "cannot be reached" in note.text(), what=f"the refusal ({seen}, {note.text()!r})")
    assert "Scan the paper (F7)" in note.text() and "licence." not in note.text()  # worded, not a code
    line = next(s for s in page.checklist.lines if s.line.name == "居民户口簿")
    assert (line.status, line.licence) == ("pending", None)
    assert page.window().focusWidget() is page.checklist.table, "the window's keys still go to the checklist"
    page.window().activateWindow()  # what the window manager does once the modal boxes are gone (offscreen has none)
    QApplication.processEvents()
    assert focused() is page.checklist.table
    press(Qt.Key.Key_F7)  # the paper booklet, on the demo scanner
    wait_until(qtbot, lambda: line.status == "captured", what="the scanned booklet")
    assert line.licence is None and line.pages > 0
    row = page.checklist.lines.index(line)
    assert "e-licence" not in page.checklist.table.item(row, 0).text()
