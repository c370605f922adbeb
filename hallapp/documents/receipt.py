"""受理回执: the acceptance receipt, on A4 or on an 80 mm thermal roll."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from hallapp.documents import blocks
from hallapp.documents.barcodes import code128, qr
from hallapp.documents.fonts import DocumentFonts
from hallapp.documents.model import CaseDocument
from hallapp.documents.pages import PaperSize, base_size, render
from hallapp.documents.styles import Styles, make_styles, para
from hallapp.documents.summary import Row, delivery_words, item_rows, people_rows, promise_words
from hallapp.documents.words import (
    CASE_TYPE_WORDS,
    FORM_WORDS,
    cn_date,
    cn_datetime,
    counter_words,
)

TITLE = "受理回执"
SCAN_HINT = "扫码查询办理进度"
NOTES = (
    "承诺办结日期按工作日计算，已扣除周末和法定节假日。",
    "请妥善保管本回执，可凭办件编号或扫描二维码查询办理进度。",
)


def render_receipt(doc: CaseDocument, fonts: DocumentFonts, *, size: PaperSize = "A4") -> bytes:
    """The receipt as PDF bytes: ``size`` "A4" (pages as needed) or "thermal80" (one page, cut to length)."""
    styles = make_styles(fonts.name, base_size(size))
    story = _a4_story if size == "A4" else _thermal_story
    return render(lambda width: story(doc, styles, width), fonts, size,
                  title=f"{TITLE} {doc.case_number}", author=doc.hall.name)


def _fields(doc: CaseDocument) -> list[Row]:
    return [
        [("办件编号", doc.case_number), ("受理时间", cn_datetime(doc.accepted_at))],
        [("受理窗口", counter_words(doc.counter_number)), ("受理人", doc.clerk_name)],
        *people_rows(doc),
        *item_rows(doc),
        [("办件类型", CASE_TYPE_WORDS[doc.case_type]), ("承诺办结日期", promise_words(doc))],
        [("结果送达", delivery_words(doc))],
    ]


def _received_rows(doc: CaseDocument, numbered: bool) -> list[list[str]]:
    rows = []
    for n, line in enumerate(doc.materials_with("captured"), start=1):
        cells = [line.name, FORM_WORDS[line.form], str(line.pages)]
        rows.append([str(n), *cells] if numbered else cells)
    return rows


def _deferred_rows(doc: CaseDocument) -> list[list[str]]:
    return [[line.name, cn_date(line.due_date) if line.due_date else ""] for line in doc.materials_with("gap")]


def _codes_strip(doc: CaseDocument, styles: Styles, width: float) -> Table:
    left = [code128(doc.case_number, width * 0.6, 12 * mm), para(doc.case_number, styles.center)]
    right = [qr(doc.status_url, 28 * mm, styles.font), para(SCAN_HINT, styles.center), para(doc.status_url, styles.url)]
    return blocks.table([[left, right]], [width * 0.64, width * 0.36], styles,
                        [("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("ALIGN", (0, 0), (-1, -1), "CENTER")])


def _a4_story(doc: CaseDocument, styles: Styles, width: float) -> list[Flowable]:
    story = [*blocks.heading(doc.hall, TITLE, styles), _codes_strip(doc, styles, width), Spacer(1, 3 * mm),
             blocks.field_grid(_fields(doc), styles, width), blocks.section("已收取材料", styles)]
    received = _received_rows(doc, numbered=True)
    story.append(blocks.data_table(["序号", "材料名称", "形式", "页数"], received, (0.09, 0.63, 0.16, 0.12), styles, width,
                                   centered=(0, 2, 3))
                 if received else para("（无）", styles.cell))
    deferred = _deferred_rows(doc)
    if deferred:
        story += [blocks.section("容缺后补材料（已签署容缺受理承诺书）", styles),
                  blocks.data_table(["材料名称", "补交期限"], deferred, (0.7, 0.3), styles, width, centered=(1,))]
    story += [Spacer(1, 2 * mm), *[para(f"{n}. {note}", styles.small) for n, note in enumerate(NOTES, 1)]]
    story += [*blocks.contact(doc.hall, styles), blocks.signatures(["申请人（签字）：", "受理人（签字）："], styles, width)]
    return story


def _thermal_fields(doc: CaseDocument) -> list[tuple[str, str]]:
    return [pair for row in _fields(doc) for pair in row if pair[0] != "办件编号"]


def _thermal_story(doc: CaseDocument, styles: Styles, width: float) -> list[Flowable]:
    story = [*blocks.heading(doc.hall, TITLE, styles), code128(doc.case_number, width, 10 * mm, bar_width=0.25 * mm),
             para(doc.case_number, styles.center), Spacer(1, 2 * mm), blocks.field_list(_thermal_fields(doc), styles, width),
             blocks.section("已收取材料", styles)]
    received = _received_rows(doc, numbered=False)
    story.append(blocks.data_table(["材料名称", "形式", "页数"], received, (0.58, 0.24, 0.18), styles, width, ruled=False,
                                   centered=(1, 2))
                 if received else para("（无）", styles.cell))
    deferred = _deferred_rows(doc)
    if deferred:
        story += [blocks.section("容缺后补材料", styles),
                  blocks.data_table(["材料名称", "补交期限"], deferred, (0.6, 0.4), styles, width, ruled=False,
                                    centered=(1,))]
    story += [Spacer(1, 3 * mm), qr(doc.status_url, 36 * mm, styles.font), para(SCAN_HINT, styles.center)]
    story += [*blocks.contact(doc.hall, styles), blocks.signatures(["申请人签字："], styles, width, with_date=False)]
    return story
