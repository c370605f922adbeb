"""Fixtures for the document tests: the real CJK font from the configured list, the sample case."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from hallapp.config import DocumentSettings
from hallapp.documents import CaseDocument, DocumentFonts, FontNotFoundError, load_fonts
from hallapp.documents.sample import sample_case
from tests.documents.pdf_checks import RenderedPdf
from tests.support.requirements import need


@pytest.fixture(scope="session")
def fonts() -> DocumentFonts:
    """The first usable font of the default search list (fonts-wqy-microhei on Debian)."""
    try:
        return load_fonts(DocumentSettings().font_paths)
    except FontNotFoundError as exc:
        need(False, f"a TrueType CJK font ({exc})")
        raise


@pytest.fixture
def case() -> CaseDocument:
    return sample_case()


@pytest.fixture
def saved(tmp_path: Path) -> Callable[[bytes, str], RenderedPdf]:
    """Save PDF bytes under this test's folder so poppler and zbar can read them."""

    def save(data: bytes, name: str = "document") -> RenderedPdf:
        return RenderedPdf(data, tmp_path / f"{name}.pdf")

    return save


@pytest.fixture
def demo_app(home, demo_db):
    """The app on a private copy of the demo hall, as `hallapp --demo` opens it."""
    from hallapp.bootstrap import open_app

    app = open_app(demo=True)
    yield app
    app.close()
