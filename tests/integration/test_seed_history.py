"""`demo seed-history` over a month, as a supervisor reads it from the visits export: opening hours,
a mid-morning and a mid-afternoon peak, waits in minutes, nearly everyone served, no call before the
ticket or after closing, working days only, the same export for the same seed; every bad rating
followed up by its due day or a little late, the materials owed after 容缺 mostly brought in time.
The PC's zone is UTC, the hall's Beijing."""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from datetime import UTC, date, datetime, time
from pathlib import Path
from statistics import mean, median

import pytest
from argon2 import PasswordHasher
from sqlalchemy import func, select

from hallapp.bootstrap import AppContext
from hallapp.config import Settings
from hallapp.domain.clock import FixedClock, hall_clock, using
from hallapp.home import Home
from hallapp.services import demo, demo_history, followups, reports, staff, supplements
from hallapp.services.dashboard import Period
from hallapp.services.hall import ensure_demo_hall
from hallapp.storage import Database
from hallapp.storage.models import Case, Evaluation, Material, OutboxEntry, TicketEvent
from hallapp.storage.models.followup import FollowUp
from tests.support.demo_home import install_demo_database
from tests.support.os_zone import os_time_zone

NOVEMBER = Period.month(date(2026, 11, 1))  # 21 weekdays, no public holiday
OPEN = ((time(9, 0), time(12, 0)), (time(13, 30), time(17, 0)))


def _seed(home: Path, template: Path, days: int, per_day: int, seed: int = 2026) -> tuple[AppContext, list[dict]]:
    db = Database(f"sqlite:///{install_demo_database(template, home, 'demo.sqlite3')}")
    app = AppContext(Home(home).ensure(), Settings(), db, demo=True)
    clock = FixedClock.at_local(2026, 12, 1, 8, 0)  # a Tuesday: yesterday was the last day of November
    with os_time_zone("UTC"), using(clock):
        summary = demo.seed_history(app, days, per_day, seed=seed, clock=clock)
        data, _count = reports.visits_csv(app.db, ensure_demo_hall(app.db).id, NOVEMBER, clock)
    assert summary.tickets == days * per_day
    return app, list(csv.DictReader(io.StringIO(data.decode("utf-8"))))


def _open(at: datetime) -> bool:
    return any(start <= at.time() <= end for start, end in OPEN)


@pytest.fixture(scope="module")
def month(tmp_path_factory: pytest.TempPathFactory, _demo_template: Path) -> tuple[AppContext, list[dict]]:
    """One seeded November for the module's readers (seeding it takes a while on a small machine)."""
    home = tmp_path_factory.mktemp("month") / "home"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HALLAPP_HOME", str(home))
        patch.setattr(staff, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
        app, rows = _seed(home, _demo_template, 21, 200)
        yield app, rows
        app.db.dispose()


def test_a_seeded_month_has_the_days_and_hours_of_a_county_hall(month: tuple[AppContext, list[dict]]) -> None:
    _app, rows = month
    issued = [datetime.fromisoformat(r["issued_at"]) for r in rows]
    assert all(r["issued_at"].endswith("+08:00") for r in rows)
    days = {at.date() for at in issued}
    assert len(days) == 21 and all(d.weekday() < 5 and d.month == 11 for d in days)  # weekdays only
    assert all(_open(at) for at in issued), "a ticket issued while the hall was closed"
    by_hour = Counter(at.hour for at in issued)
    peak = max(by_hour, key=by_hour.__getitem__)
    assert 9 <= peak < 11 or 14 <= peak < 16, by_hour
    assert by_hour[12] == 0 and by_hour[13] < by_hour[peak] / 2, "a lunch dip"
    assert by_hour[10] > by_hour[16] and by_hour[14] > by_hour[13]


def test_waits_are_minutes_and_nearly_everyone_is_served(month: tuple[AppContext, list[dict]]) -> None:
    _app, rows = month
    called = [r for r in rows if r["first_called_at"]]
    waits = [(datetime.fromisoformat(r["first_called_at"]) - datetime.fromisoformat(r["issued_at"])).total_seconds() / 60
             for r in called]
    assert min(waits) >= 0, "a ticket called before it was issued"
    assert 3 <= mean(waits) <= 45, mean(waits)
    states = Counter(r["state"] for r in rows)
    assert states["done"] >= 0.9 * len(rows), states
    assert 0.01 * len(rows) <= states["no_show"] <= 0.07 * len(rows), states
    assert all(_open(datetime.fromisoformat(r["first_called_at"])) for r in called), "called while closed"
    assert all(r["finished_at"] for r in called if r["state"] in ("done", "no_show"))
    served = [r for r in rows if r["state"] == "done" and r["case_saved_at"]]
    at_window = [(datetime.fromisoformat(r["case_saved_at"]) - datetime.fromisoformat(r["first_called_at"]))
                 .total_seconds() / 60 for r in served]
    assert 4 <= median(at_window) <= 20 and max(at_window) <= 50, (median(at_window), max(at_window))


def test_every_call_after_a_transfer_is_in_opening_hours_too(month: tuple[AppContext, list[dict]]) -> None:
    app, rows = month
    clock = hall_clock()
    with app.db.unit_of_work() as uow:
        events = uow.session.execute(select(TicketEvent.ticket_id, TicketEvent.action, TicketEvent.at)).all()
    calls = [clock.local(at) for _t, action, at in events if action == "call"]
    assert calls and all(_open(at) for at in calls)
    transferred = {t for t, action, _at in events if action == "transfer"}
    assert 0.01 * len(rows) <= len(transferred) <= 0.08 * len(rows)


def test_cases_receipts_and_evaluations_as_a_hall_has_them(month: tuple[AppContext, list[dict]]) -> None:
    app, rows = month
    done = [r for r in rows if r["state"] == "done"]
    with_case = [r for r in done if r["case_number"]]
    assert len(with_case) >= 0.8 * len(done)
    decisions = Counter(r["case_state"] for r in with_case)
    assert all(0.1 * len(with_case) <= decisions[s] <= 0.3 * len(with_case) for s in ("accepted_with_gap", "notified"))
    assert sum(bool(r["receipt_printed_at"]) for r in with_case) >= 0.9 * len(with_case)
    assert all(r["receipt_printed_at"] >= r["case_saved_at"] for r in with_case if r["receipt_printed_at"])
    levels = Counter(int(r["evaluation_level"]) for r in done if r["evaluation_level"])
    rated = sum(levels.values())
    assert rated >= 0.75 * len(done) and levels[1] >= 0.6 * rated
    assert 0.01 * rated <= levels[4] + levels[5] <= 0.06 * rated, levels
    with app.db.unit_of_work() as uow:
        reasons = uow.session.scalars(select(Evaluation.reason).where(Evaluation.level >= 4)).all()
    assert reasons and all(reasons), "every bad rating says why"


def test_the_same_seed_gives_the_same_export(home: Path, tmp_path: Path, _demo_template: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(staff, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    station = re.compile(r"-[A-Z]{3}-(?=\d{4})")  # a case number's station letters are the home's own

    def export(where: Path, seed: int) -> tuple[list[dict], list[tuple]]:
        app, rows = _seed(where, _demo_template, 3, 60, seed)
        with app.db.unit_of_work() as uow:  # and what the hall did afterwards: follow-ups, 补交
            after = [*uow.session.execute(select(FollowUp.outcome, FollowUp.contacted_at, FollowUp.recorded_at)
                                          .order_by(FollowUp.id)),
                     *uow.session.execute(select(Case.state, Case.updated_at).order_by(Case.id)),
                     *uow.session.execute(select(Material.status).order_by(Material.id))]
        app.db.dispose()
        return [dict(r, case_number=station.sub("-", r["case_number"])) for r in rows], after

    first = export(home, 7)
    assert first == export(tmp_path / "again", 7)
    assert first != export(tmp_path / "other", 8)


def test_a_second_run_leaves_the_days_already_seeded_as_they_were(home: Path, _demo_template: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(staff, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    app, rows = _seed(home, _demo_template, 21, 20)
    clock = FixedClock.at_local(2026, 12, 1, 8, 0)
    with using(clock):
        again = demo_history.seed_history(app, 22, 50, clock=clock)
        data, count = reports.visits_csv(app.db, ensure_demo_hall(app.db).id, NOVEMBER, clock)
    assert again.skipped == tuple(sorted({date.fromisoformat(r["issued_at"][:10]) for r in rows}))
    assert again.days == (date(2026, 10, 30),) and count == len(rows)  # November's rows untouched
    app.db.dispose()


def test_every_bad_rating_past_its_due_day_was_followed_up_by_the_supervisor(
        month: tuple[AppContext, list[dict]]) -> None:
    app, _rows = month
    clock = FixedClock.at_local(2026, 12, 1, 8, 0)
    with using(clock):
        bad = followups.bad_ratings(app.db, days=app.settings.evaluation.follow_up_days)
    today = clock.today()
    past_due = [b for b in bad if b.due_on < today]
    assert len(past_due) >= 0.6 * len(bad) and all(b.done for b in past_due), "a bad rating past its due day left open"
    still_open = [b for b in bad if not b.done]
    assert still_open and all(b.due_on >= today for b in still_open), "only ratings still within their due days"
    recent = [b for b in bad if b.due_on >= today]
    assert len(still_open) < len(recent), "some recent ones are followed up already"
    on_time = 0
    for rating in (b for b in bad if b.done):
        final = next(r for r in rating.records if r.outcome in followups.DONE)
        assert final.recorded_at <= clock.now()
        if rating.named:  # called by the supervisor after the visit, what was said written down
            assert final.outcome in followups.REACHED and final.contacted_by == "陈主任" and final.note
            assert rating.at < final.contacted_at <= clock.now()
        else:
            assert final.outcome == "no_contact" and final.rectification
        on_time += clock.day_of(final.contacted_at or final.recorded_at) <= rating.due_on
    assert 0.85 * sum(b.done for b in bad) <= on_time < sum(b.done for b in bad), "most on time, a few late"


def test_the_monthly_report_has_the_named_bad_ratings_nearly_all_followed_up(
        month: tuple[AppContext, list[dict]]) -> None:
    app, _rows = month
    clock = FixedClock.at_local(2026, 12, 1, 8, 0)
    with using(clock):
        doc = reports.build(app.db, ensure_demo_hall(app.db).id, "示例大厅", NOVEMBER, "monthly", clock)
        named = [b for b in followups.bad_ratings(app.db, period=NOVEMBER) if b.named]
    summary = dict(doc.summary)
    assert summary["逾期未回访"] == "0"
    rate = float(summary["实名差评回访率"].rstrip("%"))
    assert 95 <= rate < 100, rate  # the last day's ratings are not all called yet
    assert rate == round(100 * sum(b.reached for b in named) / len(named), 1)


def test_most_materials_owed_after_a_gap_were_brought_before_the_due_date(
        month: tuple[AppContext, list[dict]]) -> None:
    app, rows = month
    clock = FixedClock.at_local(2026, 12, 1, 8, 0)
    with app.db.unit_of_work() as uow:
        gaps = uow.session.execute(select(Case.id, Case.state, Case.gap_due_date, Case.updated_at)
                                   .where(Case.gap_due_date.is_not(None))).all()
        owed = {case for case, in uow.session.execute(
            select(Material.case_id).where(Material.how_to_supply != "")).all()}
        outbox = uow.session.scalar(select(func.count(OutboxEntry.id)))
    with using(clock):
        late = supplements.overdue(app.db, ensure_demo_hall(app.db).id, clock)
    past_due = [g for g in gaps if g.gap_due_date < clock.today()]
    assert len(past_due) > 200
    supplied = [g for g in past_due if g.id not in owed]
    assert all(g.state == "accepted" for g in supplied) and all(g.state == "accepted_with_gap" for g in past_due
                                                                  if g.id in owed)
    in_time = [g for g in supplied if clock.day_of(g.updated_at.replace(tzinfo=UTC)) <= g.gap_due_date]
    assert 0.8 * len(past_due) <= len(in_time) < len(supplied) <= 0.99 * len(past_due), "most in time, some late"
    assert 1 <= len(late) <= 0.03 * len(gaps), len(late)  # the supervisor's list: a handful, not hundreds
    assert {c.case_number for c in late} <= {r["case_number"] for r in rows}
    assert outbox == 0, "history is sent long ago"
