"""Nothing is cut off: with the longest names the catalog allows, every word stays inside the page margins."""

from __future__ import annotations

from dataclasses import replace

import pytest

from hallapp.documents import MaterialLine, render_commitment, render_consent, render_notice, render_receipt
from hallapp.documents.sample import SAMPLE_ADDRESS
from tests.documents.pdf_checks import POINTS_PER_MM

LONG_ITEM = "企业职工基本养老保险关系转移接续" * 7  # 112 characters, near the catalog's 120
LONG_PLACE = "四川省成都市锦江区人力资源和社会保障局社会保险事业管理局养老保险关系转移接续业务科（第二办公区）"
LONG_MATERIAL = "经公证的居民户口簿全部页面复印件及户籍所在地派出所出具的亲属关系证明和近三年连续缴费记录" * 2
MARGIN_MM = {"A4": 20, "thermal80": 4}  # left and right margins the builders use
TOLERANCE = 1.0  # points


def _long_case(case):
    materials = [*case.materials, MaterialLine(LONG_MATERIAL, "copy", 12),
                 MaterialLine(LONG_MATERIAL + "（补）", "original", 1, "gap", LONG_MATERIAL, case.materials[-1].due_date),
                 MaterialLine("WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW", "copy", 1),
                 MaterialLine(LONG_MATERIAL + "（缺）", "copy", 1, "missing", LONG_MATERIAL)]
    return replace(case, item_name=LONG_ITEM, handling_place=LONG_PLACE, materials=materials)


RENDERS = {
    "receipt-A4": (lambda c, f: render_receipt(c, f), "A4"),
    "receipt-thermal": (lambda c, f: render_receipt(c, f, size="thermal80"), "thermal80"),
    "notice": (render_notice, "A4"),
    # 容缺: nothing missing or incorrect, the deferred lines are what the notice tells.
    "notice-gap": (lambda c, f: render_notice(replace(c, materials=[m for m in c.materials if m.status in ("captured", "gap")]),
                                              f), "A4"),
    "commitment": (render_commitment, "A4"),
    "consent": (render_consent, "A4"),
}


@pytest.mark.parametrize("name", RENDERS)
def test_every_word_stays_inside_the_margins(name, fonts, case, saved):
    render, paper = RENDERS[name]
    pdf = saved(render(_long_case(case), fonts), name)
    words = pdf.words()
    assert words
    margin = MARGIN_MM[paper] * POINTS_PER_MM - TOLERANCE
    outside = [w.text for w in words if w.x_min < margin or w.x_max > w.page_width - margin
               or w.y_min < 0 or w.y_max > w.page_height]
    assert not outside, f"beyond the margins: {outside[:5]}"


@pytest.mark.parametrize("name", ["receipt-A4", "receipt-thermal"])
def test_long_values_are_wrapped_not_dropped(name, fonts, case, saved):
    render, _paper = RENDERS[name]
    text = saved(render(_long_case(case), fonts), name).flat_text()
    for value in (LONG_ITEM, LONG_PLACE, LONG_MATERIAL, SAMPLE_ADDRESS, "W" * 82):
        assert value in text, value[:20]


LABELS = {
    "receipt-A4": ["承诺办结日期", "申请人（签字）：", "受理人（签字）：", "序号"],
    "receipt-thermal": ["承诺办结日期", "申请人签字：", "受理时间"],
    "notice": ["申请人（签收）：", "告知人（签字）：", "补齐、补正要求"],
    "notice-gap": ["申请人（签收）：", "告知人（签字）：", "补交期限", "补交方式"],
    "commitment": ["承诺人（签字并按手印）：", "代理人（签字）：", "受理人（签字）："],
    "consent": ["申请人（签字）：", "收件窗口经办人："],
}


@pytest.mark.parametrize("name", RENDERS)
def test_labels_stay_on_one_line(name, fonts, case, saved):
    """A label broken over two lines shows up as two words in pdftotext -bbox."""
    render, _paper = RENDERS[name]
    words = {w.text for w in saved(render(_long_case(case), fonts), name).words()}
    broken = [label for label in LABELS[name] if label not in words]
    assert not broken, f"wrapped labels: {broken}"


@pytest.mark.parametrize("name", RENDERS)
def test_no_line_starts_with_closing_punctuation(name, fonts, case, saved):
    """Chinese typesetting (GB/T 15834): ，。；：？！） never open a line; they stay at the end of the previous one."""
    render, _paper = RENDERS[name]
    lines = saved(render(_long_case(case), fonts), name).text().splitlines()
    bad = [line for line in lines if line[:1] and line[0] in "，。、；：？！）》”"]
    assert not bad, bad[:3]
