"""Paper widths of thermal ticket printers and a python-escpos profile for each.

Font A is 12 x 24 dots at 203 dpi: 58 mm paper prints 384 dots (32 ASCII / 16 Chinese characters a
line), 80 mm paper 576 dots (48 / 24). python-escpos needs the width in dots in its profile to
centre an image (the QR fallback); none of its bundled profiles is a generic Chinese printer of
either width with a cutter, so `escpos_profile` builds one from the "default" profile.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from functools import cache
from typing import Any

from escpos.capabilities import Profile, get_profile_class

FONT_A_DOTS = (12, 24)  # width, height of one ASCII character cell


@dataclass(frozen=True)
class PaperSpec:
    width_mm: int
    dots: int  # printable width in dots
    columns: int  # ASCII characters (font A) a line; a Chinese character takes two

    @property
    def cjk_columns(self) -> int:
        return self.columns // 2


PAPERS = {58: PaperSpec(58, 384, 32), 80: PaperSpec(80, 576, 48)}


def paper_spec(width_mm: int) -> PaperSpec:
    """The spec of 58 or 80 mm paper; ValueError for any other width."""
    try:
        return PAPERS[int(width_mm)]
    except (KeyError, TypeError, ValueError):
        raise ValueError(f"paper width must be 58 or 80 mm, not {width_mm!r}") from None


@cache
def _profile_class(width_mm: int) -> type[Profile]:
    spec = paper_spec(width_mm)
    data: dict[str, Any] = copy.deepcopy(get_profile_class("default").profile_data)
    data["name"] = f"Generic {spec.width_mm} mm ticket printer"
    data["vendor"] = "Generic"
    data["media"] = {"width": {"mm": spec.width_mm, "pixels": spec.dots}, "dpi": 203}
    data["fonts"] = {"0": {"name": "Font A", "columns": spec.columns}, "1": {"name": "Font B", "columns": spec.dots // 9}}
    return type(f"Ticket{spec.width_mm}Profile", (Profile,), {"profile_data": data})


def escpos_profile(width_mm: int) -> Profile:
    """A python-escpos profile for a generic ESC/POS printer of that paper width, with a cutter."""
    spec = paper_spec(width_mm)
    features = dict(get_profile_class("default").profile_data["features"])
    features.update(qrCode=True, bitImageRaster=True, paperFullCut=True, paperPartCut=True)
    return _profile_class(spec.width_mm)(columns=spec.columns, features=features)
