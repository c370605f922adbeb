"""A realistic demo case for the bench, the tests and a "print a test page" button.

Applicant from Chengdu, hall in a Zhejiang county, a pension transfer handled in Sichuan
(异地代收代办), accepted on Thursday 2026-11-26 with 10 working days promised.
The ID number is a made-up one with a valid check character; only its masked form is used.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from hallapp.documents.model import CaseDocument, HallHeader, MaterialLine
from hallapp.domain.idnumber import mask_id_number

SAMPLE_ID_NUMBER = "51010419800103004X"
SAMPLE_AGENT_ID_NUMBER = "330726199205170021"
SAMPLE_ADDRESS = "浙江省金华市演示县城东街道幸福里社区建设路一百二十八号阳光花园小区七幢二单元一千零二室收件人李秀英13800138000"

RECEIVED = (
    MaterialLine("居民身份证", "original", 1),
    MaterialLine("基本养老保险参保缴费凭证", "original", 3),
    MaterialLine("基本养老保险关系转移接续申请表", "original", 2),
    MaterialLine("居民户口簿（本人页及户主页）", "copy", 2),
)
DEFERRED = (
    MaterialLine("社会保障卡", "copy", 1, "gap", "复印件送至本窗口或拍照发送至窗口邮箱", date(2026, 12, 3)),
)
LACKING = (
    MaterialLine("近期一寸免冠彩色照片", "original", 0, "missing", "到本窗口现场拍摄，或提交白底电子照片"),
    MaterialLine("授权委托书", "original", 1, "incorrect", "委托人未签名：请委托人签名并按手印后重新提交"),
)


def sample_case() -> CaseDocument:
    """Accepted with one deferred (容缺) material; delivery by mail to a 60-character address."""
    return CaseDocument(
        case_number="DEMO510104-20261126-0007",
        hall=HallHeader("演示县政务服务中心", "0579-84123456", "浙江省金华市演示县行政服务大道88号市民之家一楼跨省通办专窗"),
        counter_number=3,
        clerk_name="王晓明",
        applicant_name="李秀英",
        applicant_id_masked=mask_id_number(SAMPLE_ID_NUMBER),
        agent_name="陈佳怡",
        agent_id_masked=mask_id_number(SAMPLE_AGENT_ID_NUMBER),
        item_name="企业职工基本养老保险关系转移接续（跨省转移，含个人账户储存额及统筹基金转移、参保缴费凭证核验）",
        item_code="000105117000",
        handling_place="四川省成都市锦江区社会保险事业管理局",
        accepted_at=datetime(2026, 11, 26, 9, 35),
        status_url="",  # as in a hall without a status page (the default): the QR holds a short text
        case_type="promised",
        promised_date=date(2026, 12, 10),
        delivery="mail",
        delivery_address=SAMPLE_ADDRESS,
        materials=RECEIVED + DEFERRED,
    )


def sample_notice_case() -> CaseDocument:
    """The same visit when a photo is missing and the power of attorney is unsigned: a one-time notice."""
    return replace(sample_case(), materials=RECEIVED + LACKING)
