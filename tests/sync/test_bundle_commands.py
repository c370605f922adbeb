"""`hallapp export-unsent DIR` and `hallapp import-bundle DIR` as a technician types them: the line each
prints, the bundle on the medium, and the audit anchor signed after each."""

from __future__ import annotations

from pathlib import Path

import pytest

from hallapp import cli, commands
from hallapp.services import audit
from hallapp.sync import bundle
from tests.sync.helpers import make_cases


def _run(app, capsys, *argv: str) -> str:
    args = cli.build_parser().parse_args(list(argv))
    module = commands.find(args.command)
    assert module is not None and module.NEEDS_APP
    assert cli.guarded(module.run, app, args) == 0
    return capsys.readouterr().out.strip()


def test_export_then_import_on_the_same_pc_prints_what_moved(synced_app, tmp_path: Path, capsys,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(bundle.PASSPHRASE_ENV, "county-usb-2026")
    make_cases(synced_app, 2, materials=1, size=5_000)
    anchors = len(audit.read_anchors(synced_app.home)[0])
    exported = _run(synced_app, capsys, "export-unsent", str(tmp_path / "usb"))
    folder = next((tmp_path / "usb").glob("hallapp-bundle-*"))
    materials = len(list((folder / "materials").glob("*.bin")))  # the cases' scans and photos, each once
    assert materials >= 2 and exported == f"exported 2 cases, {materials} materials to {folder}"
    imported = _run(synced_app, capsys, "import-bundle", str(tmp_path / "usb"))
    assert imported == "imported 1 bundles: 0 cases enqueued, 2 already here"  # this hall's own key: taken
    assert len(audit.read_anchors(synced_app.home)[0]) == anchors + 2  # each command signed the moved head


def test_import_of_a_folder_without_a_bundle_is_one_line_exit_2(synced_app, tmp_path: Path, capsys,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(bundle.PASSPHRASE_ENV, "county-usb-2026")
    (tmp_path / "empty").mkdir()
    args = cli.build_parser().parse_args(["import-bundle", str(tmp_path / "empty")])
    code = cli.guarded(commands.find("import-bundle").run, synced_app, args)
    err = capsys.readouterr().err.strip().splitlines()
    assert (code, err) == (2, [f"hallapp: There is no bundle in {tmp_path / 'empty'}: choose the folder the bundle "
                                "was copied to."])
