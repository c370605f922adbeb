"""The rows that say who applied for what: shared by every document's field grid."""

from __future__ import annotations

from hallapp.documents.blocks import Pair
from hallapp.documents.model import CaseDocument
from hallapp.documents.words import DELIVERY_WORDS, INSTANT_DONE, cn_date, cn_datetime

Row = list[Pair]


def people_rows(doc: CaseDocument) -> list[Row]:
    rows = [[("申请人", doc.applicant_name), ("证件号码", doc.applicant_id_masked)]]
    if doc.agent_name:
        rows.append([("代理人", doc.agent_name), ("证件号码", doc.agent_id_masked)])
    return rows


def item_rows(doc: CaseDocument) -> list[Row]:
    rows = [[("事项名称", doc.item_name)]]
    if doc.item_code:
        rows.append([("事项编码", doc.item_code)])
    rows.append([("办理地", doc.handling_place)])
    return rows


def case_rows(doc: CaseDocument, time_label: str) -> list[Row]:
    """Case number and date, applicant (and agent), item and handling place."""
    # The number on its own row: read out whole on the phone, never wrapped in a half-width cell.
    return [[("办件编号", doc.case_number)], [(time_label, cn_datetime(doc.accepted_at))], *people_rows(doc), *item_rows(doc)]


def promise_words(doc: CaseDocument) -> str:
    """The promised completion date, or 当场办结 for an instant case (即办件)."""
    if doc.case_type == "instant" or doc.promised_date is None:
        return INSTANT_DONE
    return cn_date(doc.promised_date)


def delivery_words(doc: CaseDocument) -> str:
    words = DELIVERY_WORDS[doc.delivery]
    return f"{words}：{doc.delivery_address}" if doc.delivery == "mail" else words
