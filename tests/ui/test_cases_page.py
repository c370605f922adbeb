"""The case search page as a clerk uses it: every key goes to whatever has the focus
(`QApplication.focusWidget()`), in a window as wide as the main window's page at 1366×768."""

from __future__ import annotations

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QHBoxLayout, QListWidget, QWidget

from hallapp.domain.clock import hall_clock
from hallapp.services import audit, case_view, cases, hall, staff
from hallapp.services.demo import seed_cases
from hallapp.storage import material_store
from ui.dialogs.material_viewer import MaterialViewer
from ui.words import state_word

CTRL, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier
ITEM = "002011004000"  # 社会保障卡申领: 3 required (1 key), 3 optional


def press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    QTest.keyClick(widget, key, modifier)


def type_text(text: str) -> None:
    for char in text:
        QTest.keyClicks(QApplication.focusWidget(), char)


def new_search(text: str) -> None:
    press(Qt.Key.Key_F, CTRL)  # to the search box, text selected: typing replaces it
    if text:
        type_text(text)
    else:
        press(Qt.Key.Key_Backspace)
    press(Qt.Key.Key_Return)


@pytest.fixture
def page(ctx, qtbot):
    """The page beside a 180-px list, in a window of the main window's size (1366 × 768 less the
    title bar): as the clerk sees it, nothing focused by the test."""
    from ui.pages.cases import CasesPage

    session = staff.login(ctx.db, "clerk1", hall.DEMO_PASSWORD, ctx.settings.security)
    window = QWidget()
    layout = QHBoxLayout(window)
    layout.setContentsMargins(0, 0, 0, 0)
    nav = QListWidget()
    nav.setFixedWidth(180)
    layout.addWidget(nav)
    cases_page = CasesPage(ctx, session)
    layout.addWidget(cases_page, 1)
    window.resize(1366, 700)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is cases_page.text)
    yield cases_page
    window.close()
    window.deleteLater()


def shown_number(page) -> str:
    return page.details.case.number if page.details.case else ""


def search_and_wait(qtbot, page, text: str) -> None:
    page.found = []
    new_search(text)
    qtbot.waitUntil(lambda: bool(page.found) and shown_number(page) == page.found[0].number, timeout=10_000)


def wait_viewer(qtbot, page) -> MaterialViewer:
    """Until the viewer is up and has the keys (a window manager activates it a moment later)."""
    def ready() -> bool:
        viewer = getattr(page.details, "viewer", None)
        focus = QApplication.focusWidget()
        return bool(viewer and viewer.isVisible() and focus is not None and focus.window() is viewer)

    qtbot.waitUntil(ready, timeout=15_000)
    return page.details.viewer


def material_texts(page) -> list[str]:
    table = page.details.materials
    return [table.item(r, 1).text() for r in range(table.rowCount())]


def test_enter_searches_and_the_details_follow_the_current_row_after_every_search(ctx, qtbot, page) -> None:
    seed_cases(ctx, 6)
    search_and_wait(qtbot, page, "")
    assert page.table.currentRow() == 0 and len(page.found) == 6
    press(Qt.Key.Key_Down)  # from the search box: the results move, the details follow
    qtbot.waitUntil(lambda: shown_number(page) == page.found[1].number)
    press(Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: shown_number(page) == page.found[2].number)
    assert page.table.currentRow() == 2 and page.details.header.text().startswith(page.found[2].number)
    # The same search again: the first row is current and shown, not a blank pane.
    search_and_wait(qtbot, page, "")
    assert page.table.currentRow() == 0
    # A different search while the first row was current: the new first case is shown.
    wanted = page.found[4].number
    search_and_wait(qtbot, page, wanted)
    assert [c.number for c in page.found] == [wanted] and page.details.header.text().startswith(wanted)
    press(Qt.Key.Key_Tab)  # Tab goes on through the bar; the results table is reachable, arrows work there too
    new_search("")
    qtbot.waitUntil(lambda: len(page.found) == 6 and shown_number(page) == page.found[0].number)
    page.table.setFocus()
    press(Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: shown_number(page) == page.found[1].number)


def test_no_case_found_says_so(qtbot, page) -> None:
    new_search("NO-SUCH-CASE")  # (Chinese comes through an input method, not QTest key clicks)
    qtbot.waitUntil(lambda: "No case found" in page.details.header.text())
    assert page.table.rowCount() == 0 and page.details.materials.rowCount() == 0


@pytest.fixture(params=["en", "zh_CN"])
def language(request) -> str:
    """The page built in each language (the autouse fixture puts English back afterwards)."""
    from ui import i18n

    i18n.install(request.param)
    return request.param


def test_names_and_every_column_are_visible_without_scrolling(ctx, qtbot, language, page) -> None:
    seed_cases(ctx, 8)
    search_and_wait(qtbot, page, "")
    table = page.table
    for row, case in enumerate(page.found):
        name = case_view.detail(ctx.db, case.number).applicant_name
        assert table.item(row, 2).text() == name and "*" not in name
    assert "*" in page.details.header.text()  # the ID number stays masked, in the details only
    header, width = table.horizontalHeader(), table.viewport().width()
    for column in range(table.columnCount()):
        assert header.sectionViewportPosition(column) + header.sectionSize(column) <= width, column
    for column in (0, 2, 3, 4):  # number, name, state, promised date: never cut
        longest = max(table.fontMetrics().horizontalAdvance(table.item(r, column).text()) for r in range(table.rowCount()))
        assert header.sectionSize(column) >= longest
    # The item name gives way, but five characters of it stay readable (the full name in the tooltip).
    assert header.sectionSize(1) >= table.fontMetrics().horizontalAdvance("不动产抵押…")
    assert not table.horizontalScrollBar().isVisible()


def test_optional_materials_not_given_are_not_marked_missing(ctx, qtbot, page) -> None:
    number = seed_cases(ctx, 1, plan="gap", item_code=ITEM)[0]
    search_and_wait(qtbot, page, number)
    texts = material_texts(page)  # 1 key material received; 2 and 3 (non-key) deferred; 4–6 optional
    assert texts[0] == "✔ received" and all(t.startswith("◐ owed") for t in texts[1:3])
    assert all(t.startswith("– not given (optional)") for t in texts[3:]) and not any("✖" in t for t in texts)
    assert page.details.materials.currentRow() == 1  # ready for F7: the first owed material
    assert "due by" in page.details.header.text()


def test_reprint_opens_the_print_preview_and_is_audited(ctx, qtbot, page) -> None:
    number = seed_cases(ctx, 1, plan="gap", item_code=ITEM)[0]
    search_and_wait(qtbot, page, number)
    def labels() -> list[str]:  # a button added to a shown layout appears on the next turn of the event loop
        return sorted(b.text() for b in page.details.findChildren(QWidget)
                      if b.objectName().startswith("reprint_") and b.isVisible())

    expected = sorted(["Receipt Alt+1", "Commitment Alt+2", "Consent form Alt+3", "One-time notice Alt+4"])
    qtbot.waitUntil(lambda: labels() == expected)
    press(Qt.Key.Key_1, ALT)

    def preview() -> QPrintPreviewDialog | None:
        return next((w for w in QApplication.topLevelWidgets() if isinstance(w, QPrintPreviewDialog) and w.isVisible()),
                    None)

    qtbot.waitUntil(lambda: preview() is not None, timeout=15_000)
    assert number in preview().windowTitle()
    events = audit.recent(ctx.db, action="document_reprinted")
    assert [(e.subject, e.actor) for e in events] == [(f"case:{number}", "clerk1")] and "receipt" in events[0].detail
    preview().reject()


def test_a_stored_scan_opens_read_only_from_the_keys(ctx, qtbot, page) -> None:
    number = seed_cases(ctx, 1, plan="complete", item_code=ITEM)[0]
    search_and_wait(qtbot, page, number)
    press(Qt.Key.Key_F6)
    assert QApplication.focusWidget() is page.details.materials
    press(Qt.Key.Key_G, CTRL)
    viewer = wait_viewer(qtbot, page)
    qtbot.waitUntil(lambda: viewer.page_count() == 2)
    assert viewer.current_page() == 0
    press(Qt.Key.Key_PageDown)
    qtbot.waitUntil(lambda: viewer.current_page() == 1)
    assert "2 of 2" in viewer.page_label.text()
    press(Qt.Key.Key_Return)  # a plain viewer does not close on a stray Enter
    assert viewer.isVisible()
    press(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not viewer.isVisible())
    assert [e.subject for e in audit.recent(ctx.db, action="material_viewed")] == [f"case:{number}"]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.details.materials)


def test_f7_scans_a_supplied_material_and_closes_the_gap(ctx, qtbot, page) -> None:
    number = seed_cases(ctx, 1, plan="gap", item_code=ITEM)[0]
    search_and_wait(qtbot, page, number)
    supplied = f"✔ supplied {hall_clock().today().isoformat()}"
    for row in (1, 2):  # the two owed materials, one after the other: F7, check the pages, Enter
        assert page.details.materials.currentRow() == row
        press(Qt.Key.Key_F7)  # demo: the sample pages
        viewer = wait_viewer(qtbot, page)
        qtbot.waitUntil(lambda v=viewer: v.page_count() == 2)
        press(Qt.Key.Key_Return)  # Record as supplied Enter
        qtbot.waitUntil(lambda r=row: material_texts(page)[r] == supplied, timeout=10_000)
        qtbot.waitUntil(lambda: QApplication.focusWidget() is page.details.materials)
        if row == 1:
            assert "Still owed: 1" in page.details.message.text()
            assert page.table.item(0, 3).text() == state_word("accepted_with_gap")
    assert page.table.item(0, 3).text() == state_word("accepted")
    assert "Every owed material is in" in page.details.message.text()
    assert not page.details.case.owed and page.details.case.state == "accepted"
    shown = case_view.detail(ctx.db, number)
    sha = next(m for m in cases.show(ctx.db, number)["materials"] if m["position"] == 3)["sha256"]
    assert material_store.load(ctx.home, sha).startswith(b"%PDF") and shown.material(3).pages == 2
    assert [e.subject for e in audit.recent(ctx.db, action="material_supplied")] == [f"case:{number}"] * 2


def test_an_imported_supplement_can_be_dropped_or_recorded(ctx, qtbot, page, tmp_path, monkeypatch) -> None:
    number = seed_cases(ctx, 1, plan="gap", item_code=ITEM)[0]
    photo = tmp_path / "photo.png"
    Image.new("L", (600, 800), 255).save(photo)
    monkeypatch.setattr("ui.pages.case_detail.QFileDialog.getOpenFileName", lambda *a, **k: (str(photo), ""))
    search_and_wait(qtbot, page, number)
    press(Qt.Key.Key_I, CTRL)
    wait_viewer(qtbot, page)
    press(Qt.Key.Key_Escape)  # not the right paper: dropped
    qtbot.waitUntil(lambda: "Not recorded" in page.details.message.text())
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.details.materials)  # the keys are back on the page
    assert audit.recent(ctx.db, action="material_supplied") == [] and case_view.detail(ctx.db, number).owed
    press(Qt.Key.Key_I, CTRL)
    wait_viewer(qtbot, page)
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: material_texts(page)[1].startswith("✔ supplied"), timeout=10_000)
    assert [m.position for m in case_view.detail(ctx.db, number).owed] == [3]


def test_f7_on_a_material_that_is_not_owed_explains_and_records_nothing(ctx, qtbot, page) -> None:
    number = seed_cases(ctx, 1, plan="gap", item_code=ITEM)[0]
    search_and_wait(qtbot, page, number)
    press(Qt.Key.Key_F6)
    press(Qt.Key.Key_Up)  # to material 1, already received
    press(Qt.Key.Key_F7)
    assert "not owed" in page.details.error.text()
    assert not page.details.scan_button.isEnabled()
    assert audit.recent(ctx.db, action="material_supplied") == []
