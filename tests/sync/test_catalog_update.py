"""The item catalog from the platform (issue 14 item 4): a real signed GET against the simulator on
loopback, the diff, one transaction, a withdrawn item refused, a case in progress keeping its version."""

from __future__ import annotations

import argparse
import copy
from datetime import date
from typing import Any

import pytest

from hallapp.domain.cases import CaseError, Decision, MaterialStatus
from hallapp.domain.identity import manual_identity
from hallapp.domain.idnumber import make_id_number
from hallapp.services import cases, catalog, catalog_update
from hallapp.services.hall import ensure_demo_hall
from hallapp.sync.options import from_settings
from hallapp.sync.platform_clients import create_adapter
from tests.sync.helpers import demo_clerk, post_json

SBK = "002011004000"  # 社会保障卡申领 in the starter catalog


def _fetch(app: Any) -> catalog_update.RemoteCatalog:
    platform = create_adapter(app, from_settings(app.settings))
    try:
        return catalog_update.fetch(platform)
    finally:
        platform.close()


def _served(sim: Any) -> dict[str, dict]:
    return {item["code"]: item for item in sim.platform.catalog.catalog()["items"]}


def _publish_v2(sim: Any) -> str:
    """sbk gains a material, one item is withdrawn, one is new — through the simulator's HTTP page."""
    items = _served(sim)
    sbk = copy.deepcopy(items[SBK])
    sbk["materials"].append({"name": "近期免冠照片", "required": True, "key": True, "form": "original", "copies": 1})
    gone = next(code for code in items if code != SBK)
    new = copy.deepcopy(items[SBK])
    new.update(code="002011099000", name="社会保障卡补领（测试）", aliases=[])
    answer = post_json(sim.url + "_sim/catalog", {"upsert": [sbk, new], "withdraw": [gone], "version": "2026.12-2"})
    return gone if answer["version"] == "2026.12-2" else ""


def _intake(app: Any, code: str) -> cases.IntakeInput:
    clerk_id, clerk = demo_clerk(app)
    lines = catalog.checklist(app.db, code).lines
    materials = [cases.MaterialInput(line.position, MaterialStatus.CAPTURED, b"%PDF-1.4\n" + bytes(40), 1)
                 for line in lines if line.required]
    person = manual_identity(name="测试申请人", id_number=make_id_number("110105", date(1980, 5, 6), 12),
                             today=date.today(), valid_to=date(2035, 1, 1))
    return cases.IntakeInput(applicant=person, item_code=code, handling_region_code="110105", materials=materials,
                             decision=Decision.ACCEPT, counter_number=1, staff_id=clerk_id, staff_username=clerk)


def test_the_first_fetch_over_signed_http_matches_the_shipped_catalog(synced_app: Any, sim: Any) -> None:
    remote = _fetch(synced_app)
    assert remote.version == "sim-1"
    found = catalog_update.diff(synced_app.db, remote)
    assert found.current is None and found.empty  # the simulator serves what hallapp ships
    catalog_update.apply(synced_app.db, remote, actor="admin")
    assert catalog_update.current_version(synced_app.db) == "sim-1"
    assert sim.stats()["bad_signatures"] == 0


def test_the_diff_names_new_changed_and_withdrawn_items(synced_app: Any, sim: Any) -> None:
    gone = _publish_v2(sim)
    found = catalog_update.diff(synced_app.db, _fetch(synced_app))
    assert found.version == "2026.12-2"
    assert [c.code for c in found.added] == ["002011099000"]
    assert [(c.code, c.fields) for c in found.changed] == [(SBK, ("materials",))]
    assert [c.code for c in found.withdrawn] == [gone]


def test_apply_is_one_transaction(synced_app: Any, sim: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    gone = _publish_v2(sim)
    remote = _fetch(synced_app)

    def broken(uow: Any, remote: Any) -> None:
        raise OSError("disk full half-way")

    monkeypatch.setattr(catalog_update, "keep_versions", broken)  # after items were written, before the version
    with pytest.raises(OSError):
        catalog_update.apply(synced_app.db, remote, actor="admin")
    assert catalog_update.current_version(synced_app.db) is None
    assert len(catalog.checklist(synced_app.db, SBK).lines) == len(_served_before_sbk_lines(sim)) - 1
    assert catalog.checklist(synced_app.db, gone) is not None
    assert not catalog.search(synced_app.db, "002011099000")


def _served_before_sbk_lines(sim: Any) -> list:
    return _served(sim)[SBK]["materials"]


def test_withdrawn_item_refused_for_a_new_case_while_a_started_case_keeps_its_version(synced_app: Any,
                                                                                      sim: Any) -> None:
    app = synced_app
    hall = ensure_demo_hall(app.db)
    catalog_update.apply(app.db, _fetch(app), actor="admin")  # sim-1
    gone = next(code for code in _served(sim) if code != SBK)
    again = _intake(app, gone)  # what the clerk's screen still holds once the item is withdrawn
    started = cases.submit_intake(app.db, app.home, hall.id, again).number
    in_progress = cases.submit_intake(app.db, app.home, hall.id, _intake(app, SBK)).number
    _publish_v2(sim)
    catalog_update.apply(app.db, _fetch(app), actor="admin")

    with pytest.raises(CaseError) as refused:
        cases.submit_intake(app.db, app.home, hall.id, again)
    assert refused.value.code == "case.item_withdrawn"
    assert not [hit for hit in catalog.search(app.db, gone) if hit.code == gone]
    assert cases.show(app.db, started)["item_code"] == gone  # the started case is untouched
    kept = catalog_update.item_as_started(app.db, in_progress)
    assert kept is not None and "近期免冠照片" not in [m.name for m in kept.materials]
    assert "近期免冠照片" in [line.name for line in catalog.checklist(app.db, SBK).lines]
    new = cases.submit_intake(app.db, app.home, hall.id, _intake(app, SBK)).number
    assert "近期免冠照片" in [m.name for m in catalog_update.item_as_started(app.db, new).materials]


def test_catalog_update_command_dry_run_then_apply(synced_app: Any, sim: Any, capsys: pytest.CaptureFixture) -> None:
    from hallapp.commands import catalog as command

    _publish_v2(sim)
    assert command.run(synced_app, argparse.Namespace(action="update", dry_run=True)) == 0
    out = capsys.readouterr().out
    assert "2026.12-2" in out and "1 new, 1 changed, 1 withdrawn" in out and "dry run" in out
    assert catalog_update.current_version(synced_app.db) is None
    assert command.run(synced_app, argparse.Namespace(action="update", dry_run=False)) == 0
    assert catalog_update.current_version(synced_app.db) == "2026.12-2"
    assert command.run(synced_app, argparse.Namespace(action="update", dry_run=False)) == 0
    assert "already applied" in capsys.readouterr().out
