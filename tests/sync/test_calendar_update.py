"""The holiday calendar from the platform (issue 14 item 4): a real signed GET against the simulator on
loopback, the days that change, the file and the setting switched, and a new case's promised date
counted through the published calendar."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

import pytest

from hallapp.commands import UserError
from hallapp.commands import calendar as command
from hallapp.config import load_settings
from hallapp.domain.cases import Decision, MaterialStatus
from hallapp.domain.identity import manual_identity
from hallapp.domain.idnumber import make_id_number
from hallapp.services import calendar_update, cases, catalog
from hallapp.services.hall import ensure_demo_hall
from tests.sync.helpers import demo_clerk, post_json

SBK = "002011004000"  # 社会保障卡申领: 10 working days
FRIDAY = date(2026, 2, 27)  # the next day, Saturday 2-28, is a make-up working day in the shipped calendar
SHIPPED = "calendars/cn-2026.yaml"


def _publish_changed(sim: Any) -> None:
    """The platform corrects 2026: no make-up Saturday on 2-28, and 3-2..3-3 become holidays."""
    days = [day for day in sim.platform.catalog.calendar(2026)["days"] if day["date"] != "2026-02-28"]
    days.append({"date": "2026-03-02", "to": "2026-03-03", "kind": "holiday", "name": "测试调整"})
    assert post_json(sim.url + "_sim/calendars/2026", {"days": days, "version": "2026-2"})["version"] == "2026-2"


def _update(app: Any, year: int = 2026, dry_run: bool = False) -> int:
    return command.run(app, argparse.Namespace(action="update", year=year, dry_run=dry_run))


def _entries(app: Any) -> list[str]:
    return load_settings(app.home.settings_file).documents.holiday_calendars


def _promised_on_friday(app: Any) -> tuple[str, date]:
    """A 社保卡 case accepted on FRIDAY, counted through this PC's calendars as the counter does."""
    hall = ensure_demo_hall(app.db)
    clerk_id, clerk = demo_clerk(app)
    materials = [cases.MaterialInput(line.position, MaterialStatus.CAPTURED, b"%PDF-1.4\n" + bytes(40), 1)
                 for line in catalog.checklist(app.db, SBK).lines if line.required]
    person = manual_identity(name="测试申请人", id_number=make_id_number("110105", date(1980, 5, 6), 12),
                             today=date.today(), valid_to=date(2035, 1, 1))
    intake = cases.IntakeInput(applicant=person, item_code=SBK, handling_region_code="110105", materials=materials,
                               decision=Decision.ACCEPT, counter_number=1, staff_id=clerk_id, staff_username=clerk)
    summary = cases.submit_intake(app.db, app.home, hall.id, intake, today=FRIDAY,
                                  calendar=cases.load_calendar(_entries(app)))
    assert summary.promised_date is not None
    return summary.number, summary.promised_date


def test_the_shipped_calendar_comes_back_unchanged_and_is_recorded(synced_app: Any, sim: Any,
                                                                  capsys: pytest.CaptureFixture) -> None:
    assert _update(synced_app) == 0
    out = capsys.readouterr().out
    assert "0 holidays added, 0 removed" in out and "applied" in out
    assert _entries(synced_app) == [str(calendar_update.target(synced_app.home, 2026))]  # cn-2026.yaml replaced
    assert calendar_update.current_version(synced_app.db, 2026) == "sim-1"
    assert _promised_on_friday(synced_app)[1] == date(2026, 3, 12)  # counts Saturday 2-28, as before
    assert _update(synced_app) == 0
    assert "already applied" in capsys.readouterr().out
    assert sim.stats()["bad_signatures"] == 0


def test_a_published_change_moves_the_promised_date_of_a_new_case(synced_app: Any, sim: Any,
                                                                  capsys: pytest.CaptureFixture) -> None:
    earlier, before = _promised_on_friday(synced_app)
    assert before == date(2026, 3, 12)
    _publish_changed(sim)

    assert _update(synced_app, dry_run=True) == 0
    out = capsys.readouterr().out
    assert "version 2026-2" in out and "2 holidays added, 0 removed, 0 make-up working days added, 1 removed" in out
    assert "+ holiday\t2026-03-02" in out and "+ holiday\t2026-03-03" in out and "- workday\t2026-02-28" in out
    assert "dry run" in out and _entries(synced_app) == [SHIPPED]
    assert calendar_update.current_version(synced_app.db, 2026) is None
    assert not calendar_update.target(synced_app.home, 2026).exists()

    assert _update(synced_app) == 0
    assert calendar_update.current_version(synced_app.db, 2026) == "2026-2"
    written = calendar_update.target(synced_app.home, 2026).read_text(encoding="utf-8")
    assert "2026-2" in written and "测试调整" in written
    # Friday → no Saturday shift, 3-2/3-3 off: the 10th working day is Tuesday 3-17.
    assert _promised_on_friday(synced_app)[1] == date(2026, 3, 17)
    assert cases.show(synced_app.db, earlier)["promised_date"] == "2026-03-12"  # its receipt's date stands


def test_a_calendar_the_platform_has_not_published_changes_nothing(synced_app: Any, sim: Any) -> None:
    with pytest.raises(UserError, match="no holiday calendar for 2031"):
        _update(synced_app, year=2031)
    assert _entries(synced_app) == [SHIPPED]


def test_a_published_calendar_with_a_weekday_workday_is_refused_whole(synced_app: Any, sim: Any) -> None:
    days = sim.platform.catalog.calendar(2026)["days"] + [{"date": "2026-03-02", "kind": "workday"}]
    post_json(sim.url + "_sim/calendars/2026", {"days": days, "version": "2026-bad"})
    with pytest.raises(UserError, match="2026-bad.*not a Saturday or Sunday.*nothing changed"):
        _update(synced_app)
    assert _entries(synced_app) == [SHIPPED]
    assert calendar_update.current_version(synced_app.db, 2026) is None
    assert not calendar_update.target(synced_app.home, 2026).exists()


def test_apply_refuses_calendars_changed_since_the_diff_was_shown(synced_app: Any, sim: Any) -> None:
    from hallapp.sync.options import from_settings
    from hallapp.sync.platform_clients import create_adapter

    _publish_changed(sim)
    platform = create_adapter(synced_app, from_settings(synced_app.settings))
    try:
        remote = calendar_update.fetch(platform, 2026)
    finally:
        platform.close()
    shown = calendar_update.diff(synced_app.db, synced_app.home, remote, _entries(synced_app))
    assert _update(synced_app) == 0  # someone else applied it meanwhile
    with pytest.raises(calendar_update.CalendarUpdateError) as refused:
        calendar_update.apply(synced_app.db, synced_app.home, remote, _entries(synced_app), actor="admin",
                              expected=shown)
    assert refused.value.code == "calendar.changed_since"
