"""Logging to the home folder. Log lines carry detail for a technician, never personal data:
services log masked numbers and codes only, and this filter masks any 18-character ID number
that slips through."""

from __future__ import annotations

import logging
import logging.handlers
import re
import sys
from pathlib import Path

from hallapp.domain.clock import hall_clock

_ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])(\d{4})\d{10}(\d{3}[0-9Xx])(?![0-9A-Za-z])")


class MaskIdNumbers(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = _ID_NUMBER.sub(lambda m: m.group(1) + "*" * 10 + m.group(2), message)
        if masked != message:
            record.msg, record.args = masked, None
        return True


SYNC_WINDOW_LOG = "sync-window.log"  # the window's sync process (hallapp/sending/window_feed.py)


def configure(logs_dir: Path, level: str = "INFO", name: str = "hallapp.log") -> None:
    """Our log records into `logs_dir/name` (rotated); `name` is the process's own file where two
    processes would otherwise rotate one file under each other (the window's sync process)."""
    root = logging.getLogger()
    for stray in [h for h in root.handlers if type(h) is logging.StreamHandler and h.stream is sys.stderr]:
        root.removeHandler(stray)  # a library's logging.basicConfig() (python-escpos) must not print our log
    target = str((logs_dir / name).resolve())
    for old in [h for h in root.handlers if getattr(h, "_hallapp", False)]:
        if getattr(old, "baseFilename", "") == target:
            return
        root.removeHandler(old)  # another home in the same process (tests, tools): follow it
        old.close()
    handler = logging.handlers.RotatingFileHandler(
        logs_dir / name, maxBytes=5_000_000, backupCount=5, encoding="utf-8"
    )
    handler._hallapp = True  # type: ignore[attr-defined]
    formatter = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    formatter.converter = lambda seconds: hall_clock().struct_time(seconds)  # the hall's time, not the PC's zone
    handler.setFormatter(formatter)
    handler.addFilter(MaskIdNumbers())
    root.addHandler(handler)
    root.setLevel(level)
