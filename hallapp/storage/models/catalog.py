"""Service items (事项) and their material checklists, imported from catalog files."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hallapp.storage.models.base import Base, utcnow


class ServiceItem(Base):
    __tablename__ = "service_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(36), unique=True)
    name: Mapped[str] = mapped_column(String(120), index=True)
    aliases: Mapped[str] = mapped_column(String(600), default="")  # '|'-separated other names
    department: Mapped[str] = mapped_column(String(120))
    item_type: Mapped[str] = mapped_column(String(2))
    processing_modes: Mapped[str] = mapped_column(String(60))  # comma-separated mode names
    case_type: Mapped[str] = mapped_column(String(16))
    promised_days: Mapped[int] = mapped_column(default=0)
    fee: Mapped[Decimal] = mapped_column(Numeric(10, 2), default=Decimal(0))
    batch: Mapped[int | None]
    sample_checklist: Mapped[bool] = mapped_column(default=False)
    pinyin_initials: Mapped[str] = mapped_column(String(120), index=True)
    pinyin_full: Mapped[str] = mapped_column(String(600))
    active: Mapped[bool] = mapped_column(default=True)
    withdrawn: Mapped[bool] = mapped_column(default=False)  # by the platform: starts no new case
    catalog_version: Mapped[str | None] = mapped_column(String(40))  # None: from a catalog file

    materials: Mapped[list[MaterialRequirement]] = relationship(
        back_populates="item",
        cascade="all, delete-orphan",
        order_by="MaterialRequirement.position",
    )


class MaterialRequirement(Base):
    __tablename__ = "material_requirement"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("service_item.id", ondelete="CASCADE"))
    position: Mapped[int]
    name: Mapped[str] = mapped_column(String(120))
    required: Mapped[bool]
    key: Mapped[bool]
    form: Mapped[str] = mapped_column(String(16))
    copies: Mapped[int] = mapped_column(default=1)
    note: Mapped[str] = mapped_column(String(200), default="")

    item: Mapped[ServiceItem] = relationship(back_populates="materials")


class CatalogVersion(Base):
    """A catalog (kind `items`) or a year's holiday calendar (kind `calendar`) applied from the platform."""

    __tablename__ = "catalog_version"
    __table_args__ = (Index("ix_catalog_version_kind", "kind", "year", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(12))
    version: Mapped[str] = mapped_column(String(40))
    year: Mapped[int | None]
    added: Mapped[int] = mapped_column(default=0)
    changed: Mapped[int] = mapped_column(default=0)
    withdrawn: Mapped[int] = mapped_column(default=0)
    actor: Mapped[str] = mapped_column(String(64))
    applied_at: Mapped[datetime] = mapped_column(default=utcnow)


class CatalogItemVersion(Base):
    """An item as one applied catalog version had it (ItemSpec JSON): a case's own checklist."""

    __tablename__ = "catalog_item_version"
    __table_args__ = (UniqueConstraint("version", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[str] = mapped_column(String(40))
    code: Mapped[str] = mapped_column(String(36))
    spec: Mapped[str] = mapped_column(Text)
