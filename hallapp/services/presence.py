"""Which PC is where: a heartbeat row per installation (counter, clerk, role, last seen).

On a shared database several PCs make one hall; a technician may set two of them to the same
counter number, or a clerk may stay logged in on a PC she left. Neither is refused (the hall must
keep working), both are shown: in the counter window's status line, at login and in
`hallapp counters list` (with a PC set to a counter the hall lacks). A PC not seen for STALE_SECONDS counts as gone.
"""

from __future__ import annotations

import socket
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from hallapp.domain.clock import hall_clock
from hallapp.home import Home
from hallapp.storage import Database
from hallapp.storage.ledger import NumberingLedger
from hallapp.storage.models import CounterPresence

STALE_SECONDS = 90  # three missed heartbeats of the counter window (every 30 s)
HEARTBEAT_SECONDS = 30


@dataclass(frozen=True)
class Presence:
    installation: str
    host: str
    role: str
    counter_number: int | None
    staff_username: str | None
    last_seen: datetime


def installation_id(home: Home) -> str:
    """This PC's id (the one its case numbering uses): a copied home on another PC gets a new one."""
    return NumberingLedger(home.numbering_file).installation()


def host_name() -> str:
    return socket.gethostname()[:64]


def beat(db: Database, installation: str, *, role: str = "counter", counter_number: int | None = None,
         staff_username: str | None = None, host: str | None = None, now: datetime | None = None) -> None:
    """Record that this PC is alive, at which counter, with whom logged in. Blocking (database)."""
    now = now or hall_clock().now()
    with db.unit_of_work(write=True) as uow:
        row = uow.shared.presence(installation, for_update=True)
        if row is None:
            row = CounterPresence(installation=installation)
            uow.add(row)
        row.host, row.role, row.last_seen = (host or host_name())[:64], role, now
        row.counter_number, row.staff_username = counter_number, staff_username


def leave(db: Database, installation: str) -> None:
    """The window closed or the clerk logged out: this PC no longer holds its counter or clerk."""
    with db.unit_of_work(write=True) as uow:
        row = uow.shared.presence(installation, for_update=True)
        if row is not None:
            row.staff_username = None


def alive(db: Database, *, now: datetime | None = None) -> list[Presence]:
    """Every PC seen within STALE_SECONDS, by counter then host."""
    since = (now or hall_clock().now()) - timedelta(seconds=STALE_SECONDS)
    with db.unit_of_work() as uow:
        rows = uow.shared.seen_since(since)
        found = [Presence(r.installation, r.host, r.role, r.counter_number, r.staff_username, r.last_seen)
                 for r in rows]
    return sorted(found, key=lambda p: (p.counter_number or 0, p.host))


def same_counter(db: Database, installation: str, counter_number: int, *,
                 now: datetime | None = None) -> list[Presence]:
    """Other live PCs set to this counter number (they would serve each other's tickets)."""
    return [p for p in alive(db, now=now)
            if p.counter_number == counter_number and p.installation != installation and p.role == "counter"]


def clerk_elsewhere(db: Database, installation: str, username: str, *,
                    now: datetime | None = None) -> list[Presence]:
    """Other live PCs where this clerk is logged in."""
    return [p for p in alive(db, now=now) if p.staff_username == username and p.installation != installation]


def doubled_counters(db: Database, *, now: datetime | None = None) -> dict[int, list[Presence]]:
    """Counter number → the live PCs set to it, for every counter set on more than one PC."""
    by_counter: dict[int, list[Presence]] = {}
    for p in alive(db, now=now):
        if p.role == "counter" and p.counter_number is not None:
            by_counter.setdefault(p.counter_number, []).append(p)
    return {number: pcs for number, pcs in by_counter.items() if len(pcs) > 1}


def problems(db: Database, counters: Sequence[int], *, now: datetime | None = None) -> list[str]:
    """What a technician should fix, one English line each (`hallapp counters list`): two live PCs on one
    counter, one clerk logged in on two PCs, a PC set to a counter the hall does not have."""
    live = alive(db, now=now)
    lines = [f"counter {number} is set on {len(pcs)} PCs at once ({_hosts(pcs)}): they serve each other's "
             "tickets; give one of them another `hallapp config set counter.number N`"
             for number, pcs in sorted(doubled_counters(db, now=now).items())]
    by_clerk: dict[str, list[Presence]] = {}
    for p in live:
        if p.staff_username:
            by_clerk.setdefault(p.staff_username, []).append(p)
    lines += [f"{user} is logged in on {len(pcs)} PCs ({_hosts(pcs)}): log out where {user} is not working"
              for user, pcs in sorted(by_clerk.items()) if len(pcs) > 1]
    lines += [f"PC {p.host} is set to counter {p.counter_number}, which this hall does not have: set one of the "
              "hall's counters there (`hallapp config set counter.number N`) or add counters (`hallapp counters add N`)"
              for p in live if p.role == "counter" and p.counter_number is not None and p.counter_number not in counters]
    return lines


def _hosts(pcs: Sequence[Presence]) -> str:
    return ", ".join(sorted(f"{p.host} ({p.installation[:8]})" if _same_host(pcs, p) else p.host for p in pcs))


def _same_host(pcs: Sequence[Presence], p: Presence) -> bool:
    """Two homes on one machine share a host name: then the installation id tells them apart."""
    return sum(1 for other in pcs if other.host == p.host) > 1


def sync_daemons(db: Database, *, besides: str, now: datetime | None = None) -> list[Presence]:
    """Live sync daemons on PCs other than installation `besides`, most recently seen first."""
    found = [p for p in alive(db, now=now) if p.role == "sync" and p.installation != besides]
    return sorted(found, key=lambda p: p.last_seen, reverse=True)


def describe(p: Presence) -> str:
    """A PC as a technician finds it: host name, installation id, when last seen (hall time)."""
    clock = hall_clock()
    return f"{p.host} (installation {p.installation}, seen {clock.format(p.last_seen, '%H:%M:%S')})"


def sync_hosts(db: Database, *, now: datetime | None = None) -> list[str]:
    """Hosts where a sync daemon was seen lately: the PC that holds the hall's signing key."""
    return sorted({p.host for p in alive(db, now=now) if p.role == "sync"})


def beat_counter(db: Database, home: Home, counter_number: int, staff_id: int | None) -> list[Presence]:
    """The counter window's heartbeat: records this PC at its counter with its clerk, and returns the
    other live PCs set to the same counter number. Blocking (disk, database): call it from a worker."""
    installation = installation_id(home)
    username = None
    if staff_id is not None:
        with db.unit_of_work() as uow:
            clerk = uow.staff.get(staff_id)
            username = clerk.username if clerk is not None else None
    beat(db, installation, counter_number=counter_number, staff_username=username)
    return same_counter(db, installation, counter_number)
