"""Case queries: daily serials, lookup, search."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import or_, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session, aliased, selectinload

from hallapp.storage.models import Applicant, Case, CaseSequence, Material, ServiceItem


class CaseRepository:
    def __init__(self, session: Session, dialect: str) -> None:
        self.session = session
        self.dialect = dialect

    def next_serial(self, hall_id: int, day: date) -> int:
        insert = pg_insert if self.dialect == "postgresql" else sqlite_insert
        stmt = insert(CaseSequence).values(hall_id=hall_id, day=day, last=1)
        stmt = stmt.on_conflict_do_update(index_elements=["hall_id", "day"], set_={"last": CaseSequence.last + 1})
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
