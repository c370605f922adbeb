"""`hallapp calendar import | list`: an administrator adds next year's holidays; promised dates follow.

The calendar imported here is a test file, not the State Council's 2027 notice (not published when
this was written: docs/hall-clock.md)."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from hallapp.config import load_settings
from hallapp.services.cases import load_calendar

HALLAPP = [sys.executable, "-m", "ui.launcher"]
TEST_2027 = """\
# A test calendar in the shipped format (resources/calendars/cn-2026.yaml), not an official notice.
name: test calendar 2027
source: tests/integration/test_calendar_cli.py
years: [2027]
days:
  - {date: 2027-01-01, kind: holiday, name: 元旦}
  - {date: 2027-01-04, to: 2027-01-05, kind: holiday, name: test holiday}
  - {date: 2027-01-09, kind: workday, name: test make-up working day}
"""


def run(home: Path, *args: str) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if not k.startswith("HALLAPP_")}
    return subprocess.run([*HALLAPP, *args], capture_output=True, text=True, timeout=120,
                          env={**base, "HALLAPP_HOME": str(home)})


def next_working_day_after_new_years_eve(home: Path) -> date:
    """What a case accepted on 2026-12-31 with 1 working day would promise in this home."""
    calendar = load_calendar(load_settings(home / "settings.toml").documents.holiday_calendars)
    return calendar.add_working_days(date(2026, 12, 31), 1)


def test_import_covers_the_new_year_and_promised_dates_skip_its_holidays(home: Path, tmp_path: Path) -> None:
    source = tmp_path / "cn-2027.yaml"
    source.write_text(TEST_2027, encoding="utf-8")
    before = run(home, "calendar", "list")
    assert before.returncode == 0 and "years covered: 2026;" in before.stdout
    assert next_working_day_after_new_years_eve(home) == date(2027, 1, 1)  # no 2027 calendar: a holiday promised

    result = run(home, "calendar", "import", str(source))
    assert result.returncode == 0, result.stderr
    assert "now count through 2026, 2027" in result.stdout
    assert (home / "calendars" / "cn-2027.yaml").read_text(encoding="utf-8") == TEST_2027  # the home's own copy
    source.unlink()  # the USB stick is gone: the home's copy is what counts
    listed = run(home, "calendar", "list")
    assert listed.returncode == 0 and "years covered: 2026, 2027;" in listed.stdout
    assert "test calendar 2027" in listed.stdout
    assert next_working_day_after_new_years_eve(home) == date(2027, 1, 6)


@pytest.mark.parametrize(("content", "said"), [
    ("days:\n  - {date: 2027-02-30, kind: holiday}\n", "not a date"),
    ("days:\n  - {date: 2027-01-02, kind: holiday}\n  - {date: 2027-01-02, kind: workday}\n", "both"),
    ("days:\n  - {date: 2027-01-06, kind: workday}\n", "days entry 1"),  # a Wednesday cannot be a make-up day
    ("days: []\n", "covers no year"),
    ("days:\n  - {date: 2026-10-10, kind: holiday}\n", "2026-10-10"),  # the shipped 2026 says working day
    ("name: [unclosed\n", "cannot read"),
])
def test_a_bad_calendar_changes_nothing_and_says_where(home: Path, tmp_path: Path, content: str, said: str) -> None:
    source = tmp_path / "cn-2027.yaml"
    source.write_text(content, encoding="utf-8")
    result = run(home, "calendar", "import", str(source))
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert said in result.stderr and "cn-2027.yaml" in result.stderr and "nothing changed" in result.stderr
    assert not (home / "calendars" / "cn-2027.yaml").exists()
    assert load_settings(home / "settings.toml").documents.holiday_calendars == ["calendars/cn-2026.yaml"]


def test_import_of_a_missing_file_is_one_line(home: Path, tmp_path: Path) -> None:
    result = run(home, "calendar", "import", str(tmp_path / "nowhere.yaml"))
    assert result.returncode == 2 and "nowhere.yaml is not a file" in result.stderr
