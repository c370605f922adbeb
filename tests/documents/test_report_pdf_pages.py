"""The monthly report of a seeded November ran to 7 pages, three of them one short table and white
paper: every table was kept whole, so a 31-day table jumped to the next page and the rest followed.
Long tables now start where they are (header repeated on the next page); no heading is left alone."""

from __future__ import annotations

from hallapp.documents.report_pdf import ReportDocument, ReportTable, render_report


def _rows(n: int, width: int) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple([f"第{i}行", *[str(i * 7 + c) for c in range(width - 1)]]) for i in range(n))


def _month() -> ReportDocument:
    tables = (
        ReportTable("按日", ("日期", "取号", "办结", "过号", "办件", "平均等候（分）"), _rows(30, 6), (0.2,) + (0.16,) * 5),
        ReportTable("按窗口", ("窗口", "办结"), _rows(3, 2), (0.5, 0.5)),
        ReportTable("按人员", ("人员", "办结", "办件"), _rows(3, 3), (0.4, 0.3, 0.3)),
        ReportTable("按事项", ("事项", "编码", "办件"), _rows(28, 3), (0.5, 0.3, 0.2)),
        ReportTable("评价", ("等级", "数量"), _rows(5, 2), (0.5, 0.5)),
        ReportTable("按事项：取号至回执（分钟）", ("", "来访", "至叫号"), _rows(28, 3), (0.5, 0.25, 0.25)),
    )
    return ReportDocument("演示县政务服务中心", "跨省通办窗口月报", "2026年11月", "2026年12月2日 03:20",
                          summary=tuple((f"项{i}", str(i)) for i in range(15)), tables=tables,
                          hourly=tuple((h, 50 if 9 <= h <= 16 else 0, 20) for h in range(24)))


def test_the_monthly_report_fills_its_pages_and_keeps_headings_with_their_rows(fonts, saved) -> None:
    pdf = saved(render_report(_month(), fonts), "monthly")
    assert pdf.pages <= 5, f"{pdf.pages} pages for about 4 pages of tables"
    for page in range(1, pdf.pages + 1):
        lines = [line.strip() for line in pdf.text(page).splitlines() if line.strip()]
        for heading, header in (("按日", "日期"), ("按事项", "事项"), ("评价", "等级"), ("按人员", "人员")):
            if heading in lines:
                after = lines[lines.index(heading) + 1:]
                assert after and after[0].startswith(header), f"page {page}: {heading!r} alone at the foot: {after[:2]}"
    day_table_pages = [p for p in range(1, pdf.pages + 1) if "第29行" in pdf.text(p) or "第0行" in pdf.text(p)]
    assert day_table_pages, "the day table's rows are printed"
