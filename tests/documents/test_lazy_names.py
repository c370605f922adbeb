"""hallapp.documents gives its names on first use: importing the package, or the case model and the
status link, does not load reportlab; every name it lists is the one its submodule defines."""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys

import pytest

import hallapp.documents as documents


def test_the_package_and_its_plain_parts_load_no_reportlab() -> None:
    code = ("import sys\n"
            "import hallapp.documents, hallapp.documents.model, hallapp.documents.links\n"
            "from hallapp.documents import CaseDocument, HallHeader, MaterialLine, status_url\n"
            "print(' '.join(m for m in sys.modules if m.split('.')[0] == 'reportlab'))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert result.stdout.strip() == ""


def test_a_renderer_still_comes_from_the_package() -> None:
    code = ("import sys\n"
            "from hallapp.documents import render_receipt\n"
            "print(callable(render_receipt), 'reportlab' in sys.modules)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert result.stdout.split() == ["True", "True"]


@pytest.mark.parametrize("name", documents.__all__)
def test_each_listed_name_is_its_submodule_s(name: str) -> None:
    value = getattr(documents, name)
    parts = [importlib.import_module(f"hallapp.documents.{m.name}") for m in pkgutil.iter_modules(documents.__path__)]
    assert any(getattr(part, name, None) is value for part in parts)
    assert name in dir(documents)


def test_a_name_it_does_not_have_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="render_invoice"):
        documents.render_invoice  # noqa: B018 - the attribute read is the test
