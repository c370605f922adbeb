"""Black and white from grey for a SANE device that has no lineart mode: Otsu's threshold.

Here, not in hallapp/imaging, because the SANE worker needs it and drivers/ imports nothing of
ours; hallapp.imaging.processing builds its to_bw on these two, so there is one copy.
"""

from __future__ import annotations

import numpy as np
from PIL import Image


def otsu_threshold(grey: Image.Image) -> int:
    """Otsu's threshold of an "L" image's grey levels: pixels below it are ink."""
    hist = np.asarray(grey.histogram(), dtype=np.float64)
    total = hist.sum()
    if total == 0:
        return 128
    levels = np.arange(256, dtype=np.float64)
    weight_low = np.cumsum(hist)
    mean_low_sum = np.cumsum(hist * levels)
    weight_high = total - weight_low
    with np.errstate(divide="ignore", invalid="ignore"):
        mean_low = mean_low_sum / weight_low
        mean_high = (mean_low_sum[-1] - mean_low_sum) / weight_high
        between = weight_low * weight_high * (mean_low - mean_high) ** 2
    between = np.nan_to_num(between[:-1])
    if not between.any():  # one grey level only: a blank or solid page
        return 128
    return int(np.argmax(between)) + 1


def to_bw(grey: Image.Image, threshold: int | None = None) -> Image.Image:
    """An "L" image as "1": grey below `threshold` (Otsu's when None) becomes black."""
    cut = otsu_threshold(grey) if threshold is None else threshold
    lut = [0 if level < cut else 255 for level in range(256)]
    return grey.point(lut, mode="1")
