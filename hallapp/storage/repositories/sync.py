"""Outbox queries: enqueue with the case, claim with a lease (SKIP LOCKED on PostgreSQL, the
write lock on SQLite), fenced state changes, visibility counts, and the engine's small state."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import CursorResult, Result, and_, func, or_, select, update
from sqlalchemy.orm import Session

from hallapp.domain.outbox import IN_FLIGHT, UNCONFIRMED, OutboxState
from hallapp.storage.models import Case, OutboxEntry
from hallapp.storage.models.sync import PlatformUpdate, SyncState

UNSENT_STATES = UNCONFIRMED  # hallapp/domain/outbox.py: the platform has not confirmed them yet
CLAIMABLE_STATES = IN_FLIGHT
ALL_STATES = tuple(OutboxState)


@dataclass(frozen=True)
class OutboxRow:
    """One outbox entry as plain data (no session attached)."""

    id: int
    case_id: int | None
    case_number: str
    kind: str
    client_id: str
    payload: str
    payload_sha256: str
    state: str
    attempts: int
    next_attempt_at: datetime
    last_error: str
    lease_owner: str | None
    lease_until: datetime | None
    bytes_total: int
    bytes_done: int
    receipt: str
    confirmed_at: datetime | None
    exported_at: datetime | None
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, e: OutboxEntry) -> OutboxRow:
        return cls(e.id, e.case_id, e.case_number, e.kind, e.client_id, e.payload, e.payload_sha256, e.state,
                   e.attempts, e.next_attempt_at, e.last_error, e.lease_owner, e.lease_until, e.bytes_total or 0,
                   e.bytes_done or 0, e.receipt or "", e.confirmed_at, e.exported_at, e.created_at, e.updated_at)


@dataclass(frozen=True)
class UpdateRow:
    seq: int
    client_id: str
    case_number: str
    status: str
    reason: str
    waybill: str
    at: str
    outcome: str


def _aware(value: datetime | None) -> datetime | None:
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


class OutboxRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    @property
    def dialect(self) -> str:
        return self.session.get_bind().dialect.name

    # --- visibility -------------------------------------------------------------------------

    def backlog(self) -> tuple[int, datetime | None]:
        """How many entries the platform has not confirmed yet, and the oldest one's age."""
        row = self.session.execute(
            select(func.count(OutboxEntry.id), func.min(OutboxEntry.created_at)).where(
                OutboxEntry.state.in_(UNSENT_STATES)
            )
        ).one()
        return int(row[0]), _aware(row[1])

    def counts(self) -> dict[str, int]:
        rows = self.session.execute(select(OutboxEntry.state, func.count(OutboxEntry.id)).group_by(OutboxEntry.state))
        out: dict[str, int] = dict.fromkeys(ALL_STATES, 0)
        out.update({state: int(n) for state, n in rows})
        return out

    def entries(self, state: str | None = None, *, limit: int = 1000) -> list[OutboxRow]:
        query = select(OutboxEntry).order_by(OutboxEntry.id).limit(limit)
        if state:
            query = query.where(OutboxEntry.state == state)
        return [OutboxRow.of(e) for e in self.session.scalars(query)]

    def get(self, entry_id: int) -> OutboxRow | None:
        entry = self.session.get(OutboxEntry, entry_id)
        return OutboxRow.of(entry) if entry else None

    def by_case_number(self, number: str) -> list[OutboxRow]:
        query = select(OutboxEntry).where(OutboxEntry.case_number == number).order_by(OutboxEntry.id)
        return [OutboxRow.of(e) for e in self.session.scalars(query)]

    def unsent(self, kind: str | None = None) -> list[OutboxRow]:
        query = select(OutboxEntry).where(OutboxEntry.state.in_(UNSENT_STATES)).order_by(OutboxEntry.id)
        if kind:
            query = query.where(OutboxEntry.kind == kind)
        return [OutboxRow.of(e) for e in self.session.scalars(query)]

    def next_due(self) -> datetime | None:
        """When the earliest waiting entry becomes due (for the scheduler's sleep)."""
        value = self.session.scalar(select(func.min(OutboxEntry.next_attempt_at))
                                    .where(OutboxEntry.state.in_(CLAIMABLE_STATES)))
        return _aware(value)

    # --- writing ------------------------------------------------------------------------------

    def exists(self, client_id: str) -> bool:
        return self.session.scalar(select(OutboxEntry.id).where(OutboxEntry.client_id == client_id)) is not None

    def enqueue(self, *, case_id: int | None, case_number: str, kind: str, client_id: str, payload: str,
                payload_sha256: str, bytes_total: int, now: datetime) -> bool:
        """Add an entry; False (nothing written) if the client id is already in the outbox."""
        if self.exists(client_id):
            return False
        self.session.add(OutboxEntry(case_id=case_id, case_number=case_number, kind=kind, client_id=client_id,
                                     payload=payload, payload_sha256=payload_sha256, state=OutboxState.QUEUED, attempts=0,
                                     next_attempt_at=now, bytes_total=bytes_total, bytes_done=0, created_at=now))
        self.session.flush()
        return True

    def claim(self, owner: str, now: datetime, lease_until: datetime, limit: int) -> list[OutboxRow]:
        """Take up to `limit` due entries whose lease (if any) has run out; they become `sending`.

        PostgreSQL skips rows another counter has locked; SQLite callers hold the write lock
        (`unit_of_work(write=True)`), so two counters never claim the same entry.
        """
        free = or_(OutboxEntry.lease_until.is_(None), OutboxEntry.lease_until < now)
        query = (select(OutboxEntry)
                 .where(and_(OutboxEntry.state.in_(CLAIMABLE_STATES), OutboxEntry.next_attempt_at <= now, free))
                 .order_by(OutboxEntry.next_attempt_at, OutboxEntry.id).limit(limit))
        if self.dialect == "postgresql":
            query = query.with_for_update(skip_locked=True)
        taken = list(self.session.scalars(query))
        for entry in taken:
            entry.state, entry.lease_owner, entry.lease_until = OutboxState.SENDING, owner, lease_until
        self.session.flush()
        return [OutboxRow.of(e) for e in taken]

    def _fenced(self, entry_id: int, owner: str, **values: object) -> bool:
        result = self.session.execute(
            update(OutboxEntry).where(OutboxEntry.id == entry_id, OutboxEntry.lease_owner == owner)
            .values(updated_at=datetime.now(UTC), **values).execution_options(synchronize_session=False))
        return _one_row(result)

    def renew(self, entry_id: int, owner: str, lease_until: datetime, *, bytes_done: int | None = None,
              bytes_total: int | None = None, state: str | None = None) -> bool:
        """Extend our lease (and record progress); False if another engine took the entry."""
        values: dict[str, object] = {"lease_until": lease_until}
        if bytes_done is not None:
            values["bytes_done"] = bytes_done
        if bytes_total is not None:
            values["bytes_total"] = bytes_total
        if state is not None:
            values["state"] = state
        return self._fenced(entry_id, owner, **values)

    def finish(self, entry_id: int, owner: str, *, state: str, error: str = "", next_attempt_at: datetime | None = None,
               count_attempt: bool = True, receipt: str | None = None, confirmed_at: datetime | None = None) -> bool:
        """End our turn on an entry: new state, error, when to try again; releases the lease."""
        values: dict[str, object] = {"state": state, "last_error": error[:400], "lease_owner": None, "lease_until": None}
        if count_attempt:
            values["attempts"] = OutboxEntry.attempts + 1
        if next_attempt_at is not None:
            values["next_attempt_at"] = next_attempt_at
        if receipt is not None:
            values["receipt"] = receipt[:80]
        if confirmed_at is not None:
            values["confirmed_at"] = confirmed_at
            values["bytes_done"] = OutboxEntry.bytes_total
        return self._fenced(entry_id, owner, **values)

    def records_due(self, case_numbers: list[str], now: datetime) -> None:
        """These cases' submissions are confirmed: their other records, waiting behind them, are due now."""
        self.session.execute(
            update(OutboxEntry).where(OutboxEntry.case_number.in_(case_numbers), OutboxEntry.kind != "case",
                                      OutboxEntry.state.in_((OutboxState.QUEUED, OutboxState.RETRYING)),
                                      OutboxEntry.lease_owner.is_(None),
                                      OutboxEntry.next_attempt_at > now)
            .values(next_attempt_at=now).execution_options(synchronize_session=False))

    def retry(self, entry_id: int, now: datetime) -> bool:
        """One-click retry: due now, error kept for the record until the next attempt."""
        result = self.session.execute(
            update(OutboxEntry).where(OutboxEntry.id == entry_id, OutboxEntry.state != OutboxState.CONFIRMED)
            .values(state=OutboxState.QUEUED, next_attempt_at=now, lease_owner=None, lease_until=None, updated_at=now)
            .execution_options(synchronize_session=False))
        return _one_row(result)

    def mark_exported(self, entry_ids: list[int], at: datetime) -> None:
        if entry_ids:
            self.session.execute(update(OutboxEntry).where(OutboxEntry.id.in_(entry_ids)).values(exported_at=at)
                                 .execution_options(synchronize_session=False))

    # --- the cases the outbox refers to ---------------------------------------------------------

    def cases_for_update(self, numbers: list[str]) -> list[Case]:
        """The local cases by number, without their materials (the sync only moves their state)."""
        query = select(Case).where(Case.number.in_(numbers)).order_by(Case.id)
        if self.dialect == "postgresql":
            query = query.with_for_update()
        return list(self.session.scalars(query))

    def case_state(self, number: str) -> tuple[str, str] | None:
        """(state, delivery) of a local case, or None if this database does not hold it."""
        row = self.session.execute(select(Case.state, Case.delivery).where(Case.number == number)).first()
        return (row[0], row[1]) if row else None

    # --- engine state and status updates --------------------------------------------------------

    def state_get(self, key: str, default: str = "") -> str:
        row = self.session.get(SyncState, key)
        return row.value if row else default

    def state_set(self, key: str, value: str) -> None:
        row = self.session.get(SyncState, key)
        if row is None:
            self.session.add(SyncState(key=key, value=value[:400]))
        else:
            row.value = value[:400]
        self.session.flush()

    def add_update(self, *, seq: int, client_id: str, case_number: str, status: str, reason: str, waybill: str,
                   at: str) -> bool:
        """Record a status update once (by its platform sequence number); False if already held."""
        if self.session.scalar(select(PlatformUpdate.id).where(PlatformUpdate.seq == seq)) is not None:
            return False
        self.session.add(PlatformUpdate(seq=seq, client_id=client_id, case_number=case_number, status=status,
                                        reason=reason[:400], waybill=waybill[:40], at=at[:15]))
        self.session.flush()
        return True

    def set_update_outcome(self, seq: int, outcome: str) -> None:
        self.session.execute(update(PlatformUpdate).where(PlatformUpdate.seq == seq).values(outcome=outcome[:40])
                             .execution_options(synchronize_session=False))

    def pending_updates(self) -> list[UpdateRow]:
        query = select(PlatformUpdate).where(PlatformUpdate.outcome == "").order_by(PlatformUpdate.seq)
        return [self._update_row(u) for u in self.session.scalars(query)]

    def updates_for(self, number: str) -> list[UpdateRow]:
        query = select(PlatformUpdate).where(PlatformUpdate.case_number == number).order_by(PlatformUpdate.seq)
        return [self._update_row(u) for u in self.session.scalars(query)]

    @staticmethod
    def _update_row(u: PlatformUpdate) -> UpdateRow:
        return UpdateRow(u.seq, u.client_id, u.case_number, u.status, u.reason, u.waybill, u.at, u.outcome)


def _one_row(result: Result[Any]) -> bool:
    """Whether an UPDATE changed exactly one row (Session.execute types it as a plain Result)."""
    return cast(CursorResult[Any], result).rowcount == 1
