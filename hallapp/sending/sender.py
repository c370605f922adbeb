"""Sending one outbox entry: the case record (idempotent PUT), its materials (resumable chunks,
asking the platform what it holds first), then the commit. The lease is renewed as it goes; if
another engine took the entry, we stop (`LeaseLost`)."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING, Any

from hallapp.domain.outbox import OutboxState, coded
from hallapp.storage import material_store
from hallapp.sync import backoff, crypto, records
from hallapp.sync.options import SyncOptions
from hallapp.sync.platform_port import (
    CaseAck,
    ConflictError,
    DeadlineError,
    MaterialHeld,
    MaterialsMissingError,
    OffsetMismatchError,
    PlatformAdapter,
    TransientError,
    UntrustedAnswerError,
)

if TYPE_CHECKING:
    from hallapp.bootstrap import AppContext
    from hallapp.storage.repositories.sync import OutboxRow

MAX_OFFSET_MISMATCHES = 3


def put_record(client: PlatformAdapter, client_id: str, payload: bytes) -> CaseAck:
    """`PUT /v1/records/{client_id}`."""
    return client.put_record(client_id, payload)


def commit_record(client: PlatformAdapter, client_id: str, payload_sha256: str, materials: list[str]) -> CaseAck:
    """`POST /v1/records/{client_id}/commit`, like a case's commit (a record that brings materials)."""
    return client.commit_record(client_id, payload_sha256, materials)


def _utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value  # SQLite hands back naive UTC


def retry_policy(options: SyncOptions) -> backoff.RetryPolicy:
    return backoff.RetryPolicy(options.backoff_base_s, options.backoff_cap_s, max(0, options.request_retries))


class LeaseLostError(RuntimeError):
    """Another engine holds this entry now; drop it without touching it."""


class CaseFirstError(TransientError):
    """A record's case is not confirmed here yet: the record waits behind it (`case_due`: when the case
    entry is next due, if it is waiting on back-off), without counting an attempt against the record."""

    def __init__(self, message: str, case_due: datetime | None = None) -> None:
        super().__init__(message)
        self.case_due = case_due


class EntrySender:
    def __init__(self, app: AppContext, client: PlatformAdapter, options: SyncOptions, owner: str,
                 clock: Callable[[], datetime], emit: Callable[[dict], None]) -> None:
        self.app, self.client, self.options, self.owner, self.clock, self.emit = app, client, options, owner, clock, emit
        self.transport_key = crypto.load_transport_key(app.home.keys_dir) if options.encrypt_materials else None
        self._renewed = clock()
        self.writes: AbstractContextManager[Any] = nullcontext()  # the engine's lock when lanes share a database
        self.policy = retry_policy(options)

    def call(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """One idempotent request, retried in place as `backoff.RetryPolicy` allows (a short
        `Retry-After` waited out, a long one handed to the entry's back-off) before giving up."""
        retries_done = 0
        while True:
            try:
                return fn(*args, **kwargs)
            except DeadlineError:
                raise
            except TransientError as exc:
                wait = self.policy.quick_wait_s(retries_done, exc.retry_after_s)
                if wait is None:
                    raise
                retries_done += 1
                time.sleep(wait)

    def fresh_s(self) -> float:
        """A lease set this recently is surely still ours: nobody may take it before it runs out."""
        return min(1.0, self.options.lease_s / 4)

    def renew(self, row: OutboxRow, *, force: bool = True, **values: Any) -> None:
        """Extend the lease (fenced). Progress-only renewals are skipped if the last one is recent."""
        now = self.clock()
        if not force and (now - self._renewed).total_seconds() < self.fresh_s():
            return
        self._renewed = now
        until = now + timedelta(seconds=self.options.lease_s)
        with self.writes, self.app.db.unit_of_work(write=True) as uow:
            if not uow.outbox.renew(row.id, self.owner, until, **values):
                raise LeaseLostError(row.client_id)

    def send(self, row: OutboxRow, claimed: datetime | None = None) -> str:
        """Send the entry until the platform confirms it; returns the platform's receipt. A case goes
        to /v1/cases, its other records (evaluation, courier, ...) to /v1/records the same way.
        `claimed`: when this engine's claim set the lease (a fresh one needs no renewal to start)."""
        if claimed is not None and (self.clock() - claimed).total_seconds() < self.fresh_s():
            self._renewed = claimed
        else:
            self.renew(row)  # claimed a while ago with the batch: still ours, and the lease runs from now
        payload = row.payload.encode("utf-8")
        put, commit = self.client.put_case, self.client.commit
        if row.kind != records.KIND_CASE:
            self._case_first(row)
            put, commit = partial(put_record, self.client), partial(commit_record, self.client)
        ack = self._check(row, self.call(put, row.client_id, payload))
        if ack.state == "committed" and ack.receipt:
            return ack.receipt
        hashes = records.material_hashes(json.loads(payload))
        self.upload_all(row, hashes)
        self.renew(row, force=False, state=OutboxState.SENT)  # the lease is checked and marked only if not fresh
        try:
            ack = self.call(commit, row.client_id, row.payload_sha256, hashes)
        except MaterialsMissingError as exc:  # the platform lost some: send them again, once
            self.upload_all(row, [h for h in hashes if h in set(exc.missing)])
            ack = self.call(commit, row.client_id, row.payload_sha256, hashes)
        ack = self._check(row, ack)
        if ack.state != "committed" or not ack.receipt:  # only a commit with a receipt counts as received
            raise coded(UntrustedAnswerError(), "sync.not_committed")
        return ack.receipt

    def _case_first(self, row: OutboxRow) -> None:
        """A record follows its case: until the platform confirmed the case here, it waits (back-off)."""
        with self.app.db.unit_of_work() as uow:
            submissions = [r for r in uow.outbox.by_case_number(row.case_number) if r.kind == records.KIND_CASE]
        if submissions and not any(r.state == OutboxState.CONFIRMED for r in submissions):
            if any(r.state == OutboxState.NEEDS_ATTENTION for r in submissions):  # waits for a person: back off
                raise coded(TransientError(), "sync.case_needs_attention")
            raise coded(CaseFirstError("", max(_utc(r.next_attempt_at) for r in submissions)), "sync.case_first")

    @staticmethod
    def _check(row: OutboxRow, ack: CaseAck) -> CaseAck:
        """The (signed) answer is about this submission and holds exactly our payload."""
        if ack.client_id != row.client_id:
            raise coded(UntrustedAnswerError(), "sync.wrong_submission")
        if ack.payload_sha256 != row.payload_sha256:
            raise coded(ConflictError(), "sync.conflict", where=row.client_id)
        return ack

    def upload_all(self, row: OutboxRow, hashes: list[str]) -> None:
        """Ask the platform what it holds when an earlier attempt may have sent something (else a
        first PUT at offset 0 finds out anyway: `offset_mismatch` says where to resume)."""
        done, total, pending = 0, 0, []
        ask = row.attempts > 0 or row.bytes_total > 0
        for sha in hashes:
            held = self.call(self.client.material_status, sha) if ask else None
            if held is not None and held.complete:
                done, total = done + held.size, total + held.size
            else:
                data = material_store.load(self.app.home, sha)  # checks our SHA-256 before it leaves
                total += len(data)
                pending.append((sha, held, data))
        self.renew(row, force=False, bytes_total=total, bytes_done=done)
        for sha, held, data in pending:
            offset = held.received if held is not None and held.size == len(data) else 0
            done = self.upload(row, sha, data, offset, done, total)

    def upload(self, row: OutboxRow, sha: str, data: bytes, offset: int, done: int, total: int) -> int:
        key = crypto.material_key(self.transport_key, sha) if self.transport_key else None
        step, mismatches = self.options.chunk_bytes, 0
        while offset < len(data):
            chunk = data[offset:offset + step]
            if key is not None:
                chunk = crypto.sm4_ctr(key[0], key[1], chunk, offset)
            try:
                held: MaterialHeld = self.call(self.client.put_chunk, sha, offset, len(data), chunk, encrypted=key is not None)
            except OffsetMismatchError as exc:
                mismatches += 1
                if mismatches > MAX_OFFSET_MISMATCHES or exc.received % 16:
                    raise coded(TransientError(), "sync.upload_out_of_step") from exc
                offset = exc.received
                continue
            offset = len(data) if held.complete else held.received
            self.renew(row, force=False, bytes_done=done + offset)
            self.emit({"type": "progress", "entry_id": row.id, "case_number": row.case_number,
                       "percent": int(100 * (done + offset) / max(1, total))})
        return done + len(data)
