"""Importing real files: a 2-page PDF (rendered by poppler), a multi-page TIFF, an EXIF-rotated JPEG,
PNG with transparency, and files that cannot be read."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from hallapp.imaging.importer import ImportFailed, file_kind, load_pages
from tests.support.requirements import need, which_or_none

RED, BLUE, GREEN = (220, 20, 20), (20, 20, 220), (20, 200, 20)


def _mean(image: Image.Image) -> tuple[float, ...]:
    return tuple(np.asarray(image.convert("RGB"), dtype=np.float64).reshape(-1, 3).mean(axis=0))


def _close(colour: tuple[float, ...], expected: tuple[int, int, int], tolerance: float = 12) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(colour, expected, strict=True))


def test_two_page_pdf_is_rendered_at_200_dpi(tmp_path: Path) -> None:
    need(which_or_none("pdftoppm") is not None, "pdftoppm (poppler-utils)")
    path = tmp_path / "material.pdf"
    first = Image.new("RGB", (300, 450), RED)  # at 100 dpi: a 3 x 4.5 inch page
    second = Image.new("RGB", (300, 450), BLUE)
    first.save(path, "PDF", save_all=True, append_images=[second], resolution=100.0)
    pages = load_pages(path)
    assert len(pages) == 2
    assert [page.size for page in pages] == [(600, 900), (600, 900)]
    assert pages[0].info["dpi"] == (200, 200)
    assert _close(_mean(pages[0]), RED) and _close(_mean(pages[1]), BLUE)


def test_multi_page_tiff_gives_every_page_in_order(tmp_path: Path) -> None:
    path = tmp_path / "scan.tif"
    frames = [Image.new("RGB", (200, 280), colour) for colour in (RED, GREEN, BLUE)]
    frames[0].save(path, "TIFF", save_all=True, append_images=frames[1:], compression="tiff_lzw", dpi=(300, 300))
    pages = load_pages(path)
    assert len(pages) == 3
    assert [_close(_mean(page), colour, 1) for page, colour in zip(pages, (RED, GREEN, BLUE), strict=True)] == [True] * 3
    assert round(pages[0].info["dpi"][0]) == 300


def test_bw_tiff_stays_one_bit(tmp_path: Path) -> None:
    path = tmp_path / "fax.tif"
    page = Image.new("1", (400, 300), 1)
    page.paste(0, (50, 50, 150, 150))
    page.save(path, "TIFF", compression="group4")
    (loaded,) = load_pages(path)
    assert loaded.mode == "1"
    assert np.array_equal(np.asarray(loaded), np.asarray(page))


def test_exif_rotated_jpeg_comes_in_upright(tmp_path: Path) -> None:
    upright = Image.new("RGB", (300, 600), (250, 250, 250))  # portrait; red band at the top
    upright.paste(RED, (0, 0, 300, 100))
    stored = upright.transpose(Image.Transpose.ROTATE_90)  # what a phone held sideways writes
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: rotate 90° clockwise to display
    path = tmp_path / "IMG_0001.JPG"
    stored.save(path, "JPEG", exif=exif, quality=95)
    (page,) = load_pages(path)
    assert page.size == (300, 600)
    top, bottom = page.crop((0, 0, 300, 80)), page.crop((0, 520, 300, 600))
    assert _close(_mean(top), RED, 20)
    assert _close(_mean(bottom), (250, 250, 250), 10)
    assert 0x0112 not in page.getexif()


def test_png_with_transparency_is_put_on_white(tmp_path: Path) -> None:
    path = tmp_path / "seal.png"
    image = Image.new("RGBA", (100, 100), (0, 0, 0, 0))
    image.paste((200, 0, 0, 255), (25, 25, 75, 75))
    image.save(path)
    (page,) = load_pages(path)
    assert page.mode == "RGB"
    assert page.getpixel((5, 5)) == (255, 255, 255)
    assert page.getpixel((50, 50)) == (200, 0, 0)


def test_type_comes_from_the_content_not_the_name(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"  # the vendor tool named a PNG ".pdf"
    Image.new("L", (50, 40), 128).save(path, "PNG")
    assert file_kind(path) == "png"
    (page,) = load_pages(path)
    assert page.size == (50, 40) and page.mode == "L"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("garbage.jpg", b"this is not an image at all" * 10),
        ("truncated.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 20),
        ("broken.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"),
        ("notes.txt", "申请人：某某".encode()),
    ],
)
def test_unreadable_files_fail_with_a_clear_message(tmp_path: Path, name: str, content: bytes) -> None:
    if name.endswith(".pdf"):
        need(which_or_none("pdftoppm") is not None, "pdftoppm (poppler-utils)")
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ImportFailed) as caught:
        load_pages(path)
    message = str(caught.value)
    assert caught.value.code in ("import.unreadable", "import.pdf_broken") and "cannot be read" in message
    assert name not in message  # file names can carry the applicant's name: kept out of messages
    assert name not in caught.value.detail  # ... and out of the detail that goes to the log
    assert caught.value.path == path


def test_truncated_jpeg_fails_cleanly(tmp_path: Path) -> None:
    path = tmp_path / "cut.jpg"
    full = tmp_path / "full.jpg"
    Image.new("RGB", (400, 400), RED).save(full, "JPEG")
    path.write_bytes(full.read_bytes()[:300])
    with pytest.raises(ImportFailed, match="cannot be read"):
        load_pages(path)


def test_missing_and_empty_files(tmp_path: Path) -> None:
    with pytest.raises(ImportFailed, match="cannot be found") as caught:
        load_pages(tmp_path / "gone.jpg")
    assert caught.value.code == "import.not_found" and caught.value.params == {}
    (tmp_path / "empty.jpg").write_bytes(b"")
    with pytest.raises(ImportFailed, match="empty") as caught:
        load_pages(tmp_path / "empty.jpg")
    assert caught.value.code == "import.empty"


def test_sixteen_bit_and_cmyk_files_come_in_as_eight_bit(tmp_path: Path) -> None:
    ramp = np.linspace(0, 65535, 256 * 40).reshape(40, 256).astype(np.uint16)  # a 16-bit grey scan
    Image.fromarray(ramp).save(tmp_path / "deep.png")
    (grey,) = load_pages(tmp_path / "deep.png")
    assert grey.mode == "L" and grey.getextrema() == (0, 255)
    Image.new("CMYK", (60, 60), (0, 255, 255, 0)).save(tmp_path / "print.jpg")  # red, as a prepress tool writes it
    (colour,) = load_pages(tmp_path / "print.jpg")
    assert colour.mode == "RGB"
    assert _close(colour.getpixel((30, 30)), (255, 0, 0), 8)
