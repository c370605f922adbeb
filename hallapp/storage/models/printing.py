"""Documents printed for a case (receipts, notices, reprints): the end of a visit's timeline."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from hallapp.storage.models.base import Base, utcnow


class PrintedDocument(Base):
    __tablename__ = "printed_document"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # receipt | notice | commitment | consent
    reprint: Mapped[bool] = mapped_column(default=False)
    printed_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
