"""Finding the CJK font: the first usable TrueType in the list wins; unusable ones are named with the reason."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from hallapp.config import DocumentSettings
from hallapp.documents import FontNotFoundError, load_fonts
from hallapp.documents.testpage import DEFAULT_LINE, render_test_page
from tests.support.requirements import need

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def _cff_font(path: Path) -> Path:
    path.write_bytes(b"OTTO" + b"\x00" * 60)  # the header of an OpenType font with CFF outlines
    return path


def _cff_collection(path: Path) -> Path:
    # A .ttc whose first face is CFF, as NotoSansCJK-Regular.ttc is.
    path.write_bytes(b"ttcf" + struct.pack(">HHII", 1, 0, 1, 16) + b"OTTO" + b"\x00" * 60)
    return path


def test_only_missing_paths_raise_with_the_paths_and_the_fix(tmp_path):
    paths = [tmp_path / "none.ttc", "C:/Windows/Fonts/simsun-not-here.ttc"]
    with pytest.raises(FontNotFoundError) as raised:
        load_fonts(paths)
    message = str(raised.value)
    assert str(tmp_path / "none.ttc") in message and "simsun-not-here.ttc" in message
    assert "missing" in message
    assert "apt-get install fonts-wqy-microhei" in message and "documents.font_paths" in message


def test_empty_list_raises(tmp_path):
    with pytest.raises(FontNotFoundError, match="empty"):
        load_fonts([])


def test_cff_fonts_are_skipped_with_the_reason(tmp_path):
    with pytest.raises(FontNotFoundError) as raised:
        load_fonts([_cff_font(tmp_path / "NotoSansCJKsc-Regular.otf"), _cff_collection(tmp_path / "NotoSansCJK.ttc")])
    message = str(raised.value)
    assert message.count("CFF") == 2, message


def test_a_font_without_chinese_is_skipped(tmp_path):
    need(DEJAVU.is_file(), "DejaVu Sans (fonts-dejavu-core)")
    with pytest.raises(FontNotFoundError, match="no Chinese glyphs"):
        load_fonts([DEJAVU])


def test_first_usable_font_after_unusable_ones_wins(tmp_path, fonts):
    found = load_fonts([tmp_path / "missing.ttf", _cff_font(tmp_path / "cff.otf"), fonts.path])
    assert found == fonts


def test_default_search_list_finds_a_font_on_this_machine(fonts):
    assert str(fonts.path) in [str(Path(p)) for p in DocumentSettings().font_paths]


def test_test_page_prints_its_line_in_the_embedded_font(fonts, saved):
    pdf = saved(render_test_page(fonts))
    assert DEFAULT_LINE in pdf.flat_text()
    assert pdf.fonts() and all(row.embedded for row in pdf.fonts())
