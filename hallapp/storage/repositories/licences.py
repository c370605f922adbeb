"""Shared licences (电子证照): consents and what came of them (models/licence.py)."""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import CursorResult, select, update
from sqlalchemy.orm import Session

from hallapp.storage.models import Material, SharedLicence


class LicenceRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def consent(self, licence_id: int) -> SharedLicence:
        """A recorded consent: never deleted (retention blanks its number only), so a missing one is a
        damaged database (NoResultFound), not a case to handle."""
        return self.session.get_one(SharedLicence, licence_id)

    def for_material(self, material_id: int) -> SharedLicence | None:
        """The licence a case material is (None: scanned at the counter)."""
        return self.session.scalars(select(SharedLicence).where(SharedLicence.material_id == material_id)).first()

    def consents_of(self, holder_index: str) -> list[SharedLicence]:
        """Every consent recorded for one holder (by the blind index of the ID number), oldest first."""
        return list(self.session.scalars(select(SharedLicence).where(SharedLicence.holder_index == holder_index)
                                          .order_by(SharedLicence.id)))

    def purge_of_case(self, case_id: int) -> int:
        """Retention: blank the number and issuer of the licences a purged case's materials are (their
        file goes with the case's scans); the consent row, type, times and hash stay for statistics."""
        materials = select(Material.id).where(Material.case_id == case_id)
        result = self.session.execute(update(SharedLicence).where(SharedLicence.material_id.in_(materials))
                                      .values(licence_number="", issuer="").execution_options(synchronize_session=False))
        return cast(CursorResult[Any], result).rowcount or 0  # an UPDATE's result is a CursorResult
