"""The simulator's shared licences (电子证照, docs/platform-api.md "Shared licences").

It holds sample licences for the demo people (the sample ID cards the demo reader hands over,
drivers/idcard/sample_cards.json), generated from the ID number: plainly marked samples with
made-up numbers and issuers, never real data. A consent reference is remembered: asked again with
the same request it gives the same answer; with another holder or type it is refused.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from typing import Any

from drivers.idcard.sample import load_cards
from hallapp.domain.licences import BY_CODE
from hallapp.simulator.store import GBT_TIME, SimError, SimStore

CONSENT_REF = re.compile(r"[0-9a-f]{32}")
ISSUERS = {"hukou": "公安局（模拟）", "marriage": "民政局婚姻登记处（模拟）", "social_insurance": "社会保险事业管理局（模拟）",
           "birth": "卫生健康委员会（模拟）", "degree": "教育厅学历认证中心（模拟）"}
# Sample people without a licence of this type: the platform's "not found" is part of the demo too.
ABSENT = {("marriage", "410102195209181242")}


def _holders() -> dict[str, str]:
    return {card["id_number"]: card["name"] for card in load_cards() if card.get("id_number")}


def sample_pdf(lines: list[str]) -> bytes:
    """A one-page PDF with Helvetica text lines (ASCII): small, and readable by pdftotext."""
    text = "BT /F1 14 Tf 60 780 Td 20 TL " + " ".join(f"({_escape(line)}) '" for line in lines) + " ET"
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
               "/Resources << /Font << /F1 5 0 R >> >> >>",
               f"<< /Length {len(text)} >>\nstream\n{text}\nendstream",
               "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("ascii")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode("ascii")
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode("ascii")
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode("ascii")
    return bytes(out)


def _escape(line: str) -> str:
    return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def sample_licence(licence_type: str, number: str) -> dict[str, Any]:
    """The licence the simulator holds for this holder (an ID number of the sample cards)."""
    kind = BY_CODE[licence_type]
    tag = hashlib.sha256(f"{licence_type}|{number}".encode()).hexdigest()
    licence_number = f"SIM-{licence_type[:3].upper()}-{int(tag[:10], 16) % 10**10:010d}"
    issued = f"20{10 + int(tag[10:12], 16) % 15:02d}{1 + int(tag[12:14], 16) % 12:02d}{1 + int(tag[14:16], 16) % 28:02d}"
    pdf = sample_pdf(["SAMPLE ELECTRONIC LICENCE - platform simulator, not a real document",
                      f"type: {licence_type}", f"licence number: {licence_number}",
                      f"holder: {number[:4]}**********{number[-4:]}", f"issued: {issued}"])
    return {"licence_type": licence_type, "licence_name": kind.name, "licence_number": licence_number,
            "issuer": f"示例市{ISSUERS.get(licence_type, '签发机关（模拟）')}", "issued_date": issued,
            "file": {"media_type": "application/pdf", "sha256": hashlib.sha256(pdf).hexdigest(),
                     "content_base64": base64.b64encode(pdf).decode("ascii")}}


def _request(body: bytes) -> tuple[str, str, str]:
    """(licence type, holder's certificate number, consent reference) of a valid request."""
    try:
        data = json.loads(body)
        holder, consent = data["holder"], data["consent"]
        fields = (data["licence_type"], holder["certificate_type"], holder["certificate_number"],
                  consent["reference"], consent["given_at"], consent["clerk"])
    except (ValueError, KeyError, TypeError) as exc:
        raise SimError(422, "invalid", detail="licence_type, holder and consent are required") from exc
    if not all(isinstance(f, str) and f.strip() for f in fields):
        raise SimError(422, "invalid", detail="every field: a non-empty string")
    if not CONSENT_REF.fullmatch(fields[3]) or not GBT_TIME.fullmatch(fields[4]):
        raise SimError(422, "consent_missing", detail="consent.reference: 32 hex; consent.given_at: YYYYMMDDThhmmss")
    if fields[0] not in BY_CODE:
        raise SimError(422, "unknown_licence_type", known=sorted(BY_CODE))
    return fields[0], fields[2], fields[3]


def answer(store: SimStore, hall: str, body: bytes) -> dict[str, Any]:
    """POST /v1/licences/fetch: the licence, or a coded refusal (SimError)."""
    licence_type, number, reference = _request(body)
    with store.lock:
        store.db.execute("CREATE TABLE IF NOT EXISTS licence_consent (reference TEXT PRIMARY KEY, hall_code TEXT, "
                         "licence_type TEXT, holder_sha256 TEXT, at REAL)")
        holder_tag = hashlib.sha256(number.encode()).hexdigest()
        row = store.one("SELECT hall_code, licence_type, holder_sha256 FROM licence_consent WHERE reference=?", reference)
        if row and row != (hall, licence_type, holder_tag):
            raise SimError(409, "consent_reused", detail="this consent reference was given for another request")
        if row is None:
            store.db.execute("INSERT INTO licence_consent VALUES (?,?,?,?,strftime('%s','now'))",
                             (reference, hall, licence_type, holder_tag))
        store.stats["licence_requests"] = store.stats.get("licence_requests", 0) + 1
    if number not in _holders() or (licence_type, number) in ABSENT:
        raise SimError(404, "licence_not_found")
    with store.lock:
        store.stats["licences_served"] = store.stats.get("licences_served", 0) + 1
    return {**sample_licence(licence_type, number), "consent_reference": reference}
