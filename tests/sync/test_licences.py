"""Shared licences (电子证照): fetched from the simulator over real signed HTTP on loopback with the
applicant's consent, stored like a scan, attached to the case as that material and sent as such."""

from __future__ import annotations

import json
import re
import socket
import subprocess
import time
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml

from hallapp.domain.cases import Decision, MaterialStatus
from hallapp.domain.identity import manual_identity
from hallapp.domain.licences import LICENCE_TYPES, licence_for
from hallapp.sending import engine
from hallapp.services import case_documents, cases, catalog, licences
from hallapp.services.hall import ensure_demo_hall
from hallapp.simulator import licences as sim_licences
from hallapp.storage import material_store
from hallapp.storage.models import AuditEvent, Material, OutboxEntry, SharedLicence
from hallapp.sync import licence_wire
from hallapp.sync.options import SyncOptions
from hallapp.sync.platform_port import UntrustedAnswerError
from tests.documents.pdf_checks import RenderedPdf
from tests.sync.helpers import demo_clerk

FAST = SyncOptions(backoff_base_s=0.01, backoff_cap_s=0.05)
ITEM = "002011004000"  # 社会保障卡申领: its 居民户口簿 line can come from the platform
DEMO_ID = "51010419900307004X"  # 陈思雨, a sample card the demo reader hands over
NO_MARRIAGE_ID = "410102195209181242"  # a sample person the simulator holds no 结婚证 for


def _holder(number: str = DEMO_ID) -> Any:
    return manual_identity(name="陈思雨", id_number=number, today=date(2026, 12, 1), valid_to=date(2035, 4, 10))


def _fetch(app: Any, given: bool = True, licence_type: str = "hukou", number: str = DEMO_ID) -> licences.FetchedLicence:
    return licences.fetch(app.db, app.home, licences.opener_for(app), holder=_holder(number),
                          licence_type=licence_type, consent=licences.Consent(given, "clerk1"))


def _rows(app: Any) -> list[SharedLicence]:
    with app.db.unit_of_work() as uow:
        return list(uow.session.query(SharedLicence).order_by(SharedLicence.id))


def _audit(app: Any) -> list[tuple[str, str, str]]:
    with app.db.unit_of_work() as uow:
        return [(e.action, e.subject, e.detail) for e in uow.session.query(AuditEvent).order_by(AuditEvent.id)
                if e.action.startswith("licence")]


def _accept(app: Any, pdf: bytes, pages: int) -> str:
    """Accept the item with the 居民户口簿 line captured from `pdf`, the required lines scanned."""
    info = ensure_demo_hall(app.db)
    clerk_id, clerk = demo_clerk(app)
    item = catalog.checklist(app.db, ITEM)
    inputs = [cases.MaterialInput(line.position, MaterialStatus.CAPTURED, pdf, pages) if line.name == "居民户口簿" else
              cases.MaterialInput(line.position, MaterialStatus.CAPTURED, b"%PDF-1.4\nscan " + line.name.encode(), 1)
              for line in item.lines if line.required or line.name == "居民户口簿"]
    intake = cases.IntakeInput(applicant=_holder(), item_code=ITEM, handling_region_code="510104", materials=inputs,
                               decision=Decision.ACCEPT, counter_number=1, staff_id=clerk_id, staff_username=clerk)
    return cases.submit_intake(app.db, app.home, info.id, intake).number


def _booklet(app: Any, number: str) -> tuple[Material, dict[str, Any]]:
    """The case's 居民户口簿 material, and its line in the record waiting in the outbox."""
    with app.db.unit_of_work() as uow:
        case = uow.session.query(Material).join(Material.case).filter_by(number=number).all()
        material = next(m for m in case if m.name == "居民户口簿")
        payload = uow.session.query(OutboxEntry).filter_by(case_number=number).one().payload
        line = next(m for m in json.loads(payload)["materials"] if m["name"] == "居民户口簿")
        uow.session.expunge(material)
        return material, line


def test_materials_the_platform_can_supply_are_named_by_the_catalog_names() -> None:
    assert licence_for("居民户口簿").code == "hukou"
    assert licence_for("结婚证").code == "marriage"
    assert licence_for("配偶居民户口簿") is None  # the spouse's booklet: not fetched by the applicant's ID
    assert licence_for("社会保障卡申领登记表") is None


def test_a_licence_fetched_with_consent_is_the_case_material_and_is_sent_as_electronic(synced_app: Any, sim: Any) -> None:
    licence = _fetch(synced_app)
    text = subprocess.run(["pdftotext", "-", "-"], input=licence.pdf, capture_output=True, check=True).stdout.decode()
    assert "SAMPLE ELECTRONIC LICENCE" in text and licence.number in text and DEMO_ID not in text
    assert licence.licence_name == "居民户口簿" and licence.issuer.endswith("（模拟）")
    assert material_store.load(synced_app.home, licence.sha256) == licence.pdf  # stored like a scan
    [row] = _rows(synced_app)
    assert (row.state, row.consent_ref, row.licence_number) == ("fetched", licence.consent_ref, licence.number)

    number = _accept(synced_app, licence.pdf, licence.pages)
    material, line = _booklet(synced_app, number)
    assert (material.source, material.form, material.status) == ("licence", "electronic", "captured")
    assert line["form"] == "3" and line["collected"] and line["sha256"] == licence.sha256  # GB/T 39046: electronic
    assert (line["source"], line["issuer"], line["licence_number"]) == ("licence", licence.issuer, licence.number)
    assert _rows(synced_app)[0].material_id == material.id  # issuer and number kept with the material

    assert engine.run_once(synced_app, options=FAST)["confirmed"] == 1
    [sent] = [c for c in sim.platform.store.cases() if c["case_number"] == number]
    held = json.loads(sim.platform.store.one("SELECT payload FROM sim_case WHERE client_id=?", sent["client_id"])[0])
    booklet = next(m for m in held["materials"] if m["name"] == "居民户口簿")
    assert (booklet["form"], booklet["source"]) == ("3", "licence")
    assert (booklet["issuer"], booklet["licence_number"]) == (licence.issuer, licence.number)  # what the platform got
    scanned = [m for m in held["materials"] if m["name"] != "居民户口簿"]
    assert scanned and all(m["source"] == "window" and "issuer" not in m for m in scanned)

    trail = _audit(synced_app)
    assert [a for a, _s, _d in trail] == ["licence_consent", "licence_fetched"]
    assert not any(DEMO_ID in s + d or licence.number in s + d or "陈思雨" in d for _a, s, d in trail)


def test_consent_refused_fetches_nothing(synced_app: Any, sim: Any) -> None:
    with pytest.raises(licences.LicenceError) as refused:
        _fetch(synced_app, given=False)
    assert refused.value.code == "licence.no_consent"
    assert sim.stats().get("licence_requests", 0) == 0
    assert _rows(synced_app) == []
    assert [a for a, _s, _d in _audit(synced_app)] == ["licence_consent_refused"]


def test_offline_is_a_coded_refusal_at_once_and_a_scan_still_works(synced_app: Any) -> None:
    with socket.socket() as probe:  # a port nobody listens on: the link is down
        probe.bind(("127.0.0.1", 0))
        synced_app.settings.platform.url = f"http://127.0.0.1:{probe.getsockname()[1]}/"
    started = time.monotonic()
    with pytest.raises(licences.LicenceError) as offline:
        _fetch(synced_app)
    assert offline.value.code == "licence.offline" and time.monotonic() - started < 5
    assert "scan the paper" in str(offline.value)
    [row] = _rows(synced_app)
    assert (row.state, row.failure, row.sha256) == ("failed", "licence.offline", None)

    number = _accept(synced_app, b"%PDF-1.4\nscanned booklet", 2)  # the clerk scans the paper as before
    material, line = _booklet(synced_app, number)
    assert (material.source, material.form, line["form"]) == ("window", "original", "1")


def test_a_licence_the_platform_does_not_hold_is_said_so(synced_app: Any, sim: Any) -> None:
    with pytest.raises(licences.LicenceError) as missing:
        _fetch(synced_app, licence_type="marriage", number=NO_MARRIAGE_ID)
    assert missing.value.code == "licence.not_found"
    assert sim.stats()["licence_requests"] == 1 and sim.stats().get("licences_served", 0) == 0
    assert _rows(synced_app)[0].state == "failed"


@pytest.mark.parametrize("size", ["A4", "thermal80"])
def test_the_receipt_marks_the_licence_with_its_number(synced_app: Any, sim: Any, tmp_path: Any, size: str) -> None:
    licence = _fetch(synced_app)
    number = _accept(synced_app, licence.pdf, licence.pages)
    pdf = case_documents.render(synced_app.db, number, "receipt", synced_app.settings.documents, size=size)
    text = RenderedPdf(pdf, tmp_path / "receipt.pdf").flat_text()
    issuer = f"签发：{licence.issuer}" if size == "A4" else ""  # the roll is narrow: the number only
    # The row as read across: name, (issuer,) number, the form column 电子证照, the page count.
    assert f"居民户口簿{issuer}证照编号：{licence.number}电子证照{licence.pages}" in text
    assert text.count("电子证照") == 1  # the scanned lines keep their own form


def test_a_licence_answer_for_another_consent_is_not_believed(synced_app: Any, sim: Any) -> None:
    """An answer must be for the request sent: a platform mixing answers up is no answer."""
    body = licence_wire.request_body(licence_type="hukou", certificate_type="111", certificate_number=DEMO_ID,
                                     name="陈思雨", consent_ref="cd" * 16, given_at=datetime(2026, 12, 1, 9, 0,
                                                                                              tzinfo=UTC), clerk="clerk1")
    answer = {**sim_licences.sample_licence("hukou", DEMO_ID), "consent_reference": "ef" * 16}
    with pytest.raises(UntrustedAnswerError):
        licence_wire.parse(answer, sent=body)
    assert licence_wire.parse({**answer, "consent_reference": "cd" * 16}, sent=body).number.startswith("SIM-HUK-")


ROOT = Path(__file__).resolve().parents[2]


def test_the_documents_name_every_licence_type_and_every_error_code_the_simulator_sends() -> None:
    """A province implements from the documents: they must say what the program does."""
    spec = yaml.safe_load((ROOT / "docs" / "platform-api.openapi.yaml").read_text("utf-8"))
    fetch = spec["paths"]["/v1/licences/fetch"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert fetch["properties"]["licence_type"]["enum"] == [t.code for t in LICENCE_TYPES]
    table = (ROOT / "docs" / "catalog-format.md").read_text("utf-8")
    for kind in LICENCE_TYPES:
        assert f"| `{kind.code}` | {kind.name} | {'、'.join(kind.materials)} |" in table, kind.code

    source = "\n".join(p.read_text("utf-8") for p in (ROOT / "hallapp" / "simulator").glob("*.py"))
    sent = set(re.findall(r'SimError\(\d+, "(\w+)"', source)) | set(re.findall(r'_refused\(\d+, "(\w+)"', source))
    sent |= set(re.findall(r'\{"error": "(\w+)"', source))
    assert {"licence_not_found", "consent_reused", "bad_nonce", "unavailable"} <= sent  # the grep finds them
    assert sorted(sent - set(spec["components"]["schemas"]["Error"]["properties"]["error"]["enum"])) == []
