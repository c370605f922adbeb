"""Every document through Qt's real printer path: the print preview paints all its pages (this
once crashed the program), a PDF "printed to file" carries the document's text, and the pages a
real printer receives look like the document."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageFilter, ImageStat
from PySide6.QtPrintSupport import QPrintPreviewWidget

from hallapp.services import case_documents, cases, demo
from tests.support.requirements import need
from ui.print_pdf import PRINT_DPI, PreviewDialog, a4_printer, print_to_pdf

DOCUMENTS = [("complete", "receipt"), ("complete", "consent"), ("gap", "receipt"), ("gap", "commitment"),
             ("gap", "notice"), ("notice", "notice")]


def _tool(name: str) -> None:
    need(subprocess.run(["which", name], capture_output=True).returncode == 0, f"poppler-utils ({name})")


def _text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def _page_image(pdf: Path, out: Path) -> Image.Image:
    subprocess.run(["pdftoppm", "-r", "40", "-gray", "-singlefile", "-png", str(pdf), str(out)], check=True)
    # Blurred: anti-aliasing of small print differs between renderers; layout and ink must not.
    return Image.open(out.with_suffix(".png")).convert("L").filter(ImageFilter.GaussianBlur(2))


@pytest.fixture
def rendered(ctx):
    def render(plan: str, kind: str) -> tuple[str, bytes]:
        number = demo.seed_cases(ctx, 1, plan=plan, item_code="002011004000")[0]
        return number, case_documents.render(ctx.db, number, kind, ctx.settings.documents)
    return render


@pytest.mark.parametrize(("plan", "kind"), DOCUMENTS)
def test_the_preview_paints_every_page(plan, kind, rendered, qtbot, qapp) -> None:
    from PySide6.QtWidgets import QWidget

    number, pdf = rendered(plan, kind)
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = PreviewDialog(pdf, f"{number} {kind}", parent)
    painted: list[int] = []
    dialog.paintRequested.connect(lambda _p: painted.append(1))
    dialog.open()
    qtbot.waitExposed(dialog)
    preview = dialog.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: bool(painted) and preview.pageCount() == dialog.document.pageCount(), timeout=10_000)
    assert dialog.printer.resolution() == PRINT_DPI
    dialog.reject()
    qtbot.waitUntil(lambda: not dialog.isVisible())


@pytest.mark.parametrize(("plan", "kind"), DOCUMENTS)
def test_printing_to_a_pdf_file_keeps_the_text(plan, kind, rendered, ctx, tmp_path: Path, qapp) -> None:
    _tool("pdftotext")
    number, pdf = rendered(plan, kind)
    out = tmp_path / "printed.pdf"
    print_to_pdf(pdf, out)
    text = _text(out)
    title = {"receipt": "受理回执", "consent": "同意", "commitment": "承诺", "notice": "一次性告知"}[kind]
    assert title in text and number in text
    applicant = cases.show(ctx.db, number)
    assert applicant["number"] == number


@pytest.mark.parametrize(("plan", "kind"), [("complete", "receipt"), ("notice", "notice")])
def test_a_real_printer_gets_pages_that_look_like_the_document(plan, kind, rendered, tmp_path: Path, qapp) -> None:
    _tool("pdftoppm")
    _number, pdf = rendered(plan, kind)
    original = tmp_path / "original.pdf"
    original.write_bytes(pdf)
    printed = tmp_path / "as-printed.pdf"
    print_to_pdf(pdf, printed, pages_as_images=True)
    want, got = _page_image(original, tmp_path / "want"), _page_image(printed, tmp_path / "got")
    assert want.size == got.size, "the printed page is A4 like the document"
    difference = ImageStat.Stat(ImageChops.difference(want, got)).mean[0]
    assert difference < 10, f"the printed page differs from the document (mean difference {difference:.1f}/255)"
    blank = ImageStat.Stat(ImageChops.difference(want, Image.new("L", want.size, 255))).mean[0]
    assert blank > difference * 2, f"the comparison can tell a page from a blank one ({blank:.1f})"


def test_the_printer_is_a4_at_print_resolution(qapp) -> None:
    printer = a4_printer()
    assert printer.resolution() == PRINT_DPI
    size = printer.pageLayout().fullRectPoints()
    assert (round(size.width()), round(size.height())) == (595, 842)
