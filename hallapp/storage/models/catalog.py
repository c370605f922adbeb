"""Service items (事项) and their material checklists, imported from catalog files."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import ForeignKey, Numeric, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hallapp.storage.models.base import Base


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
