"""SQLAlchemy 2 models, one family per module. Import them all so metadata is complete."""

from hallapp.storage.models.audit import AuditEvent
from hallapp.storage.models.base import Base
from hallapp.storage.models.case import Applicant, Case, CaseSequence, CaseStation, Material, Page
from hallapp.storage.models.catalog import CatalogItemVersion, CatalogVersion, MaterialRequirement, ServiceItem
from hallapp.storage.models.day_summary import DaySummary  # noqa: F401 - metadata
from hallapp.storage.models.followup import CaseFollowUp, FollowUp  # noqa: F401 - metadata
from hallapp.storage.models.hall import Counter, Hall, Staff
from hallapp.storage.models.licence import SharedLicence
from hallapp.storage.models.printing import PrintedDocument
from hallapp.storage.models.queue import (
    Appointment,
    CounterCategory,
    Evaluation,
    HallSetting,
    QueueCategory,
    Ticket,
    TicketEvent,
    TicketSequence,
)
from hallapp.storage.models.shared_hall import CounterPresence, MaterialBlob  # noqa: F401 - metadata
from hallapp.storage.models.sync import OutboxEntry

__all__ = [
    "Applicant",
    "Appointment",
    "AuditEvent",
    "Base",
    "Case",
    "CaseSequence",
    "CaseStation",
    "CatalogItemVersion",
    "CatalogVersion",
    "Counter",
    "CounterCategory",
    "Evaluation",
    "Hall",
    "HallSetting",
    "Material",
    "MaterialRequirement",
    "OutboxEntry",
    "Page",
    "PrintedDocument",
    "QueueCategory",
    "ServiceItem",
    "SharedLicence",
    "Staff",
    "Ticket",
    "TicketEvent",
    "TicketSequence",
]
