"""Scan settings and how they map to a device's SANE option values.

Backends name the same thing differently ("Color", "24bit Color", "Lineart", "Binary",
"Automatic Document Feeder", "ADF Front"): values are matched by keywords, not exact strings.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any


class ScanMode(Enum):
    COLOR = "color"
    GRAY = "gray"
    LINEART = "lineart"


class ScanSource(Enum):
    FLATBED = "flatbed"
    ADF = "adf"
    ADF_DUPLEX = "adf_duplex"


@dataclass(frozen=True)
class ScanSettings:
    resolution: int = 200
    mode: ScanMode = ScanMode.GRAY
    source: ScanSource = ScanSource.FLATBED


@dataclass(frozen=True)
class Capabilities:
    modes: tuple[ScanMode, ...]
    sources: tuple[ScanSource, ...]
    resolution_range: tuple[int, int]  # dpi; (0, 0) when the device has no resolution option
    resolutions: tuple[int, ...]  # the allowed values when the device lists them, else ()


_DITHERED = ("diffusion", "halftone", "dither")


def pick(values: Sequence[str], accept: Callable[[str], bool]) -> str | None:
    """The first of `values` that `accept` takes (lower-cased), preferring plain over dithered modes."""
    matches = [value for value in values if accept(value.lower())]
    plain = [value for value in matches if not any(word in value.lower() for word in _DITHERED)]
    found = plain or matches
    return found[0] if found else None


def is_mode(mode: ScanMode) -> Callable[[str], bool]:
    """A test for the lower-cased SANE "mode" values that mean `mode`."""
    if mode is ScanMode.COLOR:
        return lambda v: "colo" in v
    if mode is ScanMode.GRAY:
        return lambda v: "gray" in v or "grey" in v
    return lambda v: "lineart" in v or "line art" in v or "binary" in v or "black" in v


def is_source(source: ScanSource) -> Callable[[str], bool]:
    """A test for the lower-cased SANE "source" values that mean `source`."""

    def feeder(v: str) -> bool:
        return "adf" in v or "feeder" in v or "automatic" in v

    if source is ScanSource.FLATBED:
        return lambda v: "flatbed" in v or "normal" in v or "platen" in v
    if source is ScanSource.ADF:
        return lambda v: feeder(v) and "duplex" not in v and "back" not in v
    return lambda v: "duplex" in v


def nearest(value: float, constraint: Any) -> float:
    """The allowed value closest to `value` under a SANE constraint: (min, max, quant), a list, or None."""
    if isinstance(constraint, tuple) and len(constraint) == 3:  # (min, max, quant)
        low, high, quant = constraint
        value = min(max(value, low), high)
        if quant:
            value = low + round((value - low) / quant) * quant
        return value
    if isinstance(constraint, list) and constraint:
        return min(constraint, key=lambda allowed: abs(allowed - value))
    return value


