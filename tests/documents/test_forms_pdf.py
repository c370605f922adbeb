"""一次性告知书, 容缺受理承诺书 and 服务同意书: the fields and wording the applicant signs or keeps."""

from __future__ import annotations

from dataclasses import replace

import pytest

from hallapp.documents import MaterialLine, render_commitment, render_consent, render_notice
from hallapp.documents.sample import (
    DEFERRED,
    LACKING,
    RECEIVED,
    SAMPLE_ADDRESS,
    SAMPLE_ID_NUMBER,
    sample_case,
    sample_notice_case,
)
from tests.documents.pdf_checks import squeeze


def _common(case) -> list[str]:
    return [case.hall.name, case.case_number, case.applicant_name, "5101**********004X", case.item_name,
            case.handling_place, case.hall.phone]


def _assert_printed(text: str, fields: list[str]) -> None:
    missing = [field for field in fields if squeeze(field) not in text]
    assert not missing, f"not printed: {missing}"
    assert SAMPLE_ID_NUMBER not in text


def test_notice_lists_each_lacking_material_with_how_to_supply_it(fonts, saved):
    case = sample_notice_case()
    text = saved(render_notice(case, fonts)).flat_text()
    _assert_printed(text, [*_common(case), "一次性告知书", "共2项", "行政复议"])
    for line in LACKING:
        assert squeeze(line.name) in text and squeeze(line.how_to_supply) in text
    assert "缺少" in text and "需补正" in text
    assert all(line.name not in text for line in RECEIVED), "a received material is listed as lacking"


def test_notice_with_nothing_lacking_is_refused(fonts, case):
    with pytest.raises(ValueError, match="nothing to tell"):
        render_notice(replace(case, materials=RECEIVED), fonts)


def test_notice_of_a_gap_case_lists_what_is_still_owed_and_by_when(fonts, case, saved):
    text = saved(render_notice(case, fonts)).flat_text()  # the sample case is accepted with one deferred material
    _assert_printed(text, [*_common(case), "一次性告知书", "容缺受理补交材料", "已按容缺受理方式受理", "共1项",
                           DEFERRED[0].name, DEFERRED[0].how_to_supply, "补交期限", "请于2026年12月3日前", "终止办理"])
    assert "缺少" not in text and "需补正" not in text and "当场予以受理" not in text
    assert all(line.name not in text for line in RECEIVED), "a received material is listed as owed"


def test_gap_notice_needs_a_due_date(fonts, case):
    undated = MaterialLine("社会保障卡", "copy", 1, "gap")
    with pytest.raises(ValueError, match="due date"):
        render_notice(replace(case, materials=[*RECEIVED, undated]), fonts)


def test_commitment_lists_the_deferred_material_its_date_and_the_promise(fonts, case, saved):
    text = saved(render_commitment(case, fonts)).flat_text()
    _assert_printed(text, [*_common(case), "容缺受理承诺书", DEFERRED[0].name, DEFERRED[0].how_to_supply,
                           "最迟于2026年12月3日", "郑重承诺", "承诺人（签字并按手印）", "代理人（签字）", "日期"])
    assert all(line.name not in text for line in RECEIVED), "a received material is listed as deferred"


def test_commitment_needs_a_due_date(fonts, case):
    undated = MaterialLine("社会保障卡", "copy", 1, "gap")
    with pytest.raises(ValueError, match="due date"):
        render_commitment(replace(case, materials=[*RECEIVED, undated]), fonts)


def test_consent_says_what_the_window_does_and_asks_for_data_consent(fonts, case, saved):
    text = saved(render_consent(case, fonts)).flat_text()
    _assert_printed(text, [*_common(case), "服务同意书", "异地代收代办", "形式审查", "全国一体化政务服务平台",
                           "快递", "个人信息", "个人信息保护法", SAMPLE_ADDRESS, "申请人（签字）"])


FORMS = {"notice": (render_notice, sample_notice_case), "commitment": (render_commitment, sample_case),
         "consent": (render_consent, sample_case)}


@pytest.mark.parametrize("form", FORMS)
def test_forms_embed_every_font(form, fonts, saved):
    render, make_case = FORMS[form]
    rows = saved(render(make_case(), fonts), form).fonts()
    assert rows and all(r.embedded for r in rows), rows
