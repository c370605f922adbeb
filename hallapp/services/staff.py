"""Logging in, locking out, unlocking an idle window, managing accounts. Everything is audited."""

from __future__ import annotations

import functools
import logging
import secrets
from dataclasses import dataclass, replace
from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from hallapp.config import SecuritySettings
from hallapp.domain.errors import CodedError, register
from hallapp.domain.staff import Role, StaffError, lock_after_failure, password_problem
from hallapp.services import presence
from hallapp.storage import Database, UnitOfWork
from hallapp.storage.models import Staff
from hallapp.storage.models.base import utcnow

log = logging.getLogger(__name__)
_hasher = PasswordHasher()  # argon2id with the library's current recommended parameters


class LoginError(CodedError):
    """A refused login; worded for the clerk at the edge (ui/errors.py)."""


register({
    "login.bad_credentials": "Wrong user name or password.",
    "login.locked": "The account is locked: try again in {minutes} minutes, or ask an administrator to unlock it.",
    "login.locked_now": "Too many wrong passwords: the account is locked for {minutes} minutes.",
})


@dataclass(frozen=True)
class StaffSession:
    """Who is logged in. Plain values: safe to hand to the UI and other threads."""

    staff_id: int
    username: str
    display_name: str
    role: Role
    hall_id: int
    elsewhere: tuple[str, ...] = ()  # other PCs (host names) where this clerk is logged in right now


BAD_CREDENTIALS = "login.bad_credentials"


@functools.cache
def _dummy_hash() -> str:
    """A hash of a random secret at the production cost, checked for unknown user names."""
    return _hasher.hash(secrets.token_hex(16))


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def _verify(stored_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def login(db: Database, username: str, password: str, security: SecuritySettings,
          now: datetime | None = None, *, installation: str | None = None) -> StaffSession:
    """Check a password. Failures are committed (count, lock, audit) before LoginError is raised.

    With this PC's `installation` id, the session says on which other PCs the clerk is still logged in
    (`elsewhere`): not refused, since a clerk who left a PC on must still be able to work, but shown."""
    now = now or utcnow()
    with db.unit_of_work(write=True) as uow:
        outcome = _attempt(uow, username, password, security, now)
    if isinstance(outcome, LoginError):
        raise outcome
    if installation is None:
        return outcome
    hosts = tuple(sorted({p.host for p in presence.clerk_elsewhere(db, installation, outcome.username, now=now)}))
    if hosts:
        log.warning("login: the clerk is also logged in on %d other PC(s)", len(hosts))
    return replace(outcome, elsewhere=hosts)


def _attempt(uow: UnitOfWork, username: str, password: str, security: SecuritySettings,
             now: datetime) -> StaffSession | LoginError:
    staff = uow.staff.by_username(username, for_update=True)
    if staff is None or not staff.active:
        _verify(_dummy_hash(), password)  # as slow as a real check: the time must not tell who exists
        uow.audit.append("login_failed", actor=username[:40], subject="staff:unknown")
        return LoginError(BAD_CREDENTIALS)
    subject = f"staff:{staff.username}"
    if staff.locked_until and staff.locked_until > now:
        minutes = int((staff.locked_until - now).total_seconds() // 60) + 1
        uow.audit.append("login_refused_locked", actor=staff.username, subject=subject)
        return LoginError("login.locked", minutes=minutes)
    if not _verify(staff.password_hash, password):
        staff.failed_logins += 1
        staff.locked_until = lock_after_failure(
            staff.failed_logins, now, security.max_failed_logins, security.lockout_minutes
        )
        uow.audit.append("login_failed", actor=staff.username, subject=subject, failed=staff.failed_logins)
        if staff.locked_until:
            uow.audit.append("account_locked", actor="system", subject=subject, minutes=security.lockout_minutes)
            return LoginError("login.locked_now", minutes=security.lockout_minutes)
        return LoginError(BAD_CREDENTIALS)  # no "N tries left": that would tell an unknown name from a known one
    if _hasher.check_needs_rehash(staff.password_hash):
        staff.password_hash = hash_password(password)
    staff.failed_logins = 0
    staff.locked_until = None
    staff.last_login_at = now
    uow.audit.append("login", actor=staff.username, subject=subject)
    return _session_of(staff)


def record_window_locked(db: Database, session: StaffSession, idle_minutes: int) -> None:
    """`idle_minutes` 0 means the clerk locked the window by hand."""
    with db.unit_of_work(write=True) as uow:
        uow.audit.append("window_locked", actor=session.username, subject=f"staff:{session.username}",
                         reason="idle" if idle_minutes else "manual", idle_minutes=idle_minutes)


def logout(db: Database, session: StaffSession) -> None:
    with db.unit_of_work(write=True) as uow:
        uow.audit.append("logout", actor=session.username, subject=f"staff:{session.username}")


def account_problem(username: str, password: str) -> StaffError | None:
    """Why a new account's user name or password is refused, or None."""
    username = username.strip()
    if not username or len(username) > 40:
        return StaffError("staff.bad_username")
    return password_problem(password)


def create_staff(db: Database, actor: str, hall_id: int, username: str, display_name: str,
                 role: Role | str, password: str) -> StaffSession:
    username = username.strip()
    problem = account_problem(username, password)
    if problem:
        raise problem
    password_hash = hash_password(password)  # the slow part, outside the write lock
    with db.unit_of_work(write=True) as uow:
        return add_staff(uow, actor, hall_id, username, display_name, role, password_hash)


def add_staff(uow: UnitOfWork, actor: str, hall_id: int, username: str, display_name: str,
              role: Role | str, password_hash: str) -> StaffSession:
    """The account inside a caller's transaction (first-run set-up writes everything in one)."""
    username = username.strip()
    if uow.staff.by_username(username):
        raise StaffError("staff.exists", user=username)
    staff = Staff(hall_id=hall_id, username=username, display_name=display_name.strip() or username,
                  role=Role(role).value, password_hash=password_hash)
    uow.add(staff)
    uow.flush()
    uow.audit.append("staff_created", actor=actor, subject=f"staff:{username}", role=staff.role)
    return _session_of(staff)


def change_role(db: Database, actor: str, username: str, role: Role | str) -> None:
    with db.unit_of_work(write=True) as uow:
        staff = uow.staff.by_username(username, for_update=True)
        if staff is None:
            raise StaffError("staff.not_found", user=username)
        old, staff.role = staff.role, Role(role).value
        uow.audit.append("role_changed", actor=actor, subject=f"staff:{staff.username}", old=old, new=staff.role)


def unlock_account(db: Database, actor: str, username: str) -> None:
    with db.unit_of_work(write=True) as uow:
        staff = uow.staff.by_username(username, for_update=True)
        if staff is None:
            raise StaffError("staff.not_found", user=username)
        staff.failed_logins, staff.locked_until = 0, None
        uow.audit.append("account_unlocked", actor=actor, subject=f"staff:{staff.username}")


def disable_staff(db: Database, actor: str, username: str) -> None:
    """The account can no longer log in; its history stays. The last active admin cannot go."""
    with db.unit_of_work(write=True) as uow:
        staff = _existing(uow, username)
        if staff.role == Role.ADMIN.value and staff.active and _active_admins(uow, staff.hall_id) <= 1:
            raise StaffError("staff.last_admin", user=staff.username)
        staff.active = False
        uow.audit.append("staff_disabled", actor=actor, subject=f"staff:{staff.username}")


def reset_password(db: Database, actor: str, username: str, password: str) -> None:
    """A new password chosen by an administrator; it also lifts a lock-out."""
    problem = password_problem(password)
    if problem:
        raise problem
    password_hash = hash_password(password)  # the slow part, outside the write lock
    with db.unit_of_work(write=True) as uow:
        staff = _existing(uow, username)
        staff.password_hash, staff.failed_logins, staff.locked_until = password_hash, 0, None
        uow.audit.append("password_reset", actor=actor, subject=f"staff:{staff.username}")


def _existing(uow: UnitOfWork, username: str) -> Staff:
    staff = uow.staff.by_username(username, for_update=True)
    if staff is None:
        raise StaffError("staff.not_found", user=username.strip())
    return staff


def _active_admins(uow: UnitOfWork, hall_id: int) -> int:
    return sum(1 for s in uow.staff.all(hall_id) if s.active and s.role == Role.ADMIN.value)


def list_staff(db: Database, hall_id: int) -> list[dict]:
    with db.unit_of_work() as uow:
        return [
            {"username": s.username, "display_name": s.display_name, "role": s.role, "active": s.active,
             "locked_until": s.locked_until, "last_login_at": s.last_login_at}
            for s in uow.staff.all(hall_id)
        ]


def _session_of(staff: Staff) -> StaffSession:
    return StaffSession(staff.id, staff.username, staff.display_name, Role(staff.role), staff.hall_id)
