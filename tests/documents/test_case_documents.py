"""A stored case printed as the clerk prints it: the notice for every notified or 容缺 case, each
document only where the case's state allows it, the receipt with the hall's contact lines, the
accepting clerk and a QR that says something to the applicant's phone."""

from __future__ import annotations

import pytest

from hallapp.config import DocumentSettings
from hallapp.domain.documents import DocumentNotApplicableError, documents_for
from hallapp.services import case_documents, cases, demo
from hallapp.services.hall import DEMO_ADDRESS, DEMO_PHONE, DEMO_STAFF
from tests.documents.pdf_checks import squeeze

# 企业职工基本养老保险关系转移接续: a 承诺件 (15 working days) with key and non-key required materials.
PROMISED_ITEM = "002011002000"
KEY_MATERIALS = ("居民身份证", "参保缴费凭证")
NON_KEY_MATERIALS = ("基本养老保险关系转移接续申请表", "新参保地参保证明")
OPTIONAL_MATERIAL = "社会保障卡"


def _one(app, plan: str) -> str:
    (number,) = demo.seed_cases(app, 1, plan=plan, item_code=PROMISED_ITEM)
    return number


def _render(app, number: str, kind: str, saved, settings: DocumentSettings | None = None, **options):
    pdf = case_documents.render(app.db, number, kind, settings or app.settings.documents, **options)
    return saved(pdf, f"{kind}-{options.get('size', 'A4')}")


def test_notice_of_a_notified_promised_case_lists_what_is_missing(demo_app, saved):
    number = _one(demo_app, "notice")
    assert cases.show(demo_app.db, number)["promised_date"] is None  # nothing accepted, nothing promised
    text = _render(demo_app, number, "notice", saved).flat_text()
    assert "一次性告知书" in text and number in text and "共2项" in text
    assert all(squeeze(name) in text for name in KEY_MATERIALS)
    assert OPTIONAL_MATERIAL not in text, "an optional material is not 'missing'"
    assert "当场予以受理" in text


def test_notice_of_a_gap_case_lists_the_materials_still_owed_with_their_due_date(demo_app, saved):
    number = _one(demo_app, "gap")
    due = cases.show(demo_app.db, number)["gap_due_date"]
    year, month, day = (int(part) for part in due.split("-"))
    text = _render(demo_app, number, "notice", saved).flat_text()
    assert "一次性告知书" in text and "容缺受理补交材料" in text and "共2项" in text
    assert all(squeeze(name) in text for name in NON_KEY_MATERIALS)
    assert f"请于{year}年{month}月{day}日前" in text and text.count(f"{year}年{month}月{day}日") >= 3
    assert "终止办理" in text
    assert OPTIONAL_MATERIAL not in text and "居民身份证" not in text  # supplied / optional: not owed


@pytest.mark.parametrize(("plan", "state"), [("complete", "accepted"), ("gap", "accepted_with_gap"),
                                             ("notice", "notified")])
def test_every_document_the_rule_allows_renders_and_no_other(plan, state, demo_app, saved):
    number = _one(demo_app, plan)
    allowed = case_documents.available(demo_app.db, number)
    assert allowed == documents_for(state)
    for kind in case_documents.KINDS:
        if kind in allowed:
            assert _render(demo_app, number, kind, saved).pages >= 1
            continue
        with pytest.raises(DocumentNotApplicableError) as refused:
            case_documents.render(demo_app.db, number, kind, demo_app.settings.documents)
        assert refused.value.code == "document.not_applicable" and refused.value.params["kind"] == kind


def test_seeded_receipt_names_the_clerk_the_hall_address_phones_and_has_a_seal_box(demo_app, saved):
    number = _one(demo_app, "complete")
    text = _render(demo_app, number, "receipt", saved).flat_text()
    clerks = [name for _user, name, role in DEMO_STAFF if role == "clerk"]
    assert any(f"受理人{name}" in text for name in clerks), "受理人 is blank"
    assert squeeze(f"大厅地址：{DEMO_ADDRESS}") in text and f"咨询电话：{DEMO_PHONE}" in text
    assert "监督电话：12345政务服务便民热线" in text and "受理专用章" in text


def test_settings_name_the_halls_own_lines_and_the_supervision_phone(demo_app, saved):
    number = _one(demo_app, "complete")
    settings = demo_app.settings.documents.model_copy(update={
        "hall_address": "演示路2号", "hall_phone": "028-07654321", "supervision_phone": "028-09876543"})
    for size in ("A4", "thermal80"):
        text = _render(demo_app, number, "receipt", saved, settings, size=size).flat_text()
        assert "大厅地址：演示路2号" in text and "咨询电话：028-07654321" in text, size
        assert "监督电话：028-09876543" in text and DEMO_PHONE not in text, size
        assert "受理专用章" in text, size


@pytest.mark.parametrize("size", ["A4", "thermal80"])
def test_receipt_qr_without_a_status_address_tells_the_phone_the_case_number_and_whom_to_call(size, demo_app, saved):
    number = _one(demo_app, "complete")
    pdf = _render(demo_app, number, "receipt", saved, size=size)
    assert pdf.qr_text() == (f"跨省通办受理回执\n办件编号：{number}\n受理单位：演示县政务服务中心\n"
                             f"查询电话：{DEMO_PHONE}\n凭办件编号到受理窗口或致电查询办理进度")
    text = pdf.flat_text()
    assert "扫码可查看办件编号和查询电话" in text and "扫码查询办理进度" not in text  # it does not promise a web page


@pytest.mark.parametrize("size", ["A4", "thermal80"])
def test_receipt_qr_with_a_status_address_holds_the_address(size, demo_app, saved):
    number = _one(demo_app, "complete")
    settings = demo_app.settings.documents.model_copy(update={"status_url_template": "https://status.example/kstb/{number}"})
    pdf = _render(demo_app, number, "receipt", saved, settings, size=size)
    assert pdf.qr_text() == f"https://status.example/kstb/{number}"
    assert "扫码查询办理进度" in pdf.flat_text()


def test_a_status_template_without_the_number_is_refused():
    with pytest.raises(ValueError, match="{number}"):
        DocumentSettings(status_url_template="https://status.example/kstb/")
