from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hallapp.storage.models import OutboxEntry

UNSENT_STATES = ("queued", "sending", "sent", "retrying", "needs_attention")


class OutboxRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def backlog(self) -> tuple[int, datetime | None]:
        """How many entries the platform has not confirmed yet, and the oldest one's age."""
        row = self.session.execute(
            select(func.count(OutboxEntry.id), func.min(OutboxEntry.created_at)).where(
                OutboxEntry.state.in_(UNSENT_STATES)
            )
        ).one()
        oldest = row[1]
        if oldest is not None and oldest.tzinfo is None:
            from datetime import UTC

            oldest = oldest.replace(tzinfo=UTC)
        return int(row[0]), oldest
