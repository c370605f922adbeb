"""What the window shows (data side only): counts per state, the oldest unconfirmed age, the
entries with their progress and errors, one-click retry, and one case's sync state."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from hallapp.domain.clock import hall_clock
from hallapp.domain.outbox import OutboxState, coded, english_text
from hallapp.sync import records
from hallapp.sync.outbox import BLOCKED_KEY

if TYPE_CHECKING:
    from hallapp.storage import Database
    from hallapp.storage.repositories.sync import OutboxRow


class SyncStatusError(ValueError):
    """A visibility action that cannot be done (unknown entry): coded (`sync.no_such_entry`), worded at the edge."""


def _iso(value: datetime | None) -> str | None:
    """Hall time with its offset (2026-12-08T15:51:00+08:00): readable, and still one instant."""
    return hall_clock().local(value).isoformat() if value else None


def entry_view(row: OutboxRow) -> dict[str, Any]:
    percent = 100 if row.state == OutboxState.CONFIRMED else int(100 * row.bytes_done / row.bytes_total) if row.bytes_total else 0
    return {"id": row.id, "case_number": row.case_number, "kind": row.kind, "client_id": row.client_id,
            "state": row.state, "attempts": row.attempts, "percent": percent, "last_error": row.last_error or None,
            "next_attempt_at": _iso(row.next_attempt_at), "receipt": row.receipt or None,
            "confirmed_at": _iso(row.confirmed_at), "exported_at": _iso(row.exported_at),
            "created_at": _iso(row.created_at), "updated_at": _iso(row.updated_at)}


def sync_status(db: Database, *, now: datetime | None = None) -> dict[str, Any]:
    """{"counts": {state: n}, "unconfirmed": n, "oldest_unconfirmed_age_s": s|None, "blocked": msg|None}: the
    message in English (command line, diagnostics); "blocked_error" as stored (code|params, worded by the window)."""
    with db.unit_of_work() as uow:
        counts = uow.outbox.counts()
        backlog, oldest = uow.outbox.backlog()
        blocked = uow.outbox.state_get(BLOCKED_KEY) or None
    age = ((now or datetime.now(UTC)) - oldest).total_seconds() if oldest else None
    return {"counts": counts, "unconfirmed": backlog, "oldest_unconfirmed_age_s": round(age, 1) if age is not None else None,
            "blocked": english_text(blocked) or None, "blocked_error": blocked}


def entries(db: Database, state: str | None = None, *, limit: int = 1000) -> list[dict[str, Any]]:
    with db.unit_of_work() as uow:
        return [entry_view(r) for r in uow.outbox.entries(state, limit=limit)]


def retry(db: Database, entry_id: int) -> None:
    """Make an entry due now (needs-attention and back-off alike); a confirmed entry cannot be retried."""
    with db.unit_of_work(write=True) as uow:
        if not uow.outbox.retry(entry_id, datetime.now(UTC)):
            raise coded(SyncStatusError(), "sync.no_such_entry", entry=entry_id)


def case_sync_state(db: Database, case_number: str) -> dict[str, Any]:
    """For the case screen: the submission's state and the platform's updates (returned: why)."""
    with db.unit_of_work() as uow:
        rows = uow.outbox.by_case_number(case_number)
        updates = uow.outbox.updates_for(case_number)
    submissions = [row for row in rows if row.kind == records.KIND_CASE]  # not its other records
    latest = submissions[-1] if submissions else None
    return {"case_number": case_number, "sync": entry_view(latest) if latest else None,
            "platform_updates": [{"seq": u.seq, "status": u.status, "reason": u.reason or None, "waybill": u.waybill or None,
                                  "at": u.at, "outcome": u.outcome} for u in updates]}
