"""The audit trail shows an edit (even with its hashes recomputed), a deleted tail and an emptied
table: the chain is keyed with the hall's audit key and anchored outside the database."""

from __future__ import annotations

import hashlib
import json
import os
import stat
from pathlib import Path

import pytest
from sqlalchemy import delete, select, update

from hallapp.home import Home
from hallapp.services import audit
from hallapp.storage import Database
from hallapp.storage.models import AuditEvent
from hallapp.storage.repositories import audit as chain


@pytest.fixture
def hall(any_db: Database, home: Path) -> tuple[Database, Home]:
    """A database keyed with this home's audit key, with ten events and an anchor of them."""
    place = Home(home).ensure()
    audit.attach(any_db, place)
    with any_db.unit_of_work(write=True) as uow:
        for n in range(10):
            uow.audit.append("login", actor=f"clerk{n}", subject="staff:x")
    audit.write_anchor(any_db, place)
    return any_db, place


def _recompute_plain(db: Database) -> None:
    """What a person with a database tool can do: rewrite every hash by the published unkeyed rule."""
    with db.unit_of_work(write=True) as uow:
        prev = chain.GENESIS
        for ev in uow.session.scalars(select(AuditEvent).order_by(AuditEvent.id)).all():
            digest = hashlib.sha256(json.dumps(
                [prev, ev.at.replace(tzinfo=None).isoformat(timespec="microseconds"), ev.actor, ev.action,
                 ev.subject, ev.detail], ensure_ascii=False).encode()).hexdigest()
            uow.session.execute(update(AuditEvent).where(AuditEvent.id == ev.id)
                                .values(prev_hash=prev, hash=digest, scheme="sha256", key_id=""))
            prev = digest


def test_an_intact_trail_passes_and_its_key_stays_outside_the_database(hall) -> None:
    db, home = hall
    check = audit.verify(db, home)
    assert check.ok and check.anchor.count == 10, check.describe()
    assert audit.broken_links(db) == []
    key_file = home.keys_dir / chain.KEY_FILE
    assert stat.S_IMODE(os.stat(key_file).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(audit.anchor_path(home)).st_mode) == 0o600
    with db.unit_of_work() as uow:
        assert {e.scheme for e in uow.audit.events(limit=20)} == {"hmac-sha256"}


def test_an_edit_with_recomputed_hashes_is_found(hall) -> None:
    db, home = hall
    with db.unit_of_work(write=True) as uow:
        third = sorted(e.id for e in uow.audit.events(limit=20))[2]
        uow.session.execute(update(AuditEvent).where(AuditEvent.id == third).values(actor="someone-else"))
    _recompute_plain(db)
    check = audit.verify(db, home)
    assert not check.ok and check.head_altered, check.describe()  # the signed anchor no longer matches
    assert audit.broken_links(db)
    assert "altered" in check.describe()


def test_an_edit_recomputed_without_the_key_breaks_the_keyed_chain(hall) -> None:
    """Edited, then every later hash recomputed by the unkeyed rule while the rows still say keyed."""
    db, home = hall
    with db.unit_of_work(write=True) as uow:
        third = sorted(e.id for e in uow.audit.events(limit=20))[2]
        uow.session.execute(update(AuditEvent).where(AuditEvent.id == third).values(actor="someone-else"))
    _recompute_plain(db)
    with db.unit_of_work(write=True) as uow:
        uow.session.execute(update(AuditEvent).values(scheme="hmac-sha256", key_id=chain.chain_key(db.engine).key_id))
    assert len(audit.verify(db, home).broken) == 10


def test_an_edit_recomputed_with_keyed_rows_left_alone_is_found(hall) -> None:
    """Only the edited row's hash is recomputed (no key): that row and its successor fail."""
    db, home = hall
    with db.unit_of_work(write=True) as uow:
        fifth = sorted(e.id for e in uow.audit.events(limit=20))[4]
        uow.session.execute(update(AuditEvent).where(AuditEvent.id == fifth).values(action="logout"))
    assert fifth in audit.verify(db, home).broken


def test_a_deleted_tail_is_found(hall) -> None:
    db, home = hall
    with db.unit_of_work(write=True) as uow:
        ids = sorted(e.id for e in uow.audit.events(limit=20))
        uow.session.execute(delete(AuditEvent).where(AuditEvent.id.in_(ids[-3:])))
    check = audit.verify(db, home)
    assert check.broken == [] and check.missing == 3, check.describe()  # the rest still chains
    assert "3 events" in check.describe() and not check.ok
    assert audit.broken_links(db) == [ids[-1]]


def test_an_emptied_table_is_found(hall) -> None:
    db, home = hall
    with db.unit_of_work(write=True) as uow:
        uow.session.execute(delete(AuditEvent))
    check = audit.verify(db, home)
    assert check.missing == 10 and not check.ok, check.describe()
    assert audit.broken_links(db)


def test_a_forged_anchor_line_is_refused(hall) -> None:
    db, home = hall
    with db.unit_of_work(write=True) as uow:
        uow.session.execute(delete(AuditEvent))
    forged = json.loads(audit.anchor_path(home).read_text().splitlines()[-1])
    forged.update(count=0, head_id=0, head_hash=chain.GENESIS)
    with open(audit.anchor_path(home), "a") as out:
        out.write(json.dumps(forged) + "\n")
    check = audit.verify(db, home)
    assert check.missing == 10 and check.anchor_problems, check.describe()


def test_old_rows_keep_the_old_rule_and_the_switch_over_is_recorded(any_db: Database, home: Path) -> None:
    with any_db.unit_of_work(write=True) as uow:
        for n in range(3):
            uow.audit.append("login", actor=f"clerk{n}")
    _recompute_plain(any_db)  # now as a hall from before this version wrote them: no key
    place = Home(home).ensure()
    audit.attach(any_db, place)
    with any_db.unit_of_work(write=True) as uow:
        uow.audit.append("logout", actor="clerk0")
    with any_db.unit_of_work() as uow:
        rows = list(reversed(uow.audit.events(limit=10)))
    assert [(r.action, r.scheme) for r in rows] == [("login", "sha256")] * 3 + [
        ("audit_keyed", "hmac-sha256"), ("logout", "hmac-sha256")]
    assert json.loads(rows[3].detail)["legacy_rows"] == 3
    assert audit.verify(any_db, place).ok
    audit.write_anchor(any_db, place)
    _recompute_plain(any_db)  # a downgrade of the keyed rows to the rule anyone can compute
    assert audit.verify(any_db, place).head_altered


def test_a_sqlite_hall_is_keyed_from_its_home_without_attach(tmp_path: Path) -> None:
    place = Home(tmp_path / "h").ensure()
    db = Database(f"sqlite:///{place.database_file()}")
    db.upgrade()
    try:
        with db.unit_of_work(write=True) as uow:
            uow.audit.append("login", actor="clerk1")
        assert (place.keys_dir / chain.KEY_FILE).exists()
        audit.write_anchor(db)
        with db.unit_of_work(write=True) as uow:
            uow.session.execute(delete(AuditEvent))
        assert audit.broken_links(db)
    finally:
        db.dispose()
