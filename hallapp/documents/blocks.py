"""Pieces every document is made of: heading, field grid, material table, signatures, contact.

All text goes into Paragraphs with CJK wrapping inside tables of fixed column widths, so a long
item name or address makes a row taller, never wider: nothing runs off the page.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from hallapp.documents.model import HallHeader
from hallapp.documents.styles import Styles, fit_width, para
from hallapp.documents.words import blank_date

Pair = tuple[str, str]
LABEL_SHADE = colors.HexColor("#EEEEEE")
LINE = 0.5
CELL_PADDING = 3


def table(data: list, widths: Sequence[float], styles: Styles, commands: list[tuple], **options: object) -> Table:
    """A Table in the document font: even an empty cell would otherwise pull in non-embedded Helvetica."""
    result = Table(data, colWidths=list(widths), **options)
    result.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), styles.font), *commands]))
    return result


def heading(hall: HallHeader, title: str, styles: Styles) -> list[Flowable]:
    return [para(hall.name, styles.hall), para(title, styles.title)]


def field_grid(rows: Sequence[Sequence[Pair]], styles: Styles, width: float) -> Table:
    """A ruled grid: a row of two pairs is label|value|label|value, a row of one pair spans the width."""
    labels = [label for row in rows for label, _value in row]
    label_w = min(max(width * 0.15, _label_width(labels, styles, CELL_PADDING)), width * 0.25)
    value_w = width / 2 - label_w
    data, spans = [], []
    for r, row in enumerate(rows):
        cells: list[Flowable | str] = []
        for label, value in row:
            cells += [para(label, styles.label), para(value, styles.cell)]
        if len(row) == 1:
            cells += ["", ""]
            spans.append(("SPAN", (1, r), (3, r)))
        data.append(cells)
    shades = [("BACKGROUND", (2, r), (2, r), LABEL_SHADE) for r, row in enumerate(rows) if len(row) == 2]
    return table(data, [label_w, value_w, label_w, value_w], styles,
                 [*_grid_style(), ("BACKGROUND", (0, 0), (0, -1), LABEL_SHADE), *shades, *spans], spaceAfter=styles.base * 0.5)


def field_list(pairs: Sequence[Pair], styles: Styles, width: float) -> Table:
    """Label: value lines without rules, for the narrow thermal receipt."""
    data = [[para(label, styles.label), para(value, styles.cell)] for label, value in pairs]
    label_w = min(_label_width([label for label, _value in pairs], styles, 1), width * 0.4)
    widths = [label_w, width - label_w]
    return table(data, widths, styles, [("VALIGN", (0, 0), (-1, -1), "TOP"), *_padding(1)])


def data_table(header: Sequence[str], rows: Sequence[Sequence[str]], shares: Sequence[float], styles: Styles,
               width: float, *, ruled: bool = True, centered: Sequence[int] = ()) -> Table:
    """A table whose header row repeats on every page it spans; ``centered`` columns hold short values."""
    data = [[para(h, styles.head) for h in header]]
    data += [[para(str(cell), styles.center if c in centered else styles.cell) for c, cell in enumerate(row)] for row in rows]
    rules = _grid_style() if ruled else [("LINEBELOW", (0, 0), (-1, 0), LINE, colors.black), *_padding(2)]
    return table(data, [width * s for s in shares], styles,
                 [*rules, ("BACKGROUND", (0, 0), (-1, 0), LABEL_SHADE), ("VALIGN", (0, 0), (-1, -1), "TOP")],
                 repeatRows=1, spaceAfter=styles.base * 0.5)


def signatures(labels: Sequence[str], styles: Styles, width: float, with_date: bool = True) -> Table:
    """One line per signer: "label ________  日期：____年___月___日", kept on one page.

    The label column is as wide as the longest label (up to 40 % of the width), so labels stay on one line.
    """
    date_words = f"日期：{blank_date()}"
    date_w = fit_width(date_words, styles.cell) + 4 if with_date else 0
    label_w = min(_label_width(labels, styles, 2), width * 0.4)
    line_w = width - label_w - date_w
    rows = [[para(label, styles.cell), "", *([para(date_words, styles.cell)] if with_date else [])] for label in labels]
    widths = [label_w, line_w, *([date_w] if with_date else [])]
    return table(rows, widths, styles,
                 [("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("NOSPLIT", (0, 0), (-1, -1)),
                  ("LINEBELOW", (1, 0), (1, -1), LINE, colors.black), *_padding(2)],
                 rowHeights=[10 * mm] * len(rows), spaceBefore=2 * mm)


NATIONAL_HOTLINE = "12345政务服务便民热线"


def supervision_words(hall: HallHeader) -> str:
    """监督电话: the hall's own line if it has one; 12345 takes complaints about every hall in any case."""
    if hall.supervision_phone:
        return f"监督电话：{hall.supervision_phone}（也可拨打{NATIONAL_HOTLINE}）"
    return f"监督电话：{NATIONAL_HOTLINE}"


def contact(hall: HallHeader, styles: Styles) -> list[Flowable]:
    """Where the hall is and whom to call: enquiries, and supervision / complaints."""
    lines: list[Flowable] = [Spacer(1, styles.base * 0.3)]
    if hall.address:
        lines.append(para(f"大厅地址：{hall.address}", styles.small))
    if hall.phone:
        lines.append(para(f"咨询电话：{hall.phone}", styles.small))
    lines.append(para(supervision_words(hall), styles.small))
    return lines


def seal_box(words: str, size: float, styles: Styles) -> Table:
    """A dashed square where the clerk stamps the seal, its name in grey at the foot."""
    label = para(f"（{words}）", styles.seal)
    return table([[label]], [size], styles,
                 [("BOX", (0, 0), (-1, -1), LINE, colors.grey, None, (2, 2)), ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                  *_padding(2)], rowHeights=[size])


def no_padding() -> list[tuple]:
    return _padding(0)


def section(title: str, styles: Styles) -> Flowable:
    return para(title, styles.heading)


def _label_width(labels: Sequence[str], styles: Styles, padding: float) -> float:
    """Wide enough for the longest label on one line, with ``padding`` on either side."""
    return max(fit_width(label, styles.label) for label in labels) + 2 * padding


def _padding(points: float) -> list[tuple]:
    return [(side, (0, 0), (-1, -1), points) for side in ("TOPPADDING", "BOTTOMPADDING", "LEFTPADDING", "RIGHTPADDING")]


def _grid_style() -> list[tuple]:
    return [("GRID", (0, 0), (-1, -1), LINE, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), *_padding(CELL_PADDING)]
