"""Logs carry detail for a technician but never a full ID number."""

from __future__ import annotations

import logging
from pathlib import Path

from hallapp import logs


def test_id_numbers_are_masked_in_the_log_file(tmp_path: Path) -> None:
    root = logging.getLogger()
    before = list(root.handlers)
    try:
        logs.configure(tmp_path)
        logging.getLogger("hallapp.test").warning("read card %s for case %s", "11010519491231002X", "H1-0001")
        for handler in root.handlers:
            handler.flush()
        text = (tmp_path / "hallapp.log").read_text(encoding="utf-8")
    finally:
        for handler in root.handlers[:]:
            if handler not in before:
                root.removeHandler(handler)
                handler.close()
    assert "11010519491231002X" not in text
    assert "1101**********002X" in text and "H1-0001" in text
