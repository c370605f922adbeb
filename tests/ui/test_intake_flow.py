"""A whole visit from the keyboard: card → item → handling place → materials → decision → saved,
with the window answering all along. Every key goes to whatever has the focus in the window as it
opened (also run under Xvfb: `acceptance`)."""

from __future__ import annotations

import contextlib
import time

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication

from hallapp.services import cases
from tests.ui.clerk_keys import counter_as_started, press, type_text, wait_until
from ui.intake.flow import DECISION, DONE, ITEM, MATERIALS, PLACE

pytestmark = pytest.mark.acceptance
ALT, CTRL, SHIFT = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def open_counter(ctx, qtbot, qapp):
    """open_counter() → the counter page as the clerk finds it, after the test set up ctx.settings."""
    with contextlib.ExitStack() as stack:
        yield lambda: stack.enter_context(counter_as_started(ctx, qtbot, qapp))[1]


@pytest.fixture
def counter(ctx, open_counter):
    return ctx, open_counter()


def _spy(record):
    """The real preview, closed at once, with what it was given recorded."""
    from ui.print_pdf import preview_and_print

    def spy(pdf: bytes, title: str, parent):
        record(pdf, title)
        dialog = preview_and_print(pdf, title, parent)
        dialog.reject()
        return dialog
    return spy


def _enter(qtbot, page) -> None:
    press(Qt.Key.Key_Return)


def _scan(qtbot, page, timeout: int = 10_000) -> None:
    """F7 and the next material is captured."""
    before = sum(1 for s in page.checklist.lines if s.status == "captured")
    press(Qt.Key.Key_F7)
    wait_until(qtbot, lambda: sum(1 for s in page.checklist.lines if s.status == "captured") > before, timeout=timeout,
               what="F7 to scan")


def _to_materials(qtbot, page, query: str = "sbk") -> None:
    press(Qt.Key.Key_F3)
    wait_until(qtbot, lambda: page.applicant.identity is not None, what="F3 to read the card")
    _enter(qtbot, page)
    assert page.flow.step() == ITEM
    type_text(query)
    wait_until(qtbot, lambda: page.flow.results.count() > 0, timeout=5000, what=f"search hits for {query}")
    _enter(qtbot, page)
    qtbot.waitUntil(lambda: page.flow.step() == PLACE, timeout=5000)
    assert page.checklist.item.name == "社会保障卡申领"
    assert page.flow.county.currentData() == "510104"  # the applicant's home county by default
    _enter(qtbot, page)
    assert page.flow.step() == MATERIALS


def test_a_complete_visit_is_accepted_from_the_keyboard(counter, qtbot) -> None:
    ctx, page = counter
    ticks: list[float] = []
    timer = QTimer(interval=10)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    _to_materials(qtbot, page)
    for _ in range(3):  # 居民身份证, 登记表, 照片: scanned (the demo scanner's sample pages)
        _scan(qtbot, page)
    assert page.checklist.lines[0].pages == 2
    _enter(qtbot, page)
    assert page.flow.step() == DECISION
    assert page.flow.decision_buttons["accept"].isEnabled() and page.flow.chosen_decision() == "accept"
    with qtbot.waitSignal(page.flow.case_saved, timeout=10_000) as saved:
        _enter(qtbot, page)
    timer.stop()
    summary = saved.args[0]
    assert page.flow.step() == DONE and summary.number in page.flow.done_label.text()
    shown = cases.show(ctx.db, summary.number)
    assert shown["state"] == "accepted" and shown["handling_region_code"] == "510104"
    assert all(m["sha256"] for m in shown["materials"][:3])
    gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
    assert max(gaps) < 0.5, f"the window froze for {max(gaps):.2f} s"


def test_a_missing_non_key_material_offers_acceptance_with_a_gap(counter, qtbot) -> None:
    ctx, page = counter
    _to_materials(qtbot, page)
    _scan(qtbot, page)
    assert page.checklist.lines[0].status == "captured"
    press(Qt.Key.Key_D, CTRL)  # 登记表 missing (non-key)
    assert page.checklist.lines[1].status == "missing"
    assert "◐" in page.checklist.table.item(1, 0).text()  # shown with an icon and a word, not colour alone
    _enter(qtbot, page)
    buttons = page.flow.decision_buttons
    assert not buttons["accept"].isEnabled()
    assert buttons["accept_with_gap"].isEnabled() and buttons["notice"].isEnabled()
    with qtbot.waitSignal(page.flow.case_saved, timeout=10_000) as saved:
        _enter(qtbot, page)
    assert saved.args[0].state == "accepted_with_gap"
    assert cases.show(ctx.db, saved.args[0].number)["gap_due_date"]


def test_esc_steps_back_and_a_missing_key_material_allows_only_a_notice(counter, qtbot) -> None:
    _ctx, page = counter
    _to_materials(qtbot, page)
    press(Qt.Key.Key_Escape)
    assert page.flow.step() == PLACE
    _enter(qtbot, page)
    assert page.flow.step() == MATERIALS
    press(Qt.Key.Key_D, CTRL)  # 居民身份证 missing: key
    _enter(qtbot, page)
    buttons = page.flow.decision_buttons
    assert [d for d, b in buttons.items() if b.isEnabled()] == ["notice"]


def test_the_receipt_is_rendered_for_printing_after_acceptance(counter, qtbot, monkeypatch) -> None:
    import subprocess
    import tempfile

    from tests.support.requirements import need

    _ctx, page = counter
    shown: list[tuple[str, bytes]] = []
    monkeypatch.setattr("ui.pages.counter.preview_and_print", _spy(lambda pdf, title: shown.append((title, pdf))))
    _to_materials(qtbot, page)
    for _ in range(3):
        _scan(qtbot, page)
    _enter(qtbot, page)
    with qtbot.waitSignal(page.flow.case_saved, timeout=10_000) as saved:
        _enter(qtbot, page)
    number = saved.args[0].number
    press(Qt.Key.Key_1, ALT)  # Alt+1: the receipt
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    title, pdf = shown[0]
    assert number in title and pdf.startswith(b"%PDF")
    need(subprocess.run(["which", "pdftotext"], capture_output=True).returncode == 0, "poppler-utils (pdftotext)")
    with tempfile.NamedTemporaryFile(suffix=".pdf") as out:
        out.write(pdf)
        out.flush()
        text = subprocess.run(["pdftotext", out.name, "-"], capture_output=True, text=True).stdout
    assert "受理回执" in text and number in text and "陈思雨" in text and "5101**********004X" in text


def test_whole_visit_with_a_real_sane_scan_ends_in_a_receipt_pdf(ctx, open_counter, qtbot, monkeypatch) -> None:
    """Simulated card → item → SANE test-backend scan → accept → receipt PDF, GUI thread free."""
    from tests.support import sane_test
    from tests.support.requirements import need

    need(sane_test.backend_available(), "SANE test backend and python-sane")
    sane_test.process_env()
    ctx.settings.devices.scanner = sane_test.TEST_DEVICE
    ctx.settings.devices.scanner_source = "flatbed"
    page = open_counter()
    shown: list[bytes] = []
    monkeypatch.setattr("ui.pages.counter.preview_and_print", _spy(lambda pdf, title: shown.append(pdf)))
    ticks: list[float] = []
    timer = QTimer(interval=10)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    _to_materials(qtbot, page)
    for _ in range(3):
        _scan(qtbot, page, timeout=20_000)
    assert page.checklist.lines[0].pages == 1  # one flatbed page from test:0
    _enter(qtbot, page)
    with qtbot.waitSignal(page.flow.case_saved, timeout=10_000) as saved:
        _enter(qtbot, page)
    press(Qt.Key.Key_1, ALT)
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    timer.stop()
    assert shown[0].startswith(b"%PDF") and saved.args[0].state == "accepted"
    gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
    assert max(gaps) < 0.5, f"the window froze for {max(gaps):.2f} s"


def _first_material_with_four_pages(qtbot, page):
    """F7, Up (back to the first material), Shift+F7 (2 + 2 pages), Ctrl+G: the pages dialog, active."""
    from ui.intake.pages_dialog import PagesDialog

    _to_materials(qtbot, page)
    _scan(qtbot, page)
    assert page.checklist.lines[0].status == "captured"
    press(Qt.Key.Key_Up)  # F7 moved on to the next material: back to the first
    assert page.checklist.selected() is page.checklist.lines[0]
    press(Qt.Key.Key_F7, SHIFT)  # add a scan
    wait_until(qtbot, lambda: page.checklist.lines[0].pages == 4, what="Shift+F7 to add a scan")
    press(Qt.Key.Key_G, CTRL)
    wait_until(qtbot, lambda: isinstance(QApplication.activeWindow(), PagesDialog), what="Ctrl+G to open the pages")
    return QApplication.activeWindow()


def test_pages_of_a_material_can_be_rotated_reordered_deleted_and_added(counter, qtbot) -> None:
    from PIL import Image

    _ctx, page = counter
    dialog = _first_material_with_four_pages(qtbot, page)
    first_pdf = page.checklist.lines[0].pdf
    portrait, second = dialog.pages[0].size, dialog.pages[1]
    press(Qt.Key.Key_BracketRight, CTRL)  # rotate the first page right
    assert dialog.pages[0].size == (portrait[1], portrait[0])
    press(Qt.Key.Key_Right, CTRL)  # and move it after the second
    assert dialog.pages[0] is second and dialog.list.currentRow() == 1
    press(Qt.Key.Key_End)
    press(Qt.Key.Key_Delete)
    assert len(dialog.pages) == 3 and isinstance(dialog.pages[0], Image.Image)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        press(Qt.Key.Key_Return)
    wait_until(qtbot, lambda: page.checklist.lines[0].pages == 3, timeout=5000, what="the rebuilt material")
    assert page.checklist.lines[0].pdf != first_pdf and page.checklist.lines[0].pdf.startswith(b"%PDF")
    wait_until(qtbot, lambda: QApplication.focusWidget() is page.checklist.table, timeout=2000,
               what="the keys back on the checklist after the pages dialog")


def test_a_page_is_cropped_by_a_drag_and_enter_and_the_keys_come_back(counter, qtbot) -> None:
    from ui.intake.crop_dialog import CropDialog

    _ctx, page = counter
    dialog = _first_material_with_four_pages(qtbot, page)
    press(Qt.Key.Key_Right)
    whole = dialog.pages[1].size
    press(Qt.Key.Key_T, CTRL)  # crop the second page: drag over its top left quarter (the mouse's one job)
    wait_until(qtbot, lambda: isinstance(QApplication.activeWindow(), CropDialog), what="Ctrl+T to open the crop")
    canvas = QApplication.activeWindow().canvas
    corner = QPoint(canvas.width() // 2, canvas.height() // 2)
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=QPoint(1, 1))  # (0, 0) would mean the centre
    qtbot.mouseMove(canvas, corner)
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=corner)
    press(Qt.Key.Key_Return)  # "then press Enter"
    wait_until(qtbot, lambda: dialog.pages[1].size != whole, what="Enter to keep the crop")
    assert dialog.pages[1].size[0] < whole[0] * 0.6 and dialog.pages[1].size[1] < whole[1] * 0.6
    wait_until(qtbot, lambda: QApplication.focusWidget() is dialog.list, timeout=2000,
               what="the keys back on the pages after the crop")
    press(Qt.Key.Key_Delete)
    assert len(dialog.pages) == 3


def test_a_file_saved_by_the_vendor_scan_tool_becomes_the_selected_material(home, ctx, open_counter, qtbot,
                                                                            tmp_path) -> None:
    from hallapp.services import scanning

    folder = tmp_path / "scans"
    ctx.settings.devices.scan_folder = str(folder)
    page = open_counter()
    _to_materials(qtbot, page)
    pages = scanning.sample_pages(count=3)
    pages[0].save(folder / "scan.tmp.tif", save_all=True, append_images=pages[1:])  # the tool is still writing
    (folder / "scan.tmp.tif").rename(folder / "scan0001.tif")
    qtbot.waitUntil(lambda: page.checklist.lines[0].status == "captured", timeout=15_000)
    assert page.checklist.lines[0].pages == 3
    qtbot.waitUntil(lambda: (folder / "done" / "scan0001.tif").exists(), timeout=5000)
    page.scan_folder.stop()


def test_document_camera_without_a_camera_says_what_to_do(qtbot) -> None:
    from PySide6.QtGui import QColor, QImage

    from ui.intake import camera_dialog

    if camera_dialog.cameras():
        pytest.skip("a real camera is attached")
    dialog = camera_dialog.CameraDialog("居民身份证")
    qtbot.addWidget(dialog)
    assert "No document camera" in dialog.status.text()
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor(200, 10, 10))
    pil = camera_dialog.qimage_to_pil(image)
    assert pil.size == (40, 30) and pil.getpixel((5, 5)) == (200, 10, 10)
