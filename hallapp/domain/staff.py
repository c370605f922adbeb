"""Staff roles and what each may open. Lock-out arithmetic lives here, free of storage."""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum


class Role(StrEnum):
    CLERK = "clerk"  # 窗口人员
    SUPERVISOR = "supervisor"  # 值班主任
    TECHNICIAN = "technician"  # 运维人员
    ADMIN = "admin"  # 系统管理员


class Page(StrEnum):
    COUNTER = "counter"
    SUPERVISOR = "supervisor"
    DEVICES = "devices"
    ADMIN = "admin"
    SYNC = "sync"
    CASES = "cases"


# An admin manages accounts and configuration; a supervisor may also staff a counter.
PAGES_BY_ROLE: dict[Role, tuple[Page, ...]] = {
    Role.CLERK: (Page.COUNTER, Page.SYNC, Page.CASES),
    Role.SUPERVISOR: (Page.SUPERVISOR, Page.COUNTER, Page.SYNC, Page.CASES),
    Role.TECHNICIAN: (Page.DEVICES, Page.SYNC),
    Role.ADMIN: (Page.ADMIN, Page.SUPERVISOR, Page.DEVICES, Page.COUNTER, Page.SYNC, Page.CASES),
}

MIN_PASSWORD_LENGTH = 8


def pages_for(role: Role | str) -> tuple[Page, ...]:
    return PAGES_BY_ROLE[Role(role)]


def password_problem(password: str) -> str | None:
    """Why a new password is refused, in words a clerk understands, or None."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return f"密码至少需要 {MIN_PASSWORD_LENGTH} 位"
    if password.isdigit() or password.isalpha():
        return "密码需同时包含字母和数字"
    return None


def lock_after_failure(failed: int, now: datetime, max_failed: int, minutes: int) -> datetime | None:
    """When an account with `failed` consecutive bad passwords unlocks, or None if not locked."""
    return now + timedelta(minutes=minutes) if failed >= max_failed else None
