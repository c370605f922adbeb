"""GB/T 39046-2020 records as hallapp sends them: application, acceptance, materials, delivery.

The payload is canonical JSON (sorted keys, no spaces, UTF-8), so its SHA-256 is the same on
every machine and at the platform. Times are Beijing local time as `YYYYMMDDThhmmss`.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime
from typing import Any

from hallapp.domain.clock import BEIJING  # the contract's "Beijing time", whatever the hall's or the PC's zone

SCHEMA = "hallapp.case/1"
CASE_TYPE_CODES = {"instant": "1", "promised": "2"}  # GB/T 39046: 1 即办件, 2 承诺件, 9 其他
SOURCE_WINDOW = "1"  # 办理形式: 1 窗口办理
FORM_CODES = {"original": "1", "copy": "2", "electronic": "3"}


def gbt_time(value: datetime | None) -> str:
    return value.astimezone(BEIJING).strftime("%Y%m%dT%H%M%S") if value else ""


def gbt_date(value: date | None) -> str:
    return value.strftime("%Y%m%d") if value else ""


def canonical(record: dict[str, Any]) -> bytes:
    return json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def person(p: Any) -> dict[str, str] | None:  # noqa: ANN401 - an Applicant row
    if p is None:
        return None
    return {"name": p.name, "certificate_type": p.certificate_type, "certificate_number": p.certificate_number,
            "phone": p.phone or "", "address": p.address or ""}


def material(m: Any) -> dict[str, Any]:  # noqa: ANN401 - a Material row
    return {"position": m.position, "name": m.name, "collected": bool(m.sha256), "status": m.status,
            "form": FORM_CODES.get(m.form, m.form), "copies": m.copies, "pages": m.page_count, "sha256": m.sha256 or ""}


def case_record(*, client_id: str, case: Any, hall: Any, item: Any, applicant: Any, agent: Any,  # noqa: ANN401
                clerk: str) -> dict[str, Any]:
    """The whole submission for one accepted case (ORM rows in, plain JSON-able dict out)."""
    number = case.number
    return {
        "schema": SCHEMA, "client_id": client_id,
        "hall": {"code": hall.code, "name": hall.name, "region_code": hall.region_code},
        "application": {
            "case_number": number, "implementation_code": item.code, "item_name": item.name,
            "case_type": CASE_TYPE_CODES.get(item.case_type, "9"), "applicant": person(applicant), "agent": person(agent),
            "source": SOURCE_WINDOW, "application_time": gbt_time(case.accepted_at or case.created_at),
            "region_code": hall.region_code, "handling_region_code": case.handling_region_code or "",
        },
        "acceptance": {
            "case_number": number, "implementation_code": item.code, "accepting_body": hall.name,
            "accepting_body_code": hall.code, "clerk": clerk, "time": gbt_time(case.accepted_at),
            "document_number": number, "promised_time": gbt_time(case.promised_at), "region_code": hall.region_code,
            "with_gap": case.state == "accepted_with_gap", "gap_due_date": gbt_date(case.gap_due_date),
        },
        "materials": [material(m) for m in case.materials],
        "delivery": {"method": case.delivery, "address": case.delivery_address or ""},
    }


def material_hashes(record: dict[str, Any]) -> list[str]:
    """The distinct SHA-256 of the materials a record carries, in checklist order."""
    seen: dict[str, None] = {}
    for m in record.get("materials", []):
        if m.get("sha256"):
            seen.setdefault(m["sha256"], None)
    return list(seen)
