"""One PDF per material: one page per image, each image compressed for its mode, and its SHA-256.

Colour and grey pages are JPEG (DCTDecode), black-and-white pages CCITT Group 4 (Flate when
Pillow lacks libtiff). Each page is as large as the paper was: pixels / dpi (the image's own
`info["dpi"]`, else `default_dpi`). The bytes depend only on the pixels, modes and options: no
date, no producer version, an /ID derived from the content. So the same pages always give the
same SHA-256, which is what the case records.

Why our own writer (about 100 lines): img2pdf would embed these JPEG and G4 streams just as well,
but img2pdf 0.6 requires pikepdf (qpdf, a native library) for the bundle, the .deb and the Windows
installer to carry, and its byte layout is its own to change between releases, while a case records
the SHA-256 of these bytes; reportlab writes no CCITT G4 (text pages would be Flate, and larger).
"""

from __future__ import annotations

import hashlib
import io
import zlib
from collections.abc import Sequence

from PIL import Image, TiffImagePlugin, features

from hallapp.imaging.processing import PageMode, convert_for, suggest_mode

JPEG_QUALITY = 75  # colour/grey text stays sharp at 200 dpi; a page is 150-400 kB in colour
DEFAULT_DPI = 200.0


def sha256_of(data: bytes) -> str:
    """Hex SHA-256 of `data` (what the case records for a material's PDF)."""
    return hashlib.sha256(data).hexdigest()


def pages_to_pdf(
    pages: Sequence[Image.Image],
    modes: Sequence[PageMode] | PageMode | None = None,
    *,
    jpeg_quality: int = JPEG_QUALITY,
    default_dpi: float = DEFAULT_DPI,
) -> bytes:
    """The PDF of `pages`. `modes`: one per page, one for all, or None to let `suggest_mode` choose."""
    if not pages:
        raise ValueError("a material PDF needs at least one page")
    if modes is None:
        chosen = [suggest_mode(page) for page in pages]
    elif isinstance(modes, PageMode):
        chosen = [modes] * len(pages)
    else:
        chosen = list(modes)
        if len(chosen) != len(pages):
            raise ValueError(f"{len(pages)} pages but {len(chosen)} modes")
    writer = _PdfWriter()
    for page, mode in zip(pages, chosen, strict=True):
        writer.add_page(page, mode, jpeg_quality, _page_dpi(page, default_dpi))
    return writer.finish()


def _page_dpi(page: Image.Image, default: float) -> tuple[float, float]:
    dpi = page.info.get("dpi")
    try:
        x_dpi, y_dpi = (round(float(v), 2) for v in dpi)  # type: ignore[union-attr]
    except (TypeError, ValueError):
        return default, default
    if not (30 <= x_dpi <= 2400 and 30 <= y_dpi <= 2400):  # 1 or 72 "dpi" from a camera: no real size
        return default, default
    return x_dpi, y_dpi


def _encode(page: Image.Image, mode: PageMode, quality: int) -> tuple[bytes, dict[str, str]]:
    """(stream, image dictionary entries) for one page."""
    wanted = {PageMode.BW: "1", PageMode.GREY: "L", PageMode.COLOR: "RGB"}[mode]
    image = page if page.mode == wanted else convert_for(page, mode)
    width, height = image.size
    if mode is PageMode.BW:
        if features.check("libtiff"):
            return _g4_strip(image), {
                "ColorSpace": "/DeviceGray",
                "BitsPerComponent": "1",
                "Filter": "/CCITTFaxDecode",
                "DecodeParms": f"<< /K -1 /Columns {width} /Rows {height} /BlackIs1 true >>",
            }
        return zlib.compress(image.tobytes(), 9), {"ColorSpace": "/DeviceGray", "BitsPerComponent": "1", "Filter": "/FlateDecode"}
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality, optimize=True)
    space = "/DeviceGray" if mode is PageMode.GREY else "/DeviceRGB"
    return out.getvalue(), {"ColorSpace": space, "BitsPerComponent": "8", "Filter": "/DCTDecode"}


def _g4_strip(image: Image.Image) -> bytes:
    """The CCITT G4 data of a 1-bit image: libtiff through Pillow, one strip, read back by its tags."""
    out = io.BytesIO()
    image.save(out, "TIFF", compression="group4", strip_size=((image.width + 7) // 8) * image.height)
    with Image.open(io.BytesIO(out.getvalue())) as tiff:
        if not isinstance(tiff, TiffImagePlugin.TiffImageFile):
            raise RuntimeError(f"Pillow read the G4 TIFF back as {tiff.format}")
        offsets = tiff.tag_v2[273]  # StripOffsets
        counts = tiff.tag_v2[279]  # StripByteCounts
    if len(offsets) != 1:
        raise RuntimeError(f"expected one G4 strip, libtiff wrote {len(offsets)}")
    data = out.getvalue()
    return data[offsets[0] : offsets[0] + counts[0]]


def _num(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text or "0"


class _PdfWriter:
    """A minimal PDF 1.4 writer for image pages: catalog, page tree, one image XObject per page."""

    _CATALOG, _PAGES, _INFO = 1, 2, 3

    def __init__(self) -> None:
        self._objects: dict[int, bytes] = {}
        self._kids: list[int] = []

    def add_page(self, page: Image.Image, mode: PageMode, quality: int, dpi: tuple[float, float]) -> None:
        stream, entries = _encode(page, mode, quality)
        width, height = page.size
        first = 4 + 3 * len(self._kids)
        page_id, content_id, image_id = first, first + 1, first + 2
        w_pt, h_pt = _num(width * 72.0 / dpi[0]), _num(height * 72.0 / dpi[1])
        image_dict = " ".join(f"/{key} {value}" for key, value in entries.items())
        self._objects[image_id] = self._stream(
            f"/Type /XObject /Subtype /Image /Width {width} /Height {height} {image_dict}", stream
        )
        self._objects[content_id] = self._stream("", f"q {w_pt} 0 0 {h_pt} 0 0 cm /Im0 Do Q\n".encode("ascii"))
        self._objects[page_id] = (
            f"<< /Type /Page /Parent {self._PAGES} 0 R /MediaBox [0 0 {w_pt} {h_pt}] "
            f"/Resources << /XObject << /Im0 {image_id} 0 R >> /ProcSet [/PDF /ImageB /ImageC] >> "
            f"/Contents {content_id} 0 R >>"
        ).encode("ascii")
        self._kids.append(page_id)

    @staticmethod
    def _stream(entries: str, data: bytes) -> bytes:
        head = f"<< {entries} /Length {len(data)} >>\nstream\n" if entries else f"<< /Length {len(data)} >>\nstream\n"
        return head.encode("ascii") + data + b"\nendstream"

    def finish(self) -> bytes:
        kids = " ".join(f"{kid} 0 R" for kid in self._kids)
        self._objects[self._CATALOG] = f"<< /Type /Catalog /Pages {self._PAGES} 0 R >>".encode("ascii")
        self._objects[self._PAGES] = f"<< /Type /Pages /Kids [{kids}] /Count {len(self._kids)} >>".encode("ascii")
        self._objects[self._INFO] = b"<< /Producer (hallapp scanner) >>"
        out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        offsets: list[int] = []
        for number in range(1, len(self._objects) + 1):
            offsets.append(len(out))
            out += f"{number} 0 obj\n".encode("ascii") + self._objects[number] + b"\nendobj\n"
        file_id = hashlib.sha256(bytes(out)).hexdigest()[:32]
        xref_at = len(out)
        out += f"xref\n0 {len(offsets) + 1}\n0000000000 65535 f \n".encode("ascii")
        out += b"".join(f"{offset:010d} 00000 n \n".encode("ascii") for offset in offsets)
        out += (
            f"trailer\n<< /Size {len(offsets) + 1} /Root {self._CATALOG} 0 R /Info {self._INFO} 0 R "
            f"/ID [<{file_id}> <{file_id}>] >>\nstartxref\n{xref_at}\n%%EOF\n"
        ).encode("ascii")
        return bytes(out)
