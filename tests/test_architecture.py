"""The layering rules hold: ui -> hallapp -> drivers, Qt only in ui, SQLAlchemy only in storage,
reportlab only in documents. import-linter checks the contracts; this test also makes sure a new
module cannot slip past them by not being listed."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _contracts() -> dict[str, dict]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    return {c["name"]: c for c in config["contracts"]}


def _hallapp_modules() -> set[str]:
    package = ROOT / "hallapp"
    names = {p.stem for p in package.glob("*.py") if p.stem not in {"__init__", "__main__"}}
    names |= {p.name for p in package.iterdir() if (p / "__init__.py").exists()}
    return {f"hallapp.{n}" for n in names}


def test_import_contracts_are_kept() -> None:
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout[-3000:]
    assert "0 broken" in result.stdout


def test_every_module_is_covered_by_the_library_contracts() -> None:
    contracts = _contracts()
    modules = _hallapp_modules()
    sqlalchemy_free = set(contracts["SQLAlchemy and Alembic only in hallapp.storage"]["source_modules"])
    reportlab_free = set(contracts["reportlab only in hallapp.documents"]["source_modules"])
    assert modules - {"hallapp.storage"} <= sqlalchemy_free
    assert modules - {"hallapp.documents"} <= reportlab_free


def test_no_qt_in_core_or_drivers_even_lazily() -> None:
    """import-linter sees imports inside functions too, but not strings fed to importlib. (Naming the
    PySide6 distribution to report its version, as diagnostics does, is not an import.)"""
    sneaky = re.compile(r"import_module\(\s*[\"'](PySide6|shiboken6|ui)\b|__import__\(\s*[\"'](PySide6|ui)\b"
                        r"|^\s*(from|import)\s+(PySide6|shiboken6)\b", re.MULTILINE)
    for folder in ("hallapp", "drivers"):
        for path in (ROOT / folder).rglob("*.py"):
            assert not sneaky.search(path.read_text(encoding="utf-8")), path
