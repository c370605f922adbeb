"""The daily report's figures recomputed from the visits export alone (csv module, plain Python),
over a seeded history day, on SQLite and PostgreSQL, with the PC's zone UTC and the hall's Beijing."""

from __future__ import annotations

import csv
import io
from collections import Counter
from datetime import date, datetime
from pathlib import Path
from statistics import mean

import pytest
from argon2 import PasswordHasher

from hallapp.bootstrap import AppContext
from hallapp.config import Settings
from hallapp.domain.clock import FixedClock, using
from hallapp.home import Home
from hallapp.services import demo, reports, staff
from hallapp.services.dashboard import Period, snapshot
from hallapp.services.hall import ensure_demo_hall
from hallapp.storage import Database
from tests.support.os_zone import os_time_zone

DAY = date(2026, 12, 7)  # a Monday: the day before "today" below


@pytest.fixture
def seeded(home: Path, any_db: Database, monkeypatch: pytest.MonkeyPatch) -> tuple[AppContext, FixedClock]:
    monkeypatch.setattr(staff, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    app = AppContext(Home(home).ensure(), Settings(), any_db, demo=True)
    clock = FixedClock.at_local(2026, 12, 8, 8, 0)
    with os_time_zone("UTC"), using(clock):
        summary = demo.seed_history(app, 1, 30, clock=clock)
        clock.set_local(2026, 12, 8, 8, 0)
        yield app, clock
    assert summary.days == (DAY,)


def _minutes(start: str, end: str) -> float:
    return (datetime.fromisoformat(end) - datetime.fromisoformat(start)).total_seconds() / 60


def _p90(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[-(-len(ordered) * 9 // 10) - 1]  # nearest rank


def test_daily_figures_are_recomputable_from_the_visits_csv(seeded: tuple[AppContext, FixedClock]) -> None:
    app, clock = seeded
    info = ensure_demo_hall(app.db)
    data, count = reports.visits_csv(app.db, info.id, Period.day(DAY), clock)
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"))))
    assert list(rows[0]) == list(reports.VISIT_COLUMNS) and len(rows) == count
    assert all(r["issued_at"].endswith("+08:00") and r["issued_at"].startswith("2026-12-07") for r in rows)
    _recomputed(reports.compute(snapshot(app.db, info.id, Period.day(DAY), clock)), rows)


def test_monthly_figures_from_grouped_counts_are_recomputable_from_the_visits_csv(
        seeded: tuple[AppContext, FixedClock]) -> None:
    """The monthly report reads grouped counts, not rows: its figures still equal the export's."""
    app, clock = seeded
    info = ensure_demo_hall(app.db)
    month = Period.month(DAY)
    data, _count = reports.visits_csv(app.db, info.id, month, clock)
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"))))
    totals = reports.report_totals(app.db, info.id, month, clock)
    _recomputed(totals.figures, rows)
    day = next(d for d in totals.days if d[0] == DAY)
    tickets = [r for r in rows if r["ticket"]]
    waits = [_minutes(r["issued_at"], r["first_called_at"]) for r in tickets if r["first_called_at"]]
    assert day[1:4] == (len(tickets), sum(r["state"] == "done" for r in tickets),
                        sum(r["state"] == "no_show" for r in tickets))
    assert day[4] == sum(len([c for c in r["case_number"].split(reports.SEPARATOR) if c]) for r in rows)
    assert day[5] == round(mean(waits), 1)
    assert all(d[1] == 0 for d in totals.days if d[0] != DAY), "the other days of the month are empty"
    doc = reports.build(app.db, info.id, "示例大厅", month, "monthly", clock)
    text = reports.render(doc, "csv", ()).decode("utf-8")
    assert f"12月7日,{day[1]},{day[2]},{day[3]},{day[4]}," in text
    # the month holds that one day: its ticket → receipt average is the day's, which the daily
    # report works out from the rows (visit_times) — the month from grouped counts
    daily = reports.build(app.db, info.id, "示例大厅", Period.day(DAY), "daily", clock)
    key = "平均取号至回执（分）"
    assert dict(doc.summary)[key] == dict(daily.summary)[key] != "—"


def _recomputed(fig: reports.Figures, rows: list[dict[str, str]]) -> None:
    """The report's figures against the visits export's rows, computed here with plain Python."""
    tickets = [r for r in rows if r["ticket"]]
    done = [r for r in tickets if r["state"] == "done"]
    waits = [_minutes(r["issued_at"], r["first_called_at"]) for r in tickets if r["first_called_at"]]
    services = [_minutes(r["first_called_at"], r["finished_at"]) for r in done]
    states = Counter(s for r in rows for s in r["case_state"].split(reports.SEPARATOR) if s)
    items = Counter(s for r in rows for s in r["item_code"].split(reports.SEPARATOR) if s)
    levels = [int(r["evaluation_level"]) for r in tickets if r["evaluation_level"]]

    assert fig.issued == len(tickets) > 20
    assert (fig.done, fig.no_show) == (len(done), sum(r["state"] == "no_show" for r in tickets))
    assert fig.no_show > 0 and len(done) > 0  # the seeded day has both
    assert fig.avg_wait_min == round(mean(waits), 1) and fig.p90_wait_min == round(_p90(waits), 1)
    assert fig.avg_service_min == round(mean(services), 1) and fig.p90_service_min == round(_p90(services), 1)
    assert fig.cases == {k: states[k] for k in ("accepted", "accepted_with_gap", "notified")}
    assert sum(fig.cases.values()) > 10
    assert fig.by_counter == dict(sorted(Counter(int(r["counter"]) for r in done).items()))
    assert fig.by_clerk == dict(sorted(Counter(r["clerk"] for r in done).items()))
    assert fig.by_item == dict(sorted(items.items()))
    assert fig.by_level == {lv: levels.count(lv) for lv in range(1, 6)}
    assert fig.satisfaction_pct == round(100 * sum(lv <= 3 for lv in levels) / len(levels), 1)


def test_the_daily_pdf_and_xlsx_say_the_days_figures(seeded: tuple[AppContext, FixedClock], tmp_path: Path) -> None:
    import subprocess

    from openpyxl import load_workbook

    app, clock = seeded
    info = ensure_demo_hall(app.db)
    doc = reports.build(app.db, info.id, info.name, Period.day(DAY), "daily", clock)
    fig = reports.compute(snapshot(app.db, info.id, Period.day(DAY), clock))
    pdf = tmp_path / "daily.pdf"
    pdf.write_bytes(reports.render(doc, "pdf", tuple(app.settings.documents.font_paths)))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "跨省通办窗口日报" in text and "2026年12月7日" in text and "值班主任" in text
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "Helvetica" not in fonts  # every glyph in the embedded Chinese font
    book = load_workbook(io.BytesIO(reports.render(doc, "xlsx", ())))
    summary = {row[0]: row[1] for row in book["汇总"].iter_rows(min_row=3, values_only=True)}
    assert (summary["取号"], summary["办结"], summary["过号"]) == (fig.issued, fig.done, fig.no_show)


BUSY_DAY = 400  # tickets: a busy day of a county hall's cross-province window


@pytest.fixture
def busy_day(home: Path, demo_db: Database, monkeypatch: pytest.MonkeyPatch) -> tuple[AppContext, FixedClock]:
    """The demo hall (3 counters) after one busy day; the layout does not depend on the backend."""
    monkeypatch.setattr(staff, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    app = AppContext(Home(home).ensure(), Settings(), demo_db, demo=True)
    clock = FixedClock.at_local(2026, 12, 8, 8, 0)
    with using(clock):
        demo.seed_history(app, 1, BUSY_DAY, clock=clock)
        clock.set_local(2026, 12, 8, 8, 0)
        yield app, clock


def test_the_daily_pdf_of_a_busy_day_is_one_signed_page(busy_day: tuple[AppContext, FixedClock], tmp_path: Path) -> None:
    import re
    import subprocess

    app, clock = busy_day
    info = ensure_demo_hall(app.db)
    fig = reports.compute(snapshot(app.db, info.id, Period.day(DAY), clock))
    doc = reports.build(app.db, info.id, info.name, Period.day(DAY), "daily", clock)
    pdf = tmp_path / "daily.pdf"
    pdf.write_bytes(reports.render(doc, "pdf", tuple(app.settings.documents.font_paths)))
    pages = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+1$", pages, re.M), pages
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert fig.issued == BUSY_DAY
    for label, value in (("取号", fig.issued), ("办结", fig.done), ("过号", fig.no_show),
                         ("受理", fig.cases["accepted"]), ("满意率", f"{fig.satisfaction_pct:.1f}%")):
        assert re.search(rf"(^|\s){label}\s+{re.escape(str(value))}(\s|$)", text, re.M), (label, value)
    busiest, count = min(fig.by_item.items(), key=lambda kv: (-kv[1], kv[0]))
    assert re.search(rf"{busiest}\s+{count}\s", text)  # the busiest item's code and its cases
    assert f"共{len(fig.by_item)}项" in text  # the list was cut to fit, and says so
    assert "制表人" in text and "值班主任" in text and text.count("日期：") == 2  # the lines the supervisor signs
    items = [t for t in doc.tables if t.title.startswith("按事项")][0]
    assert len(items.rows) == len(fig.by_item)  # the CSV and XLSX keep every item


def test_a_report_never_goes_into_the_home_or_onto_the_database(home: Path, tmp_path: Path) -> None:
    """The check the command line and the save dialog share (hallapp/services/output.py)."""
    from hallapp.services import output

    own = Home(home).ensure()
    database = tmp_path / "elsewhere" / "hall.sqlite3"
    database.parent.mkdir()
    database.write_bytes(b"")
    link = tmp_path / "link.csv"
    link.symlink_to(database)
    for target in (own.root / "report.csv", own.root / "sub" / "x.pdf", database, link):
        with pytest.raises(output.OutputError, match="program.s own|is the hallapp database"):
            output.refuse_own_file(own, target, database)
    output.refuse_own_file(own, tmp_path / "report.csv", database)  # anywhere else: fine
    with pytest.raises(output.OutputError):
        output.write_output(own, own.root / "report.csv", b"x", overwrite=True, database=database)
    assert not (own.root / "report.csv").exists() and database.read_bytes() == b""
