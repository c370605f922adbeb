"""The daily and monthly report as a PDF: summary grid, arrivals and served by hour (a bar chart),
the breakdown tables, and the lines the supervisor signs. Built from plain data (ReportDocument)."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether

from hallapp.documents import blocks
from hallapp.documents.fonts import DocumentFonts
from hallapp.documents.model import HallHeader
from hallapp.documents.pages import A4_BASE_SIZE, render
from hallapp.documents.styles import Styles, make_styles, para

ARRIVED, SERVED = colors.HexColor("#4E79A7"), colors.HexColor("#59A14F")
SIGNERS = ("制表人", "值班主任")


@dataclass(frozen=True)
class ReportTable:
    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    shares: tuple[float, ...]  # column widths as parts of the page width


@dataclass(frozen=True)
class ReportDocument:
    hall_name: str
    title: str  # 跨省通办窗口日报
    period_words: str  # 2026年12月8日
    made_at: str  # hall time, as printed
    summary: tuple[tuple[str, str], ...]
    tables: tuple[ReportTable, ...]
    hourly: tuple[tuple[int, int, int], ...]  # (hour, arrivals, served)
    row_limit: int | None = None  # the daily report keeps to one page: the longest lists are cut (CSV has all)
    notes: tuple[str, ...] = ()


def render_report(doc: ReportDocument, fonts: DocumentFonts) -> bytes:
    styles = make_styles(fonts.name, A4_BASE_SIZE)
    return render(lambda width: _story(doc, styles, width), fonts, "A4",
                  title=f"{doc.title} {doc.period_words}", author=doc.hall_name)


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
            story.append(KeepTogether(_table(table, doc.row_limit, styles, width)))
    story += [para(note, styles.small) for note in doc.notes]
    story.append(KeepTogether([blocks.section("签字", styles), blocks.signatures(SIGNERS, styles, width)]))
    return story


def _table(table: ReportTable, limit: int | None, styles: Styles, width: float) -> list[Flowable]:
    rows = table.rows if limit is None else table.rows[:limit]
    title = table.title if len(rows) == len(table.rows) else f"{table.title}（前{limit}项，共{len(table.rows)}项）"
    return [blocks.section(title, styles),
            blocks.data_table(table.header, rows, table.shares, styles, width, centered=range(1, len(table.header)))]


def _hourly_chart(hourly: tuple[tuple[int, int, int], ...], styles: Styles, width: float) -> Drawing:
    height = 42 * mm
    drawing = Drawing(width, height, initialFontName=styles.font)  # never the non-embedded Helvetica
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 12 * mm, 10 * mm, width - 40 * mm, height - 16 * mm
    chart.data = [[a for _h, a, _s in hourly], [s for _h, _a, s in hourly]]
    chart.categoryAxis.categoryNames = [f"{h}时" for h, _a, _s in hourly]
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
