"""The retention policy: once the platform has confirmed everything of a case and `retention.days`
have passed, this PC no longer needs the applicant's scans or personal fields; the platform and the
handling authority hold the case. Purged: scans on disk, name, ID number (and its index), birth
date, address, phone, delivery address, the outbox payloads, an e-licence's number and issuer (its
file is one of the scans). Kept: the case row (number, item, states, times), material hashes and
pages, outbox states, evaluations, consent rows and the audit trail, so the statistics and the
tamper-evident history do not change.

The database is purged first, in one transaction, and scans are deleted after it commits: a crash
in between leaves only encrypted files no live case refers to, which the next run deletes.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from hallapp.domain.clock import hall_clock
from hallapp.home import Home
from hallapp.storage import Database, material_store
from hallapp.storage.repositories.licences import LicenceRepository

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PurgeReport:
    dry_run: bool
    cutoff: datetime  # confirmed before this (aware UTC): purged
    cases: tuple[str, ...]  # case numbers purged (or, in a dry run, that would be)
    scans: int  # scan files removed (or that would be)
    scan_bytes: int
    waiting: int  # cases the platform has not confirmed yet: untouched


def purge(db: Database, home: Home, *, days: int, actor: str = "system", dry_run: bool = False,
          now: datetime | None = None) -> PurgeReport:
    """Purge every case confirmed more than `days` ago; `dry_run` only reports what would go."""
    cutoff = (now or hall_clock().now()) - timedelta(days=days)
    with db.unit_of_work(write=not dry_run) as uow:
        found = uow.cases.purgeable(cutoff)
        waiting = uow.cases.waiting_for_confirmation()
        if dry_run:
            doomed = uow.cases.scans_of(found)
        else:
            stamp = now or hall_clock().now()
            for case in found:
                uow.cases.purge_personal(case, stamp)
                LicenceRepository(uow.session).purge_of_case(case.id)  # 电子证照: number and issuer
                uow.audit.append("case_purged", actor=actor, subject=f"case:{case.number}", days=days)
        numbers = tuple(c.number for c in found)
    if dry_run:
        scans, size = material_store.measure(home, doomed)
    else:
        with db.unit_of_work() as uow:
            doomed = uow.cases.scans_of_purged()
        scans, size = material_store.remove(home, doomed)
        log.info("retention: %d cases purged, %d scans removed (%d bytes)", len(numbers), scans, size)
    return PurgeReport(dry_run, cutoff, numbers, scans, size, waiting)
