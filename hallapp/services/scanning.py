"""Capturing a material: a scanner (a port: SANE, or the demo's sample pages), or a file the clerk imports.
Each capture becomes one PDF of cleaned page images (border crop, deskew, grey or black-and-white
for text pages). Everything here blocks: the window calls it through a worker."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from hallapp.config import DocumentSettings
from hallapp.devices.ports import DeviceError, Scanner, register

if TYPE_CHECKING:  # PIL and numpy (hallapp.imaging) load with the first scan, not with the counter page
    from PIL import Image

register({
    "scan.no_pages": "A material needs at least one page: scan it again, or mark it missing.",
    "scan.cancelled": "Scanning was cancelled; no page was captured.",
    "scanner.none_found": "No scanner found: check the scanner's power and cable, or add the material with Import.",
})


class NoPagesError(DeviceError, ValueError):
    """A material without pages."""

    code = "scan.no_pages"


class ScanCancelledError(DeviceError, RuntimeError):
    """The clerk cancelled before a page was read."""

    code = "scan.cancelled"


@dataclass(frozen=True)
class CapturedMaterial:
    pdf: bytes = field(repr=False)
    pages: int
    skew_corrected: tuple[float, ...]
    images: tuple[Image.Image, ...] = field(default=(), repr=False)  # cleaned pages, for the page editor
    thumbnails: tuple[bytes, ...] = field(default=(), repr=False)  # PNG


def from_images(images: list[Image.Image]) -> CapturedMaterial:
    from hallapp.imaging.processing import clean_page

    cleaned = [clean_page(image) for image in images]
    return rebuild([c.image for c in cleaned], tuple(round(c.skew, 2) for c in cleaned))


def rebuild(pages: list[Image.Image], skew: tuple[float, ...] = ()) -> CapturedMaterial:
    """The material's PDF from pages the clerk rotated, reordered or deleted."""
    if not pages:
        raise NoPagesError()
    from hallapp.imaging.pdf import pages_to_pdf
    from hallapp.imaging.processing import suggest_mode, thumbnail

    pdf = pages_to_pdf(pages, [suggest_mode(p) for p in pages])
    return CapturedMaterial(pdf, len(pages), skew or (0.0,) * len(pages), tuple(pages),
                            tuple(thumbnail(p, 180) for p in pages))


def from_file(path: Path) -> CapturedMaterial:
    """A PDF, JPEG, PNG or TIFF (multi-page) the clerk imports, or a vendor tool dropped."""
    from hallapp.imaging.importer import load_pages

    return from_images(load_pages(path))


def capture(scanner: Scanner, *, progress: Callable[[int], None] | None = None,
            cancel: threading.Event | None = None) -> CapturedMaterial:
    """Scan one material on `scanner` (the device manager's: `app.devices.scanner()`)."""
    images = scanner.scan_pages(progress, cancel)
    if not images:
        raise ScanCancelledError()
    return from_images(images)


def sample_pages(fonts: DocumentSettings | None = None, count: int = 2, title: str = "示例材料") -> list[Image.Image]:
    """Demo and training: A5-ish text pages, slightly skewed as a real feeder leaves them."""
    from hallapp.imaging.sample import sample_pages as _sample_pages

    return _sample_pages(fonts.font_paths if fonts else (), count, title)


def thumbnail_png(page: Image.Image, size: int = 180) -> bytes:
    from hallapp.imaging.processing import thumbnail

    return thumbnail(page, size)


def rotated(page: Image.Image, quarter_turns: int) -> Image.Image:
    from hallapp.imaging.processing import rotate

    return rotate(page, quarter_turns)
