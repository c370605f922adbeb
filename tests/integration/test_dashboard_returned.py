"""The returned-cases tile as the page reads it (summary() and the live today count it in SQL) against
the steps read back and judged by hand: only returns nobody closed since the case's last return."""

from __future__ import annotations

from sqlalchemy import text

from hallapp.bootstrap import AppContext
from hallapp.domain.clock import FixedClock
from hallapp.services import cases, dashboard, dashboard_summary, returned_cases
from hallapp.services.dashboard import Period
from hallapp.services.dashboard_live import LiveToday
from hallapp.services.hall import ensure_demo_hall
from tests.integration.test_dashboard import _save_case, app, clock

__all__ = ["app", "clock"]


def _return(app: AppContext, number: str) -> None:
    cases.transition(app.db, number, "submitted", actor="system")
    cases.transition(app.db, number, "returned", actor="system", reason="材料不清晰")


def _waiting_by_hand(app: AppContext) -> list[str]:
    """Returned cases whose steps after the last resubmission hold no close, judged here from the rows."""
    with app.db.engine.connect() as conn:
        returned = conn.execute(text("select id, number from case_file where state = 'returned' order by id")).all()
        steps = conn.execute(text("select case_id, action from case_follow_up order by at, id")).all()
    waiting = []
    for case_id, number in returned:
        actions = [a for c, a in steps if c == case_id]
        since = actions[len(actions) - actions[::-1].index("resubmitted"):] if "resubmitted" in actions else actions
        if "closed" not in since:
            waiting.append(number)
    return waiting


def test_the_page_counts_returns_still_waiting_as_the_rows_say(app: AppContext, clock: FixedClock) -> None:
    """Five returns: one waiting, one closed, one resubmitted (gone), one returned again after its
    resubmission (waiting again), one returned again and then closed."""
    info = ensure_demo_hall(app.db)
    plain, closed, resent, again, again_closed = (_save_case(app, info, None, 1, "complete", "clerk1") for _ in range(5))
    for number in (plain, closed, resent, again, again_closed):
        _return(app, number)
    clock.advance(minutes=1)
    returned_cases.close_case(app.db, closed, reason="申请人撤回", actor="supervisor", staff_id=None)
    for number in (resent, again, again_closed):
        returned_cases.resubmit(app.db, number, changes="补正材料", actor="supervisor", staff_id=None)
    clock.advance(minutes=1)
    for number in (again, again_closed):
        cases.transition(app.db, number, "returned", actor="system", reason="仍不清晰")
    clock.advance(minutes=1)
    returned_cases.close_case(app.db, again_closed, reason="申请人撤回", actor="supervisor", staff_id=None)

    assert _waiting_by_hand(app) == sorted([plain, again])
    today = Period.day(clock.today())
    assert dashboard_summary.summary(app.db, info.id, today, clock).figures.returned == 2
    assert LiveToday(info.id, clock).read(app.db).figures.returned == 2
    assert dashboard.figures(dashboard.snapshot(app.db, info.id, today, clock)).returned == 2
    month = Period(clock.today().replace(day=1), clock.today())  # merged from the days' summaries
    assert dashboard_summary.summary(app.db, info.id, month, clock).figures.returned == 2
