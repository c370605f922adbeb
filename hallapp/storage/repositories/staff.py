from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hallapp.storage.models import Staff


class StaffRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def by_username(self, username: str, *, for_update: bool = False) -> Staff | None:
        query = select(Staff).where(func.lower(Staff.username) == username.strip().lower())
        if for_update:
            query = query.with_for_update()
        return self.session.scalars(query).first()

    def get(self, staff_id: int) -> Staff | None:
        return self.session.get(Staff, staff_id)

    def all(self, hall_id: int) -> list[Staff]:
        return list(self.session.scalars(select(Staff).where(Staff.hall_id == hall_id).order_by(Staff.username)))

    def count(self) -> int:
        return self.session.scalar(select(func.count(Staff.id))) or 0
