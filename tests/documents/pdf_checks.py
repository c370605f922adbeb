"""Look at a rendered PDF the way a user's tools do: poppler (text, fonts, page size, pixels) and zbar (codes).

Each check needs a system tool; without it the test skips on a laptop and fails under CI=true.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from html import unescape
from pathlib import Path

from tests.support.requirements import need

POINTS_PER_MM = 72 / 25.4
PACKAGES = {"pdftotext": "poppler-utils", "pdffonts": "poppler-utils", "pdfinfo": "poppler-utils",
            "pdftoppm": "poppler-utils", "zbarimg": "zbar-tools"}
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')
_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">')


def tool(name: str) -> str:
    found = shutil.which(name)
    need(found is not None, f"{name} ({PACKAGES[name]})")
    return str(found)


def _run(*args: str) -> str:
    result = subprocess.run([tool(args[0]), *args[1:]], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, f"{args[0]} failed ({result.returncode}): {result.stderr}"
    return result.stdout


def squeeze(text: str) -> str:
    """Text without any whitespace: a value wrapped over two lines reads as one again."""
    return re.sub(r"\s+", "", text)


@dataclass(frozen=True)
class FontRow:
    name: str
    embedded: bool


@dataclass(frozen=True)
class Word:
    page: int
    text: str
    x_min: float
    y_min: float
    x_max: float
    y_max: float
    page_width: float
    page_height: float


class RenderedPdf:
    """PDF bytes saved to a file, with the questions the tests ask of it."""

    def __init__(self, data: bytes, path: Path) -> None:
        assert data.startswith(b"%PDF-"), "not a PDF"
        path.write_bytes(data)
        self.path = path

    def text(self, page: int | None = None) -> str:
        """pdftotext in content-stream order (-raw): a table cell's lines stay together."""
        pages = ["-f", str(page), "-l", str(page)] if page else []
        return _run("pdftotext", "-raw", "-enc", "UTF-8", *pages, str(self.path), "-")

    def flat_text(self, page: int | None = None) -> str:
        return squeeze(self.text(page))

    def fonts(self) -> list[FontRow]:
        lines = _run("pdffonts", str(self.path)).splitlines()
        emb = lines[0].index("emb")
        return [FontRow(line.split()[0], line[emb:emb + 3] == "yes") for line in lines[2:] if line.strip()]

    def info(self) -> dict[str, str]:
        pairs = (line.split(":", 1) for line in _run("pdfinfo", str(self.path)).splitlines() if ":" in line)
        return {key.strip(): value.strip() for key, value in pairs}

    @property
    def pages(self) -> int:
        return int(self.info()["Pages"])

    def page_size(self) -> tuple[float, float]:
        """Width and height of page 1 in points."""
        match = re.match(r"([\d.]+) x ([\d.]+) pts", self.info()["Page size"])
        assert match, self.info()["Page size"]
        return float(match[1]), float(match[2])

    def words(self) -> list[Word]:
        """Every word with its box (pdftotext -bbox), per page."""
        html = _run("pdftotext", "-bbox", str(self.path), "-")
        words = []
        for number, chunk in enumerate(html.split("<page ")[1:], start=1):
            size = _PAGE.match("<page " + chunk)
            assert size, chunk[:80]
            width, height = float(size[1]), float(size[2])
            words += [Word(number, unescape(m[5]), float(m[1]), float(m[2]), float(m[3]), float(m[4]), width, height)
                      for m in _WORD.finditer(chunk)]
        return words

    def png(self, page: int = 1, dpi: int = 300) -> Path:
        stem = self.path.with_name(f"{self.path.stem}-p{page}-{dpi}")
        _run("pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), "-png", "-singlefile", str(self.path), str(stem))
        return stem.with_suffix(".png")

    def symbols(self, page: int = 1, dpi: int = 300) -> set[str]:
        """What zbarimg reads off the page image, as "QR-Code:..." / "CODE-128:..." lines."""
        result = subprocess.run([tool("zbarimg"), "-q", str(self.png(page, dpi))], capture_output=True, text=True,
                                timeout=60)
        assert result.returncode in (0, 4), f"zbarimg failed ({result.returncode}): {result.stderr}"
        return set(result.stdout.splitlines())

    def qr_text(self, page: int = 1, dpi: int = 300) -> str:
        """The one QR code on the page, whole (its text may span lines); "" if none is read."""
        result = subprocess.run([tool("zbarimg"), "-q", "-Sdisable", "-Sqrcode.enable", str(self.png(page, dpi))],
                                capture_output=True, text=True, timeout=60)
        assert result.returncode in (0, 4), f"zbarimg failed ({result.returncode}): {result.stderr}"
        found = result.stdout.removesuffix("\n")
        assert found.count("QR-Code:") <= 1, f"more than one QR code: {found!r}"
        return found.removeprefix("QR-Code:")
