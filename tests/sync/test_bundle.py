"""Removable media: export unsent cases signed and encrypted, import on another machine, twice."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hallapp.sending import engine
from hallapp.sync import bundle, crypto
from hallapp.sync.options import SyncOptions
from tests.support.demo_home import install_demo_database
from tests.sync.helpers import make_cases, register

FAST = SyncOptions(backoff_base_s=0.01, backoff_cap_s=0.05)


@pytest.fixture
def other_app(tmp_path: Path, _demo_template: Path, monkeypatch: pytest.MonkeyPatch):
    from hallapp.bootstrap import open_app

    root = tmp_path / "other-home"
    root.mkdir()
    install_demo_database(_demo_template, root)
    monkeypatch.setenv("HALLAPP_HOME", str(root))
    context = open_app()
    yield context
    context.close()


def test_double_import_is_harmless(synced_app, sim, other_app, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(bundle.PASSPHRASE_ENV, "county-usb-2026")
    numbers = make_cases(synced_app, 3, materials=2, size=20_000)
    result = bundle.export_unsent(synced_app, tmp_path / "usb")
    assert result["entries"] == 3
    folder = Path(result["path"])
    assert not any(b"\xe6\xb5\x8b\xe8\xaf\x95" in p.read_bytes() for p in folder.rglob("*.bin"))  # "测试": no plain text
    register(other_app, sim.url)
    bundle.trust_key(other_app.home.keys_dir, (synced_app.home.keys_dir / crypto.PUBLIC_FILE).read_text())
    first = bundle.import_bundle(other_app, tmp_path / "usb")
    second = bundle.import_bundle(other_app, tmp_path / "usb")
    assert (first["enqueued"], second["enqueued"], second["already"]) == (3, 0, 3)
    assert engine.run_once(other_app, options=FAST)["confirmed"] == 3
    assert engine.run_once(synced_app, options=FAST)["confirmed"] == 3  # the first machine got a link back too
    stats = sim.stats()
    assert stats["cases_received"] == 3 and stats["duplicates"] == 0 and stats["replays"] == 3
    held = sorted(c["case_number"] for c in json.loads(json.dumps(sim.platform.store.cases())))
    assert held == sorted(numbers)


def test_tampered_or_wrong_passphrase_is_refused(synced_app, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(bundle.PASSPHRASE_ENV, "county-usb-2026")
    make_cases(synced_app, 1)
    folder = Path(bundle.export_unsent(synced_app, tmp_path / "usb")["path"])
    with pytest.raises(bundle.BundleError):
        bundle.import_bundle(synced_app, folder, passphrase="another-passphrase")
    manifest = folder / "manifest.json"
    manifest.write_bytes(manifest.read_bytes().replace(b"DEMO510104", b"DEMO510105", 1))
    with pytest.raises(bundle.BundleError, match="signature is not valid"):
        bundle.import_bundle(synced_app, folder)
    monkeypatch.delenv(bundle.PASSPHRASE_ENV)
    with pytest.raises(bundle.BundleError):
        bundle.export_unsent(synced_app, tmp_path / "usb2")
