"""Types shared by the SANE driver (`sane_scanner`) and its worker process (`sane_local`)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class StopReason(Enum):
    """Why the last `scan_pages` ended without an error."""

    SINGLE_PAGE = "single_page"  # flatbed: one page per scan
    FEEDER_EMPTY = "feeder_empty"  # ADF: no more documents after at least one page
    CANCELLED = "cancelled"
    PAGE_LIMIT = "page_limit"


@dataclass(frozen=True)
class DeviceInfo:
    name: str  # what open() takes, e.g. "genesys:libusb:001:004"
    vendor: str
    model: str
    type: str

    @property
    def label(self) -> str:
        return f"{self.vendor} {self.model}".strip() or self.name
