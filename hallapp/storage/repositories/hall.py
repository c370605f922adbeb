from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from hallapp.storage.models import Counter, Hall


class HallRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def the_hall(self) -> Hall | None:
        """The hall this database belongs to (one database serves one hall)."""
        return self.session.scalars(select(Hall).order_by(Hall.id).limit(1)).first()

    def counters(self, hall_id: int) -> list[Counter]:
        return list(
            self.session.scalars(select(Counter).where(Counter.hall_id == hall_id).order_by(Counter.number))
        )

    def counter_by_number(self, hall_id: int, number: int) -> Counter | None:
        return self.session.scalars(
            select(Counter).where(Counter.hall_id == hall_id, Counter.number == number)
        ).first()

    def counter(self, counter_id: int | None) -> Counter | None:
        return self.session.get(Counter, counter_id) if counter_id else None
