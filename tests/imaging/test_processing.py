"""Page clean-up on rendered pages: deskew, border crop, grey/BW, text-or-photo, rotate, crop, thumbnails."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFilter

from hallapp.imaging.processing import (
    PageMode,
    clean_page,
    crop,
    crop_borders,
    deskew,
    looks_like_text,
    otsu_threshold,
    rotate,
    suggest_mode,
    thumbnail,
    to_bw,
    to_grey,
)
from tests.support.sane_test import text_page


def _skewed(page: Image.Image, angle: float) -> Image.Image:
    return page.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)


def _profile_sharpness(page: Image.Image) -> float:
    """Sum of squared row ink counts, normalised by the ink: high when text lines are horizontal."""
    ink = np.asarray(page.convert("L")) < 128
    rows = ink.sum(axis=1).astype(np.float64)
    return float(np.dot(rows, rows) / max(rows.sum(), 1.0) ** 2)


def _photo(size: tuple[int, int] = (900, 700), colour: bool = True) -> Image.Image:
    """Something like a photograph: smooth shading, soft blobs, sensor noise."""
    rng = np.random.default_rng(7)
    height, width = size[1], size[0]
    yy, xx = np.mgrid[0:height, 0:width].astype(np.float64)
    base = 60 + 120 * (xx / width) * (0.6 + 0.4 * np.sin(yy / 90.0))
    for _ in range(6):
        cx, cy, radius = rng.uniform(0, width), rng.uniform(0, height), rng.uniform(60, 200)
        base += 70 * np.exp(-((xx - cx) ** 2 + (yy - cy) ** 2) / (2 * radius**2))
    channels = [base + rng.normal(0, 8, base.shape) + shift for shift in ((0, 25, -30) if colour else (0,))]
    stacked = np.clip(np.stack(channels, axis=-1), 0, 255).astype(np.uint8)
    return Image.fromarray(stacked[..., 0] if not colour else stacked, "L" if not colour else "RGB")


@pytest.mark.parametrize("angle", [4.0, -4.0, 9.5, -13.0])
def test_deskew_finds_the_angle_and_straightens_the_lines(angle: float) -> None:
    page = text_page()
    skewed = _skewed(page, angle)
    straight, found = deskew(skewed)
    assert found == pytest.approx(angle, abs=0.5)
    assert _profile_sharpness(straight) > 1.5 * _profile_sharpness(skewed)
    assert _profile_sharpness(straight) > 0.8 * _profile_sharpness(page)


def test_deskew_leaves_a_straight_page_alone() -> None:
    page = text_page()
    out, found = deskew(page)
    assert found == 0.0
    assert out.size == page.size
    assert np.array_equal(np.asarray(out), np.asarray(page))


def test_deskew_does_not_rotate_photos_or_blank_pages() -> None:
    assert deskew(_photo())[1] == 0.0
    assert deskew(Image.new("L", (800, 1100), 245))[1] == 0.0


def test_deskew_keeps_the_mode_of_a_bw_page() -> None:
    out, found = deskew(to_bw(_skewed(text_page(), 5.0)))
    assert out.mode == "1"
    assert found == pytest.approx(5.0, abs=0.5)


def _framed(page: Image.Image, frame: tuple[int, int, int, int]) -> Image.Image:
    left, top, right, bottom = frame
    framed = Image.new("L", (page.width + left + right, page.height + top + bottom), 12)
    framed.paste(page, (left, top))
    return framed


def test_crop_borders_removes_a_black_frame() -> None:
    page = text_page()
    framed = _framed(page, (70, 40, 25, 90))
    out = crop_borders(framed)
    assert abs(out.width - page.width) <= 6 and abs(out.height - page.height) <= 6
    pixels = np.asarray(out)
    for edge in (pixels[0], pixels[-1], pixels[:, 0], pixels[:, -1]):
        assert edge.mean() > 240  # paper, not frame
    assert out.width <= page.width and out.height <= page.height


def test_crop_borders_keeps_a_page_without_frame_and_a_dark_photo() -> None:
    page = text_page()
    assert crop_borders(page).size == page.size
    dark = Image.new("L", (600, 800), 20)
    assert crop_borders(dark).size == dark.size


def test_crop_borders_can_trim_blank_margins_around_a_card() -> None:
    flatbed = Image.new("L", (1654, 2339), 250)  # A4 at 200 dpi, white lid
    card = Image.new("L", (675, 425), 200)
    ImageDraw.Draw(card).rectangle((40, 40, 300, 120), fill=0)
    flatbed.paste(card, (100, 150))
    out = crop_borders(flatbed, blank=True)
    assert out.width < 800 and out.height < 600
    assert crop_borders(flatbed).size == flatbed.size  # blank margins are kept unless asked


def test_to_bw_uses_otsu_between_paper_and_ink() -> None:
    page = Image.new("L", (200, 100), 230)
    ImageDraw.Draw(page).rectangle((20, 20, 80, 80), fill=60)
    assert 60 < otsu_threshold(page) <= 230
    bw = to_bw(page)
    assert bw.mode == "1"
    values = np.asarray(bw.convert("L"))
    assert values[50, 50] == 0 and values[5, 5] == 255
    assert to_bw(page, threshold=50).convert("L").getextrema() == (255, 255)


def test_to_grey_flattens_transparency_on_white() -> None:
    rgba = Image.new("RGBA", (10, 10), (255, 0, 0, 0))
    grey = to_grey(rgba)
    assert grey.mode == "L"
    assert grey.getextrema() == (255, 255)


def _scanned(page: Image.Image) -> Image.Image:
    """A page as a grey scanner sees it: greyish paper, softer ink, sensor noise, a little blur."""
    noise = np.random.default_rng(3).normal(0, 6, (page.height, page.width))
    pixels = np.clip(np.asarray(page, dtype=np.float64) * 0.8 + 40 + noise, 0, 255).astype(np.uint8)
    return Image.fromarray(pixels, "L").filter(ImageFilter.GaussianBlur(1))


def test_text_and_photo_are_told_apart() -> None:
    assert looks_like_text(text_page())
    assert looks_like_text(_scanned(text_page()))
    assert looks_like_text(to_bw(text_page()))
    assert looks_like_text(Image.new("L", (500, 700), 250))  # blank: text-like, BW stores it smallest
    assert not looks_like_text(_photo(colour=False))
    assert not looks_like_text(_photo())


def test_suggested_mode_keeps_colour_where_it_matters() -> None:
    assert suggest_mode(text_page()) is PageMode.BW
    assert suggest_mode(_photo(colour=False)) is PageMode.GREY
    assert suggest_mode(_photo()) is PageMode.COLOR
    sealed = text_page().convert("RGB")
    ImageDraw.Draw(sealed).ellipse((800, 1300, 1050, 1550), outline=(220, 30, 30), width=12)  # a red seal
    assert suggest_mode(sealed) is PageMode.COLOR


def test_clean_page_crops_straightens_and_picks_bw_for_text() -> None:
    scanned = _framed(_scanned(_skewed(text_page(), 3.0)), (50, 50, 50, 50))
    cleaned = clean_page(scanned)
    assert cleaned.mode is PageMode.BW
    assert cleaned.image.mode == "1"
    assert cleaned.skew == pytest.approx(3.0, abs=0.5)
    assert np.asarray(cleaned.image.convert("L"))[:, 0].mean() > 200  # no black frame left at the edge


def test_rotate_quarter_turns_clockwise() -> None:
    page = Image.new("L", (40, 20), 255)
    page.putpixel((0, 0), 0)  # top-left corner marked
    page.info["dpi"] = (300, 150)
    right = rotate(page, 1)
    assert right.size == (20, 40)
    assert right.getpixel((19, 0)) == 0  # clockwise: top-left goes to top-right
    assert right.info["dpi"] == (150, 300)
    assert rotate(page, -1).getpixel((0, 39)) == 0
    assert rotate(page, 2).getpixel((39, 19)) == 0
    assert np.array_equal(np.asarray(rotate(page, 4)), np.asarray(page))


def test_crop_takes_a_box_and_refuses_a_bad_one() -> None:
    page = Image.new("L", (100, 50), 255)
    assert crop(page, (10, 5, 60, 45)).size == (50, 40)
    for bad in [(0, 0, 0, 10), (50, 10, 40, 20), (0, 0, 101, 50), (-1, 0, 10, 10)]:
        with pytest.raises(ValueError):
            crop(page, bad)


def test_thumbnail_is_a_small_png_with_the_same_aspect() -> None:
    data = thumbnail(to_bw(text_page()), 160)
    assert data.startswith(b"\x89PNG")
    with Image.open(io.BytesIO(data)) as thumb:
        assert max(thumb.size) == 160
        assert thumb.size == (113, 160)  # 1240x1754 scaled into 160x160
        assert thumb.mode == "L"
