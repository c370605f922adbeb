"""受理回执, A4 and 80 mm thermal: what the applicant reads, what a scanner reads, what a printer embeds."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from hallapp.documents import MaterialLine, render_receipt
from hallapp.documents.sample import SAMPLE_ADDRESS, SAMPLE_ID_NUMBER
from tests.documents.pdf_checks import POINTS_PER_MM, squeeze

SIZES = ["A4", "thermal80"]
STATUS_URL = "https://status.example/kstb/q/DEMO510104-20261126-0007"  # a reserved name (RFC 2606): no real host


def _expected_fields(case) -> list[str]:
    return [
        "受理回执", case.hall.name, case.case_number, case.applicant_name, "5101**********004X", case.agent_name,
        case.agent_id_masked, case.item_name, case.handling_place, "2026年12月10日", "2026年11月26日09:35",
        "3号窗口", case.clerk_name, case.hall.phone, SAMPLE_ADDRESS, "邮寄送达", "承诺件",
        *[m.name for m in case.materials], "原件", "复印件", "社会保障卡", "2026年12月3日",
    ]


@pytest.mark.parametrize("size", SIZES)
def test_every_field_is_printed_and_the_id_number_only_masked(size, fonts, case, saved):
    text = saved(render_receipt(case, fonts, size=size), size).flat_text()
    missing = [field for field in _expected_fields(case) if squeeze(field) not in text]
    assert not missing, f"not on the {size} receipt: {missing}"
    assert len(SAMPLE_ADDRESS) == 60
    assert SAMPLE_ID_NUMBER not in text and SAMPLE_ID_NUMBER[:10] not in text


@pytest.mark.parametrize("size", SIZES)
def test_every_font_is_embedded(size, fonts, case, saved):
    rows = saved(render_receipt(case, fonts, size=size), size).fonts()
    assert rows, "no font at all: the Chinese text cannot be there"
    assert [r.name for r in rows if not r.embedded] == []


@pytest.mark.parametrize("size", SIZES)
def test_qr_and_code128_decode_to_the_status_address_and_case_number(size, fonts, case, saved):
    linked = replace(case, status_url=STATUS_URL)
    symbols = saved(render_receipt(linked, fonts, size=size), size).symbols(dpi=300)
    assert symbols == {f"QR-Code:{STATUS_URL}", f"CODE-128:{case.case_number}"}


def test_thermal_receipt_is_80_mm_wide_and_one_long_page(fonts, case, saved):
    pdf = saved(render_receipt(case, fonts, size="thermal80"))
    width, height = pdf.page_size()
    assert width == pytest.approx(80 * POINTS_PER_MM, abs=0.1)
    assert pdf.pages == 1
    assert height > 3 * width  # cut to the content's length, not an A4 page


def test_instant_case_says_done_on_the_spot(fonts, case, saved):
    instant = replace(case, case_type="instant", promised_date=None)
    text = saved(render_receipt(instant, fonts)).flat_text()
    assert "当场办结" in text and "即办件" in text
    assert "2026年12月10日" not in text


def test_markup_characters_in_names_print_literally(fonts, case, saved):
    odd = replace(case, applicant_name="<b>张&三</b>", item_name="A&B <事项> 办理")
    text = saved(render_receipt(odd, fonts)).flat_text()
    assert "<b>张&三</b>" in text and "A&B<事项>办理" in text


def _forty_lines() -> list[MaterialLine]:
    name = "M{:02d}号证明材料（含附件清单、经办单位盖章页及身份证明复印件）"
    return [MaterialLine(name.format(n), "copy", n % 7 + 1) for n in range(1, 41)]


def test_forty_materials_span_pages_with_headers_and_none_lost(fonts, case, saved):
    pdf = saved(render_receipt(replace(case, materials=_forty_lines()), fonts))
    assert pdf.pages >= 2
    text = pdf.flat_text()
    counts = {f"M{n:02d}": text.count(f"M{n:02d}号证明材料") for n in range(1, 41)}
    assert counts == {key: 1 for key in counts}, "a material line is lost or printed twice"
    for page in range(1, pdf.pages + 1):
        page_text = pdf.flat_text(page)
        assert f"第{page}页共{pdf.pages}页" in page_text
    material_pages = [p for p in range(1, pdf.pages + 1) if "号证明材料" in pdf.flat_text(p)]
    assert len(material_pages) >= 2
    assert all("材料名称" in pdf.flat_text(p) for p in material_pages), "the table header does not repeat"


def test_forty_materials_on_thermal_stay_on_one_roll(fonts, case, saved):
    pdf = saved(render_receipt(replace(case, materials=_forty_lines()), fonts, size="thermal80"))
    assert pdf.pages == 1
    text = pdf.flat_text()
    assert all(text.count(f"M{n:02d}号证明材料") == 1 for n in range(1, 41))


def test_one_page_receipt_has_no_page_number(fonts, case, saved):
    pdf = saved(render_receipt(case, fonts))
    assert pdf.pages == 1
    assert "第1页" not in pdf.flat_text()


def test_deferred_material_shows_its_due_date(fonts, case, saved):
    gap = MaterialLine("不动产权证书", "original", 2, "gap", "送至窗口", date(2026, 12, 8))
    text = saved(render_receipt(replace(case, materials=[*case.materials, gap]), fonts)).flat_text()
    assert "不动产权证书2026年12月8日" in text


def test_a4_receipt_has_a_seal_box_beside_the_signatures_and_every_contact_line(fonts, case, saved):
    hall = replace(case.hall, supervision_phone="0579-12345678")
    pdf = saved(render_receipt(replace(case, hall=hall), fonts))
    text = pdf.flat_text()
    assert squeeze(f"大厅地址：{case.hall.address}") in text and f"咨询电话：{case.hall.phone}" in text
    assert "监督电话：0579-12345678（也可拨打12345政务服务便民热线）" in text
    words = pdf.words()
    seal = next(w for w in words if "受理专用章" in w.text)
    signers = [w for w in words if w.text.startswith(("申请人（签字）", "受理人（签字）", "日期"))]
    assert len(signers) >= 4 and all(w.page == seal.page for w in signers)
    assert seal.x_min > max(w.x_max for w in signers), "the seal box overlaps the signature lines"
    assert seal.y_max > max(w.y_max for w in signers) - 5  # at the foot of the signatures, not above the notes


def test_forty_materials_keep_notes_signatures_and_seal_together(fonts, case, saved):
    pdf = saved(render_receipt(replace(case, materials=_forty_lines()), fonts))
    last = pdf.flat_text(pdf.pages)
    assert all(words in last for words in ("请妥善保管本回执", "申请人（签字）", "受理人（签字）", "受理专用章"))


@pytest.mark.parametrize("size", SIZES)
def test_without_a_status_address_the_qr_says_what_it_holds(size, fonts, case, saved):
    pdf = saved(render_receipt(case, fonts, size=size), size)
    assert pdf.qr_text() == (f"跨省通办受理回执\n办件编号：{case.case_number}\n受理单位：{case.hall.name}\n"
                             f"查询电话：{case.hall.phone}\n凭办件编号到受理窗口或致电查询办理进度")
    text = pdf.flat_text()
    assert "扫码可查看办件编号和查询电话" in text and "扫码查询办理进度" not in text
    assert "可凭办件编号到本窗口或拨打咨询电话查询办理进度" in text


def test_without_a_phone_the_qr_and_the_words_do_not_mention_one(fonts, case, saved):
    bare = replace(case, hall=replace(case.hall, phone=""))
    pdf = saved(render_receipt(bare, fonts))
    assert "电话" not in pdf.qr_text().replace("致电", "")
    text = pdf.flat_text()
    assert "扫码可查看办件编号" in text and "咨询电话" not in text


@pytest.mark.parametrize("size", SIZES)
def test_with_a_status_address_the_words_say_scan_for_progress(size, fonts, case, saved):
    text = saved(render_receipt(replace(case, status_url=STATUS_URL), fonts, size=size), size).flat_text()
    assert "扫码查询办理进度" in text and "扫码可查看" not in text
