"""受理回执: the acceptance receipt, on A4 or on an 80 mm thermal roll."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from hallapp.documents import blocks
from hallapp.documents.barcodes import code128, qr
from hallapp.documents.fonts import DocumentFonts
from hallapp.documents.model import CaseDocument, MaterialLine
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
SCAN_HINT = "扫码查询办理进度"  # the QR holds the hall's status address
SCAN_HINT_TEXT = "扫码可查看办件编号和查询电话"  # no status address: the QR holds a short text
WORKDAYS_NOTE = "承诺办结日期按工作日计算，已扣除周末和法定节假日。"
KEEP_NOTE_URL = "请妥善保管本回执，可凭办件编号或扫描二维码查询办理进度。"
KEEP_NOTE_TEXT = "请妥善保管本回执，可凭办件编号到本窗口或拨打咨询电话查询办理进度。"
KEEP_NOTE_WINDOW = "请妥善保管本回执，可凭办件编号到本窗口查询办理进度。"
SEAL_WORDS = "受理专用章"
LICENCE_WORDS = "电子证照"  # the form column of a material the platform supplied
SEAL_SIZE = 40 * mm  # a round hall seal is 38–42 mm across


def qr_payload(doc: CaseDocument) -> str:
    """What the receipt's QR holds: the status address if the hall has one, else a text any phone shows.

    A phone's scanner shows plain text as it is, so the applicant sees the case number and whom to ask;
    a case number alone would mean nothing to them.
    """
    if doc.status_url:
        return doc.status_url
    lines = ["跨省通办受理回执", f"办件编号：{doc.case_number}", f"受理单位：{doc.hall.name}"]
    if doc.hall.phone:
        lines.append(f"查询电话：{doc.hall.phone}")
    lines.append("凭办件编号到受理窗口或致电查询办理进度")
    return "\n".join(lines)


def scan_hint(doc: CaseDocument) -> str:
    """The words under the QR say exactly what scanning it gives."""
    if doc.status_url:
        return SCAN_HINT
    return SCAN_HINT_TEXT if doc.hall.phone else "扫码可查看办件编号"


def notes(doc: CaseDocument) -> list[str]:
    if doc.status_url:
        keep = KEEP_NOTE_URL
    elif doc.hall.phone:
        keep = KEEP_NOTE_TEXT
    else:
        keep = KEEP_NOTE_WINDOW
    return [WORKDAYS_NOTE, keep] if doc.case_type == "promised" else [keep]


def render_receipt(doc: CaseDocument, fonts: DocumentFonts, *, size: PaperSize = "A4") -> bytes:
    """The receipt as PDF bytes: ``size`` "A4" (pages as needed) or "thermal80" (one page, cut to length)."""
    if doc.case_type == "promised" and doc.promised_date is None:
        raise ValueError("the receipt of a promised case (承诺件) needs promised_date")
    styles = make_styles(fonts.name, base_size(size))
    story = _a4_story if size == "A4" else _thermal_story
    return render(lambda width: story(doc, styles, width), fonts, size,
                  title=f"{TITLE} {doc.case_number}", author=doc.hall.name)


def _fields(doc: CaseDocument) -> list[Row]:
    return [
        [("办件编号", doc.case_number)],  # its own row: the number is read out whole, never wrapped
        [("受理时间", cn_datetime(doc.accepted_at)), ("受理窗口", counter_words(doc.counter_number))],
        [("受理人", doc.clerk_name)],
        *people_rows(doc),
        *item_rows(doc),
        [("办件类型", CASE_TYPE_WORDS[doc.case_type]), ("承诺办结日期", promise_words(doc))],
        [("结果送达", delivery_words(doc))],
    ]


def _received_rows(doc: CaseDocument, numbered: bool) -> list[list[str]]:
    rows = []
    for n, line in enumerate(doc.materials_with("captured"), start=1):
        cells = [_material_name(line, numbered), _form_words(line), str(line.pages)]
        rows.append([str(n), *cells] if numbered else cells)
    return rows


def _form_words(line: MaterialLine) -> str:
    return LICENCE_WORDS if line.source == "licence" else FORM_WORDS[line.form]


def _material_name(line: MaterialLine, wide: bool) -> str:
    """A 电子证照's name with its issuer and number below it: on A4 both, on the roll the number only."""
    if line.source != "licence":
        return line.name
    facts = [f"证照编号：{line.licence_number}"] if line.licence_number else []
    if wide and line.issuer:
        facts.insert(0, f"签发：{line.issuer}")
    return "\n".join([line.name, *facts])


def _deferred_rows(doc: CaseDocument) -> list[list[str]]:
    return [[line.name, cn_date(line.due_date) if line.due_date else ""] for line in doc.materials_with("gap")]


def _codes_strip(doc: CaseDocument, styles: Styles, width: float) -> Table:
    left = [code128(doc.case_number, width * 0.6, 12 * mm), para(doc.case_number, styles.center)]
    right = [qr(qr_payload(doc), 28 * mm, styles.font), para(scan_hint(doc), styles.center)]
    if doc.status_url:
        right.append(para(doc.status_url, styles.url))
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
    story += [Spacer(1, 2 * mm), _closing(doc, styles, width)]
    return story


def _closing(doc: CaseDocument, styles: Styles, width: float) -> Table:
    """Notes, contact lines and signatures at the left, the box for the hall's 受理专用章 beside them.

    One row: it stays together, and moves to the next page as a whole when the page is full.
    """
    seal_w = SEAL_SIZE + 4 * mm
    left_w = width - seal_w
    left = [*[para(f"{n}. {note}", styles.small) for n, note in enumerate(notes(doc), 1)],
            *blocks.contact(doc.hall, styles),
            blocks.signatures(["申请人（签字）：", "受理人（签字）："], styles, left_w - 2 * mm)]
    return blocks.table([[left, blocks.seal_box(SEAL_WORDS, SEAL_SIZE, styles)]], [left_w, seal_w], styles,
                        [("VALIGN", (0, 0), (0, 0), "TOP"), ("VALIGN", (1, 0), (1, 0), "BOTTOM"),
                         ("ALIGN", (1, 0), (1, 0), "RIGHT"), *blocks.no_padding()])


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
    story += [Spacer(1, 3 * mm), qr(qr_payload(doc), 36 * mm, styles.font), para(scan_hint(doc), styles.center)]
    story += [para(note, styles.small) for note in notes(doc)[-1:]]
    story += [*blocks.contact(doc.hall, styles), blocks.signatures(["申请人签字："], styles, width, with_date=False)]
    seal = blocks.seal_box(SEAL_WORDS, SEAL_SIZE, styles)
    seal.hAlign, seal.spaceBefore = "CENTER", 3 * mm
    return [*story, seal]
