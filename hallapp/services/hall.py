"""Setting up a hall: the first-run set-up of a real hall, and the demo hall."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from hallapp.domain.errors import CodedError, register
from hallapp.domain.regions import county_status, default_regions
from hallapp.domain.staff import Role
from hallapp.services import catalog, queue, staff
from hallapp.storage import Database, UnitOfWork
from hallapp.storage.models import Counter, Hall

log = logging.getLogger(__name__)

_HALL_CODE = re.compile(r"^[0-9A-Za-z]{4,30}$")
MAX_COUNTERS = 99  # as the set-up dialog allows


class SetupError(CodedError):
    """A refused set-up value; worded for the person at the keyboard at the edge (ui/errors.py)."""


register({
    "setup.name_missing": "Fill in the hall's name.",
    "setup.bad_hall_code": "The hall code is 4 to 30 letters or digits.",
    "setup.bad_region": "The region code is 6 digits.",
    "setup.unknown_region": "Region code {region} is not in the current table of regions.",
    "setup.already_done": "This database already holds a hall; it cannot be set up again.",
    "setup.not_done": "This database has no hall yet: finish the set-up first (hallapp setup).",
    "setup.too_few_counters": "A hall has at least 1 counter.",
    "setup.too_many_counters": "A hall has at most {limit} counters (it has {existing}).",
})


@dataclass(frozen=True)
class HallInfo:
    id: int
    code: str
    name: str
    region_code: str
    province_code: str
    region_name: str
    demo: bool
    counters: tuple[int, ...]


def hall_info(db: Database) -> HallInfo | None:
    with db.unit_of_work() as uow:
        hall = uow.halls.the_hall()
        if hall is None:
            return None
        region = default_regions().lookup(hall.region_code)
        return HallInfo(
            hall.id, hall.code, hall.name, hall.region_code, hall.region_code[:2],
            region.full_name if region else hall.region_code, hall.demo,
            tuple(c.number for c in uow.halls.counters(hall.id)),
        )


def setup_problem(name: str, code: str, region_code: str) -> SetupError | None:
    if not name.strip():
        return SetupError("setup.name_missing")
    if not _HALL_CODE.match(code.strip()):
        return SetupError("setup.bad_hall_code")
    region_code = region_code.strip()
    if not (len(region_code) == 6 and region_code.isdigit()):
        return SetupError("setup.bad_region")
    if county_status(region_code) != "current":
        return SetupError("setup.unknown_region", region=region_code)
    return None


def create_hall(db: Database, *, name: str, code: str, region_code: str, counters: int,
                admin_username: str, admin_name: str, admin_password: str, demo: bool = False,
                phone: str = "", address: str = "",
                more_staff: Sequence[tuple[str, str, Role, str]] = ()) -> HallInfo:
    """First-run set-up: the hall, its counters, the first admin, the starter catalog and the queue
    categories, in one transaction: a failure or a kill anywhere leaves no hall, and set-up runs again.

    ``phone`` and ``address`` are printed on documents unless a PC's documents.hall_* settings say otherwise;
    ``more_staff`` (username, display name, role, password) are created with the admin (the demo hall's).
    """
    problem = (setup_problem(name, code, region_code) or _counters_problem(0, counters)
               or staff.account_problem(admin_username, admin_password))
    if problem:
        raise SetupError(problem.code, **problem.params)  # checked before anything is written: a refused set-up leaves no hall
    # Everything slow or fallible that writes nothing comes first, outside the write lock.
    starter = catalog.load_catalog(catalog.starter_catalog_path())
    accounts = [(admin_username, admin_name, Role.ADMIN, admin_password), *more_staff]
    hashed = [(user, shown, role, staff.hash_password(password)) for user, shown, role, password in accounts]
    with db.unit_of_work(write=True) as uow:
        if uow.halls.the_hall() is not None:
            raise SetupError("setup.already_done")
        hall = Hall(name=name.strip(), code=code.strip(), region_code=region_code.strip(), demo=demo,
                    phone=phone.strip(), address=address.strip())
        uow.add(hall)
        uow.flush()
        for number in range(1, counters + 1):
            uow.add(Counter(hall_id=hall.id, number=number, name=f"{number}号窗口"))
        uow.flush()
        uow.audit.append("hall_created", actor="setup", subject=f"hall:{hall.code}", counters=counters)
        try:
            for user, shown, role, password_hash in hashed:
                staff.add_staff(uow, "setup", hall.id, user, shown, role, password_hash)
        except staff.StaffError as exc:
            raise SetupError(exc.code, **exc.params) from exc
        catalog.store_catalog(uow, starter, actor="setup")
        queue.ensure_default_categories(_Within(uow), hall.id)  # type: ignore[arg-type]
    log.info("hall %s set up; catalog %s imported", code.strip(), starter.source.name)
    info = hall_info(db)
    assert info is not None
    return info


def _counters_problem(existing: int, more: int) -> SetupError | None:
    if more < 1:
        return SetupError("setup.too_few_counters")
    if existing + more > MAX_COUNTERS:
        return SetupError("setup.too_many_counters", limit=MAX_COUNTERS, existing=existing)
    return None


def add_counters(db: Database, actor: str, count: int) -> list[int]:
    """More counters for a growing hall, numbered after the last; each serves the categories a new
    hall's counter would. Returns the new numbers."""
    with db.unit_of_work(write=True) as uow:
        hall = uow.halls.the_hall()
        if hall is None:
            raise SetupError("setup.not_done")
        existing = uow.halls.counters(hall.id)
        problem = _counters_problem(len(existing), count)
        if problem:
            raise problem
        first = max((c.number for c in existing), default=0) + 1
        added = [Counter(hall_id=hall.id, number=n, name=f"{n}号窗口") for n in range(first, first + count)]
        for counter in added:
            uow.add(counter)
        uow.flush()
        for counter in added:
            queue.serve_default_categories(uow, counter)
        numbers = [c.number for c in added]
        uow.audit.append("counters_added", actor=actor, subject=f"hall:{hall.code}", numbers=numbers)
    return numbers


def set_hall_wide(db: Database, key: str, value: Any, actor: str) -> bool:
    """Store one hall-wide setting (already validated by hallapp.config) for every counter of a shared
    database, audited with the old and new value. Returns False when it already had this value."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    with db.unit_of_work(write=True) as uow:
        hall = uow.halls.the_hall()
        if hall is None:
            raise SetupError("setup.not_done")
        before = uow.shared.put_hall_setting(hall.id, key, text, actor)
        if before == text:
            return False
        uow.audit.append("hall_setting_changed", actor=actor, subject=f"setting:{key}",
                         before=None if before is None else json.loads(before), after=value)
    return True


class _Within:
    """A stand-in Database whose unit of work is the caller's open one: lets a service written for a
    Database join the set-up transaction (queue.ensure_default_categories has no uow variant yet)."""

    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow

    @contextmanager
    def unit_of_work(self, *, write: bool = False) -> Iterator[UnitOfWork]:
        yield self._uow


DEMO_PASSWORD = "demo1234"  # noqa: S105 - published demo password, demo hall only
# The demo hall's contact lines on its documents. A local number never starts with 0, so this one
# looks like a Chengdu number but reaches nobody if a training receipt is taken home.
DEMO_PHONE = "028-01234567"
DEMO_ADDRESS = "四川省成都市锦江区演示大道1号 政务服务中心一楼 跨省通办窗口"
DEMO_STAFF = (
    ("clerk1", "张晓梅", Role.CLERK),
    ("clerk2", "李建国", Role.CLERK),
    ("clerk3", "王芳", Role.CLERK),
    ("supervisor", "陈主任", Role.SUPERVISOR),
    ("tech", "赵工", Role.TECHNICIAN),
)


def ensure_demo_hall(db: Database) -> HallInfo:
    """The demo hall: 3 counters, clerks, a supervisor, a technician, the starter catalog.

    All demo accounts use DEMO_PASSWORD; admin is `admin`.
    """
    info = hall_info(db)
    if info is not None:
        return info
    info = create_hall(db, name="演示县政务服务中心", code="DEMO510104", region_code="510104", counters=3,
                       admin_username="admin", admin_name="系统管理员", admin_password=DEMO_PASSWORD, demo=True,
                       phone=DEMO_PHONE, address=DEMO_ADDRESS,
                       more_staff=[(user, shown, role, DEMO_PASSWORD) for user, shown, role in DEMO_STAFF])
    return info


def ensure_demo_queue(db: Database, hall_id: int) -> int:
    """Demo mode: a few people already waiting today, so F1 has someone to call. Returns how many
    tickets were issued (0 when today's queue already exists)."""
    if queue.events_since(db, hall_id, 0):  # today has a queue already
        return 0
    plan = (("A", False), ("D", False), ("A", True), ("B", False), ("C", False), ("A", False), ("D", False))
    for letter, green in plan:
        queue.issue_ticket(db, hall_id, letter, green_channel=green)
    return len(plan)
