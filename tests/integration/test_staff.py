"""Staff accounts: argon2id, lock-out after repeated bad passwords, and the audit trail."""

from __future__ import annotations

from datetime import timedelta

import pytest

from hallapp.config import SecuritySettings
from hallapp.domain.staff import Role
from hallapp.services import audit, staff
from hallapp.services.hall import DEMO_PASSWORD, create_hall, hall_info
from hallapp.storage import Database
from hallapp.storage.models.base import utcnow
from tests.support.refusals import refused

SECURITY = SecuritySettings(max_failed_logins=5, lockout_minutes=5)


@pytest.fixture
def hall_db(any_db: Database) -> Database:
    create_hall(any_db, name="测试大厅", code="T510104", region_code="510104", counters=2,
                admin_username="admin", admin_name="管理员", admin_password="Admin2026x")
    staff.create_staff(any_db, "admin", hall_info(any_db).id, "clerk1", "张三", Role.CLERK, "Clerk2026x")
    return any_db


def test_passwords_are_stored_as_argon2id(hall_db: Database) -> None:
    with hall_db.unit_of_work() as uow:
        stored = uow.staff.by_username("clerk1").password_hash
    assert stored.startswith("$argon2id$") and "Clerk2026x" not in stored


def test_login_returns_the_role_and_is_audited(hall_db: Database) -> None:
    session = staff.login(hall_db, "Clerk1", "Clerk2026x", SECURITY)  # user names ignore case
    assert session.role is Role.CLERK and session.display_name == "张三"
    assert audit.recent(hall_db, action="login")[0].subject == "staff:clerk1"


def test_five_bad_passwords_lock_the_account_for_five_minutes(hall_db: Database) -> None:
    now = utcnow()
    for _ in range(4):
        with refused(staff.LoginError, "login.bad_credentials"):
            staff.login(hall_db, "clerk1", "wrong", SECURITY, now=now)
    with refused(staff.LoginError, "login.locked_now", minutes=5):
        staff.login(hall_db, "clerk1", "wrong", SECURITY, now=now)
    # Even the right password is refused while locked...
    with refused(staff.LoginError, "login.locked"):
        staff.login(hall_db, "clerk1", "Clerk2026x", SECURITY, now=now + timedelta(minutes=4))
    # ...and accepted once the lock has run out.
    assert staff.login(hall_db, "clerk1", "Clerk2026x", SECURITY, now=now + timedelta(minutes=5, seconds=1))
    actions = [e.action for e in audit.recent(hall_db)]
    assert actions.count("login_failed") == 5 and "account_locked" in actions and "login_refused_locked" in actions


def test_lockout_threshold_is_configurable(hall_db: Database) -> None:
    strict = SecuritySettings(max_failed_logins=2, lockout_minutes=30)
    with pytest.raises(staff.LoginError):
        staff.login(hall_db, "clerk1", "wrong", strict)
    with refused(staff.LoginError, "login.locked_now", minutes=30):
        staff.login(hall_db, "clerk1", "wrong", strict)


def test_admin_unlock_and_role_change_are_audited(hall_db: Database) -> None:
    for _ in range(5):
        with pytest.raises(staff.LoginError):
            staff.login(hall_db, "clerk1", "wrong", SECURITY)
    staff.unlock_account(hall_db, "admin", "clerk1")
    staff.change_role(hall_db, "admin", "clerk1", Role.SUPERVISOR)
    assert staff.login(hall_db, "clerk1", "Clerk2026x", SECURITY).role is Role.SUPERVISOR
    changed = audit.recent(hall_db, action="role_changed")[0]
    assert changed.actor == "admin" and '"new": "supervisor"' in changed.detail
    assert audit.broken_links(hall_db) == []


def test_unknown_user_gets_the_same_message_as_a_wrong_password(hall_db: Database) -> None:
    with pytest.raises(staff.LoginError) as unknown:
        staff.login(hall_db, "nobody", "x", SECURITY)
    with pytest.raises(staff.LoginError) as known:
        staff.login(hall_db, "clerk1", "x", SECURITY)
    assert (unknown.value.code, unknown.value.params) == (known.value.code, known.value.params) == ("login.bad_credentials", {})


def test_an_unknown_user_takes_as_long_as_a_wrong_password(hall_db: Database) -> None:
    """Timing must not tell which user names exist: an unknown one is checked against a dummy hash."""
    import time

    def median(username: str) -> float:
        spent = []
        for _ in range(5):
            start = time.perf_counter()
            with pytest.raises(staff.LoginError):
                staff.login(hall_db, username, "wrong-password1", SecuritySettings(max_failed_logins=100))
            spent.append(time.perf_counter() - start)
        return sorted(spent)[2]

    known, unknown = median("clerk1"), median("nobody")
    assert unknown > 0.6 * known, (unknown, known)


@pytest.mark.parametrize(("password", "words"), [
    ("short1", "staff.password_too_short"), ("abcdefghij", "staff.password_letters_and_digits"),
    ("1234567890", "staff.password_letters_and_digits")])
def test_weak_passwords_are_refused(hall_db: Database, password: str, words: str) -> None:
    with refused(staff.StaffError, words):
        staff.create_staff(hall_db, "admin", 1, "clerk9", "李四", Role.CLERK, password)


def test_demo_hall_has_three_counters_and_every_role(demo_db: Database) -> None:
    info = hall_info(demo_db)
    assert info.demo and info.counters == (1, 2, 3)
    roles = {row["role"] for row in staff.list_staff(demo_db, info.id)}
    assert roles == {r.value for r in Role}
    assert staff.login(demo_db, "clerk1", DEMO_PASSWORD, SECURITY).role is Role.CLERK
