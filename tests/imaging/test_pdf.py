"""One PDF per material: checked with poppler (pdfinfo, pdfimages, pdftoppm), sizes and hashes."""

from __future__ import annotations

import hashlib
import re
import subprocess
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw

from hallapp.imaging.pdf import pages_to_pdf, sha256_of
from hallapp.imaging.processing import PageMode, to_bw
from tests.support.requirements import need, which_or_none
from tests.support.sane_test import text_page


def _poppler(tool: str) -> str:
    path = which_or_none(tool)
    need(path is not None, f"{tool} (poppler-utils)")
    assert path is not None
    return path


def _pdfinfo(path: Path) -> dict[str, str]:
    out = subprocess.run([_poppler("pdfinfo"), str(path)], capture_output=True, text=True, check=True, timeout=30).stdout
    return dict(line.split(":", 1) for line in out.splitlines() if ":" in line)


def _write(tmp_path: Path, data: bytes, name: str = "material.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _colour_page() -> Image.Image:
    page = text_page().convert("RGB")
    ImageDraw.Draw(page).ellipse((800, 1300, 1050, 1550), outline=(220, 30, 30), width=12)
    return page


def test_pdfinfo_counts_the_pages_and_sizes_them_from_the_dpi(tmp_path: Path) -> None:
    pages = [text_page(), _colour_page(), text_page()]
    data = pages_to_pdf(pages, [PageMode.BW, PageMode.COLOR, PageMode.GREY])
    info = _pdfinfo(_write(tmp_path, data))
    assert info["Pages"].strip() == "3"
    width, height = (float(v) for v in re.findall(r"[\d.]+", info["Page size"])[:2])
    assert width == pytest.approx(1240 * 72 / 150, abs=0.1)  # 150 dpi pages: A4
    assert height == pytest.approx(1754 * 72 / 150, abs=0.1)


def test_each_page_is_stored_in_its_mode(tmp_path: Path) -> None:
    data = pages_to_pdf([text_page(), _colour_page(), text_page()], [PageMode.BW, PageMode.COLOR, PageMode.GREY])
    out = subprocess.run(
        [_poppler("pdfimages"), "-list", str(_write(tmp_path, data))], capture_output=True, text=True, check=True, timeout=30
    ).stdout.splitlines()[2:]
    kinds = [(row.split()[5], row.split()[7], row.split()[8]) for row in out]  # color, bpc, enc
    assert kinds == [("gray", "1", "ccitt"), ("rgb", "8", "jpeg"), ("gray", "8", "jpeg")]


def test_pages_render_back_like_the_originals(tmp_path: Path) -> None:
    page = text_page()
    data = pages_to_pdf([page, page], [PageMode.BW, PageMode.GREY])
    prefix = tmp_path / "render"
    subprocess.run([_poppler("pdftoppm"), "-r", "150", "-gray", str(_write(tmp_path, data)), str(prefix)], check=True, timeout=60)
    original = np.asarray(page) < 128
    for rendered_path in sorted(tmp_path.glob("render-*.pgm")):
        rendered = np.asarray(Image.open(rendered_path)) < 128
        assert rendered.shape == original.shape
        assert (rendered != original).mean() < 0.02  # same ink, not inverted, not shifted
        assert abs(rendered.mean() - original.mean()) < 0.005


def test_black_and_white_is_much_smaller_than_colour() -> None:
    page = text_page()
    colour = pages_to_pdf([page.convert("RGB")], PageMode.COLOR)
    grey = pages_to_pdf([page], PageMode.GREY)
    bw = pages_to_pdf([page], PageMode.BW)
    assert len(bw) * 5 < len(colour)
    assert len(bw) * 5 < len(grey)


def test_identical_pages_give_identical_bytes_and_hash() -> None:
    first = pages_to_pdf([text_page(), _colour_page()])
    second = pages_to_pdf([text_page(), _colour_page()])  # fresh images, same pixels
    assert first == second
    assert sha256_of(first) == sha256_of(second) == hashlib.sha256(first).hexdigest()
    different = pages_to_pdf([text_page(), _colour_page().rotate(180)])
    assert sha256_of(different) != sha256_of(first)
    assert b"CreationDate" not in first and b"ModDate" not in first


def test_modes_are_suggested_when_not_given(tmp_path: Path) -> None:
    data = pages_to_pdf([text_page(), _colour_page()])
    out = subprocess.run(
        [_poppler("pdfimages"), "-list", str(_write(tmp_path, data))], capture_output=True, text=True, check=True, timeout=30
    ).stdout.splitlines()[2:]
    assert [row.split()[8] for row in out] == ["ccitt", "jpeg"]


def test_a_bw_page_already_one_bit_and_without_dpi_uses_the_default(tmp_path: Path) -> None:
    page = to_bw(text_page())
    page.info.pop("dpi", None)
    info = _pdfinfo(_write(tmp_path, pages_to_pdf([page], PageMode.BW)))
    width = float(re.findall(r"[\d.]+", info["Page size"])[0])
    assert width == pytest.approx(1240 * 72 / 200, abs=0.1)


def test_bad_arguments() -> None:
    with pytest.raises(ValueError):
        pages_to_pdf([])
    with pytest.raises(ValueError):
        pages_to_pdf([text_page()], [PageMode.BW, PageMode.BW])


def test_sha256_of_a_known_value() -> None:
    assert sha256_of(b"abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
