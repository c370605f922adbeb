"""Case queries: numbering stations and daily serials, lookup, search."""

from __future__ import annotations

import secrets
from datetime import date, datetime

from sqlalchemy import case, or_, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session, aliased, selectinload

from hallapp.storage.models import Applicant, Case, CaseSequence, CaseStation, Material, ServiceItem
from hallapp.storage.models.base import utcnow

# Letters only (the serial is the digits), none that reads like a digit or another letter: I O Q Z.
STATION_LETTERS = "ABCDEFGHJKLMNPRSTUVWXY"
STATION_LENGTH = 3


def _random_station() -> str:
    return "".join(secrets.choice(STATION_LETTERS) for _ in range(STATION_LENGTH))


class CaseRepository:
    def __init__(self, session: Session, dialect: str) -> None:
        self.session = session
        self.dialect = dialect

    def station_for(self, installation: str) -> str:
        """The station code of `installation`, made once: random letters no other station of this
        database has (a clash with another hall PC's own file is unlikely, see docs/case-numbers.md)."""
        code = self.session.scalar(select(CaseStation.code).where(CaseStation.installation == installation))
        if code:
            return code
        taken = set(self.session.scalars(select(CaseStation.code)))
        code = next(c for c in iter(_random_station, None) if c not in taken)
        insert = pg_insert if self.dialect == "postgresql" else sqlite_insert
        # Two counters on a shared database may both make the first one: the later insert does nothing.
        self.session.execute(insert(CaseStation).values(code=code, installation=installation, created_at=utcnow())
                             .on_conflict_do_nothing())
        return self.session.scalar(select(CaseStation.code).where(CaseStation.installation == installation))

    def next_serial(self, hall_id: int, day: date, station: str, *, above: int = 0) -> int:
        """The next serial of the hall's day at `station`, and never one at or below `above` (the
        home's record of what it already issued, in case this database is an older copy)."""
        insert = pg_insert if self.dialect == "postgresql" else sqlite_insert
        floor = above + 1
        stmt = insert(CaseSequence).values(hall_id=hall_id, day=day, station=station, last=floor)
        bumped = case((CaseSequence.last + 1 > floor, CaseSequence.last + 1), else_=floor)
        stmt = stmt.on_conflict_do_update(index_elements=["hall_id", "day", "station"], set_={"last": bumped})
        return int(self.session.execute(stmt.returning(CaseSequence.last)).scalar_one())

    def by_number(self, number: str, *, for_update: bool = False) -> Case | None:
        query = select(Case).where(Case.number == number).options(
            selectinload(Case.materials).selectinload(Material.pages)
        )
        return self.session.scalars(query.with_for_update() if for_update else query).first()

    def applicant(self, applicant_id: int | None) -> Applicant | None:
        return self.session.get(Applicant, applicant_id) if applicant_id else None

    def item(self, item_id: int) -> ServiceItem | None:
        return self.session.get(ServiceItem, item_id)

    def search(self, *, text: str = "", state: str | None = None, since: datetime | None = None,
               until: datetime | None = None, limit: int = 100) -> list[Case]:
        """By case number, the applicant's (or agent's) ID number or name, date and state."""
        applicant, agent = aliased(Applicant), aliased(Applicant)
        query = (select(Case).join(applicant, applicant.id == Case.applicant_id)
                 .outerjoin(agent, agent.id == Case.agent_id))
        needle = text.strip()
        if needle:
            query = query.where(or_(
                Case.number.contains(needle, autoescape=True),
                applicant.certificate_number == needle.upper(), agent.certificate_number == needle.upper(),
                applicant.name.contains(needle, autoescape=True), agent.name.contains(needle, autoescape=True),
            ))
        if state:
            query = query.where(Case.state == state)
        if since:
            query = query.where(Case.created_at >= since)
        if until:
            query = query.where(Case.created_at < until)
        return list(self.session.scalars(query.order_by(Case.created_at.desc(), Case.id.desc()).limit(limit)))
