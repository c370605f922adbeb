"""What the status bar answers at any moment: is my work safe? (link, backlog, devices)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from hallapp.config import Settings
from hallapp.storage import Database


@dataclass(frozen=True)
class StatusSnapshot:
    platform_configured: bool
    backlog: int
    oldest_unsent: datetime | None


def snapshot(db: Database, settings: Settings) -> StatusSnapshot:
    with db.unit_of_work() as uow:
        backlog, oldest = uow.outbox.backlog()
    return StatusSnapshot(bool(settings.platform.url), backlog, oldest)
