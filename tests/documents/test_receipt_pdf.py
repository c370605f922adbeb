"""受理回执, A4 and 80 mm thermal: what the applicant reads, what a scanner reads, what a printer embeds."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from hallapp.documents import MaterialLine, render_receipt
from hallapp.documents.sample import SAMPLE_ADDRESS, SAMPLE_ID_NUMBER
from tests.documents.pdf_checks import POINTS_PER_MM, squeeze

SIZES = ["A4", "thermal80"]


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
    symbols = saved(render_receipt(case, fonts, size=size), size).symbols(dpi=300)
    assert symbols == {f"QR-Code:{case.status_url}", f"CODE-128:{case.case_number}"}


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
