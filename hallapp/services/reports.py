"""Daily and monthly reports (PDF, CSV, XLSX) and the visits export they can be recomputed from.

Every figure is defined over what `export visits` writes (one row per ticket of the period, plus
the cases saved without a ticket), so a supervisor or an auditor can recompute the report from that
CSV alone. That is why the report's service time runs from the first call to done: the export
has no start-of-service column (the dashboard's tile starts at the start of service).
Report words are Chinese: the report is a hall document a supervisor signs.
"""

from __future__ import annotations

import csv
import io
from collections import Counter as Tally
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from statistics import mean

from hallapp.documents.report_pdf import ReportDocument, ReportTable, render_report
from hallapp.domain.clock import Clock, hall_clock
from hallapp.domain.evaluation import LEVELS
from hallapp.services import followups, visit_times
from hallapp.services.dashboard import CaseRow, Period, Snapshot, TicketRow, percentile, snapshot
from hallapp.services.documents import fonts as document_fonts
from hallapp.storage import Database

FORMATS = ("pdf", "csv", "xlsx")
VISIT_COLUMNS = ("ticket", "category", "issued_at", "first_called_at", "finished_at", "state", "counter", "clerk",
                 "item_code", "case_number", "case_state", "case_saved_at", "receipt_printed_at", "evaluation_level")
SEPARATOR = "; "  # a ticket with several cases (two items in one visit) lists them in one cell, in order
NOTE = "等候：取号至首次叫号；服务：首次叫号至办结；时长单位为分钟。各项数字均可由来访明细（export visits）复算。"
STATE_WORDS = {"accepted": "受理", "accepted_with_gap": "容缺受理", "notified": "一次性告知"}


class ReportError(ValueError):
    """The report cannot be made as asked; the message says what to do instead."""


@dataclass(frozen=True)
class Figures:
    """The numbers of a report; each is recomputable from the visits export."""

    issued: int
    done: int
    no_show: int
    avg_wait_min: float | None  # issue → first call, over called tickets
    p90_wait_min: float | None
    avg_service_min: float | None  # first call → done, over finished visits
    p90_service_min: float | None
    cases: dict[str, int]  # accepted | accepted_with_gap | notified → count
    by_counter: dict[int, int]  # visits done per counter
    by_clerk: dict[str, int]  # visits done per clerk
    by_item: dict[str, int]  # item code → cases
    by_level: dict[int, int]  # evaluation level 1..5 → count
    satisfaction_pct: float | None  # levels 1–3 over answered evaluations


def compute(snap: Snapshot) -> Figures:
    """The report's figures from a dashboard snapshot of the period."""
    tickets = snap.tickets
    waits = [t.wait_min for t in tickets if t.wait_min is not None]
    services = [m for t in tickets if t.state == "done" and (m := _span(t.called_at, t.finished_at)) is not None]
    done = [t for t in tickets if t.state == "done"]
    levels = [e.level for e in _visit_evaluations(snap) if e.level is not None]
    return Figures(
        issued=len(tickets), done=len(done), no_show=sum(t.state == "no_show" for t in tickets),
        avg_wait_min=_mean(waits), p90_wait_min=_round(percentile(waits, 90)),
        avg_service_min=_mean(services), p90_service_min=_round(percentile(services, 90)),
        cases={key: sum(c.decision == key for c in snap.cases) for key in STATE_WORDS},
        by_counter=dict(sorted(Tally(t.counter for t in done if t.counter is not None).items())),
        by_clerk=dict(sorted(Tally(t.clerk for t in done if t.clerk).items())),
        by_item=dict(sorted(Tally(c.item_code for c in snap.cases).items())),
        by_level={lv: levels.count(lv) for lv in LEVELS},
        satisfaction_pct=round(100 * sum(lv <= 3 for lv in levels) / len(levels), 1) if levels else None,
    )


def _visit_evaluations(snap: Snapshot) -> list:
    """The period's evaluations of its own tickets: the ones the visits export carries."""
    ids = {t.id for t in snap.tickets}
    return [e for e in snap.evaluations if e.ticket_id in ids]


# -- the report --------------------------------------------------------------------------------------

def build(db: Database, hall_id: int, hall_name: str, period: Period, kind: str,
          clock: Clock | None = None) -> ReportDocument:
    """The daily (`kind` "daily") or monthly report of `period`, ready to render."""
    clock = clock or hall_clock()
    snap = snapshot(db, hall_id, period, clock)
    fig = compute(snap)
    rates = followups.rates(db, period, clock=clock)
    visits = visit_times.visits(snap)
    title = "日报" if kind == "daily" else "月报"
    tables = [_counters(fig), _clerks(snap, fig), _items(snap), _levels(fig), _times("按事项：取号至回执（分钟）",
              visit_times.per_item(visits)), _times("按人员：取号至回执（分钟）", visit_times.per_clerk(visits))]
    if kind == "monthly":
        tables.insert(0, _days(snap))
    return ReportDocument(
        hall_name=hall_name, title=f"跨省通办窗口{title}", period_words=_period_words(period),
        made_at=clock.format(clock.now()), row_limit=5 if kind == "daily" else None,
        summary=tuple(_summary(fig, rates)), tables=tuple(tables),
        hourly=tuple(_hourly(snap)), notes=(NOTE,))


def _summary(fig: Figures, rates: followups.Rates) -> list[tuple[str, str]]:
    return [
        ("取号", str(fig.issued)), ("办结", str(fig.done)), ("过号", str(fig.no_show)),
        ("平均等候（分）", _num(fig.avg_wait_min)), ("90%等候（分）", _num(fig.p90_wait_min)),
        ("平均服务（分）", _num(fig.avg_service_min)), ("90%服务（分）", _num(fig.p90_service_min)),
        ("受理", str(fig.cases["accepted"])), ("容缺受理", str(fig.cases["accepted_with_gap"])),
        ("一次性告知", str(fig.cases["notified"])),
        ("评价（已评）", str(sum(fig.by_level.values()))), ("满意率", _pct(fig.satisfaction_pct)),
        ("差评", str(rates.bad)), ("实名差评回访率", _pct(rates.follow_up_pct)), ("逾期未回访", str(rates.overdue)),
    ]


def _counters(fig: Figures) -> ReportTable:
    rows = tuple((f"{n}号窗口", str(count)) for n, count in fig.by_counter.items())
    return ReportTable("按窗口", ("窗口", "办结"), rows, (0.5, 0.5))


def _clerks(snap: Snapshot, fig: Figures) -> ReportTable:
    cases = Tally(c.clerk for c in snap.cases if c.clerk)
    names = sorted(set(fig.by_clerk) | set(cases))
    return ReportTable("按人员", ("人员", "办结", "办件"),
                       tuple((n, str(fig.by_clerk.get(n, 0)), str(cases.get(n, 0))) for n in names), (0.4, 0.3, 0.3))


def _items(snap: Snapshot) -> ReportTable:
    groups: dict[tuple[str, str], Tally] = defaultdict(Tally)
    for case in snap.cases:
        groups[(case.item_code, case.item_name)][case.decision] += 1
    rows = tuple((name, code, str(sum(t.values())), *(str(t[k]) for k in STATE_WORDS))
                 for (code, name), t in sorted(groups.items(), key=lambda kv: -sum(kv[1].values())))
    return ReportTable("按事项", ("事项", "编码", "办件", "受理", "容缺", "告知"), rows, (0.34, 0.18, 0.1, 0.12, 0.13, 0.13))


def _levels(fig: Figures) -> ReportTable:
    return ReportTable("评价", ("等级", "数量"), tuple((LEVELS[lv], str(n)) for lv, n in fig.by_level.items()), (0.5, 0.5))


def _times(title: str, summaries: list[visit_times.TimesSummary]) -> ReportTable:
    rows = tuple((s.label, str(s.visits), _num(s.avg_to_call), _num(s.avg_to_case), _num(s.avg_to_receipt),
                  _num(s.p90_to_receipt)) for s in summaries)
    return ReportTable(title, ("", "来访", "至叫号", "至保存办件", "至打印回执", "90%至回执"), rows,
                       (0.3, 0.1, 0.15, 0.15, 0.15, 0.15))


def _days(snap: Snapshot) -> ReportTable:
    clock = snap.zone_clock
    rows = []
    day = snap.period.first
    while day <= snap.period.last:
        tickets = [t for t in snap.tickets if clock.day_of(t.issued_at) == day]
        cases = [c for c in snap.cases if clock.day_of(c.saved_at) == day]
        waits = [t.wait_min for t in tickets if t.wait_min is not None]
        rows.append((f"{day.month}月{day.day}日", str(len(tickets)), str(sum(t.state == "done" for t in tickets)),
                     str(sum(t.state == "no_show" for t in tickets)), str(len(cases)), _num(_mean(waits))))
        day += timedelta(days=1)
    return ReportTable("按日", ("日期", "取号", "办结", "过号", "办件", "平均等候"), tuple(rows),
                       (0.2, 0.16, 0.16, 0.16, 0.16, 0.16))


def _hourly(snap: Snapshot) -> list[tuple[int, int, int]]:
    hour = lambda at: snap.zone_clock.local(at).hour  # noqa: E731 - the hall's hour
    arrivals = Tally(hour(t.issued_at) for t in snap.tickets)
    served = Tally(hour(t.finished_at) for t in snap.tickets if t.state == "done" and t.finished_at)
    busy = set(arrivals) | set(served) | {8, 17}
    return [(h, arrivals[h], served[h]) for h in range(min(busy), max(busy) + 1)]


def _period_words(period: Period) -> str:
    first, last = period.first, period.last
    if first == last:
        return f"{first.year}年{first.month}月{first.day}日"
    if first.day == 1 and (last + timedelta(days=1)).day == 1 and first.month == last.month:
        return f"{first.year}年{first.month}月"
    return f"{first.year}年{first.month}月{first.day}日至{last.year}年{last.month}月{last.day}日"


# -- formats ------------------------------------------------------------------------------------------

def fmt_of(name: str) -> str:
    """The format a file name asks for (by its suffix); a ReportError for any other."""
    suffix = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if suffix not in FORMATS:
        raise ReportError(f"cannot tell the format from '{name}': end the file name in .pdf, .csv or .xlsx")
    return suffix


def render(doc: ReportDocument, fmt: str, font_paths: tuple[str, ...]) -> bytes:
    if fmt == "pdf":
        return render_report(doc, document_fonts(font_paths))
    if fmt == "csv":
        return to_csv(doc)
    return to_xlsx(doc)


def _sections(doc: ReportDocument) -> list[tuple[str, tuple[str, ...], list[tuple[str, ...]]]]:
    hourly = [(f"{h}:00", str(a), str(s)) for h, a, s in doc.hourly]
    return [("汇总", ("项目", "数值"), list(doc.summary)), ("按小时", ("时段", "取号", "办结"), hourly),
            *((t.title, t.header, list(t.rows)) for t in doc.tables)]


def to_csv(doc: ReportDocument) -> bytes:
    """One CSV: a title line, then each section as a header row and its rows, a blank line between."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([doc.hall_name, doc.title, doc.period_words, f"制表时间 {doc.made_at}"])
    for title, header, rows in _sections(doc):
        writer.writerow([])
        writer.writerow([title, *header])
        writer.writerows(["", *row] for row in rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # with a BOM: Excel opens UTF-8 Chinese correctly


def to_xlsx(doc: ReportDocument) -> bytes:
    """One worksheet per section; numbers stay numbers."""
    try:
        from openpyxl import Workbook
    except ImportError as exc:
        raise ReportError("XLSX needs the openpyxl package, which is not installed: write .csv or .pdf, "
                          "or install openpyxl") from exc
    book = Workbook()
    book.remove(book.active)
    for title, header, rows in _sections(doc):
        sheet = book.create_sheet(title[:31].replace("/", "-"))
        sheet.append([doc.hall_name, doc.title, doc.period_words])
        sheet.append(list(header))
        for row in rows:
            sheet.append([_cell(value) for value in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _cell(value: str) -> object:
    try:
        return int(value)
    except ValueError:
        try:
            return float(value)
        except ValueError:
            return value


# -- the visits export --------------------------------------------------------------------------------

def visit_rows(snap: Snapshot) -> list[dict[str, str]]:
    """One row per ticket of the period (its cases joined by SEPARATOR), then the cases without a ticket."""
    clock = snap.zone_clock
    stamp = lambda at: clock.local(at).isoformat(timespec="seconds") if at else ""  # noqa: E731 - hall offset
    by_ticket: dict[int, list[CaseRow]] = defaultdict(list)
    loose = []
    ticket_ids = {t.id for t in snap.tickets}
    for case in snap.cases:
        (by_ticket[case.ticket_id] if case.ticket_id in ticket_ids else loose).append(case)
    levels = {e.ticket_id: e.level for e in snap.evaluations if e.ticket_id is not None}
    rows = [_ticket_row(t, by_ticket.get(t.id, []), levels.get(t.id), stamp) for t in snap.tickets]
    rows += [_ticket_row(None, [case], None, stamp) for case in loose]
    return rows


def _ticket_row(ticket: TicketRow | None, cases: list[CaseRow], level: int | None, stamp) -> dict[str, str]:  # noqa: ANN001
    def joined(get) -> str:  # noqa: ANN001
        return SEPARATOR.join(get(c) for c in cases)
    row = dict.fromkeys(VISIT_COLUMNS, "")
    if ticket is not None:
        row.update(ticket=ticket.number, category=ticket.category, issued_at=stamp(ticket.issued_at),
                   first_called_at=stamp(ticket.called_at), finished_at=stamp(ticket.finished_at), state=ticket.state,
                   counter=str(ticket.counter or ""), clerk=ticket.clerk,
                   evaluation_level="" if level is None else str(level))
    else:
        row.update(counter=str(cases[0].counter or ""), clerk=cases[0].clerk)
    row.update(item_code=joined(lambda c: c.item_code), case_number=joined(lambda c: c.number),
               case_state=joined(lambda c: c.decision), case_saved_at=joined(lambda c: stamp(c.saved_at)),
               receipt_printed_at=joined(lambda c: stamp(c.printed_at)))
    return row


def visits_csv(db: Database, hall_id: int, period: Period, clock: Clock | None = None) -> tuple[bytes, int]:
    """The export as UTF-8 CSV bytes and its number of rows."""
    rows = visit_rows(snapshot(db, hall_id, period, clock or hall_clock()))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=VISIT_COLUMNS)
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8"), len(rows)


# -- helpers ------------------------------------------------------------------------------------------

def parse_day(text: str, option: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise ReportError(f"{option} must be a date as YYYY-MM-DD, got '{text}'") from exc


def parse_month(text: str) -> Period:
    try:
        first = datetime.strptime(text, "%Y-%m").date()
    except ValueError as exc:
        raise ReportError(f"--month must be a month as YYYY-MM, got '{text}'") from exc
    return Period.month(first)


def _span(start: datetime | None, end: datetime | None) -> float | None:
    return None if start is None or end is None else (end - start).total_seconds() / 60


def _mean(values: list[float]) -> float | None:
    return round(mean(values), 1) if values else None


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def _num(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}%"
