"""Case queries: numbering stations and daily serials, lookup, search."""

from __future__ import annotations

import secrets
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, case, func, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session, aliased, selectinload

from hallapp.domain.outbox import OutboxState
from hallapp.storage.models import Applicant, Case, CaseSequence, CaseStation, Material, OutboxEntry, ServiceItem
from hallapp.storage.models.base import utcnow
from hallapp.storage.sealing import sealer_of

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
        return self.session.scalars(select(CaseStation.code).where(CaseStation.installation == installation)).one()

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

    # A case's own item and applicant: foreign keys, and neither row is ever deleted (items are only
    # deactivated), so a missing one is a damaged database (NoResultFound), not a case to handle.
    def item_of(self, case: Case) -> ServiceItem:
        return self.session.get_one(ServiceItem, case.item_id)

    def applicant_of(self, case: Case) -> Applicant:
        return self.session.get_one(Applicant, case.applicant_id)

    def search(self, *, text: str = "", state: str | None = None, since: datetime | None = None,
               until: datetime | None = None, limit: int = 100) -> list[Case]:
        """By case number, the applicant's (or agent's) ID number or name, date and state.

        ID numbers are compared by their blind index. Names are sealed, so a name is matched here after
        opening it, newest case first, until `limit` are found: retention keeps that set to the last
        `retention.days` of cases, and a needle with a digit in it (a number) never opens a name."""
        applicant, agent = aliased(Applicant), aliased(Applicant)
        query = (select(Case).join(applicant, applicant.id == Case.applicant_id)
                 .outerjoin(agent, agent.id == Case.agent_id))
        if state:
            query = query.where(Case.state == state)
        if since:
            query = query.where(Case.created_at >= since)
        if until:
            query = query.where(Case.created_at < until)
        query = query.order_by(Case.created_at.desc(), Case.id.desc())
        needle = text.strip()
        if not needle:
            return list(self.session.scalars(query.limit(limit)))
        blind = sealer_of(self.session.get_bind().dialect).blind(needle)
        numbered = or_(Case.number.contains(needle, autoescape=True),
                       applicant.certificate_number_index == blind, agent.certificate_number_index == blind)
        if any(ch.isdigit() for ch in needle):
            return list(self.session.scalars(query.where(numbered).limit(limit)))
        return self._by_name(query.add_columns(numbered.label("numbered"), applicant.name, agent.name), needle, limit)

    def _by_name(self, query: Select[Any], needle: str, limit: int) -> list[Case]:
        found: list[Case] = []
        rows = self.session.execute(query.execution_options(yield_per=500))
        try:
            for found_case, numbered, name, agent_name in rows:
                if numbered or needle in (name or "") or needle in (agent_name or ""):
                    found.append(found_case)
                    if len(found) >= limit:
                        break
        finally:
            rows.close()  # a server-side cursor on PostgreSQL: do not leave it open after `limit`
        return found

    # --- retention ---------------------------------------------------------------------------------

    def purgeable(self, confirmed_before: datetime) -> list[Case]:
        """Cases not purged yet whose every outbox entry the platform confirmed, the last before the cutoff."""
        unconfirmed = func.sum(case((OutboxEntry.state != OutboxState.CONFIRMED, 1), else_=0))
        done = (select(OutboxEntry.case_id).where(OutboxEntry.case_id.is_not(None)).group_by(OutboxEntry.case_id)
                .having(unconfirmed == 0, func.max(OutboxEntry.confirmed_at) < confirmed_before))
        query = (select(Case).where(Case.id.in_(done), Case.purged_at.is_(None))
                 .options(selectinload(Case.materials)).order_by(Case.id))
        return list(self.session.scalars(query))

    def waiting_for_confirmation(self) -> int:
        """Cases not purged that still have an entry the platform has not confirmed."""
        query = (select(func.count(func.distinct(OutboxEntry.case_id))).join(Case, Case.id == OutboxEntry.case_id)
                 .where(OutboxEntry.state != OutboxState.CONFIRMED, Case.purged_at.is_(None)))
        return int(self.session.scalar(query) or 0)

    def purge_personal(self, found: Case, now: datetime) -> None:
        """Empty the personal fields of a case, its applicant and agent, and its outbox payloads; the case
        row, its materials' hashes and pages, outbox states and the audit trail stay for statistics."""
        people = [i for i in (found.applicant_id, found.agent_id) if i]
        self.session.execute(update(Applicant).where(Applicant.id.in_(people)).values(
            name="", certificate_number="", certificate_number_index=None, birth_date=None, address="", phone="")
            .execution_options(synchronize_session=False))
        self.session.execute(update(OutboxEntry).where(OutboxEntry.case_id == found.id).values(payload="")
                             .execution_options(synchronize_session=False))
        found.delivery_address, found.purged_at = "", now
        for item in found.materials:
            item.file_path = None
        self.session.flush()

    def scans_of_purged(self) -> set[str]:
        """Scan hashes only purged cases refer to (a scan shared with a live case stays)."""
        purged = select(Material.sha256).join(Case).where(Case.purged_at.is_not(None), Material.sha256.is_not(None))
        live = select(Material.sha256).join(Case).where(Case.purged_at.is_(None), Material.sha256.is_not(None))
        return {sha for sha in self.session.scalars(purged.distinct()) if sha} - set(self.session.scalars(live.distinct()))

    def scans_of(self, cases: list[Case]) -> set[str]:
        """Scan hashes of `cases` that no other live case refers to (what a purge of them would remove)."""
        ids = [c.id for c in cases]
        mine = {m.sha256 for c in cases for m in c.materials if m.sha256}
        live = select(Material.sha256).join(Case).where(Case.purged_at.is_(None), Case.id.not_in(ids),
                                                         Material.sha256.in_(mine))
        return mine - set(self.session.scalars(live))
