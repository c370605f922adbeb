"""Sample pages for demo and training, and SampleScanner, the demo hall's scanner that hands them over
(no device: it draws them). A5-ish text pages, slightly skewed as a real feeder leaves them, so the
clean-up has something to do; also drawn as seed data for demo cases (services/demo.py)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont


def sample_pages(font_paths: list[str] | tuple[str, ...] = (), count: int = 2, title: str = "示例材料") -> list[Image.Image]:
    """`count` pages drawn with the first of `font_paths` that exists (Pillow's own font if none)."""
    font_path = next((p for p in font_paths if Path(p).exists()), None)
    font = ImageFont.truetype(font_path, 28) if font_path else ImageFont.load_default()
    return [_page(number, title, font) for number in range(1, count + 1)]


def _page(number: int, title: str, font: ImageFont.ImageFont | ImageFont.FreeTypeFont) -> Image.Image:
    page = Image.new("L", (1100, 1500), 255)
    draw = ImageDraw.Draw(page)
    draw.text((80, 80), f"{title} 第 {number} 页", fill=0, font=font)
    for line in range(22):
        draw.text((80, 180 + line * 56), "本页为演示用扫描件，内容为示例文字。" * 2, fill=40, font=font)
    page = page.rotate(1.5, expand=True, fillcolor=30)
    page.info["dpi"] = (150, 150)
    return page


class SampleScanner:
    """A scanner that always has two sample pages in its feeder (demo mode)."""

    def __init__(self, font_paths: list[str] | tuple[str, ...] = (), pages: int = 2) -> None:
        self.font_paths, self.pages = tuple(font_paths), pages

    def scan_pages(self, progress: Callable[[int], None] | None = None,
                   cancel: threading.Event | None = None) -> list[Image.Image]:
        if cancel is not None and cancel.is_set():
            return []
        pages = sample_pages(self.font_paths, self.pages)
        for number in range(1, len(pages) + 1):
            if progress is not None:
                progress(number)  # as SaneScanner: after page n
        return pages
