"""The sync engine: claims due outbox entries with a lease, sends them, backs off on failure, pulls
status updates back. No Qt: `hallapp sync` runs `run_once` / `run_forever` headless, and so does the
window's own sync process (`hallapp sync --for-window`, hallapp/sending/window_feed.py), whose
`on_event` callback hands the events to the window through a pipe.

Authentication and configuration failures stop the run at once and are reported (event
`blocked`, `sync_state.blocked`, the summary's `error`); they are never retried silently.
"""

from __future__ import annotations

import logging
import os
import random
import secrets
import socket
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from hallapp.domain.cases import CaseError, CaseState
from hallapp.domain.outbox import IN_FLIGHT, OutboxState, coded, stored
from hallapp.sending import pullback
from hallapp.sending.sender import CaseFirstError, EntrySender, LeaseLostError, retry_policy
from hallapp.services import cases
from hallapp.storage.material_store import MaterialStoreError
from hallapp.sync.options import SyncOptions, from_settings
from hallapp.sync.outbox import BLOCKED_KEY, KIND_CASE, SENDABLE_STATES
from hallapp.sync.platform_clients import create_adapter
from hallapp.sync.platform_port import (
    AuthError,
    ConfigError,
    ConflictError,
    DeadlineError,
    HashMismatchError,
    PlatformAdapter,
    PlatformError,
    RejectedError,
    TransientError,
)

if TYPE_CHECKING:
    from hallapp.bootstrap import AppContext
    from hallapp.storage import UnitOfWork
    from hallapp.storage.models import Case
    from hallapp.storage.repositories.sync import OutboxRow

log = logging.getLogger(__name__)
RETENTION_KEY = "retention_day"  # the hall day of the last retention purge
DAY_SUMMARIES_KEY = "day_summaries_closed"  # the hall day whose closed days were last summarised
Event = dict[str, Any]
SYNC_ACTOR = "sync"
CASE_WAIT_S = 1.0  # a record whose case is in flight elsewhere is due again this soon (no attempt counted)


def _now() -> datetime:
    return datetime.now(UTC)


def new_owner() -> str:
    return f"{socket.gethostname()[:24]}:{os.getpid()}:{secrets.token_hex(4)}"


class SyncEngine:
    """One engine per process (several may share a database: leases keep them apart)."""

    def __init__(self, app: AppContext, *, options: SyncOptions | None = None,
                 adapter_factory: Callable[[], PlatformAdapter] | None = None, clock: Callable[[], datetime] = _now,
                 rng: random.Random | None = None, on_event: Callable[[Event], None] | None = None,
                 owner: str | None = None) -> None:
        self.app = app
        self.options = options or from_settings(app.settings)
        self._factory = adapter_factory or (lambda: create_adapter(app, self.options))
        self.clock, self.rng, self.on_event = clock, rng or random.Random(), on_event
        self.owner = owner or new_owner()
        self._deadline = float("inf")
        # Lanes take turns at local writes here: SQLite's busy handler sleeps up to 100 ms between tries
        self._writes = threading.Lock()

    def emit(self, event: Event) -> None:
        if self.on_event is None:
            return
        try:
            self.on_event(event)
        except Exception:
            log.exception("sync event listener failed")

    # --- headless -----------------------------------------------------------------------------------

    def run_forever(self, stop: threading.Event, *, daily: bool = True) -> None:
        while not stop.is_set():
            if daily:
                self._daily_chores()
            try:
                summary = self.run_once()
                wait = self._idle_wait(summary)
            except (AuthError, ConfigError) as exc:
                log.error("sync blocked: %s", exc)
                wait = self.options.poll_s
            except Exception:
                log.exception("sync run failed")
                wait = self.options.poll_s
            stop.wait(wait)

    def _close_days(self, today: str) -> None:
        """Once per hall day: the closed days' dashboard summaries, so a supervisor's first month
        read in the morning finds them kept (hallapp/services/day_summaries.py)."""
        from hallapp.services import day_summaries, hall

        try:
            with self.app.db.unit_of_work() as uow:
                if uow.outbox.state_get(DAY_SUMMARIES_KEY) == today:
                    return
            info = hall.hall_info(self.app.db)
            if info is None:  # not set up yet: nothing to summarise
                return
            made = day_summaries.close_days(self.app.db, info.id)
            with self.app.db.unit_of_work(write=True) as uow:
                uow.outbox.state_set(DAY_SUMMARIES_KEY, today)
            log.info("day summaries kept: %d day(s) computed", made)
        except Exception:
            log.exception("day summaries not kept")

    def _daily_chores(self) -> None:
        """Once per hall day, by the daemon: the SQLite backup (cheap when today's exists) and the retention purge."""
        from hallapp.domain.clock import hall_clock
        from hallapp.services import retention
        from hallapp.storage import backup

        backup.daily(self.app)
        today = hall_clock().today().isoformat()
        self._close_days(today)
        try:
            with self.app.db.unit_of_work() as uow:
                if uow.outbox.state_get(RETENTION_KEY) == today:
                    return
            retention.purge(self.app.db, self.app.home, days=self.app.settings.retention.days, actor="sync")
            with self.app.db.unit_of_work(write=True) as uow:  # logged its one line with the counts
                uow.outbox.state_set(RETENTION_KEY, today)
        except Exception:
            log.exception("retention purge failed")

    def _idle_wait(self, summary: dict[str, Any]) -> float:
        if summary.get("offline"):
            wait = min(self.options.poll_s, max(1.0, self.options.backoff_base_s))
            return max(wait, min(summary.get("retry_after_s") or 0.0, self.options.backoff_cap_s))
        with self.app.db.unit_of_work() as uow:
            due = uow.outbox.next_due()
        if due is None:
            return self.options.poll_s
        return max(0.02, min(self.options.poll_s, (due - self.clock()).total_seconds()))

    def run_once(self) -> dict[str, Any]:
        """Send until the outbox is empty or every remaining entry waits on back-off, then pull
        status updates. Raises AuthError / ConfigError (after recording them) at once."""
        summary: dict[str, Any] = {"confirmed": 0, "retrying": 0, "needs_attention": 0, "updates_applied": 0,
                                   "offline": False, "error": None, "deadline": False}
        try:
            client = self._factory()
        except ConfigError as exc:
            self._blocked(stored(exc))
            raise
        self._deadline = time.monotonic() + self.options.run_timeout_s
        client.set_run_deadline(self._deadline)  # the client cuts its requests at it too
        try:
            if not self._probe(client, summary):
                summary["offline"] = True
            else:
                self._drain(client, summary)
                summary["updates_applied"] = pullback.pull(self.app.db, client, self.options.pull_limit)
        except (AuthError, ConfigError) as exc:
            self._blocked(stored(exc))
            raise
        except DeadlineError as exc:
            summary["deadline"], summary["error"] = True, str(exc)
        except TransientError as exc:
            summary["offline"], summary["error"] = True, str(exc)
        finally:
            client.close()
        summary.update(self._backlog())
        self._anchor_audit()
        self.emit({"type": "run", **summary})
        return summary

    def _anchor_audit(self) -> None:
        """Each run writes the audit chain's head outside the database (nothing if it did not move)."""
        from hallapp.services import audit

        try:
            audit.write_anchor(self.app.db, getattr(self.app, "home", None))
        except OSError as exc:  # an anchor is a safeguard: a full disk must not stop the sending
            log.warning("audit anchor not written: %s", exc.strerror or type(exc).__name__)

    def _probe(self, client: PlatformAdapter, summary: dict[str, Any]) -> bool:
        policy = replace(retry_policy(self.options), quick_retries=max(1, self.options.probe_tries) - 1)
        for tried in range(max(1, self.options.probe_tries)):
            try:
                client.ping()
            except DeadlineError:
                raise
            except TransientError as exc:  # no answer, or one that is not the platform's
                log.info("platform probe: %s", exc)
                summary["retry_after_s"] = exc.retry_after_s
                wait = policy.quick_wait_s(tried, exc.retry_after_s)
                if wait is None:
                    break
                if exc.retry_after_s is not None:  # a busy platform asked for a pause, not a hammering
                    time.sleep(wait)
                continue
            self._blocked("")
            self.emit({"type": "link", "up": True})
            return True
        self.emit({"type": "link", "up": False})
        return False

    def _blocked(self, message: str) -> None:
        with self.app.db.unit_of_work(write=True) as uow:
            if uow.outbox.state_get(BLOCKED_KEY) != message:
                uow.outbox.state_set(BLOCKED_KEY, message)
        if message:
            self.emit({"type": "blocked", "error": message})

    def _backlog(self) -> dict[str, Any]:
        with self.app.db.unit_of_work() as uow:
            counts, due = uow.outbox.counts(), uow.outbox.next_due()
        waiting = sum(counts[s] for s in IN_FLIGHT)
        return {"waiting": waiting, "next_due_s": max(0.0, (due - self.clock()).total_seconds()) if due else None}

    # --- entries ------------------------------------------------------------------------------------

    def _claim(self, limit: int, done: _Confirmed | None = None) -> tuple[datetime, list[OutboxRow]]:
        """(when the lease was set, the rows claimed); the lane's confirmations so far are written
        in the same transaction (one local write per batch of cases on a fast link)."""
        with (done or _Confirmed()).taken() as confirmed, self._writes, self.app.db.unit_of_work(write=True) as uow:
            written = self._write_confirmed(uow, confirmed)
            now = self.clock()  # after records_due: the records it just made due are claimable now
            rows = uow.outbox.claim(self.owner, now, now + timedelta(seconds=self.options.lease_s), limit)
        self._emit_confirmed(written)
        return now, rows

    def _lanes(self) -> int:
        return max(1, self.options.lanes)

    def _drain(self, client: PlatformAdapter, summary: dict[str, Any]) -> None:
        """Several lanes, each claiming its own small batch with the lease and sending it on its own
        client: one case's round trips overlap another's. Leases keep lanes apart as they keep
        engines apart; the first lane to fail stops the others, which release what they hold."""
        lanes = self._lanes()
        if lanes == 1:
            self._lane(client, summary, self.options.batch, _Stop())
            return
        stop, clients = _Stop(), [client]
        try:
            for _ in range(lanes - 1):
                clients.append(self._lane_client())
            limit = max(1, self.options.batch // lanes)
            with ThreadPoolExecutor(lanes, thread_name_prefix="hallapp-sync-lane") as pool:
                done = [pool.submit(self._lane, c, summary, limit, stop) for c in clients]
            errors = [error for f in done if (error := f.exception()) is not None]
        finally:
            for extra in clients[1:]:
                extra.close()
        if errors:
            raise stop.error or errors[0]

    def _lane_client(self) -> PlatformAdapter:
        client = self._factory()
        client.set_run_deadline(self._deadline)
        return client

    def _lane(self, client: PlatformAdapter, summary: dict[str, Any], limit: int, stop: _Stop) -> None:
        sender = EntrySender(self.app, client, self.options, self.owner, self.clock, self.emit)
        sender.writes = self._writes
        done = _Confirmed()
        try:
            self._lane_batches(sender, summary, limit, stop, done)
        finally:
            if done:  # whatever ended the lane, what the platform confirmed is written down
                self._flush_last(done, stop)

    def _flush_last(self, done: _Confirmed, stop: _Stop) -> None:
        try:
            self._flush_confirmed(done)
        except Exception:
            if stop.error is None:
                raise
            # the lane's own error is the one to report; these entries are sent again next run (idempotent)
            log.warning("sync: %d confirmations not written locally, resent next run", len(done))

    def _lane_batches(self, sender: EntrySender, summary: dict[str, Any], limit: int, stop: _Stop,
                      done: _Confirmed) -> None:
        while not stop.error:
            claimed, rows = self._claim(limit, done)
            if not rows:
                return
            for index, row in enumerate(rows):
                if stop.error:  # another lane hit a stop: hand the rest back untouched
                    for later in rows[index:]:
                        self._release(later, stored(stop.error))
                    return
                if done.older_than(sender.fresh_s()):  # a slow case: earlier ones must not wait for it
                    self._flush_confirmed(done)
                try:
                    if time.monotonic() >= self._deadline:
                        raise coded(DeadlineError(), "sync.deadline")
                    state = self._process(sender, row, claimed, done)
                except BaseException as exc:
                    stop.set(exc)
                    for later in rows[index:]:
                        self._release(later, stored(exc))
                    raise
                if state in summary:
                    with stop.lock:
                        summary[state] += 1

    def _process(self, sender: EntrySender, row: OutboxRow, claimed: datetime | None = None,
                 done: _Confirmed | None = None) -> str:
        """Send one entry. A confirmation goes to `done` (written with the lane's next claim) or, without
        one, is written at once."""
        self.emit({"type": "entry", "entry_id": row.id, "case_number": row.case_number, "state": OutboxState.SENDING})
        try:
            receipt = sender.send(row, claimed)
        except CaseFirstError as exc:
            return self._wait_for_case(row, exc)
        except LeaseLostError:
            log.warning("outbox entry %s: lease lost to another engine", row.id)
            return "lost"
        except (ConflictError, RejectedError, MaterialStoreError) as exc:
            return self._finish(row, OutboxState.NEEDS_ATTENTION, stored(exc))
        except DeadlineError:
            raise  # released by _drain: the time ran out, not this entry's fault
        except HashMismatchError as exc:
            state = OutboxState.NEEDS_ATTENTION if row.attempts + 1 >= self.options.max_hash_mismatches \
                else OutboxState.RETRYING
            return self._finish(row, state, stored(exc), retry=True)
        except (TransientError, PlatformError) as exc:
            if isinstance(exc, (AuthError, ConfigError)):
                raise
            return self._finish(row, OutboxState.RETRYING, stored(exc), retry=True,
                                retry_after_s=getattr(exc, "retry_after_s", None))
        pending = done if done is not None else _Confirmed()
        pending.add(row, receipt)
        if done is None:
            self._flush_confirmed(pending)
        return OutboxState.CONFIRMED

    def _finish(self, row: OutboxRow, state: str, error: str, *, retry: bool = False,
                retry_after_s: float | None = None) -> str:
        delay = retry_policy(self.options).entry_delay_s(row.attempts + 1, retry_after_s, self.rng)
        when = self.clock() + timedelta(seconds=delay) if retry else None
        with self._writes, self.app.db.unit_of_work(write=True) as uow:
            uow.outbox.finish(row.id, self.owner, state=state, error=error, next_attempt_at=when)
        log.info("outbox entry %s (case %s): %s", row.id, row.case_number, state)
        self.emit({"type": "entry", "entry_id": row.id, "case_number": row.case_number, "state": state, "error": error})
        return state

    def _wait_for_case(self, row: OutboxRow, exc: CaseFirstError) -> str:
        """A record whose case is still on its way waits behind it: no attempt counted, due again when
        its case is (shortly, if the case is in flight), and at once when this engine confirms the case
        (`_write_confirmed`). Other cases are not held up."""
        when = max(exc.case_due or self.clock(), self.clock() + timedelta(seconds=CASE_WAIT_S))
        with self._writes, self.app.db.unit_of_work(write=True) as uow:
            uow.outbox.finish(row.id, self.owner, state=OutboxState.RETRYING, error=stored(exc), next_attempt_at=when,
                              count_attempt=False)
        return "deferred"

    def _release(self, row: OutboxRow, error: str) -> None:
        with self._writes, self.app.db.unit_of_work(write=True) as uow:
            uow.outbox.finish(row.id, self.owner, state=OutboxState.RETRYING if row.attempts else OutboxState.QUEUED,
                              error=error,
                              count_attempt=False)

    def _flush_confirmed(self, done: _Confirmed) -> None:
        with done.taken() as confirmed, self._writes, self.app.db.unit_of_work(write=True) as uow:
            written = self._write_confirmed(uow, confirmed)
        self._emit_confirmed(written)

    def _write_confirmed(self, uow: UnitOfWork, confirmed: list[tuple[OutboxRow, str]]) -> list[OutboxRow]:
        """Entries the platform confirmed, each with its case's move to submitted, in the caller's transaction."""
        at = self.clock()
        # an entry whose fenced finish fails was taken by another engine (our lease ran out): it confirms it
        written = [row for row, receipt in confirmed
                   if uow.outbox.finish(row.id, self.owner, state=OutboxState.CONFIRMED, receipt=receipt,
                                        confirmed_at=at)]
        numbers = [row.case_number for row in written if row.case_id and row.kind == KIND_CASE]
        if numbers:  # a case's own submission moves it; its other records change nothing here
            for case in uow.outbox.cases_for_update(numbers):
                _mark_submitted(uow, case)
            uow.outbox.records_due(numbers, at)  # the records waiting behind these cases follow now
        return written

    def _emit_confirmed(self, rows: list[OutboxRow]) -> None:
        for row in rows:
            self.emit({"type": "entry", "entry_id": row.id, "case_number": row.case_number,
                       "state": OutboxState.CONFIRMED})


def _mark_submitted(uow: UnitOfWork, case: Case) -> None:
    """The case's submission is confirmed: accepted → submitted, with its audit entry, in the
    confirmation's transaction (`cases.transition_in`: the one place a case changes state)."""
    if case.state not in SENDABLE_STATES:
        return  # moved meanwhile (a status update, another engine)
    try:
        cases.transition_in(uow, case, CaseState.SUBMITTED, actor=SYNC_ACTOR)
    except CaseError as exc:
        log.info("case %s not moved to submitted: %s", case.number, exc)


class _Confirmed:
    """What the platform confirmed to one lane and this database does not know yet. Kept only until
    the next local write: a crash before it costs a resend, which the platform answers as before."""

    def __init__(self) -> None:
        self._rows: list[tuple[OutboxRow, str]] = []
        self._since = 0.0

    def __len__(self) -> int:
        return len(self._rows)

    def add(self, row: OutboxRow, receipt: str) -> None:
        if not self._rows:
            self._since = time.monotonic()
        self._rows.append((row, receipt))

    def older_than(self, seconds: float) -> bool:
        return bool(self._rows) and time.monotonic() - self._since > seconds

    @contextmanager
    def taken(self) -> Iterator[list[tuple[OutboxRow, str]]]:
        """The confirmations, gone from here once the block (the transaction writing them) succeeds."""
        rows, since, self._rows = self._rows, self._since, []
        try:
            yield rows
        except BaseException:
            self._rows, self._since = rows + self._rows, since  # kept for the lane's last try
            raise


class _Stop:
    """The first error that ends a drain, shared by its lanes (the others stop at their next entry)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.error: BaseException | None = None

    def set(self, error: BaseException) -> None:
        with self.lock:
            if self.error is None:
                self.error = error


def run_once(app: AppContext, **kwargs: Any) -> dict[str, Any]:
    return SyncEngine(app, **kwargs).run_once()


def run_forever(app: AppContext, stop_event: threading.Event, **kwargs: Any) -> None:
    SyncEngine(app, **kwargs).run_forever(stop_event)


def summary_line(summary: dict[str, Any]) -> str:
    head = "offline (platform unreachable)" if summary.get("offline") else "sent"
    if summary.get("deadline"):
        head = "stopped at the time limit (sync.run_timeout_s), the rest follows next run"
    parts = [f"sync: {head}", f"{summary['confirmed']} confirmed", f"{summary['retrying']} retrying",
             f"{summary['needs_attention']} need attention", f"{summary['updates_applied']} status updates applied",
             f"{summary['waiting']} waiting"]
    if summary.get("next_due_s") is not None and summary["waiting"]:
        parts[-1] += f" (next in {summary['next_due_s']:.0f} s)"
    return ", ".join(parts)
