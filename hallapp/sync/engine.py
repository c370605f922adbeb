"""The sync engine: claims due outbox entries with a lease, sends them, backs off on failure, pulls
status updates back. No Qt: the window runs `SyncEngine.start()` (its own thread) and bridges the
event callback to a signal; `hallapp sync` runs `run_once` / `run_forever` headless.

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
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

from hallapp.domain.cases import CaseError, CaseState
from hallapp.services import cases
from hallapp.services.material_store import MaterialStoreError
from hallapp.sync import pullback
from hallapp.sync.adapter import (
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
from hallapp.sync.adapters import create_adapter
from hallapp.sync.options import SyncOptions, from_settings
from hallapp.sync.outbox import KIND_CASE, SENDABLE_STATES
from hallapp.sync.sender import EntrySender, LeaseLostError, retry_policy

log = logging.getLogger(__name__)
BLOCKED_KEY = "blocked"
RETENTION_KEY = "retention_day"  # the hall day of the last retention purge
Event = dict[str, Any]


def _now() -> datetime:
    return datetime.now(UTC)


def new_owner() -> str:
    return f"{socket.gethostname()[:24]}:{os.getpid()}:{secrets.token_hex(4)}"


class SyncEngine:
    """One engine per process (several may share a database: leases keep them apart)."""

    def __init__(self, app: Any, *, options: SyncOptions | None = None,  # noqa: ANN401 - AppContext
                 adapter_factory: Callable[[], PlatformAdapter] | None = None, clock: Callable[[], datetime] = _now,
                 rng: random.Random | None = None, on_event: Callable[[Event], None] | None = None,
                 owner: str | None = None) -> None:
        self.app = app
        self.options = options or from_settings(app.settings)
        self._factory = adapter_factory or (lambda: create_adapter(app, self.options))
        self.clock, self.rng, self.on_event = clock, rng or random.Random(), on_event
        self.owner = owner or new_owner()
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._deadline = float("inf")
        # Lanes take turns at local writes here: SQLite's busy handler sleeps up to 100 ms between tries
        self._writes = threading.Lock()

    # --- thread for the window ---------------------------------------------------------------------

    def start(self) -> None:
        if self._thread and self._thread.is_alive():
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self.run_forever, args=(self._stop,), kwargs={"daily": False},
                                        name="hallapp-sync", daemon=True)  # the window backs up itself, never purges
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        if self._thread:
            self._thread.join(timeout)

    def emit(self, event: Event) -> None:
        if self.on_event is None:
            return
        try:
            self.on_event(event)
        except Exception:  # noqa: BLE001 - a listener's bug must not stop the sync
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
            except Exception:  # noqa: BLE001 - the daemon keeps going; the detail is in the log
                log.exception("sync run failed")
                wait = self.options.poll_s
            stop.wait(wait)

    def _daily_chores(self) -> None:
        """Once per hall day, by the daemon: the SQLite backup (cheap when today's exists) and the retention purge."""
        from hallapp.domain.clock import hall_clock
        from hallapp.services import retention
        from hallapp.storage import backup

        backup.daily(self.app)
        today = hall_clock().today().isoformat()
        try:
            with self.app.db.unit_of_work() as uow:
                if uow.outbox.state_get(RETENTION_KEY) == today:
                    return
            retention.purge(self.app.db, self.app.home, days=self.app.settings.retention.days, actor="sync")
            with self.app.db.unit_of_work(write=True) as uow:  # logged its one line with the counts
                uow.outbox.state_set(RETENTION_KEY, today)
        except Exception:  # noqa: BLE001 - a failed purge must not stop the sending; tried again next run
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
            self._blocked(str(exc))
            raise
        self._deadline = time.monotonic() + self.options.run_timeout_s
        if callable(getattr(client, "set_run_deadline", None)):  # the built-in client cuts requests at it too
            client.set_run_deadline(self._deadline)
        try:
            if not self._probe(client, summary):
                summary["offline"] = True
            else:
                self._drain(client, summary)
                summary["updates_applied"] = pullback.pull(self.app.db, client, self.options.pull_limit)
        except (AuthError, ConfigError) as exc:
            self._blocked(str(exc))
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
        waiting = sum(counts[s] for s in ("queued", "retrying", "sending", "sent"))
        return {"waiting": waiting, "next_due_s": max(0.0, (due - self.clock()).total_seconds()) if due else None}

    # --- entries ------------------------------------------------------------------------------------

    def _claim(self, limit: int) -> tuple[datetime, list[Any]]:
        """(when the lease was set, the rows claimed)."""
        now = self.clock()
        with self._writes, self.app.db.unit_of_work(write=True) as uow:
            return now, uow.outbox.claim(self.owner, now, now + timedelta(seconds=self.options.lease_s), limit)

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
            errors = [f.exception() for f in done if f.exception() is not None]
        finally:
            for extra in clients[1:]:
                extra.close()
        if errors:
            raise stop.error or errors[0]

    def _lane_client(self) -> PlatformAdapter:
        client = self._factory()
        if callable(getattr(client, "set_run_deadline", None)):
            client.set_run_deadline(self._deadline)
        return client

    def _lane(self, client: PlatformAdapter, summary: dict[str, Any], limit: int, stop: _Stop) -> None:
        sender = EntrySender(self.app, client, self.options, self.owner, self.clock, self.emit)
        sender.writes = self._writes
        while not stop.error:
            claimed, rows = self._claim(limit)
            if not rows:
                return
            for index, row in enumerate(rows):
                if stop.error:  # another lane hit a stop: hand the rest back untouched
                    for later in rows[index:]:
                        self._release(later, str(stop.error))
                    return
                try:
                    if time.monotonic() >= self._deadline:
                        raise DeadlineError("本轮同步已到时限，下一轮继续")
                    state = self._process(sender, row, claimed)
                except BaseException as exc:
                    stop.set(exc)
                    for later in rows[index:]:
                        self._release(later, str(exc))
                    raise
                if state in summary:
                    with stop.lock:
                        summary[state] += 1

    def _process(self, sender: EntrySender, row: Any, claimed: datetime | None = None) -> str:  # noqa: ANN401
        self.emit({"type": "entry", "entry_id": row.id, "case_number": row.case_number, "state": "sending"})
        try:
            receipt = sender.send(row, claimed)
        except LeaseLostError:
            log.warning("outbox entry %s: lease lost to another engine", row.id)
            return "lost"
        except (ConflictError, RejectedError, MaterialStoreError) as exc:
            return self._finish(row, "needs_attention", str(exc))
        except DeadlineError:
            raise  # released by _drain: the time ran out, not this entry's fault
        except HashMismatchError as exc:
            state = "needs_attention" if row.attempts + 1 >= self.options.max_hash_mismatches else "retrying"
            return self._finish(row, state, str(exc), retry=True)
        except (TransientError, PlatformError) as exc:
            if isinstance(exc, (AuthError, ConfigError)):
                raise
            return self._finish(row, "retrying", str(exc), retry=True, retry_after_s=getattr(exc, "retry_after_s", None))
        self._confirm(row, receipt)
        return "confirmed"

    def _finish(self, row: Any, state: str, error: str, *, retry: bool = False,  # noqa: ANN401
                retry_after_s: float | None = None) -> str:
        delay = retry_policy(self.options).entry_delay_s(row.attempts + 1, retry_after_s, self.rng)
        when = self.clock() + timedelta(seconds=delay) if retry else None
        with self._writes, self.app.db.unit_of_work(write=True) as uow:
            uow.outbox.finish(row.id, self.owner, state=state, error=error, next_attempt_at=when)
        log.info("outbox entry %s (case %s): %s", row.id, row.case_number, state)
        self.emit({"type": "entry", "entry_id": row.id, "case_number": row.case_number, "state": state, "error": error})
        return state

    def _release(self, row: Any, error: str) -> None:  # noqa: ANN401
        with self._writes, self.app.db.unit_of_work(write=True) as uow:
            uow.outbox.finish(row.id, self.owner, state="retrying" if row.attempts else "queued", error=error,
                              count_attempt=False)

    def _confirm(self, row: Any, receipt: str) -> None:  # noqa: ANN401
        with self.app.db.unit_of_work() as uow:
            # Only the case's own submission moves it to submitted; its other records change nothing here.
            local = uow.outbox.case_state(row.case_number) if row.case_id and row.kind == KIND_CASE else None
        if local and local[0] in SENDABLE_STATES:
            try:
                with self._writes:
                    cases.transition(self.app.db, row.case_number, CaseState.SUBMITTED, actor="sync")
            except CaseError as exc:  # moved meanwhile (another engine, a status update)
                log.info("case %s not moved to submitted: %s", row.case_number, exc)
        with self._writes, self.app.db.unit_of_work(write=True) as uow:
            uow.outbox.finish(row.id, self.owner, state="confirmed", receipt=receipt, confirmed_at=self.clock())
        self.emit({"type": "entry", "entry_id": row.id, "case_number": row.case_number, "state": "confirmed"})


class _Stop:
    """The first error that ends a drain, shared by its lanes (the others stop at their next entry)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.error: BaseException | None = None

    def set(self, error: BaseException) -> None:
        with self.lock:
            if self.error is None:
                self.error = error


def run_once(app: Any, **kwargs: Any) -> dict[str, Any]:  # noqa: ANN401
    return SyncEngine(app, **kwargs).run_once()


def run_forever(app: Any, stop_event: threading.Event, **kwargs: Any) -> None:  # noqa: ANN401
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
