"""Staff roles and what each may open. Lock-out arithmetic lives here, free of storage."""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum

from hallapp.domain.errors import CodedError, register


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
    SETTINGS = "settings"


# An admin manages accounts and configuration; a supervisor may also staff a counter. A technician
# sets devices up on the Devices page (its Configure dialogs); the hall's settings are the admin's.
PAGES_BY_ROLE: dict[Role, tuple[Page, ...]] = {
    Role.CLERK: (Page.COUNTER, Page.SYNC, Page.CASES),
    Role.SUPERVISOR: (Page.SUPERVISOR, Page.COUNTER, Page.SYNC, Page.CASES),
    Role.TECHNICIAN: (Page.DEVICES, Page.SYNC),
    Role.ADMIN: (Page.ADMIN, Page.SUPERVISOR, Page.DEVICES, Page.COUNTER, Page.SYNC, Page.CASES, Page.SETTINGS),
}

MIN_PASSWORD_LENGTH = 8


def pages_for(role: Role | str) -> tuple[Page, ...]:
    return PAGES_BY_ROLE[Role(role)]


class StaffError(CodedError):
    """A refused account change; worded for the user at the edge (ui/errors.py)."""


register({
    "staff.password_too_short": "A password needs at least {length} characters.",
    "staff.password_letters_and_digits": "A password needs both letters and digits.",
    "staff.bad_username": "A user name is 1 to 40 characters.",
    "staff.exists": "The user name {user} is taken.",
    "staff.not_found": "There is no user {user}.",
    "staff.last_admin": "{user} is the last active administrator and cannot be disabled: add another administrator "
                        "first.",
})


def password_problem(password: str) -> StaffError | None:
    """Why a new password is refused, or None."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return StaffError("staff.password_too_short", length=MIN_PASSWORD_LENGTH)
    if password.isdigit() or password.isalpha():
        return StaffError("staff.password_letters_and_digits")
    return None


def lock_after_failure(failed: int, now: datetime, max_failed: int, minutes: int) -> datetime | None:
    """When an account with `failed` consecutive bad passwords unlocks, or None if not locked."""
    return now + timedelta(minutes=minutes) if failed >= max_failed else None
