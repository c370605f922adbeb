"""Files to pages: PDF, JPEG, PNG, TIFF (every page of a multi-page TIFF), EXIF orientation applied.

The type is told by the file's first bytes, not its name (vendor tools write `.JPG`, `.tif` for
PDFs, no suffix at all). PDF pages are rendered at 200 dpi by poppler's `pdftoppm` (poppler-utils):
a separate program, so a hostile PDF cannot crash the client, and its GPL does not reach us as
PyMuPDF's AGPL would. Errors raise ImportFailed with a code saying what is wrong with the file.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import tempfile
import warnings
from pathlib import Path

from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

from drivers.errors import DeviceError, register
from hallapp.imaging.processing import flatten

log = logging.getLogger(__name__)

IMPORT = register({
    "import.unreadable": "The file cannot be read: it is damaged or not a supported format (PDF, JPEG, PNG, TIFF).",
    "import.empty": "The file is empty (0 bytes), perhaps not completely saved yet: scan or export it again.",
    "import.not_found": "The file cannot be found: it may have been moved or deleted.",
    "import.pdf_tool_missing": "PDF files cannot be opened: the PDF renderer (pdftoppm from poppler-utils) is not "
                               "installed. Ask the technician.",
    "import.pdf_encrypted": "The PDF is encrypted (password protected) and cannot be imported: export it as an "
                            "unencrypted PDF or as images, then import it again.",
    "import.pdf_broken": "The PDF cannot be read: the file is damaged or incomplete.",
    "import.too_many_pages": "The file has too many pages (more than {limit}): split it, then import the parts.",
    "import.too_large": "The image is too large to import: scan it again at 600 dpi or less.",
})


class ImportFailed(DeviceError):  # noqa: N818  (reads better at the call site than ImportError)
    """A file could not be turned into pages. `path` is kept for the UI, never put in the message or params."""

    code = "import.unreadable"

    def __init__(self, code: str | None = None, /, *, path: Path | None = None, detail: str = "",
                 **params: object) -> None:
        self.path = path
        super().__init__(code, detail=detail, **params)

    @property
    def message(self) -> str:
        return str(self)


PDF_DPI = 200
MAX_PAGES = 300  # more than any material; protects the client from a runaway file
PDFTOPPM_TIMEOUT = 120.0  # seconds for the whole file

_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "pdf"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"II*\x00", "tiff"),
    (b"MM\x00*", "tiff"),
    (b"II+\x00", "tiff"),  # BigTIFF
    (b"MM\x00+", "tiff"),
)


def file_kind(path: Path) -> str | None:
    """The kind of file from its first bytes: "pdf", "jpeg", "png", "tiff", or None."""
    with path.open("rb") as handle:
        head = handle.read(1024)
    for signature, kind in _SIGNATURES:
        if head.startswith(signature):
            return kind
    if b"%PDF-" in head:  # PDF allows junk before the header
        return "pdf"
    return None


def load_pages(path: str | Path, *, pdf_dpi: int = PDF_DPI) -> list[Image.Image]:
    """Every page of the file, upright, loaded in memory ("RGB", "L" or "1"), `info["dpi"]` set when known."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ImportFailed("import.not_found", path=path, detail="no such file") from None
    except OSError as exc:
        raise ImportFailed("import.unreadable", path=path, detail=f"stat: {exc.strerror}") from None
    if size == 0:
        raise ImportFailed("import.empty", path=path, detail="empty file")
    try:
        kind = file_kind(path)
    except OSError as exc:
        raise ImportFailed("import.unreadable", path=path, detail=f"open: {exc.strerror}") from None
    if kind is None:
        raise ImportFailed("import.unreadable", path=path, detail="unknown file signature")
    pages = _render_pdf(path, pdf_dpi) if kind == "pdf" else _load_image(path)
    log.info("imported %d page(s) from a %s file of %d bytes", len(pages), kind, size)
    return pages


def _load_image(path: Path) -> list[Image.Image]:
    pages: list[Image.Image] = []
    try:
        with warnings.catch_warnings():  # over Image.MAX_IMAGE_PIXELS (~89 Mpx, A3 at 600 dpi is 70): refuse
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as opened:
                for frame in ImageSequence.Iterator(opened):
                    if len(pages) >= MAX_PAGES:
                        raise ImportFailed("import.too_many_pages", limit=MAX_PAGES, path=path, detail="too many frames")
                    pages.append(_upright(frame))
    except ImportFailed:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ImportFailed("import.too_large", path=path, detail=str(exc)) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as exc:
        # Truncated or corrupt data: Pillow raises OSError ("image file is truncated"), SyntaxError
        # (bad TIFF/PNG structure) or ValueError depending on the format.
        raise ImportFailed("import.unreadable", path=path, detail=_scrub(f"{type(exc).__name__}: {exc}", path)) from None
    return pages


def _upright(frame: Image.Image) -> Image.Image:
    """The frame loaded, EXIF orientation applied, in a mode the rest of the pipeline takes."""
    dpi = frame.info.get("dpi")
    image = ImageOps.exif_transpose(frame)  # always a loaded copy, orientation tag removed
    if image.mode not in ("RGB", "L", "1"):
        image = flatten(image)
    image.info = {"dpi": dpi} if dpi else {}
    if dpi and image.size != frame.size and image.size == (frame.height, frame.width):
        image.info["dpi"] = (dpi[1], dpi[0])
    return image


def _render_pdf(path: Path, dpi: int) -> list[Image.Image]:
    tool = shutil.which("pdftoppm")
    if tool is None:
        raise ImportFailed("import.pdf_tool_missing", path=path, detail="pdftoppm not on PATH")
    with tempfile.TemporaryDirectory(prefix="hallapp-pdf-") as folder:
        # -l MAX_PAGES + 1: one page more than allowed tells us the file is too long, without rendering it all.
        command = [tool, "-r", str(dpi), "-l", str(MAX_PAGES + 1), str(path), str(Path(folder) / "page")]
        try:
            result = subprocess.run(command, capture_output=True, timeout=PDFTOPPM_TIMEOUT, check=False)
        except subprocess.TimeoutExpired:
            raise ImportFailed("import.pdf_broken", path=path, detail="pdftoppm timed out") from None
        message = _scrub(result.stderr.decode("utf-8", "replace").strip(), path)
        outputs = sorted(Path(folder).glob("page-*.p?m"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
        if result.returncode != 0 or not outputs:
            if "password" in message.lower() or "encrypt" in message.lower():
                raise ImportFailed("import.pdf_encrypted", path=path, detail=f"pdftoppm: {message[:200]}")
            raise ImportFailed("import.pdf_broken", path=path, detail=f"pdftoppm exit {result.returncode}: {message[:200]}")
        if len(outputs) > MAX_PAGES:
            raise ImportFailed("import.too_many_pages", limit=MAX_PAGES, path=path, detail=f"{len(outputs)}+ pages")
        pages = []
        for output in outputs:
            with Image.open(output) as rendered:
                rendered.load()
                page = rendered.copy()
            page.info = {"dpi": (dpi, dpi)}
            pages.append(page)
        return pages


def _scrub(text: str, path: Path) -> str:
    """`text` without the file's path or name: details go to logs, names can be personal."""
    for part in (str(path), path.name):
        text = text.replace(part, "<file>")
    return text
