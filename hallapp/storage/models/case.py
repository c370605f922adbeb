"""Cases (办件), applicants, the materials collected for a case and their pages."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Connection, ForeignKey, Index, String, event
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hallapp.storage.models.base import Base, utcnow
from hallapp.storage.sealing import SealedDate, SealedText, sealer_of


class Applicant(Base):
    """A person on a case. Name, ID number, birth date, address and phone are sealed (storage/sealing.py);
    `certificate_number_index` is the keyed blind index an ID-number search compares with."""

    __tablename__ = "applicant"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(SealedText("applicant.name"))
    certificate_type: Mapped[str] = mapped_column(String(3), default="111")  # GA/T 2000.156
    certificate_number: Mapped[str] = mapped_column(SealedText("applicant.certificate_number"))
    certificate_number_index: Mapped[str | None] = mapped_column(String(64), index=True)
    sex_code: Mapped[str | None] = mapped_column(String(1))
    nation_code: Mapped[str | None] = mapped_column(String(2))
    birth_date: Mapped[date | None] = mapped_column(SealedDate("applicant.birth_date"))
    address: Mapped[str] = mapped_column(SealedText("applicant.address"), default="")
    phone: Mapped[str] = mapped_column(SealedText("applicant.phone"), default="")
    region_code: Mapped[str | None] = mapped_column(String(6))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


@event.listens_for(Applicant, "before_insert")
@event.listens_for(Applicant, "before_update")
def _index_certificate(_mapper: object, connection: Connection, target: Applicant) -> None:
    # The index needs the engine's key, known only here; every writer of an applicant gets it for free.
    number = target.certificate_number or ""
    target.certificate_number_index = sealer_of(connection.dialect).blind(number) if number else None


class SealingKey(Base):
    """The id (never the key) of the key this database's personal fields are sealed with."""

    __tablename__ = "sealing_key"

    key_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Case(Base):
    __tablename__ = "case_file"  # "case" is an SQL keyword
    __table_args__ = (Index("ix_case_file_created_hall", "created_at", "hall_id"),)  # a period's cases (dashboard)

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(50), unique=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("hall.id"))
    counter_id: Mapped[int | None] = mapped_column(ForeignKey("counter.id"))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    item_id: Mapped[int] = mapped_column(ForeignKey("service_item.id"))
    applicant_id: Mapped[int] = mapped_column(ForeignKey("applicant.id"))
    agent_id: Mapped[int | None] = mapped_column(ForeignKey("applicant.id"))
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("ticket.id"))
    state: Mapped[str] = mapped_column(String(24), default="draft", index=True)
    handling_region_code: Mapped[str | None] = mapped_column(String(6))
    accepted_at: Mapped[datetime | None]
    promised_at: Mapped[datetime | None]
    gap_due_date: Mapped[date | None]  # 容缺: when the missing non-key materials are due
    delivery: Mapped[str] = mapped_column(String(12), default="window")  # window | mail
    delivery_address: Mapped[str] = mapped_column(SealedText("case_file.delivery_address"), default="")
    originals_carrier: Mapped[str] = mapped_column(String(40), default="")  # paper originals by courier
    originals_waybill: Mapped[str] = mapped_column(String(40), default="")
    originals_sent_on: Mapped[date | None]
    result_waybill: Mapped[str] = mapped_column(String(40), default="")
    returned_reason: Mapped[str] = mapped_column(String(400), default="")
    catalog_version: Mapped[str | None] = mapped_column(String(40))  # the catalog it started under (None: a file's)
    purged_at: Mapped[datetime | None]  # retention: scans and personal fields removed (services/retention.py)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # indexed: the day summaries' watermark (the latest change, and the cases changed since)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow, index=True)

    materials: Mapped[list[Material]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="Material.position"
    )


class CaseStation(Base):
    """A numbering station: the letters in a case number that tell one database-and-home apart from
    another of the same hall (docs/case-numbers.md). `installation` is the home's id for a SQLite
    file, or "shared" for a database all counters share (one station, one sequence)."""

    __tablename__ = "case_station"

    code: Mapped[str] = mapped_column(String(3), primary_key=True)
    installation: Mapped[str] = mapped_column(String(40), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class CaseSequence(Base):
    """The last case serial per hall, day and station; bumped atomically, unique across all counters."""

    __tablename__ = "case_serial"

    hall_id: Mapped[int] = mapped_column(ForeignKey("hall.id"), primary_key=True)
    day: Mapped[date] = mapped_column(primary_key=True)
    station: Mapped[str] = mapped_column(String(3), primary_key=True)
    last: Mapped[int] = mapped_column(default=0)


class Material(Base):
    __tablename__ = "material"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"))
    requirement_id: Mapped[int | None] = mapped_column(
        ForeignKey("material_requirement.id", ondelete="SET NULL")
    )
    position: Mapped[int]
    name: Mapped[str] = mapped_column(String(120))
    form: Mapped[str] = mapped_column(String(16))
    copies: Mapped[int] = mapped_column(default=1)
    status: Mapped[str] = mapped_column(String(16))  # captured | missing | gap | incorrect
    sha256: Mapped[str | None] = mapped_column(String(64))
    file_path: Mapped[str | None] = mapped_column(String(400))
    page_count: Mapped[int] = mapped_column(default=0)
    how_to_supply: Mapped[str] = mapped_column(String(400), default="")  # for the one-time notice
    # window (scanned/imported at the counter) | licence (电子证照: issuer and number in shared_licence)
    source: Mapped[str] = mapped_column(String(12), default="window", server_default="window")

    case: Mapped[Case] = relationship(back_populates="materials")
    pages: Mapped[list[Page]] = relationship(
        back_populates="material", cascade="all, delete-orphan", order_by="Page.position"
    )


class Page(Base):
    __tablename__ = "page"

    id: Mapped[int] = mapped_column(primary_key=True)
    material_id: Mapped[int] = mapped_column(ForeignKey("material.id", ondelete="CASCADE"))
    position: Mapped[int]
    image_sha256: Mapped[str] = mapped_column(String(64))
    width: Mapped[int]
    height: Mapped[int]

    material: Mapped[Material] = relationship(back_populates="pages")
