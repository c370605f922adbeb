"""The daily and monthly report as a PDF: summary grid, arrivals and served by hour (a bar chart),
the breakdown tables, and the lines the supervisor signs. Built from plain data (ReportDocument).

The daily report is the one page a supervisor signs: a smaller type, tables side by side, and its
lists cut to their busiest rows (the CSV and XLSX keep every row) until the story fits the page."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Table

from hallapp.documents import blocks
from hallapp.documents.fonts import DocumentFonts
from hallapp.documents.model import HallHeader
from hallapp.documents.pages import A4_BASE_SIZE, A4_PAPER, render
from hallapp.documents.styles import Styles, fit_width, make_styles, para

ARRIVED, SERVED = colors.HexColor("#4E79A7"), colors.HexColor("#59A14F")
SIGNERS = ("制表人", "值班主任")
ONE_PAGE_BASE = 9.0  # points: 小五 and a little, still read at arm's length
ONE_PAGE_LIMITS = (10, 8, 6, 5, 4, 3, 2)  # rows per list, tried in turn until the page holds the story
KEEP_WHOLE_ROWS = 12  # a table this short moves to the next page whole rather than split
FIRST_ROWS = 3  # a long table starts on a page only with its heading, header and this many rows there
CHART_SHARE = 2 / 3  # of the page width; the first table of a one-page report sits beside the chart


@dataclass(frozen=True)
class ReportTable:
    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    shares: tuple[float, ...]  # column widths as parts of the table's width
    width: float = 1.0  # part of the page width; on one page, narrow tables share a row


@dataclass(frozen=True)
class ReportDocument:
    hall_name: str
    title: str  # 跨省通办窗口日报
    period_words: str  # 2026年12月8日
    made_at: str  # hall time, as printed
    summary: tuple[tuple[str, str], ...]
    tables: tuple[ReportTable, ...]
    hourly: tuple[tuple[int, int, int], ...]  # (hour, arrivals, served)
    one_page: bool = False  # the daily report: everything on one A4 page, lists cut to fit (CSV has all)
    notes: tuple[str, ...] = ()


def render_report(doc: ReportDocument, fonts: DocumentFonts) -> bytes:
    meta = {"title": f"{doc.title} {doc.period_words}", "author": doc.hall_name}
    if doc.one_page:
        styles = make_styles(fonts.name, ONE_PAGE_BASE)
        limit = _fitting_limit(doc, styles, fonts)
        return render(lambda width: _one_page_story(doc, styles, width, limit), fonts, "A4", **meta)
    styles = make_styles(fonts.name, A4_BASE_SIZE)
    return render(lambda width: _story(doc, styles, width), fonts, "A4", **meta)


def _story(doc: ReportDocument, styles: Styles, width: float) -> list[Flowable]:
    story: list[Flowable] = [*blocks.heading(HallHeader(doc.hall_name), doc.title, styles),
                             para(f"统计期间：{doc.period_words}　　制表时间：{doc.made_at}", styles.center)]
    pairs = list(doc.summary)
    rows = [pairs[i:i + 2] for i in range(0, len(pairs), 2)]
    story += [blocks.section("汇总", styles), blocks.field_grid(rows, styles, width)]
    if doc.hourly:
        story += [KeepTogether([blocks.section("按小时取号与办结", styles), _hourly_chart(doc.hourly, styles, width)])]
    for table in doc.tables:
        if table.rows:
            story += _flowing(_table(table, None, styles, width), styles)
    story += [para(note, styles.small) for note in doc.notes]
    story.append(KeepTogether([blocks.section("签字", styles), blocks.signatures(SIGNERS, styles, width)]))
    return story


def _flowing(pieces: list[Flowable], styles: Styles) -> list[Flowable]:
    """A short table stays whole; a long one starts where it is, its header repeated on the next page, once
    its heading and a few rows fit there (kept whole, a 31-day table left most of a page blank each time)."""
    heading, table = pieces
    if len(table._cellvalues) <= KEEP_WHOLE_ROWS + 1:
        return [KeepTogether(pieces)]
    return [CondPageBreak(styles.base * 2.2 * (1 + FIRST_ROWS) + heading.wrap(A4_PAPER.content_width, 1000)[1]),
            heading, table]


def _table(table: ReportTable, limit: int | None, styles: Styles, width: float) -> list[Flowable]:
    rows = table.rows if limit is None else table.rows[:limit]
    title = table.title if len(rows) == len(table.rows) else f"{table.title}（前{limit}项，共{len(table.rows)}项）"
    return [blocks.section(title, styles),
            blocks.data_table(table.header, rows, table.shares, styles, width, centered=range(1, len(table.header)))]


# -- one page ---------------------------------------------------------------------------------------

def _fitting_limit(doc: ReportDocument, styles: Styles, fonts: DocumentFonts) -> int:
    """The longest lists that still leave the story on one page (measured, as the frame will lay it out)."""
    width = A4_PAPER.content_width
    room = A4_PAPER.height - A4_PAPER.top - A4_PAPER.bottom
    for limit in ONE_PAGE_LIMITS:
        if _height(_one_page_story(doc, styles, width, limit), width, fonts) <= room:
            return limit
    return ONE_PAGE_LIMITS[-1]


def _height(story: list[Flowable], width: float, fonts: DocumentFonts) -> float:
    scratch = Canvas(None, initialFontName=fonts.name)
    return sum(f.wrapOn(scratch, width, 100_000)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in story)


def _one_page_story(doc: ReportDocument, styles: Styles, width: float, limit: int) -> list[Flowable]:
    story: list[Flowable] = [*blocks.heading(HallHeader(doc.hall_name), doc.title, styles),
                             para(f"统计期间：{doc.period_words}　　制表时间：{doc.made_at}", styles.center),
                             blocks.section("汇总", styles), _summary_grid(doc.summary, 3, styles, width)]
    tables = [t for t in doc.tables if t.rows]
    pieces: list[tuple[float, list[Flowable]]] = []
    if doc.hourly:
        chart_w = width * CHART_SHARE - 2 * mm
        pieces.append((CHART_SHARE, [blocks.section("按小时取号与办结", styles), _hourly_chart(doc.hourly, styles, chart_w)]))
    pieces += [(t.width, _table(t, limit, styles, width * t.width - 2 * mm)) for t in tables]
    story += _rows_of(pieces, styles, width)
    story += [para(note, styles.small) for note in doc.notes]
    story += [blocks.section("签字", styles), blocks.signatures(SIGNERS, styles, width)]
    return story


def _rows_of(pieces: list[tuple[float, list[Flowable]]], styles: Styles, width: float) -> list[Flowable]:
    """Pieces side by side while their parts of the width add up to at most 1; a lone piece as is."""
    rows: list[list[tuple[float, list[Flowable]]]] = []
    for piece in pieces:
        if rows and sum(share for share, _f in rows[-1]) + piece[0] <= 1.0 + 1e-6:
            rows[-1].append(piece)
        else:
            rows.append([piece])
    out: list[Flowable] = []
    for row in rows:
        if len(row) == 1 and row[0][0] >= 1.0:
            out += row[0][1]
            continue
        widths = [width * share for share, _f in row]
        widths[-1] += width - sum(widths)  # the last column takes what is left
        out.append(blocks.table([[flowables for _s, flowables in row]], widths, styles,
                                [("VALIGN", (0, 0), (-1, -1), "TOP"), *blocks.no_padding()]))
    return out


def _summary_grid(pairs: tuple[tuple[str, str], ...], per_row: int, styles: Styles, width: float) -> Table:
    """label|value repeated `per_row` times a row, labels shaded; the last row padded with empty cells."""
    label_w = max(min(width * 0.2, max(fit_width(label, styles.label) for label, _v in pairs) + 8), width * 0.12)
    value_w = width / per_row - label_w
    data = []
    for start in range(0, len(pairs), per_row):
        chunk = list(pairs[start:start + per_row])
        cells: list[Flowable | str] = []
        for label, value in chunk:
            cells += [para(label, styles.label), para(value, styles.cell)]
        data.append(cells + [""] * (2 * (per_row - len(chunk))))
    shades = [("BACKGROUND", (2 * c, 0), (2 * c, -1), blocks.LABEL_SHADE) for c in range(per_row)]
    return blocks.table(data, [label_w, value_w] * per_row, styles,
                        [("GRID", (0, 0), (-1, -1), blocks.LINE, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                         *[(side, (0, 0), (-1, -1), 2) for side in ("TOPPADDING", "BOTTOMPADDING")],
                         *[(side, (0, 0), (-1, -1), 3) for side in ("LEFTPADDING", "RIGHTPADDING")], *shades],
                        spaceAfter=styles.base * 0.4)


def _hourly_chart(hourly: tuple[tuple[int, int, int], ...], styles: Styles, width: float) -> Drawing:
    height = 42 * mm
    drawing = Drawing(width, height, initialFontName=styles.font)  # never the non-embedded Helvetica
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 12 * mm, 10 * mm, width - 40 * mm, height - 16 * mm
    chart.data = [[a for _h, a, _s in hourly], [s for _h, _a, s in hourly]]
    every = 1 if chart.width / len(hourly) >= 9 * mm else 2  # crowded labels run into each other: every other hour
    chart.categoryAxis.categoryNames = [f"{h}时" if i % every == 0 else "" for i, (h, _a, _s) in enumerate(hourly)]
    for axis in (chart.categoryAxis.labels, chart.valueAxis.labels):
        axis.fontName, axis.fontSize = styles.font, 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.forceZero = True
    chart.bars[0].fillColor, chart.bars[1].fillColor = ARRIVED, SERVED
    chart.barSpacing, chart.groupSpacing = 1, 4
    legend = Legend()
    legend.x, legend.y = width - 24 * mm, height - 8 * mm
    legend.fontName, legend.fontSize = styles.font, 8
    legend.colorNamePairs = [(ARRIVED, "取号"), (SERVED, "办结")]
    drawing.add(chart)
    drawing.add(legend)
    return drawing
