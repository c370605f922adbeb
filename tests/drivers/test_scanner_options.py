"""Scan settings matched against option values as SANE backends spell them (typical lists; versions differ)."""

from __future__ import annotations

import pytest

from drivers.scanner.sane_options import ScanMode, ScanSource, is_mode, is_source, nearest, pick

MODES = {
    "test": ["Gray", "Color"],
    "genesys": ["Color", "Gray", "Lineart"],
    "epson2": ["Binary", "Gray", "Color"],
    "fujitsu": ["Lineart", "Halftone", "Gray", "Color"],
    "brother": ["Black & White", "Gray[Error Diffusion]", "True Gray", "24bit Color[Fast]"],
}
SOURCES = {
    "test": ["Flatbed", "Automatic Document Feeder"],
    "fujitsu": ["ADF Front", "ADF Back", "ADF Duplex"],
    "hpaio": ["Flatbed", "ADF", "Duplex"],
    "brother": ["FlatBed", "Automatic Document Feeder(left aligned)", "Automatic Document Feeder(left aligned,Duplex)"],
}


@pytest.mark.parametrize(
    ("backend", "mode", "expected"),
    [
        ("test", ScanMode.COLOR, "Color"),
        ("test", ScanMode.LINEART, None),  # the driver then scans 1-bit grey or thresholds itself
        ("genesys", ScanMode.LINEART, "Lineart"),
        ("epson2", ScanMode.LINEART, "Binary"),
        ("fujitsu", ScanMode.LINEART, "Lineart"),
        ("brother", ScanMode.LINEART, "Black & White"),
        ("brother", ScanMode.GRAY, "True Gray"),  # not the dithered one
        ("brother", ScanMode.COLOR, "24bit Color[Fast]"),
    ],
)
def test_modes(backend: str, mode: ScanMode, expected: str | None) -> None:
    assert pick(MODES[backend], is_mode(mode)) == expected


@pytest.mark.parametrize(
    ("backend", "source", "expected"),
    [
        ("test", ScanSource.ADF, "Automatic Document Feeder"),
        ("test", ScanSource.ADF_DUPLEX, None),
        ("fujitsu", ScanSource.ADF, "ADF Front"),
        ("fujitsu", ScanSource.ADF_DUPLEX, "ADF Duplex"),
        ("fujitsu", ScanSource.FLATBED, None),
        ("hpaio", ScanSource.ADF_DUPLEX, "Duplex"),
        ("brother", ScanSource.FLATBED, "FlatBed"),
        ("brother", ScanSource.ADF, "Automatic Document Feeder(left aligned)"),
        ("brother", ScanSource.ADF_DUPLEX, "Automatic Document Feeder(left aligned,Duplex)"),
    ],
)
def test_sources(backend: str, source: ScanSource, expected: str | None) -> None:
    assert pick(SOURCES[backend], is_source(source)) == expected


def test_nearest_resolution() -> None:
    assert nearest(200, (50.0, 1200.0, 1.0)) == 200
    assert nearest(2400, (50, 1200, 0)) == 1200
    assert nearest(203, (75, 600, 25)) == 200
    assert nearest(200, [75, 150, 300, 600]) == 150
    assert nearest(250, [75, 150, 300, 600]) == 300
    assert nearest(200, None) == 200
