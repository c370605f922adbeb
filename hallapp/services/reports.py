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
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from statistics import mean

from hallapp.documents.report_pdf import ReportDocument, ReportTable, render_report
from hallapp.domain.clock import Clock, hall_clock
from hallapp.domain.evaluation import LEVELS
from hallapp.domain.workdays import HolidayCalendar
from hallapp.services import dashboard_summary, day_summaries, followups, visit_times
from hallapp.services.case_documents import fonts as document_fonts
from hallapp.services.dashboard import CaseRow, Period, Snapshot, TicketRow, percentile, snapshot
from hallapp.storage import Database
from hallapp.storage.repositories.dashboard import DashboardQueries, Spread

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

@dataclass(frozen=True)
class FollowUpRule:
    """When a bad rating's follow-up falls due: the hall's `evaluation.follow_up_days` working days,
    counted on its holiday calendars — the same rule the follow-up page applies."""

    days: int = followups.DEFAULT_DAYS
    calendar: HolidayCalendar | None = None


def build(db: Database, hall_id: int, hall_name: str, period: Period, kind: str,
          clock: Clock | None = None, rule: FollowUpRule | None = None) -> ReportDocument:
    """The daily (`kind` "daily") or monthly report of `period`, ready to render."""
    clock, rule = clock or hall_clock(), rule or FollowUpRule()
    if kind != "daily":  # a month of a busy hall is half a million tickets: from grouped counts, not rows
        return _monthly(db, hall_id, hall_name, period, clock, rule)
    snap = snapshot(db, hall_id, period, clock)
    fig = compute(snap)
    rates = followups.rates(db, period, days=rule.days, calendar=rule.calendar, clock=clock)
    visits = visit_times.visits(snap)
    daily = kind == "daily"
    summary = _summary(fig, rates)
    if daily:  # one page: the times beside the counts they belong to, ticket → receipt among the totals
        tables = _daily_tables(snap, fig, visits)
        summary.append(("平均取号至回执（分）", _num(visit_times.overall(visits).avg_to_receipt)))
    else:
        tables = [_days(snap), _counters(fig), _clerks(snap, fig), _items(snap), _levels(fig),
                  _times("按事项：取号至回执（分钟）", visit_times.per_item(visits)),
                  _times("按人员：取号至回执（分钟）", visit_times.per_clerk(visits))]
    return ReportDocument(
        hall_name=hall_name, title=f"跨省通办窗口{'日报' if daily else '月报'}", period_words=_period_words(period),
        made_at=clock.format(clock.now()), one_page=daily,
        summary=tuple(summary), tables=tuple(tables),
        hourly=tuple(_hourly(snap)), notes=(NOTE,))


def _monthly(db: Database, hall_id: int, hall_name: str, period: Period, clock: Clock,
             rule: FollowUpRule) -> ReportDocument:
    """The monthly report from the database's grouped counts (report_totals): the same tables the
    rows would give (tests/integration/test_reports.py recomputes them from the visits export)."""
    t = report_totals(db, hall_id, period, clock)
    rates = followups.rates(db, period, days=rule.days, calendar=rule.calendar, clock=clock, levels=t.given)
    fig = t.figures
    clerks = ReportTable("按人员", ("人员", "办结", "办件"), tuple(
        (n, str(fig.by_clerk.get(n, 0)), str(t.cases_by_clerk.get(n, 0)))
        for n in sorted(set(fig.by_clerk) | set(t.cases_by_clerk))), (0.4, 0.3, 0.3))
    tables = [_days_table(t.days), _counters(fig), clerks, _items_table(t.items), _levels(fig),
              _times("按事项：取号至回执（分钟）", list(t.times.per_item)),
              _times("按人员：取号至回执（分钟）", list(t.times.per_clerk))]
    return ReportDocument(
        hall_name=hall_name, title="跨省通办窗口月报", period_words=_period_words(period),
        made_at=clock.format(clock.now()), one_page=False,
        summary=(*_summary(fig, rates), ("平均取号至回执（分）", _num(t.times.overall.avg_to_receipt))),
        tables=tuple(tables), hourly=tuple(t.hourly), notes=(NOTE,))


@dataclass(frozen=True)
class Totals:
    """What a period's report shows, from grouped counts: no row object per ticket."""

    figures: Figures
    days: list[tuple[date, int, int, int, int, float | None]]  # day, taken, done, no-shows, cases, mean wait
    cases_by_clerk: dict[str, int]
    items: dict[tuple[str, str], Tally]  # (code, name) → decision → cases
    hourly: list[tuple[int, int, int]]
    times: dashboard_summary.Times
    given: dict | None = None  # level → evaluations given in the period (any ticket), when summed up already


def report_totals(db: Database, hall_id: int, period: Period, clock: Clock | None = None) -> Totals:
    """compute()'s figures and the monthly tables of `period`, aggregated by the database."""
    clock = clock or hall_clock()
    if period.first != period.last:  # a month: merged from the days' kept summaries
        return _totals_of_days(db, hall_id, period, clock)
    return totals_direct(db, hall_id, period, clock)


def totals_direct(db: Database, hall_id: int, period: Period, clock: Clock) -> Totals:
    """report_totals() straight from the period's rows (one day; a month only for a comparison)."""
    since, until = period.bounds(clock)
    dates = dashboard_summary._days(period)
    with db.unit_of_work() as uow:
        q = DashboardQueries(uow.session)
        names = {i: name for i, (_u, name) in q.staff_names(hall_id).items()}
        groups = q.ticket_groups(hall_id, period.first, period.last)
        waits = q.wait_spread(hall_id, period.first, period.last)
        services = q.service_spread(hall_id, period.first, period.last, from_call=True)
        cases = q.case_groups(hall_id, since, until)
        levels = q.ticket_evaluation_levels(hall_id, period.first, period.last, since, until)
        per_day = q.ticket_days(hall_id, period.first, period.last)
        case_days: Tally[date] = Tally()
        for slot, n in q.case_slots(hall_id, since, until):
            case_days[clock.day_of(dashboard_summary._slot_time(slot))] += n
        arrivals = dashboard_summary._hours(clock, q.ticket_slots(hall_id, dates, finished=False))
        served = dashboard_summary._hours(clock, q.ticket_slots(hall_id, dates, finished=True))
        times = dashboard_summary._times(q, hall_id, period.first, period.last, since, until)
    return _totals(groups, names, waits, services, cases, levels, _day_rows(dates, per_day, case_days),
                   _hour_rows(arrivals, served), times)


def _totals_of_days(db: Database, hall_id: int, period: Period, clock: Clock) -> Totals:
    """report_totals() of several days from day_summaries' parts: the same figures and tables."""
    days = day_summaries.period_days(db, hall_id, period.first, period.last, clock)
    m = day_summaries.merge(days, period.first, period.last)
    with db.unit_of_work() as uow:
        names = {i: name for i, (_u, name) in DashboardQueries(uow.session).staff_names(hall_id).items()}
    rows = []
    for day in dashboard_summary._days(period):
        p = days.get(day) or day_summaries.DayParts()
        states: Tally[str] = Tally()
        for state, _counter, _staff, n in p.groups:
            states[state] += n
        rows.append((day, p.issued, states["done"], states["no_show"], sum(c[5] for c in p.cases),
                     _round(sum(p.waits) / len(p.waits) / 6e7) if p.waits else None))
    hours = _hour_rows(dashboard_summary._hours(clock, m.taken.items()), dashboard_summary._hours(clock, m.finished.items()))
    totals = _totals(m.groups, names, day_summaries.spread(m.waits), day_summaries.spread(m.services_call), m.cases,
                     m.ticket_levels, rows, hours, dashboard_summary.times_of(day_summaries.visit_rows(m, names)))
    return replace(totals, given=m.levels)


def _totals(groups: list[tuple], names: dict[int, str], waits: Spread, services: Spread, cases: list[tuple],
            levels: dict, days: list[tuple], hourly: list[tuple[int, int, int]],
            times: dashboard_summary.Times) -> Totals:
    by_state: Tally[str] = Tally()
    by_counter: Tally[int] = Tally()
    by_clerk: Tally[str] = Tally()
    for state, counter, staff_id, n in groups:
        by_state[state] += n
        if state == "done":
            by_counter.update({counter: n} if counter is not None else {})
            by_clerk.update({names[staff_id]: n} if names.get(staff_id) else {})
    decisions: Tally[str] = Tally()
    by_code: Tally[str] = Tally()
    by_item: defaultdict[tuple[str, str], Tally[str]] = defaultdict(Tally)
    cases_by_clerk: Tally[str] = Tally()
    for decision, _counter, staff_id, code, item, n in cases:
        decisions[decision] += n
        by_code[code] += n
        by_item[(code, item)][decision] += n
        cases_by_clerk.update({names[staff_id]: n} if names.get(staff_id) else {})
    answered = {lv: levels.get(lv, 0) for lv in LEVELS}
    total = sum(answered.values())
    fig = Figures(
        issued=sum(by_state.values()), done=by_state["done"], no_show=by_state["no_show"],
        avg_wait_min=dashboard_summary._mean(waits), p90_wait_min=dashboard_summary._p90(waits),
        avg_service_min=dashboard_summary._mean(services), p90_service_min=dashboard_summary._p90(services),
        cases={key: decisions[key] for key in STATE_WORDS}, by_counter=dict(sorted(by_counter.items())),
        by_clerk=dict(sorted(by_clerk.items())), by_item=dict(sorted(by_code.items())), by_level=answered,
        satisfaction_pct=round(100 * sum(n for lv, n in answered.items() if lv <= 3) / total, 1) if total else None)
    return Totals(fig, days, dict(cases_by_clerk), dict(by_item), hourly, times)


def _day_rows(dates: list[date], per_day: list[tuple], case_days: Tally) -> list[tuple]:
    rows = []
    for day in dates:
        of_day = [r for r in per_day if r[0] == day]
        called, waited = sum(r[3] for r in of_day), sum(r[4] for r in of_day)
        rows.append((day, sum(r[2] for r in of_day), sum(r[2] for r in of_day if r[1] == "done"),
                     sum(r[2] for r in of_day if r[1] == "no_show"), case_days[day],
                     _round(waited / called / 6e7) if called else None))
    return rows


def _hour_rows(arrivals: Tally, served: Tally) -> list[tuple[int, int, int]]:
    busy = set(arrivals) | set(served) | {8, 17}
    return [(h, arrivals[h], served[h]) for h in range(min(busy), max(busy) + 1)]


def _days_table(days: list[tuple]) -> ReportTable:
    rows = tuple((f"{d.month}月{d.day}日", str(n), str(done), str(absent), str(cases), _num(wait))
                 for d, n, done, absent, cases, wait in days)
    return ReportTable("按日", ("日期", "取号", "办结", "过号", "办件", "平均等候（分）"), rows,
                       (0.2, 0.16, 0.16, 0.16, 0.16, 0.16))


def _items_table(items: dict[tuple[str, str], Tally]) -> ReportTable:
    rows = tuple((name, code, str(sum(t.values())), *(str(t[k]) for k in STATE_WORDS))
                 for (code, name), t in sorted(items.items(), key=lambda kv: -sum(kv[1].values())))
    return ReportTable("按事项", ("事项", "编码", "办件", "受理", "容缺", "告知"), rows, (0.34, 0.18, 0.1, 0.12, 0.13, 0.13))


def _daily_tables(snap: Snapshot, fig: Figures, visits: list[visit_times.VisitTime]) -> list[ReportTable]:
    """Evaluations (beside the chart), counters, clerks with their times, items with theirs; largest first,
    so a list cut to fit the page keeps its busiest rows."""
    cases_by_counter = Tally(c.counter for c in snap.cases if c.counter is not None)
    counters = tuple((f"{n}号窗口", str(done), str(cases_by_counter.get(n, 0)))
                     for n, done in sorted(fig.by_counter.items(), key=lambda kv: (-kv[1], kv[0])))
    return [_levels(fig, share=1 / 3), ReportTable("按窗口", ("窗口", "办结", "办件"), counters, (0.4, 0.3, 0.3), 1 / 3),
            _clerk_times(snap, fig, visits), _item_times(snap, visits)]


def _clerk_times(snap: Snapshot, fig: Figures, visits: list[visit_times.VisitTime]) -> ReportTable:
    cases = Tally(c.clerk for c in snap.cases if c.clerk)
    times = {s.label: s for s in visit_times.per_clerk(visits)}
    names = sorted(set(fig.by_clerk) | set(cases), key=lambda n: (-fig.by_clerk.get(n, 0), n))
    rows = tuple((n, str(fig.by_clerk.get(n, 0)), str(cases.get(n, 0)), *_receipt_times(times.get(n))) for n in names)
    return ReportTable("按人员（时长：分钟）", ("人员", "办结", "办件", "至叫号", "至回执", "90%至回执"), rows,
                       (0.25, 0.12, 0.12, 0.17, 0.17, 0.17), 2 / 3)


def _item_times(snap: Snapshot, visits: list[visit_times.VisitTime]) -> ReportTable:
    groups: dict[tuple[str, str], Tally] = defaultdict(Tally)
    for case in snap.cases:
        groups[(case.item_code, case.item_name)][case.decision] += 1
    times = {s.label: s for s in visit_times.per_item(visits)}
    ordered = sorted(groups.items(), key=lambda kv: (-sum(kv[1].values()), kv[0][0]))
    rows = tuple((name, code, str(sum(t.values())), *(str(t[k]) for k in STATE_WORDS),
                  *_receipt_times(times.get(name))[1:]) for (code, name), t in ordered)
    return ReportTable("按事项（时长：分钟）", ("事项", "编码", "办件", "受理", "容缺", "告知", "至回执", "90%至回执"), rows,
                       (0.28, 0.16, 0.08, 0.08, 0.08, 0.08, 0.12, 0.12))


def _receipt_times(summary: visit_times.TimesSummary | None) -> tuple[str, str, str]:
    """Ticket → first call, → receipt, and its 90th percentile, in minutes."""
    if summary is None:
        return "—", "—", "—"
    return _num(summary.avg_to_call), _num(summary.avg_to_receipt), _num(summary.p90_to_receipt)


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


def _levels(fig: Figures, share: float = 1.0) -> ReportTable:
    rows = tuple((LEVELS[lv], str(n)) for lv, n in fig.by_level.items())
    return ReportTable("评价", ("等级", "数量"), rows, (0.5, 0.5), share)


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
    return ReportTable("按日", ("日期", "取号", "办结", "过号", "办件", "平均等候（分）"), tuple(rows),
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
    hourly: list[tuple[str, ...]] = [(f"{h}:00", str(a), str(s)) for h, a, s in doc.hourly]
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
    loose: list[CaseRow] = []
    ticket_ids = {t.id for t in snap.tickets}
    for case in snap.cases:
        (by_ticket[case.ticket_id] if case.ticket_id in ticket_ids else loose).append(case)
    levels = {e.ticket_id: e.level for e in snap.evaluations if e.ticket_id is not None}
    rows = [_ticket_row(t, by_ticket.get(t.id, []), levels.get(t.id), stamp) for t in snap.tickets]
    rows += [_ticket_row(None, [case], None, stamp) for case in loose]
    return rows


def _ticket_row(ticket: TicketRow | None, cases: list[CaseRow], level: int | None,
                stamp: Callable[[datetime | None], str]) -> dict[str, str]:
    def joined(get: Callable[[CaseRow], str]) -> str:
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
