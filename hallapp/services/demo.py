"""Demo and training data: realistic cases with real page images, in the current home."""

from __future__ import annotations

import random
from datetime import date

from hallapp.bootstrap import AppContext
from hallapp.domain.cases import CaseError, Decision, MaterialStatus, allowed_decisions
from hallapp.domain.clock import Clock, hall_clock
from hallapp.domain.identity import manual_identity
from hallapp.domain.idnumber import make_id_number
from hallapp.domain.regions import default_regions
from hallapp.domain.staff import Role
from hallapp.domain.workdays import HolidayCalendar
from hallapp.services import cases, catalog, scanning
from hallapp.services.hall import ensure_demo_hall

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高欧阳"
GIVEN = ("建国", "秀英", "桂芳", "志强", "晓梅", "海燕", "文博", "子涵", "雨萱", "国华", "丽娟", "明轩")
HOME_COUNTIES = ("110105", "310115", "420106", "440305", "500103", "330782", "410102", "610113", "210102")


PLANS = ("complete", "gap", "notice")


def seed_cases(app: AppContext, count: int, *, seed: int = 2026, plan: str | None = None,
               item_code: str | None = None, clock: Clock | None = None) -> list[str]:
    """N cases across the starter catalog: most accepted, some with a gap, some one-time notices.

    ``plan`` (one of PLANS) and ``item_code`` pin every case to one outcome and one item (training, tests);
    an item whose checklist does not allow the plan gets the decision it does allow.
    """
    if plan is not None and plan not in PLANS:
        raise ValueError(f"plan must be one of {PLANS}, got {plan!r}")
    rng = random.Random(seed)
    clock = clock or hall_clock()
    info = ensure_demo_hall(app.db)
    items = [hit.code for hit in catalog.search(app.db, "0", 200)]
    pdf = scanning.from_images(scanning.sample_pages(app.settings.documents, count=2)).pdf
    calendar = cases.load_calendar(app.settings.documents.holiday_calendars)
    clerks = _clerks(app, info.id)
    numbers = []
    for index in range(count):
        item = _checklist(app, item_code or rng.choice(items))
        counter = 1 + index % max(1, len(info.counters))
        clerk = clerks[(counter - 1) % len(clerks)] if clerks else (None, "demo")
        intake = _intake(rng, index, item, plan, pdf, counter, clerk, calendar, clock)
        numbers.append(cases.submit_intake(app.db, app.home, info.id, intake, calendar=calendar, clock=clock).number)
    return numbers


def _checklist(app: AppContext, code: str) -> catalog.ItemChecklist:
    item = catalog.checklist(app.db, code)
    if item is None:  # an item_code not in the catalog (or withdrawn)
        raise CaseError("case.item_not_in_catalog", item=code)
    return item


def _intake(rng: random.Random, index: int, item: catalog.ItemChecklist, plan: str | None, pdf: bytes, counter: int,
            clerk: tuple[int | None, str], calendar: HolidayCalendar, clock: Clock,
            ticket_id: int | None = None) -> cases.IntakeInput:
    """One applicant's intake for `item` (the random draws in a fixed order: a seed gives the same cases)."""
    county = rng.choice(HOME_COUNTIES)
    birth = date(rng.randint(1950, 2002), rng.randint(1, 12), rng.randint(1, 28))
    name = rng.choice(SURNAMES) + rng.choice(GIVEN)
    region = default_regions().lookup(county)  # HOME_COUNTIES are all in the table (tests/unit)
    applicant = manual_identity(name=name, id_number=make_id_number(county, birth, rng.randint(1, 999)),
                                today=clock.today(), long_term=birth.year < 1975,
                                valid_to=None if birth.year < 1975 else date(2035, 1, 1),
                                address=f"{region.full_name if region else county}示例路{index + 1}号")
    outcome = plan or rng.choices(PLANS, weights=(6, 2, 2))[0]
    materials = _materials(item, outcome, pdf)
    allowed = allowed_decisions([(line.required, line.key, m.status) for line, m in zip(item.lines, materials, strict=True)])
    decision = {"complete": Decision.ACCEPT, "gap": Decision.ACCEPT_WITH_GAP}.get(outcome, Decision.NOTICE)
    decision = decision if decision in allowed else allowed[-1]
    staff_id, username = clerk
    return cases.IntakeInput(
        applicant=applicant, item_code=item.code, handling_region_code=county, materials=materials,
        decision=decision, counter_number=counter, staff_id=staff_id, staff_username=username,
        gap_due_date=calendar.add_working_days(clock.today(), 5) if decision is Decision.ACCEPT_WITH_GAP else None,
        delivery=rng.choice(("window", "mail")), delivery_address=applicant.address, ticket_id=ticket_id,
    )


def _clerks(app: AppContext, hall_id: int) -> list[tuple[int, str]]:
    """(id, username) of the hall's clerks: counter n's cases are accepted by the n-th clerk, as at a real counter.
    A hall with no clerk yet (only its administrator) has its cases accepted by whoever is active: every record
    names the accepting person."""
    with app.db.unit_of_work() as uow:
        active = [s for s in uow.staff.all(hall_id) if s.active]
        clerks = [(s.id, s.username) for s in active if s.role == Role.CLERK]
        return clerks or [(s.id, s.username) for s in active]


def _materials(item: catalog.ItemChecklist, plan: str, pdf: bytes) -> list[cases.MaterialInput]:
    out = []
    for line in item.lines:
        lacking = (plan == "gap" and line.required and not line.key) or (plan == "notice" and line.key)
        if lacking:
            out.append(cases.MaterialInput(line.position, MaterialStatus.MISSING, how_to_supply=f"请补交{line.name}"))
        elif line.required:
            out.append(cases.MaterialInput(line.position, MaterialStatus.CAPTURED, pdf, 2))
        else:
            out.append(cases.MaterialInput(line.position, MaterialStatus.MISSING))
    return out


# -- history: past days of a busy hall (hallapp/services/demo_history.py) ---------------------------

from hallapp.services.demo_history import HistorySummary, seed_history  # noqa: E402

__all__ = ["PLANS", "HistorySummary", "seed_cases", "seed_history"]
