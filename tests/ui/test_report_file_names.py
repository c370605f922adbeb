"""Saving the dashboard's report: a file name whose ending names no format is refused on the page with
what to do, and nothing is written; a .pdf is written (the format is read in the worker, which is
where the report's modules load)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from hallapp.services import hall
from hallapp.services.dashboard import Period
from tests.ui.clerk_keys import wait_until
from ui.pages.supervisor_report import ReportActions

DAY = Period.day(date(2026, 12, 8))


def _actions(ctx) -> tuple[ReportActions, list[tuple[str, bool]]]:
    info = hall.hall_info(ctx.db)
    actions = ReportActions(ctx.db, info.id, lambda: DAY, lambda: ctx.settings, home=ctx.home)
    said: list[tuple[str, bool]] = []
    actions.said.connect(lambda text, problem: said.append((text, problem)))
    return actions, said


def test_a_name_without_a_format_s_ending_is_refused_with_what_to_do(ctx, qtbot, tmp_path: Path) -> None:
    actions, said = _actions(ctx)
    target = tmp_path / "day.txt"
    actions.save(target, DAY)
    wait_until(qtbot, lambda: bool(said), what="the refusal")
    assert said == [("day.txt: end the file name in .pdf, .csv or .xlsx, then save again.", True)]
    assert not target.exists()


def test_a_pdf_name_writes_the_report(ctx, qtbot, tmp_path: Path) -> None:
    actions, said = _actions(ctx)
    target = tmp_path / "day.pdf"
    actions.save(target, DAY)
    wait_until(qtbot, lambda: bool(said), timeout=30_000, what="the report saved")
    assert said == [(f"Report saved to {target}", False)]
    assert target.read_bytes().startswith(b"%PDF")
