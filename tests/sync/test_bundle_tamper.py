"""A bundle is refused as a whole: a tampered part, a stranger's key, a manifest that lies about its
payload, or a file name reaching outside the bundle leave this outbox (and its materials) untouched."""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import pytest

from hallapp.commands import bundle as bundle_command
from hallapp.sync import bundle, crypto
from tests.support.demo_home import install_demo_database
from tests.sync.helpers import make_cases, register

PASSPHRASE = "county-usb-2026"


@pytest.fixture
def other_app(tmp_path: Path, _demo_template: Path, monkeypatch: pytest.MonkeyPatch):
    """A second PC of the same hall, in its own home with its own hall key."""
    from hallapp.bootstrap import open_app

    root = tmp_path / "other-home"
    root.mkdir()
    install_demo_database(_demo_template, root)
    monkeypatch.setenv("HALLAPP_HOME", str(root))
    context = open_app()
    yield context
    context.close()


@pytest.fixture
def exported(synced_app, sim, other_app, tmp_path: Path, monkeypatch) -> Path:
    """Seven cases exported by the first PC, whose key the second PC's administrator trusted."""
    monkeypatch.setenv(bundle.PASSPHRASE_ENV, PASSPHRASE)
    make_cases(synced_app, 7, materials=1, size=3_000)
    folder = Path(bundle.export_unsent(synced_app, tmp_path / "usb")["path"])
    register(other_app, sim.url)
    public = synced_app.home.keys_dir / crypto.PUBLIC_FILE
    assert bundle_command.run(other_app, argparse.Namespace(action="trust", keyfile=public)) == 0
    return folder


def _outbox(app) -> int:
    with app.db.unit_of_work() as uow:
        return len(uow.outbox.unsent())


def _materials(app) -> int:
    return sum(1 for p in (app.home.root / "materials").rglob("*") if p.is_file())


def _resign(folder: Path, manifest: dict, key: crypto.HallKey) -> None:
    """What a person holding a key does after editing the manifest."""
    manifest["public_key_pem"] = key.public_pem
    raw = json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8")
    (folder / "manifest.json").write_bytes(raw)
    (folder / "manifest.sig").write_text(key.sign(raw), encoding="ascii")


def _refused(app, folder: Path, match: str) -> None:
    before = (_outbox(app), _materials(app))
    with pytest.raises(bundle.BundleError, match=match) as refused:
        bundle.import_bundle(app, folder)
    assert "\n" not in str(refused.value)
    assert (_outbox(app), _materials(app)) == before == (0, 0)


def test_the_untouched_bundle_imports_in_one_go(exported: Path, other_app) -> None:
    result = bundle.import_bundle(other_app, exported)
    carried = len(list((exported / "materials").iterdir()))
    assert (result["enqueued"], result["already"], result["materials"]) == (7, 0, carried)
    assert _outbox(other_app) == 7 and _materials(other_app) == carried


def test_one_tampered_entry_refuses_the_whole_bundle(exported: Path, other_app) -> None:
    last = exported / "entries" / "00006.bin"
    data = bytearray(last.read_bytes())
    data[40] ^= 0x01
    last.write_bytes(bytes(data))
    _refused(other_app, exported, "altered")


def test_a_tampered_material_refuses_the_whole_bundle(exported: Path, other_app) -> None:
    material = sorted((exported / "materials").iterdir())[-1]
    material.write_bytes(material.read_bytes()[:-1] + b"\x00")
    _refused(other_app, exported, "altered")


def test_a_bundle_signed_by_a_freshly_made_key_is_refused(exported: Path, other_app) -> None:
    manifest = json.loads((exported / "manifest.json").read_bytes())
    _resign(exported, manifest, crypto.HallKey.generate())
    _refused(other_app, exported, "not a key of this hall.*bundle trust")


def test_an_untrusted_pc_of_the_hall_is_refused_until_listed(synced_app, other_app, sim, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv(bundle.PASSPHRASE_ENV, PASSPHRASE)
    make_cases(synced_app, 2, materials=1, size=2_000)
    folder = Path(bundle.export_unsent(synced_app, tmp_path / "usb")["path"])
    register(other_app, sim.url)
    _refused(other_app, folder, "not a key of this hall")
    public = synced_app.home.keys_dir / crypto.PUBLIC_FILE
    assert bundle_command.run(other_app, argparse.Namespace(action="trust", keyfile=public)) == 0
    assert bundle.import_bundle(other_app, folder)["enqueued"] == 2


def test_a_manifest_whose_client_id_differs_from_its_payload_is_refused(exported: Path, synced_app,
                                                                        other_app) -> None:
    manifest = json.loads((exported / "manifest.json").read_bytes())
    manifest["entries"][3]["client_id"] = manifest["entries"][4]["client_id"]
    _resign(exported, manifest, crypto.load_key(synced_app.home.keys_dir))
    _refused(other_app, exported, "client id")


def test_a_file_outside_the_bundle_is_refused(exported: Path, synced_app, other_app, tmp_path) -> None:
    outside = tmp_path / "outside_payload.bin"
    shutil.copyfile(exported / "entries" / "00002.bin", outside)
    manifest = json.loads((exported / "manifest.json").read_bytes())
    manifest["entries"][2]["file"] = "../../outside_payload.bin"
    assert (exported / manifest["entries"][2]["file"]).resolve() == outside.resolve()
    _resign(exported, manifest, crypto.load_key(synced_app.home.keys_dir))
    _refused(other_app, exported, "outside")


def test_trusting_something_that_is_not_a_public_key_is_a_user_error(other_app, tmp_path) -> None:
    from hallapp.commands import UserError

    private = tmp_path / "key.pem"
    private.write_bytes(crypto.HallKey.generate().private_pem())
    with pytest.raises(UserError, match="not an SM2 public key"):
        bundle_command.run(other_app, argparse.Namespace(action="trust", keyfile=private))
