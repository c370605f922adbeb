"""Electronic licences (电子证照) fetched from the platform: the applicant's consent, what came back,
and the case material it became.

A row is written when the applicant consents (before anything is asked of the platform), then
completed with the licence (state `fetched`) or the failure's code. The licence's file is stored
in the material store like a scan, addressed by its SHA-256; a case material whose bytes are that
file *is* that licence: it is marked 电子证照 when it is inserted (see the listeners below), whoever
writes it, so the intake needs nothing more than the PDF.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Connection, ForeignKey, Select, String, event, select, update
from sqlalchemy.orm import Mapped, backref, mapped_column, relationship

from hallapp.domain.licences import SOURCE_LICENCE
from hallapp.storage.models.base import Base, utcnow
from hallapp.storage.models.case import Material
from hallapp.storage.sealing import SealedText


class SharedLicence(Base):
    """One consent to fetch one licence type for one holder. `holder_index` is the keyed blind index
    of the holder's ID number (never the number); the licence number is sealed."""

    __tablename__ = "shared_licence"

    id: Mapped[int] = mapped_column(primary_key=True)
    consent_ref: Mapped[str] = mapped_column(String(40), unique=True)  # sent to the platform as consent.reference
    licence_type: Mapped[str] = mapped_column(String(24))
    holder_index: Mapped[str] = mapped_column(String(64), index=True)
    staff: Mapped[str] = mapped_column(String(40))  # the clerk who asked (user name)
    consented_at: Mapped[datetime]
    state: Mapped[str] = mapped_column(String(12), default="consented")  # consented | fetched | failed
    failure: Mapped[str] = mapped_column(String(40), default="")  # the refusal's code when failed
    licence_number: Mapped[str] = mapped_column(SealedText("shared_licence.licence_number"), default="")
    issuer: Mapped[str] = mapped_column(String(120), default="")
    issued_on: Mapped[date | None]
    sha256: Mapped[str | None] = mapped_column(String(64), index=True)
    fetched_at: Mapped[datetime | None]
    material_id: Mapped[int | None] = mapped_column(ForeignKey("material.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Read-only both ways (the link is written by the listener below): `material.licence` is what the
    # record (sync/records.py) and the receipt name as the material's issuer and number.
    material: Mapped[Material | None] = relationship(
        viewonly=True, backref=backref("licence", uselist=False, viewonly=True))


def _fetched(sha256: str | None) -> Select[int]:
    return (select(SharedLicence.id).where(SharedLicence.sha256 == sha256, SharedLicence.state == "fetched",
                                           SharedLicence.material_id.is_(None))
            .order_by(SharedLicence.id.desc()).limit(1))


@event.listens_for(Material, "before_insert")
def _mark_licence(_mapper: object, connection: Connection, target: Material) -> None:
    # The platform's own file (same SHA-256): an electronic material (GB/T 39046 form 3, 电子证照).
    if target.sha256 and connection.execute(_fetched(target.sha256)).first() is not None:
        target.source, target.form = SOURCE_LICENCE, "electronic"


@event.listens_for(Material, "after_insert")
def _link_licence(_mapper: object, connection: Connection, target: Material) -> None:
    if target.source != SOURCE_LICENCE:
        return
    licence_id = connection.execute(_fetched(target.sha256)).scalar()
    if licence_id is not None:
        connection.execute(update(SharedLicence).where(SharedLicence.id == licence_id).values(material_id=target.id))
