"""GB/T 39046-2020 records as hallapp sends them: application, acceptance, materials, delivery.

The payload is canonical JSON (sorted keys, no spaces, UTF-8), so its SHA-256 is the same on
every machine and at the platform. Times are Beijing local time as `YYYYMMDDThhmmss`.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from hallapp.domain.cases import CaseError
from hallapp.domain.clock import BEIJING  # the contract's "Beijing time", whatever the hall's or the PC's zone
from hallapp.domain.licences import SOURCE_LICENCE
from hallapp.domain.licences import SOURCE_WINDOW as SOURCE_AT_WINDOW  # a material's; SOURCE_WINDOW here is 办理形式

if TYPE_CHECKING:
    from hallapp.storage.models import Applicant, Case, Hall, Material, ServiceItem

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


def person(p: Applicant | None) -> dict[str, str] | None:
    if p is None:
        return None
    return {"name": p.name, "certificate_type": p.certificate_type, "certificate_number": p.certificate_number,
            "phone": p.phone or "", "address": p.address or ""}


def material(m: Material) -> dict[str, Any]:
    """One checklist line. `source` says where it came from; a 电子证照 (`licence`) also names the
    licence's issuer and number, as the platform supplied them (sealed at rest, opened on load)."""
    line = {"position": m.position, "name": m.name, "collected": bool(m.sha256), "status": m.status,
            "form": FORM_CODES.get(m.form, m.form), "copies": m.copies, "pages": m.page_count, "sha256": m.sha256 or "",
            "source": m.source or SOURCE_AT_WINDOW}
    if line["source"] == SOURCE_LICENCE:
        licence = getattr(m, "licence", None)  # models/licence.py: the shared_licence row it came from
        line["issuer"] = licence.issuer if licence else ""
        line["licence_number"] = licence.licence_number if licence else ""
    return line


def acceptance(case: Case, hall: Hall, item: ServiceItem, clerk: str) -> dict[str, Any]:
    """事项受理. `gap_due_date` exists only in a 容缺 record: with no gap nothing is due."""
    with_gap = case.state == "accepted_with_gap"
    record = {"case_number": case.number, "implementation_code": item.code, "accepting_body": hall.name,
              "accepting_body_code": hall.code, "clerk": clerk, "time": gbt_time(case.accepted_at),
              "document_number": case.number, "promised_time": gbt_time(case.promised_at),
              "region_code": hall.region_code, "with_gap": with_gap}
    if with_gap:
        record["gap_due_date"] = gbt_date(case.gap_due_date)
    return record


def case_record(*, client_id: str, case: Case, hall: Hall, item: ServiceItem, applicant: Applicant | None,
                agent: Applicant | None,
                clerk: str) -> dict[str, Any]:
    """The whole submission for one accepted case (ORM rows in, plain JSON-able dict out). `clerk` is
    the 受理人 as the receipt prints it (the staff member's name)."""
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
        "acceptance": acceptance(case, hall, item, clerk),
        "materials": [material(m) for m in case.materials],
        "delivery": {"method": case.delivery, "address": case.delivery_address or ""},
    }


class IncompleteRecordError(CaseError):
    """A record GB/T 39046 needs has an empty field: the case is not accepted (nothing is saved)."""

    def __init__(self, missing: list[str]) -> None:
        super().__init__("受理记录缺少国家平台要求的内容（" + "、".join(missing) + "），未保存；"
                         "请以窗口人员身份登录后重新受理，或请管理员补全大厅与事项信息")
        self.missing = missing


# Fields that must not be empty (GB/T 39046 办事申请 / 事项受理, and what the contract needs to route a case).
REQUIRED = {
    "hall": ("code", "name", "region_code"),
    "application": ("case_number", "implementation_code", "item_name", "case_type", "source", "application_time",
                    "region_code", "handling_region_code"),
    "acceptance": ("case_number", "implementation_code", "accepting_body", "accepting_body_code", "clerk", "time",
                   "document_number", "promised_time", "region_code"),
    "applicant": ("name", "certificate_type", "certificate_number"),
    "material": ("name", "status", "form"),
    "licence": ("issuer", "licence_number"),  # of a material whose source is licence
}


def empty_fields(record: dict[str, Any]) -> list[str]:
    """Dotted names of the required fields that are empty or absent (none: the record may be sent)."""
    missing = [f"{part}.{name}" for part in ("hall", "application", "acceptance")
               for name in REQUIRED[part] if not str(record.get(part, {}).get(name) or "").strip()]
    application, accepted = record.get("application", {}), record.get("acceptance", {})
    for role in ("applicant", "agent"):
        who = application.get(role)
        if who is None and role == "agent":
            continue
        missing += [f"application.{role}.{name}" for name in REQUIRED["applicant"] if not (who or {}).get(name)]
    if accepted.get("with_gap") and not accepted.get("gap_due_date"):
        missing.append("acceptance.gap_due_date")
    for m in record.get("materials", []):
        missing += [f"materials[{m.get('position')}].{name}" for name in REQUIRED["material"] if not m.get(name)]
        if m.get("collected") and not m.get("sha256"):
            missing.append(f"materials[{m.get('position')}].sha256")
        if m.get("source") == SOURCE_LICENCE:
            missing += [f"materials[{m.get('position')}].{name}" for name in REQUIRED["licence"]
                        if not str(m.get(name) or "").strip()]
    delivery = record.get("delivery", {})
    if not delivery.get("method") or (delivery.get("method") == "mail" and not delivery.get("address")):
        missing.append("delivery.address" if delivery.get("method") else "delivery.method")
    return missing


def check_complete(record: dict[str, Any]) -> None:
    """Refuse a record with an empty required field (a strict platform would answer 422 for it)."""
    missing = empty_fields(record)
    if missing:
        raise IncompleteRecordError(missing)


def material_hashes(record: dict[str, Any]) -> list[str]:
    """The distinct SHA-256 of the materials a record carries, in checklist order."""
    seen: dict[str, None] = {}
    for m in record.get("materials", []):
        if m.get("sha256"):
            seen.setdefault(m["sha256"], None)
    return list(seen)


# --- the other records the hall owes the platform (schema hallapp.record/1) ----------------------

RECORD_SCHEMA = "hallapp.record/1"
KIND_CASE = "case"
KIND_EVALUATION = "evaluation"  # 好差评 of the visit that opened the case
KIND_COURIER = "courier"  # originals to the handling authority, or the result to the applicant
KIND_COLLECTION = "collection"  # the result handed over at the window
KIND_SUPPLEMENT = "supplement"  # a material deferred under 容缺 and brought in later
RECORD_KINDS = (KIND_EVALUATION, KIND_COURIER, KIND_COLLECTION, KIND_SUPPLEMENT)
COURIER_LEGS = ("originals", "result")

# Fields of `record` that must not be empty, per kind (the envelope's: schema, client_id, kind, case_number, hall.*).
RECORD_REQUIRED = {
    KIND_EVALUATION: ("case_number", "channel", "time", "clerk"),
    KIND_COURIER: ("case_number", "leg", "waybill", "sent_date", "sender", "receiver"),  # carrier: when named
    KIND_COLLECTION: ("case_number", "time", "collected_by", "clerk"),
    KIND_SUPPLEMENT: ("case_number", "position", "name", "form", "time", "clerk", "sha256"),
}


def envelope(*, client_id: str, kind: str, case_number: str, hall: Hall, record: dict[str, Any],
             materials: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """One record besides the case: `materials` lists what it brings (uploaded like the case's)."""
    return {"schema": RECORD_SCHEMA, "client_id": client_id, "kind": kind, "case_number": case_number,
            "hall": {"code": hall.code, "name": hall.name, "region_code": hall.region_code},
            "record": record, "materials": materials or []}


def evaluation_record(*, case_number: str, level: int | None, level_name: str, reason: str, channel: str,
                      at: datetime, clerk: str) -> dict[str, Any]:
    """好差评 (GB/T 39046 A.8 level 1–5). A visit with no answer in time is `answered: false` with no
    level: never counted as any level, least of all a good one."""
    return {"case_number": case_number, "answered": level is not None, "level": str(level) if level else "",
            "level_name": level_name if level else "", "reason": reason, "channel": channel,
            "time": gbt_time(at), "clerk": clerk}


def courier_record(*, case_number: str, leg: str, carrier: str, waybill: str, sent_on: date | None,
                   sender: str, receiver: str) -> dict[str, Any]:
    """物流: `leg` originals (to the handling authority, for archiving) or result (to the applicant)."""
    return {"case_number": case_number, "leg": leg, "carrier": carrier, "waybill": waybill,
            "sent_date": gbt_date(sent_on), "sender": sender, "receiver": receiver}


def collection_record(*, case_number: str, at: datetime, collected_by: str, clerk: str) -> dict[str, Any]:
    """The result collected at the window; `collected_by` is applicant or agent (checked by ID card)."""
    return {"case_number": case_number, "method": "window", "time": gbt_time(at), "collected_by": collected_by,
            "clerk": clerk}


def supplement_record(*, case_number: str, m: Material, at: datetime, clerk: str) -> dict[str, Any]:
    """补交: the deferred material `m` (a Material row, now captured) and when it came."""
    return {"case_number": case_number, "position": m.position, "name": m.name,
            "form": FORM_CODES.get(m.form, m.form), "pages": m.page_count, "sha256": m.sha256 or "",
            "time": gbt_time(at), "clerk": clerk}


def record_empty_fields(entry: dict[str, Any]) -> list[str]:
    """Dotted names of the required fields of a non-case record that are empty or absent."""
    missing = [name for name in ("schema", "client_id", "kind", "case_number") if not entry.get(name)]
    missing += [f"hall.{name}" for name in REQUIRED["hall"] if not str(entry.get("hall", {}).get(name) or "").strip()]
    body = entry.get("record", {})
    missing += [f"record.{name}" for name in RECORD_REQUIRED.get(entry.get("kind", ""), ("case_number",))
                if not str(body.get(name) or "").strip()]
    if entry.get("kind") == KIND_EVALUATION and body.get("answered") and not body.get("level"):
        missing.append("record.level")
    return missing


def check_record_complete(entry: dict[str, Any]) -> None:
    """Refuse a record with an empty required field: the caller's action saves nothing."""
    missing = record_empty_fields(entry)
    if missing:
        raise IncompleteRecordError(missing)
