"""Capturing a material: scanning (SANE), a file the clerk imports, or the demo's sample pages.
Each capture becomes one PDF of cleaned page images (border crop, deskew, grey or black-and-white
for text pages). Everything here blocks: the window calls it through a worker."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from drivers.errors import DeviceError, register
from drivers.scanner.importer import load_pages
from drivers.scanner.pdf import pages_to_pdf
from drivers.scanner.processing import clean_page, rotate, suggest_mode, thumbnail
from hallapp.config import DeviceSettings, DocumentSettings

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
    cleaned = [clean_page(image) for image in images]
    return rebuild([c.image for c in cleaned], tuple(round(c.skew, 2) for c in cleaned))


def rebuild(pages: list[Image.Image], skew: tuple[float, ...] = ()) -> CapturedMaterial:
    """The material's PDF from pages the clerk rotated, reordered or deleted."""
    if not pages:
        raise NoPagesError()
    pdf = pages_to_pdf(pages, [suggest_mode(p) for p in pages])
    return CapturedMaterial(pdf, len(pages), skew or (0.0,) * len(pages), tuple(pages),
                            tuple(thumbnail(p, 180) for p in pages))


def from_file(path: Path) -> CapturedMaterial:
    """A PDF, JPEG, PNG or TIFF (multi-page) the clerk imports, or a vendor tool dropped."""
    return from_images(load_pages(path))


def scan(devices: DeviceSettings, *, demo: bool, progress: Callable[[int], None] | None = None,
         cancel: threading.Event | None = None, fonts: DocumentSettings | None = None) -> CapturedMaterial:
    """Scan from the configured SANE scanner (in demo mode: two sample pages)."""
    if demo and devices.scanner in ("", "demo"):
        return from_images(sample_pages(fonts))
    images = _scan_images(devices, progress, cancel)
    if not images:
        raise ScanCancelledError()
    return from_images(images)


def _scan_images(devices: DeviceSettings, progress: Callable[[int], None] | None,
                 cancel: threading.Event | None) -> list[Image.Image]:
    from drivers.scanner.sane_scanner import SaneScanner, ScanMode, ScanSettings, ScanSource

    scanner = SaneScanner()
    device = devices.scanner or (SaneScanner.devices() or [None])[0]
    if device is None:
        from drivers.scanner import ScannerUnavailable

        raise ScannerUnavailable("scanner.none_found")
    name = device if isinstance(device, str) else device.name
    try:
        scanner.open(name)
        scanner.configure(ScanSettings(resolution=devices.scanner_dpi, mode=ScanMode.GRAY,
                                       source=ScanSource.ADF if devices.scanner_source == "adf" else ScanSource.FLATBED))
        return list(scanner.scan_pages(progress, cancel))
    finally:
        scanner.close()


def sample_pages(fonts: DocumentSettings | None = None, count: int = 2, title: str = "示例材料") -> list[Image.Image]:
    """Demo and training: A5-ish text pages, slightly skewed as a real feeder leaves them."""
    font_path = next((p for p in (fonts.font_paths if fonts else []) if Path(p).exists()), None)
    font = ImageFont.truetype(font_path, 28) if font_path else ImageFont.load_default()
    pages = []
    for number in range(1, count + 1):
        page = Image.new("L", (1100, 1500), 255)
        draw = ImageDraw.Draw(page)
        draw.text((80, 80), f"{title} 第 {number} 页", fill=0, font=font)
        for line in range(22):
            draw.text((80, 180 + line * 56), "本页为演示用扫描件，内容为示例文字。" * 2, fill=40, font=font)
        page = page.rotate(1.5, expand=True, fillcolor=30)
        page.info["dpi"] = (150, 150)
        pages.append(page)
    return pages


def thumbnail_png(page: Image.Image, size: int = 180) -> bytes:
    return thumbnail(page, size)


def rotated(page: Image.Image, quarter_turns: int) -> Image.Image:
    return rotate(page, quarter_turns)
