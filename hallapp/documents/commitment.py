"""容缺受理承诺书: the applicant's signed promise to supply deferred non-key materials by a date."""

from __future__ import annotations

from datetime import date

from reportlab.platypus import Flowable

from hallapp.documents import blocks
from hallapp.documents.fonts import DocumentFonts
from hallapp.documents.model import CaseDocument, MaterialLine
from hallapp.documents.pages import A4_BASE_SIZE, render
from hallapp.documents.styles import Styles, make_styles, para
from hallapp.documents.summary import case_rows
from hallapp.documents.words import FORM_WORDS, cn_date

TITLE = "容缺受理承诺书"


def render_commitment(doc: CaseDocument, fonts: DocumentFonts) -> bytes:
    """The commitment (A4) for the materials whose status is gap; each needs a due date."""
    deferred = doc.materials_with("gap")
    if not deferred:
        raise ValueError("no deferred (gap) material: nothing to commit to")
    for line in deferred:
        _due(line)
    styles = make_styles(fonts.name, A4_BASE_SIZE)
    return render(lambda width: _story(doc, deferred, styles, width), fonts, "A4",
                  title=f"{TITLE} {doc.case_number}", author=doc.hall.name)


def _due(line: MaterialLine) -> date:
    if line.due_date is None:
        raise ValueError(f"a deferred material needs a due date: {line.name}")
    return line.due_date


def promises(doc: CaseDocument, last_due: str) -> list[str]:
    return [
        f"在上表所列期限内（最迟于{last_due}）补齐上述材料，补交的材料真实、完整，与本次申请一致；",
        "已提交的申请材料真实、合法、有效，如有虚假，自愿承担相应的法律责任；",
        "逾期未补齐或者补交的材料不符合要求的，同意终止办理本事项，由此产生的后果由本人承担；",
        f"已知悉容缺受理不等于审批通过，办理结果以{doc.handling_place}依法作出的决定为准。",
    ]


def _story(doc: CaseDocument, deferred: list[MaterialLine], styles: Styles, width: float) -> list[Flowable]:
    rows = [[str(n), line.name, FORM_WORDS[line.form], cn_date(_due(line)), line.how_to_supply]
            for n, line in enumerate(deferred, start=1)]
    last_due = cn_date(max(_due(line) for line in deferred))
    intro = (f"本人申请办理“{doc.item_name}”事项，下列非关键申请材料暂缺。"
             "本人申请容缺受理，并郑重承诺：")
    return [
        *blocks.heading(doc.hall, TITLE, styles),
        blocks.field_grid(case_rows(doc, "受理时间"), styles, width),
        para(intro, styles.heading),
        blocks.data_table(["序号", "暂缺材料", "形式", "补交期限", "补交方式"], rows, (0.09, 0.29, 0.1, 0.18, 0.34),
                          styles, width, centered=(0, 2, 3)),
        *[para(f"{n}. {text}", styles.body) for n, text in enumerate(promises(doc, last_due), start=1)],
        *blocks.contact(doc.hall, styles),
        blocks.signatures(_signers(doc), styles, width),
    ]


def _signers(doc: CaseDocument) -> list[str]:
    signers = ["承诺人（签字并按手印）："]
    if doc.agent_name:
        signers.append("代理人（签字）：")
    return [*signers, "受理人（签字）："]
